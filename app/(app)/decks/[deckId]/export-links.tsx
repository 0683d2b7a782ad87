/**
 * Download links for a deck's export (GET /api/decks/[deckId]/export): CSV for spreadsheets, Quizlet and Anki's
 * text import, and an Anki package. Shown to instructors and admins, who may export.
 */
export function ExportLinks({ deckId }: { deckId: string }) {
  const base = `/api/decks/${encodeURIComponent(deckId)}/export`;
  return (
    <p className="actions-row" data-testid="export-links">
      <span className="muted">Export:</span>
      <a className="button button--quiet button--small" href={`${base}?format=apkg`} download>
        Anki package (.apkg)
      </a>
      <a className="button button--quiet button--small" href={`${base}?format=csv`} download>
        CSV
      </a>
    </p>
  );
}
