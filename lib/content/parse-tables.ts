import type { SourceRef, Table, TableRow } from "./types";

/** A line of a Markdown table: it starts and ends with a pipe ("| Vacuum vessel | 5,200 tonnes |"). */
export const TABLE_LINE = /^\s*\|.*\|\s*$/;
/** The line under a table's header: only pipes, dashes, colons and spaces ("|---|:--:|"). */
const DELIMITER = /^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$/;

/**
 * The table that starts at `lines[from]`: its header (the row above the "|---|" line, unless every cell is empty)
 * and its rows, each cell with its offsets in the document. `next` is the index of the first line after the table.
 *
 * @example
 * readTable(linesOf('| A | B |\n|---|---|\n| x | 1 |'), 0, []).table?.rows[0].cells.map((c) => c.text) // ['x', '1']
 */
export function readTable(
  lines: readonly { raw: string; start: number }[],
  from: number,
  sectionPath: string[],
): { table: Table | undefined; next: number } {
  let next = from;
  while (next < lines.length && TABLE_LINE.test(lines[next]!.raw)) next++;
  const rows = lines.slice(from, next);
  const delimiter = rows.findIndex((l) => DELIMITER.test(l.raw));
  // Without the "|---|" line it is not a table CommonMark would render: its lines are left unread.
  if (delimiter !== 1) return { table: undefined, next };
  const headerCells = cellsOf(rows[0]!).map((c) => c.text);
  const body: TableRow[] = rows.slice(2).map((l) => {
    const cells = cellsOf(l);
    return { cells, start: cells[0]?.start ?? l.start, end: cells[cells.length - 1]?.end ?? l.start };
  });
  const table: Table = { rows: body.filter((r) => r.cells.some((c) => c.text !== "")), sectionPath };
  if (headerCells.some((c) => c !== "")) table.header = headerCells;
  return { table, next };
}

/** The cells of one table line, trimmed, with offsets; an escaped pipe ("\|") stays inside its cell. */
function cellsOf(line: { raw: string; start: number }): SourceRef[] {
  const cells: SourceRef[] = [];
  const open = line.raw.indexOf("|");
  const close = line.raw.lastIndexOf("|");
  let at = open + 1;
  for (let i = at; i <= close; i++) {
    if (line.raw[i] !== "|" || line.raw[i - 1] === "\\") continue;
    const raw = line.raw.slice(at, i);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ text, start: line.start + at + lead, end: line.start + at + lead + text.length });
    at = i + 1;
  }
  return cells;
}
