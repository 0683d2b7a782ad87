"use client";

import { useState, useTransition } from "react";
import { KIND_LABELS, TOPIC_LABELS } from "@/lib/content/labels";
import { previewDocumentAction, publishDocumentAction, type PreviewItem } from "./actions";

export function UploadForm({ maxBytes }: { maxBytes: number }) {
  const [text, setText] = useState("");
  const [title, setTitle] = useState("");
  const [items, setItems] = useState<PreviewItem[] | null>(null);
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const [working, setWorking] = useState<"preview" | "publish" | null>(null);

  async function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setItems(null);
    if (!/\.(md|markdown|txt)$/i.test(file.name)) {
      setError("Choose a Markdown or text file (.md, .txt).");
      return;
    }
    if (file.size > maxBytes) {
      setError(`The document is larger than ${maxBytes / 1024} KB. Split it into smaller documents.`);
      return;
    }
    setError("");
    setText(await file.text());
  }

  function preview(event: React.FormEvent) {
    event.preventDefault();
    setWorking("preview");
    startTransition(async () => {
      const result = await previewDocumentAction({ text });
      setWorking(null);
      if (!result.ok) {
        setError(result.message);
        setItems(null);
        return;
      }
      setError("");
      setItems(result.items);
      // Items flagged for review start unticked: they are published only if the instructor keeps them.
      setRemoved(new Set(result.items.filter((item) => item.review).map((item) => item.key)));
      if (!title) setTitle(result.title);
    });
  }

  function publish() {
    setWorking("publish");
    startTransition(async () => {
      // On success the action redirects to the new deck; it only returns when something is wrong.
      const result = await publishDocumentAction({ text, title, excludedKeys: [...removed] });
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
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            onChange={onFile}
          />
        </div>
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
            <progress aria-label={working === "publish" ? "Publishing" : "Generating items"} />
            <span>{working === "publish" ? "Publishing the deck…" : "Generating items…"}</span>
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
            Publish deck
          </button>
        </section>
      ) : null}
    </div>
  );
}
