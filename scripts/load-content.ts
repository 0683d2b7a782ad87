import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { buildItems } from "@/lib/content/pipeline";
import { publishDocument, type PublishResult } from "@/lib/db/content";

export const CONTENT_DIR = path.join(process.cwd(), "content");

/**
 * Builds every Markdown or text document in content/ into the database (parse → extract → generate → store) and
 * prints what changed per document. Idempotent: a second run reports everything unchanged.
 */
export async function loadContentDirectory(dir = CONTENT_DIR): Promise<PublishResult[]> {
  const files = (await readdir(dir)).filter((name) => /\.(md|txt)$/.test(name)).sort();
  const results: PublishResult[] = [];
  for (const name of files) {
    const body = await readFile(path.join(dir, name), "utf8");
    const slug = name.replace(/\.(md|txt)$/, "");
    const { doc, items } = buildItems(body);
    const result = await publishDocument(
      {
        slug,
        title: doc.title ?? slug,
        source: doc.frontMatter.source,
        textDate: doc.frontMatter.date,
        body,
      },
      items,
    );
    console.log(
      `content: ${slug}: document ${result.document}; items ${result.added} added, ${result.updated} updated, ` +
        `${result.retired} retired, ${result.unchanged} unchanged`,
    );
    results.push(result);
  }
  return results;
}
