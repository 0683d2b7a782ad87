import type { NextRequest } from "next/server";
import { can } from "@/lib/auth/can";
import { getRequestUser } from "@/lib/auth/session";
import { DOCUMENT_LIMITS } from "@/lib/documents/limits";
import { BUSY_MESSAGE, readForUser } from "@/lib/generation/pool";
import { isCrossSite, jsonError } from "@/lib/http";
import { DOCUMENT_MAX_BYTES } from "@/lib/validations/document";

// The multipart envelope around the file (boundaries, headers, the file name) is small; anything beyond this much
// over the file limit is not one file of an allowed size.
const ENVELOPE_BYTES = 64 * 1024;
const FILE_FIELD = "file";

/**
 * POST /api/documents/read: turns one uploaded file (multipart field `file`: PDF, Word .docx, HTML, Markdown or text)
 * into Markdown for the upload form, which shows it and previews its items like pasted text. Nothing is stored.
 * A route rather than a server action: a file may be 10 MB, five times what actions accept, and this length check
 * happens before the body is read. 400 no file, 401 not signed in, 403 other site, 404 not an instructor, 411 no
 * length, 413 too large, 422 a file it cannot read (the message says why and what to do), 429 one at a time.
 */
export async function POST(request: NextRequest) {
  if (isCrossSite(request)) return jsonError(403, "cross_site", "Requests from other sites are refused.");
  const user = await getRequestUser(request);
  if (!user) return jsonError(401, "unauthenticated", "Sign in first.");
  if (!can(user, "upload-document")) return jsonError(404, "not_found", "Not found.");
  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared))
    return jsonError(411, "length_required", "Send the file with its length.");
  const tooLarge = `The file is larger than ${DOCUMENT_LIMITS.bytes / 1024 / 1024} MB. Split it, or save it without pictures.`;
  if (Number(declared) > DOCUMENT_LIMITS.bytes + ENVELOPE_BYTES) return jsonError(413, "too_large", tooLarge);
  const form = await request.formData().catch(() => null);
  const file = form?.get(FILE_FIELD);
  if (!form || !(file instanceof File) || form.getAll(FILE_FIELD).length !== 1)
    return jsonError(400, "invalid", "Choose one file to upload.");
  const run = await readForUser(user.id, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    filename: file.name.slice(0, 255),
    mimeType: file.type || undefined,
    // The pipeline takes at most this much text: one limit, one message.
    maxCharacters: DOCUMENT_MAX_BYTES,
  });
  if (!run.ok) return jsonError(429, "busy", BUSY_MESSAGE);
  const read = run.result;
  if (!read.ok) return jsonError(read.reason === "too-large" ? 413 : 422, read.reason, read.message);
  return Response.json(
    {
      format: read.format,
      markdown: read.markdown,
      title: read.title ?? null,
      warnings: read.warnings,
      pages: read.pages ?? null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
