import { evaluateLearnerParameters } from "@/lib/db/evaluate-parameters";
import type { Evaluation } from "@/lib/srs/evaluate";

const loss = (e: Evaluation | null) => (e ? e.logLoss.toFixed(4) : "—");
const rmse = (e: Evaluation | null) => (e ? `${(e.rmseBins * 100).toFixed(2)}%` : "—");

/**
 * "Evaluate": how well the default and the personal FSRS parameters predict the learner's own reviews (log loss and
 * RMSE over bins, lower is better), beside "Fit my parameters".
 */
export function ParameterEvaluation({ userId }: { userId: string }) {
  const { defaults, personal } = evaluateLearnerParameters(userId);
  if (!defaults) {
    return (
      <p className="muted" data-testid="parameter-evaluation">
        Evaluation needs reviews made a day or more after an earlier one; you have none yet.
      </p>
    );
  }
  const better =
    personal && personal.logLoss < defaults.logLoss && personal.rmseBins < defaults.rmseBins
      ? "Your personal parameters predict your reviews better than the defaults."
      : personal
        ? "Your personal parameters do not beat the defaults on both measures; consider using the defaults."
        : "Fit your parameters to compare them with the defaults.";
  return (
    <div data-testid="parameter-evaluation">
      <h3>Evaluate</h3>
      <div className="table-scroll">
        <table>
          <caption>How well the parameters predict your {defaults.reviews} reviews (lower is better)</caption>
          <thead>
            <tr>
              <th scope="col">Parameters</th>
              <th scope="col">Log loss</th>
              <th scope="col">RMSE (bins)</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Default FSRS-6</th>
              <td>{loss(defaults)}</td>
              <td>{rmse(defaults)}</td>
            </tr>
            <tr>
              <th scope="row">Your personal</th>
              <td>{loss(personal)}</td>
              <td>{rmse(personal)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted">
        {better} Both are measured on the same reviews the personal parameters were fitted to, as Anki&rsquo;s
        &ldquo;Evaluate&rdquo; does; RMSE (bins) is FSRS&rsquo;s calibration error: predicted against actual recall in
        groups of reviews with similar intervals, review counts and lapses.
      </p>
    </div>
  );
}
