import type { Evaluation } from "@/lib/srs/evaluate";

const loss = (e: Evaluation | null) => (e ? e.logLoss.toFixed(4) : "—");
const rmse = (e: Evaluation | null) => (e ? `${(e.rmseBins * 100).toFixed(2)}%` : "—");

/**
 * Log loss and RMSE(bins) of parameter sets on the same reviews, one row each (lower is better), as Anki's "Evaluate".
 * @example <EvaluationTable caption="…" rows={[{ label: "Default FSRS-6", evaluation: defaults }]} />
 */
export function EvaluationTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { label: string; evaluation: Evaluation | null }[];
}) {
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Parameters</th>
            <th scope="col">Log loss</th>
            <th scope="col">RMSE (bins)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, evaluation }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{loss(evaluation)}</td>
              <td>{rmse(evaluation)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
