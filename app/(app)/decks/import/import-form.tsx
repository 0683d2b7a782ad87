"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { KIND_LABELS } from "@/lib/content/labels";
import type { ItemKind } from "@/lib/content/types";
import type { PreviewBody } from "@/lib/interchange/preview";

type Answer = (PreviewBody & { error?: { message: string } }) | { error: { message: string }; deckId?: undefined };

const ACCEPT = ".csv,.tsv,.txt,.apkg,text/csv,text/tab-separated-values,text/plain,application/zip";

export function ImportForm({ maxFileBytes, maxRows }: { maxFileBytes: number; maxRows: number }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [preview, setPreview] = useState<PreviewBody | null>(null);
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  function send(intent: "preview" | "create") {
    if (!file) {
      setError("Choose a file to import.");
      return;
    }
    if (file.size > maxFileBytes) {
      setError(`The file is larger than ${maxFileBytes / 1024 / 1024} MB. Split the deck into smaller files.`);
      return;
    }
    startTransition(async () => {
      const body = new FormData();
      body.set("file", file);
      body.set("title", title);
      body.set("intent", intent);
      const response = await fetch("/api/imports", { method: "POST", body }).catch(() => null);
      const answer = (await response?.json().catch(() => null)) as (Answer & { deckId?: string }) | null;
      if (!response || !answer) {
        setError("The file could not be sent. Check your connection and try again.");
        return;
      }
      if (answer.deckId) {
        router.push(`/decks/${answer.deckId}`);
        return;
      }
      setError(answer.error?.message ?? "");
      if ("items" in answer) {
        setPreview(answer);
        if (!title) setTitle(answer.title);
      } else setPreview(null);
    });
  }

  return (
    <div className="upload" aria-busy={pending}>
      <form
        className="form form--wide"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send("preview");
        }}
      >
        <div className="field">
          <label htmlFor="import-file">File</label>
          <input
            id="import-file"
            type="file"
            accept={ACCEPT}
            aria-describedby="import-file-help"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
              setError("");
            }}
          />
          <span id="import-file-help" className="muted">
            CSV, TSV or Anki package (.apkg), up to {maxFileBytes / 1024 / 1024} MB and {maxRows.toLocaleString("en")}{" "}
            rows.
          </span>
        </div>
        <div className="field">
          <label htmlFor="import-title">Deck title</label>
          <input
            id="import-title"
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            aria-describedby="import-error"
          />
        </div>
        <p id="import-error" className="form-error" aria-live="polite" data-testid="import-error">
          {error}
        </p>
        <div className="actions-row">
          <button className="button" type="submit" disabled={pending}>
            Preview
          </button>
        </div>
      </form>
      {preview ? (
        <section aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading">
            Preview: {preview.items.length} {preview.items.length === 1 ? "item" : "items"}
          </h2>
          {preview.warnings.map((warning) => (
            <p key={warning} className="notice">
              {warning}
            </p>
          ))}
          {preview.errorCount > 0 ? (
            <div className="notice" data-testid="import-row-errors">
              <p>
                {preview.errorCount === 1 ? "1 row" : `${preview.errorCount} rows`} cannot be imported. Fix{" "}
                {preview.errorCount === 1 ? "it" : "them"} in the file and preview it again; nothing is created until
                every row is right.
              </p>
              <ul>
                {preview.errors.map((e) => (
                  <li key={`${e.row}-${e.message}`}>{e.message}</li>
                ))}
              </ul>
              {preview.errorCount > preview.errors.length ? (
                <p>…and {preview.errorCount - preview.errors.length} more.</p>
              ) : null}
            </div>
          ) : (
            <button className="button" type="button" onClick={() => send("create")} disabled={pending}>
              Create the deck
            </button>
          )}
          <ol className="item-list" data-testid="import-items">
            {preview.items.map((item, i) => (
              <li key={i} className="card item-card">
                <span className="badge">
                  {KIND_LABELS[item.kind as ItemKind] ?? item.kind} · {item.topic}
                </span>
                <p className="item-prompt">{item.prompt}</p>
                <p className="muted">
                  Answer: {item.answer}
                  {item.accepted.length > 0 ? ` (also: ${item.accepted.join("; ")})` : ""}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
