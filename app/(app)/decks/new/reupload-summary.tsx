import type { ItemChange } from "@/lib/db/deck-reupload";
import type { PreviewItem, ReuploadPreview } from "./actions";

export const CHANGE_LABELS: Record<ItemChange, string> = { added: "New", changed: "Changed", unchanged: "Unchanged" };

/**
 * What publishing a changed document does to the deck: items added, changed (same id: learners keep their
 * progress), unchanged, and retired (no longer yielded, or unticked here: kept for history, no longer studied).
 */
export function ReuploadSummary({
  items,
  removed,
  reupload,
}: {
  items: PreviewItem[];
  removed: Set<string>;
  reupload: ReuploadPreview;
}) {
  const kept = items.filter((item) => !removed.has(item.key));
  const count = (change: ItemChange) => kept.filter((item) => item.change === change).length;
  // An existing item unticked now is retired too.
  const untickedExisting = items.filter((item) => removed.has(item.key) && item.change !== "added");
  const retired = [...reupload.retired.map((r) => r.prompt), ...untickedExisting.map((item) => item.prompt)];
  return (
    <section aria-labelledby="reupload-heading" className="notice" data-testid="reupload-summary">
      <h3 id="reupload-heading">Changes to the deck</h3>
      <p data-testid="reupload-counts">
        {count("added")} added · {count("changed")} changed · {count("unchanged")} unchanged · {retired.length} retired
      </p>
      <p className="muted">
        Learners keep their progress on changed and unchanged items; retired items keep their history but are no longer
        studied.
      </p>
      {retired.length > 0 ? (
        <details>
          <summary>Retired items ({retired.length})</summary>
          <ul data-testid="retired-items">
            {retired.map((prompt, i) => (
              <li key={`${i}-${prompt}`}>{prompt}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
