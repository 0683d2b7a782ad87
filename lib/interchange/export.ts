import type { GeneratedItem } from "@/lib/content/types";
import { writeApkg } from "./apkg-write";
import { itemsCsv } from "./csv";

export type ExportFormat = "csv" | "apkg";

/** A file to download. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

/**
 * A deck or a selection of items as a download: CSV (front, back, alternatives, topic, kind, source) or an Anki
 * package. The item browser's "Export" calls this with the items of lib/db/interchange.ts itemsForExport.
 * @example exportFile("apkg", "NATO Mission Iraq", load.items, new Date()) // { filename: "NATO_Mission_Iraq.apkg", … }
 */
export function exportFile(
  format: ExportFormat,
  title: string,
  items: readonly { id: string; item: GeneratedItem; sourceText: string }[],
  now: Date,
): ExportFile {
  const base =
    title
      .replace(/[^\p{L}\p{N}._-]+/gu, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 80) || "deck";
  if (format === "csv")
    return {
      filename: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      // A BOM, so spreadsheet programs read the file as UTF-8.
      body: new TextEncoder().encode(`\uFEFF${itemsCsv(items)}`),
    };
  return { filename: `${base}.apkg`, contentType: "application/octet-stream", body: writeApkg({ title, items, now }) };
}

/** The response that downloads an export file. */
export function downloadResponse(file: ExportFile): Response {
  // The ASCII name for old clients, the UTF-8 one (RFC 6266) for the rest.
  const ascii = file.filename.replace(/[^\w.-]/g, "_");
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "no-store",
    },
  });
}
