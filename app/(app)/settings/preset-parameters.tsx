"use client";

import { useActionState } from "react";
import type { PresetView } from "@/lib/db/presets";
import {
  evaluatePresetAction,
  fitPresetParametersAction,
  resetPresetParametersAction,
  type EvaluateState,
  type PresetState,
} from "./presets/actions";
import { EvaluationTable } from "./evaluation-table";

const FALLBACK = {
  learner: "your parameters fitted to all your decks",
  defaults: "the default FSRS-6 parameters",
} as const;

/**
 * A preset's FSRS parameters (Anki fits per preset): which set its decks use, "Fit parameters" on the reviews of its
 * decks, going back to the learner's set, and "Evaluate" (log loss and RMSE(bins) against the defaults).
 */
export function PresetParameters({ preset }: { preset: PresetView }) {
  const [fitState, fitAction, fitting] = useActionState<PresetState, FormData>(fitPresetParametersAction, null);
  const [resetState, resetAction, resetting] = useActionState<PresetState, FormData>(resetPresetParametersAction, null);
  const [evaluation, evaluateAction, evaluating] = useActionState<EvaluateState, FormData>(evaluatePresetAction, null);
  const { own, fallback, reviewCount } = preset.parameters;
  const reviews = reviewCount === 1 ? "1 review" : `${reviewCount} reviews`;
  const inUse = own
    ? `Parameters fitted to this preset's decks (${own.reviews ?? "?"} reviews${own.fittedOn ? `, ${own.fittedOn}` : ""}).`
    : `Uses ${FALLBACK[fallback]}.`;
  const message = (state: PresetState | EvaluateState) => (
    <p className={state?.ok ? "form-ok" : "form-error"} aria-live="polite">
      {state?.message ?? ""}
    </p>
  );
  return (
    <div className="preset-parameters" data-testid={`preset-parameters-${preset.name}`}>
      <p>
        <strong>FSRS parameters:</strong> {inUse} Its decks hold {reviews}.
      </p>
      <div className="actions" style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
        <form action={fitAction}>
          <input type="hidden" name="presetId" value={preset.id} />
          <button className="button button--quiet" type="submit" disabled={fitting}>
            {fitting ? "Fitting…" : `Fit parameters for preset ${preset.name}`}
          </button>
        </form>
        <form action={evaluateAction}>
          <input type="hidden" name="presetId" value={preset.id} />
          <button className="button button--quiet" type="submit" disabled={evaluating}>
            Evaluate preset {preset.name}
          </button>
        </form>
        {own ? (
          <form action={resetAction}>
            <input type="hidden" name="presetId" value={preset.id} />
            <button className="button button--quiet" type="submit" disabled={resetting}>
              Stop using this preset&apos;s own parameters ({preset.name})
            </button>
          </form>
        ) : null}
      </div>
      {message(fitState)}
      {message(resetState)}
      {message(evaluation)}
      {evaluation?.ok ? (
        <EvaluationTable
          caption="How well the parameters predict this preset's reviews (lower is better)"
          rows={[
            { label: "Default FSRS-6", evaluation: evaluation.evaluation.defaults },
            {
              label:
                evaluation.evaluation.source === "preset"
                  ? "This preset's own"
                  : evaluation.evaluation.source === "learner"
                    ? "Yours, fitted to all decks"
                    : "In use (the defaults)",
              evaluation: evaluation.evaluation.inUse ?? evaluation.evaluation.defaults,
            },
          ]}
        />
      ) : null}
    </div>
  );
}
