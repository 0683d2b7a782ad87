"use client";

import { useState, useTransition } from "react";
import { KIND_LABELS, TOPIC_LABELS } from "@/lib/content/labels";
import { previewDocumentAction, publishDocumentAction, type PreviewItem, type ReuploadPreview } from "./actions";
import { ReuploadSummary, CHANGE_LABELS } from "./reupload-summary";

/** What POST /api/documents/read answers for a file it read. */
type ReadFile = { format: string; markdown: string; title: string | null; warnings: string[]; pages: number | null };

const PROGRESS = {
  read: { label: "Reading the file", text: "Reading the file…" },
  preview: { label: "Generating items", text: "Generating items…" },
  publish: { label: "Saving", text: "Saving the deck as a draft…" },
} as const;

const FORMAT_NAMES: Record<string, string> = {
  pdf: "PDF",
  docx: "Word document",
  html: "web page",
  markdown: "Markdown",
  text: "text",
};

/** The file formats the upload reads (lib/documents); the server decides by content, this only filters the picker. */
const ACCEPT = [
  ".md,.markdown,.txt,.pdf,.docx,.html,.htm",
  "text/markdown,text/plain,text/html,application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
].join(",");

/** A new deck, or with `deck` a changed version of the instructor's own deck (re-upload). */
export function UploadForm({
  maxBytes,
  maxFileBytes,
  deck,
}: {
  maxBytes: number;
  maxFileBytes: number;
  deck?: { id: string; title: string };
}) {
  const [text, setText] = useState("");
  const [title, setTitle] = useState(deck?.title ?? "");
  const [reupload, setReupload] = useState<ReuploadPreview | null>(null);
  const [items, setItems] = useState<PreviewItem[] | null>(null);
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const [working, setWorking] = useState<"read" | "preview" | "publish" | null>(null);
  const [readFrom, setReadFrom] = useState<{ name: string; read: ReadFile } | null>(null);

  /** Sends the file to be read (PDF, Word, HTML, Markdown, text) and puts the text read into the text box. */
  function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setItems(null);
    setReadFrom(null);
    if (file.size > maxFileBytes) {
      setError(`The file is larger than ${maxFileBytes / 1024 / 1024} MB. Split it, or save it without pictures.`);
      return;
    }
    setError("");
    setWorking("read");
    startTransition(async () => {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/api/documents/read", { method: "POST", body }).catch(() => null);
      setWorking(null);
      const answer = (await response?.json().catch(() => null)) as
        (ReadFile & { error?: undefined }) | { error: { message: string } } | null;
      if (!response || !answer) {
        setError("The file could not be sent. Check your connection and try again.");
        return;
      }
      if (answer.error) {
        setError(answer.error.message);
        return;
      }
      setText(answer.markdown);
      setReadFrom({ name: file.name, read: answer });
      if (!title && answer.title) setTitle(answer.title);
    });
  }

  function preview(event: React.FormEvent) {
    event.preventDefault();
    setWorking("preview");
    startTransition(async () => {
      const result = await previewDocumentAction({ text, deckId: deck?.id });
      setWorking(null);
      if (!result.ok) {
        setError(result.message);
        setItems(null);
        return;
      }
      setError("");
      setItems(result.items);
      setReupload(result.reupload ?? null);
      // Items flagged for review start unticked: they are published only if the instructor keeps them. So do those the
      // instructor left out of the previous version.
      const leftOut = new Set(result.reupload?.excludedKeys ?? []);
      setRemoved(new Set(result.items.filter((item) => item.review || leftOut.has(item.key)).map((item) => item.key)));
      if (!title) setTitle(result.title);
    });
  }

  function publish() {
    setWorking("publish");
    startTransition(async () => {
      // On success the action redirects to the new deck; it only returns when something is wrong.
      const result = await publishDocumentAction({ text, title, excludedKeys: [...removed], deckId: deck?.id });
      setWorking(null);
      if (result && !result.ok) setError(result.message);
    });
  }

  const reviewCount = items?.filter((item) => item.review).length ?? 0;

  function toggle(key: string) {
    setRemoved((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  return (
    <div className="upload" aria-busy={pending}>
      <form className="form form--wide" onSubmit={preview} noValidate>
        <div className="field">
          <label htmlFor="document-file">Upload a file</label>
          <input
            id="document-file"
            type="file"
            accept={ACCEPT}
            onChange={onFile}
            aria-describedby="document-file-help"
          />
          <span id="document-file-help" className="muted">
            PDF, Word (.docx), a saved web page (.html), Markdown or text; up to {maxFileBytes / 1024 / 1024} MB and{" "}
            {maxBytes / 1024} KB of text.
          </span>
        </div>
        {readFrom ? (
          <div className="notice" role="status" data-testid="read-from">
            <p>
              Read {readFrom.name} ({FORMAT_NAMES[readFrom.read.format] ?? readFrom.read.format}
              {readFrom.read.pages ? `, ${readFrom.read.pages} ${readFrom.read.pages === 1 ? "page" : "pages"}` : ""}
              ). The text below is what was read: check it, edit it if needed, then generate the items.
            </p>
            {readFrom.read.warnings.length > 0 ? (
              <ul>
                {readFrom.read.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="document-text">Document text</label>
          <textarea
            id="document-text"
            rows={14}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setItems(null);
            }}
            aria-describedby="upload-error"
          />
        </div>
        <p id="upload-error" className="form-error" aria-live="polite" data-testid="form-error">
          {error}
        </p>
        <div>
          <button className="button" type="submit" disabled={pending}>
            Generate items
          </button>
        </div>
        {pending ? (
          <div role="status" className="progress-row">
            <progress aria-label={PROGRESS[working ?? "preview"].label} />
            <span>{PROGRESS[working ?? "preview"].text}</span>
          </div>
        ) : null}
      </form>

      {items ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">
            Preview: {items.length - removed.size} of {items.length} items kept
          </h2>
          {reviewCount > 0 ? (
            <p className="notice" data-testid="review-summary">
              {reviewCount === 1 ? "1 item needs" : `${reviewCount} items need`} your review: generated with low
              confidence, {reviewCount === 1 ? "it is" : "they are"} not kept unless you tick{" "}
              {reviewCount === 1 ? "it" : "them"}.
            </p>
          ) : null}
          {reupload ? <ReuploadSummary items={items} removed={removed} reupload={reupload} /> : null}
          <div className="field form">
            <label htmlFor="deck-title">Deck title</label>
            <input
              id="deck-title"
              type="text"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <ol className="item-list">
            {items.map((item) => (
              <li key={item.key} className={`card item-card${removed.has(item.key) ? " item-card--removed" : ""}`}>
                <span className="badge">
                  {KIND_LABELS[item.kind]} · {TOPIC_LABELS[item.topic]}
                  {item.review ? " · Needs review" : ""}
                  {item.change && item.change !== "unchanged" ? ` · ${CHANGE_LABELS[item.change]}` : ""}
                </span>
                {item.review ? <p className="notice">Needs review: {item.review}.</p> : null}
                <p className="item-prompt">{item.prompt}</p>
                <p className="muted">Answer: {item.answer}</p>
                <p className="muted">Source: {item.source}</p>
                <label>
                  <input type="checkbox" checked={!removed.has(item.key)} onChange={() => toggle(item.key)} />{" "}
                  {item.review ? "Keep (needs review)" : "Keep"} <span className="visually-hidden">{item.prompt}</span>
                </label>
              </li>
            ))}
          </ol>
          <button className="button" type="button" onClick={publish} disabled={pending}>
            {deck ? "Publish the new version" : "Save as draft"}
          </button>
          <p className="muted">
            {deck
              ? "The deck keeps its status and who sees it; learners keep their progress on the items that stay."
              : "Only you see a draft; publish it from its page to the library or to your classes."}
          </p>
        </section>
      ) : null}
    </div>
  );
}
