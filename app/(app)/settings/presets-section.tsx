import { listPresets } from "@/lib/db/presets";
import { AddPresetForm, PresetList } from "./preset-forms";

/**
 * Settings → Presets: the learner's named sets of scheduling options (Anki's deck options presets). Each deck uses
 * the preset chosen on its page, else the default one; the Study form above edits the default preset too.
 */
export async function PresetsSection({ userId }: { userId: string }) {
  const presets = await listPresets(userId);
  return (
    <div className="card" style={{ marginTop: "1rem" }}>
      <h2 id="presets-heading">Presets</h2>
      <p className="muted">
        A preset holds the options that schedule a deck&apos;s reviews. Choose a deck&apos;s preset on the deck&apos;s
        page; decks without one use the default preset. Deleting a preset moves its decks to the default.
      </p>
      <PresetList presets={presets} />
      <AddPresetForm />
    </div>
  );
}
