import { evaluateLearnerParameters } from "@/lib/db/evaluate-parameters";
import { EvaluationTable } from "./evaluation-table";

/**
 * "Evaluate": how well the default and the personal FSRS parameters predict the learner's own reviews (log loss and
 * RMSE over bins, lower is better), beside "Fit my parameters".
 */
export async function ParameterEvaluation({ userId }: { userId: string }) {
  const { defaults, personal } = await evaluateLearnerParameters(userId);
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
      <EvaluationTable
        caption={`How well the parameters predict your ${defaults.reviews} reviews (lower is better)`}
        rows={[
          { label: "Default FSRS-6", evaluation: defaults },
          { label: "Your personal", evaluation: personal },
        ]}
      />
      <p className="muted">
        {better} Both are measured on the same reviews the personal parameters were fitted to, as Anki&rsquo;s
        &ldquo;Evaluate&rdquo; does; RMSE (bins) is FSRS&rsquo;s calibration error: predicted against actual recall in
        groups of reviews with similar intervals, review counts and lapses.
      </p>
    </div>
  );
}
