"use client";

import { useActionState, useState } from "react";
import { assignPresetAction, type AssignPresetState } from "@/app/(app)/decks/[deckId]/preset/actions";

/** The deck page's "Preset" choice: which of the learner's presets schedules their reviews of this deck. */
export function DeckPresetForm({
  deckId,
  presetId,
  presets,
}: {
  deckId: string;
  presetId: string;
  presets: { id: string; name: string; isDefault: boolean }[];
}) {
  const [state, action, pending] = useActionState<AssignPresetState, FormData>(assignPresetAction, null);
  const [chosen, setChosen] = useState(presetId);
  return (
    <form action={action} className="actions-row" aria-label="Preset for this deck">
      <input type="hidden" name="deckId" value={deckId} />
      <label htmlFor="deck-preset">Preset</label>
      <select id="deck-preset" name="presetId" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        {presets.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.name}
            {preset.isDefault ? " (default)" : ""}
          </option>
        ))}
      </select>
      <button className="button button--quiet" type="submit" disabled={pending}>
        Use this preset
      </button>
      <span className={state?.ok ? "form-ok" : "form-error"} aria-live="polite" data-testid="deck-preset-message">
        {state?.message ?? ""}
      </span>
    </form>
  );
}
