import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { saveDocument } from "@/lib/db/documents";

const CONTENT_DIR = path.join(process.cwd(), "content");

/** Reads `key: value` lines between leading `---` fences. */
function readFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const pair = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (pair) meta[pair[1]!] = pair[2]!.replace(/^["']|["']$/g, "");
  }
  return { meta, body: text.slice(match[0].length) };
}

/** Stores every Markdown or text document in content/ and prints what changed. */
export async function loadContentDirectory(dir = CONTENT_DIR) {
  const files = (await readdir(dir)).filter((name) => /\.(md|txt)$/.test(name)).sort();
  for (const name of files) {
    const text = await readFile(path.join(dir, name), "utf8");
    const { meta } = readFrontMatter(text);
    const slug = name.replace(/\.(md|txt)$/, "");
    const outcome = await saveDocument({
      slug,
      title: meta.title ?? slug,
      source: meta.source,
      textDate: meta.date,
      body: text,
    });
    console.log(`content: ${slug} ${outcome}`);
  }
}
