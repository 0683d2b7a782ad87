import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { buildItems } from "@/lib/content/pipeline";
import { InvalidDocumentError, publishDocument, type PublishResult } from "@/lib/db/content";

export const CONTENT_DIR = path.join(process.cwd(), "content");

/** Some documents in content/ were refused (their metadata failed validation); the others were built. */
export class ContentRefusedError extends Error {
  constructor(readonly refused: { file: string; message: string }[]) {
    super(`content: ${refused.map((r) => `${r.file}: ${r.message}`).join("; ")}`);
    this.name = "ContentRefusedError";
  }
}

/**
 * Builds every Markdown or text document in content/ into the database (parse → extract → generate → store) and
 * prints what changed per document. Idempotent: a second run reports everything unchanged. A document whose title,
 * source or date fails DocumentMetadataSchema is reported and left out (nothing of it is written); the others are
 * built, then ContentRefusedError lists the refused ones.
 * @example await loadContentDirectory() // content: nato-mission-iraq: document added; items 52 added, …
 */
export async function loadContentDirectory(dir = CONTENT_DIR): Promise<PublishResult[]> {
  const files = (await readdir(dir)).filter((name) => /\.(md|txt)$/.test(name)).sort();
  const results: PublishResult[] = [];
  const refused: { file: string; message: string }[] = [];
  for (const name of files) {
    const body = await readFile(path.join(dir, name), "utf8");
    const slug = name.replace(/\.(md|txt)$/, "");
    const { doc, items } = buildItems(body);
    let result: PublishResult;
    try {
      result = await publishDocument(
        {
          slug,
          title: doc.title ?? slug,
          source: doc.frontMatter.source,
          textDate: doc.frontMatter.date,
          body,
        },
        items,
      );
    } catch (error) {
      if (!(error instanceof InvalidDocumentError)) throw error;
      console.error(`content: ${name}: ${error.message} Nothing of it was written.`);
      refused.push({ file: name, message: error.message });
      continue;
    }
    console.log(
      `content: ${slug}: document ${result.document}; items ${result.added} added, ${result.updated} updated, ` +
        `${result.retired} retired, ${result.unchanged} unchanged`,
    );
    results.push(result);
  }
  if (refused.length > 0) throw new ContentRefusedError(refused);
  return results;
}
