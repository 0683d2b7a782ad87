import type { ReactNode } from "react";
import { parseDocument } from "@/lib/content/parse";

/**
 * A document as a reader sees it (headings, paragraphs, lists), with the span [markStart, markEnd) highlighted.
 * The text is untrusted (instructors upload it): it is only ever rendered as React text nodes, never as HTML.
 */
export function DocumentView({ text, markStart, markEnd }: { text: string; markStart: number; markEnd: number }) {
  const doc = parseDocument(text);
  const out: ReactNode[] = [];
  let sectionKey = "";
  let list: { id: number; caption?: string; items: ReactNode[] } | null = null;

  const flushList = () => {
    if (!list) return;
    if (list.caption)
      out.push(
        <p key={`c${out.length}`} className="list-caption">
          {list.caption}
        </p>,
      );
    out.push(<ul key={`l${out.length}`}>{list.items}</ul>);
    list = null;
  };
  const withMark = (start: number, end: number) => {
    if (markStart < start || markEnd > end) return text.slice(start, end);
    return (
      <>
        {text.slice(start, markStart)}
        <mark id="source">{text.slice(markStart, markEnd)}</mark>
        {text.slice(markEnd, end)}
      </>
    );
  };

  for (const [index, block] of doc.blocks.entries()) {
    const path = block.sectionPath.join("\u0000");
    if (path !== sectionKey) {
      flushList();
      sectionKey = path;
      const heading = block.sectionPath.at(-1);
      if (heading && heading !== doc.title) out.push(<h3 key={`h${index}`}>{heading}</h3>);
    }
    if (block.kind === "list_item") {
      if (!list || list.id !== block.listId) {
        flushList();
        list = { id: block.listId ?? -1, caption: block.listCaption, items: [] };
      }
      list.items.push(<li key={index}>{withMark(block.start, block.end)}</li>);
    } else {
      flushList();
      out.push(<p key={index}>{withMark(block.start, block.end)}</p>);
    }
  }
  flushList();
  // It scrolls (max-height): focusable, and named as a region, so a keyboard can scroll it (axe
  // scrollable-region-focusable).
  return (
    <div className="document-text" tabIndex={0} role="region" aria-label="Document text">
      {out}
    </div>
  );
}
