import Link from "next/link";
import { KIND_LABELS, TOPIC_LABELS } from "@/lib/content/labels";
import type { ItemKind, Topic } from "@/lib/content/types";
import type { BrowseRow } from "@/lib/db/browse";
import { BROWSE_PAGE_SIZE, BROWSE_STATES, KINDS, TOPICS, type BrowseParams } from "@/lib/validations/items";

const STATE_LABELS: Record<(typeof BROWSE_STATES)[number], string> = {
  new: "New",
  learning: "Learning",
  review: "Review",
  suspended: "Suspended",
  flagged: "Flagged",
};
const SORT_LABELS: Record<BrowseParams["sort"], string> = {
  position: "Deck order",
  prompt: "Prompt",
  difficulty: "Difficulty",
  lapses: "Lapses",
  due: "Due",
};

/** The URL of this browser with `changes` applied (and default values left out, so URLs stay short). */
function hrefWith(basePath: string, params: BrowseParams, changes: Record<string, string | undefined>) {
  const query = new URLSearchParams();
  const merged: Record<string, unknown> = { ...params, ...changes };
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "") continue;
    if (
      (key === "sort" && value === "position") ||
      (key === "dir" && value === "asc") ||
      (key === "page" && value === 1)
    )
      continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${basePath}?${text}` : basePath;
}

/**
 * Anki's Browse for Factdeck: a plain GET form (search, filters, sort) whose values live in the URL, so the page is
 * a server component, every view can be bookmarked or shared, and the keyboard works as with any form (Tab through
 * the fields, Enter searches). Rows link to the item's source, and to its editor for the deck's owner.
 */
export function ItemBrowser({
  basePath,
  params,
  result,
  showDeck,
  exportScope,
}: {
  basePath: string;
  params: BrowseParams;
  result: { rows: BrowseRow[]; total: number; page: number; pages: number };
  showDeck: boolean;
  /** For instructors and admins: "Export these" downloads every matching item (all pages), of this deck if given. */
  exportScope?: { deckId?: string };
}) {
  const { rows, total, page, pages } = result;
  const exportHref = (format: "csv" | "apkg") =>
    hrefWith("/api/items/export", { ...params, page: 1 }, { format, deckId: exportScope?.deckId });
  const first = total === 0 ? 0 : (page - 1) * BROWSE_PAGE_SIZE + 1;
  return (
    <>
      <form role="search" method="get" action={basePath} className="browse-filters" aria-label="Search items">
        <div className="field browse-filters__search">
          <label htmlFor="browse-q">Search</label>
          <input
            id="browse-q"
            name="q"
            type="search"
            defaultValue={params.q ?? ""}
            maxLength={200}
            placeholder="Prompt, answer or source sentence"
          />
        </div>
        <div className="field">
          <label htmlFor="browse-kind">Kind</label>
          <select id="browse-kind" name="kind" defaultValue={params.kind ?? ""}>
            <option value="">Any kind</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="browse-topic">Topic</label>
          <select id="browse-topic" name="topic" defaultValue={params.topic ?? ""}>
            <option value="">Any topic</option>
            {TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {TOPIC_LABELS[topic]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="browse-state">My state</label>
          <select id="browse-state" name="state" defaultValue={params.state ?? ""}>
            <option value="">Any state</option>
            {BROWSE_STATES.map((state) => (
              <option key={state} value={state}>
                {STATE_LABELS[state]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="browse-difficulty">Difficulty</label>
          <select id="browse-difficulty" name="difficulty" defaultValue={params.difficulty ?? ""}>
            <option value="">Any difficulty</option>
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="browse-lapses">At least … lapses</label>
          <input
            id="browse-lapses"
            name="lapses"
            type="number"
            min={1}
            max={1000}
            defaultValue={params.lapses ?? ""}
            inputMode="numeric"
          />
        </div>
        <div className="field">
          <label htmlFor="browse-sort">Sort by</label>
          <select id="browse-sort" name="sort" defaultValue={params.sort}>
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="browse-dir">Order</label>
          <select id="browse-dir" name="dir" defaultValue={params.dir}>
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </select>
        </div>
        <div className="browse-filters__buttons">
          <button type="submit" className="button">
            Search
          </button>
          <Link href={basePath} className="button button--quiet">
            Clear
          </Link>
        </div>
      </form>

      <p role="status" className="muted" data-testid="browse-count">
        {total === 0
          ? "No items match."
          : `${total} ${total === 1 ? "item" : "items"}${pages > 1 ? ` · showing ${first}–${first + rows.length - 1}` : ""}`}
      </p>

      {exportScope && total > 0 ? (
        <p className="actions-row" data-testid="browse-export">
          <a className="button button--quiet button--small" href={exportHref("csv")} download>
            Export these {total === 1 ? "item" : `${total} items`} as CSV
          </a>
          <a className="button button--quiet button--small" href={exportHref("apkg")} download>
            Export these {total === 1 ? "item" : `${total} items`} as an Anki package (.apkg)
          </a>
        </p>
      ) : null}

      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Items</caption>
            <thead>
              <tr>
                <th scope="col">Prompt</th>
                <th scope="col">Answer</th>
                {showDeck ? <th scope="col">Deck</th> : null}
                <th scope="col">Kind · topic</th>
                <th scope="col">My state</th>
                <th scope="col">Lapses</th>
                <th scope="col">Difficulty</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/decks/${row.deckId}/items/${row.id}#source`}>{row.prompt}</Link>
                    {row.edited ? <span className="badge">edited</span> : null}
                    {row.openFlags > 0 ? (
                      <span className="badge">
                        {row.openFlags} {row.openFlags === 1 ? "flag" : "flags"}
                      </span>
                    ) : null}
                  </td>
                  <td>{row.answer ?? <span className="muted">hidden: in your unfinished quiz</span>}</td>
                  {showDeck ? (
                    <td>
                      <Link href={`/decks/${row.deckId}`}>{row.deckTitle}</Link>
                    </td>
                  ) : null}
                  <td>
                    {KIND_LABELS[row.kind as ItemKind] ?? row.kind} · {TOPIC_LABELS[row.topic as Topic] ?? row.topic}
                  </td>
                  <td>
                    {row.state}
                    {row.suspended === "everyone"
                      ? " · suspended for everyone"
                      : row.suspended === "you"
                        ? " · suspended"
                        : ""}
                    {row.due && row.state !== "new" ? (
                      <span className="muted"> · due {row.due.toISOString().slice(0, 10)}</span>
                    ) : null}
                  </td>
                  <td>{row.lapses}</td>
                  <td>{row.difficulty.toFixed(2)}</td>
                  <td>
                    {row.canEdit ? (
                      <Link href={`/decks/${row.deckId}/items/${row.id}/edit`} aria-label={`Edit: ${row.prompt}`}>
                        Edit
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {pages > 1 ? (
        <nav aria-label="Pages" className="actions-row">
          {page > 1 ? (
            <Link href={hrefWith(basePath, params, { page: String(page - 1) })} rel="prev">
              ← Previous
            </Link>
          ) : null}
          <span className="muted">
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link href={hrefWith(basePath, params, { page: String(page + 1) })} rel="next">
              Next →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
