import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from "fflate";
import { DocumentError } from "./types";

/** One entry of a zip archive's central directory, as the archive declares it. */
export interface ZipEntry {
  name: string;
  /** Compressed size. */
  size: number;
  /** Declared uncompressed size: a zip bomb can lie about it, so inflateEntries counts the real bytes too. */
  originalSize: number;
  /** 0 = stored, 8 = deflate; anything else is refused. */
  compression: number;
}

/**
 * Reads a zip archive's central directory without inflating anything.
 * Throws DocumentError("corrupt") when there is no readable directory.
 *
 * @example
 * listZipEntries(zipSync({ "a.txt": strToU8("hi") })) // [{ name: "a.txt", originalSize: 2, … }]
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    // The filter sees each central-directory record; returning false means fflate inflates nothing.
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({
          name: file.name,
          size: file.size,
          originalSize: file.originalSize,
          compression: file.compression,
        });
        return false;
      },
    });
  } catch {
    throw new DocumentError("corrupt");
  }
  return entries;
}

export interface InflateLimits {
  /** Most bytes all kept entries may inflate to together. */
  totalBytes: number;
}

// Small input chunks bound how far one push can overshoot the cap: deflate expands at most ~1032:1, so a 16 KiB
// chunk yields at most ~16 MiB before the count is checked again.
const CHUNK = 16 * 1024;

/**
 * Inflates the entries `keep` selects, counting the bytes actually produced (not the sizes the archive declares)
 * and stopping as soon as the total passes `limits.totalBytes`. Entries not kept are skipped without inflating.
 * Throws DocumentError("too-large-inflated") past the cap and DocumentError("corrupt") on a broken archive.
 *
 * @example
 * const files = inflateEntries(docxBytes, (name) => name.endsWith(".xml"), { totalBytes: 50 * 1024 * 1024 })
 * files.get("word/document.xml") // Uint8Array
 */
export function inflateEntries(
  bytes: Uint8Array,
  keep: (name: string) => boolean,
  limits: InflateLimits,
): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  let overflow = false;
  let failure: unknown;
  const unzip = new Unzip((file) => {
    if (!keep(file.name) || overflow) return;
    if (file.compression !== 0 && file.compression !== 8) {
      failure = new DocumentError("corrupt");
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (error) {
        failure ??= error;
        return;
      }
      if (overflow) return;
      size += chunk.length;
      total += chunk.length;
      if (total > limits.totalBytes) {
        overflow = true;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let offset = 0; offset < bytes.length && !overflow && !failure; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    failure ??= error;
  }
  if (overflow) throw new DocumentError("too-large-inflated");
  if (failure) throw failure instanceof DocumentError ? failure : new DocumentError("corrupt");
  return files;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
