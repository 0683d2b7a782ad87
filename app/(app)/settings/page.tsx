import type { Metadata } from "next";
import { default_w } from "ts-fsrs";
import { requireUser } from "@/lib/auth/session";
import { countReviews, MIN_REVIEWS_FOR_OPTIMIZER } from "@/lib/db/optimize";
import { getSettingsRecord, settingsFromRow } from "@/lib/db/settings";
import { formatDate } from "@/lib/progress/format";
import { DeleteAccountForm } from "./_delete-account/delete-account-form";
import { AccountForms } from "./account-form";
import { ParameterEvaluation } from "./parameter-evaluation";
import { PresetsSection } from "./presets-section";
import { ParametersForm, SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [record, reviews] = await Promise.all([getSettingsRecord(user.id), countReviews(user.id)]);
  const settings = settingsFromRow(record);
  const personal = settings.weights !== undefined;
  const weights = settings.weights ?? [...default_w];
  return (
    <section>
      <h1>Settings</h1>
      <div className="card">
        <h2>Study</h2>
        <SettingsForm
          values={{
            desiredRetention: String(settings.desiredRetention),
            newPerDay: String(settings.newPerDay),
            maxReviewsPerDay: String(settings.maxReviewsPerDay),
            learningSteps: settings.learningSteps.join(" "),
            relearningSteps: settings.relearningSteps.join(" "),
            timeZone: settings.timeZone,
          }}
          // From the server, so the list the browser hydrates is the one the server rendered.
          timeZones={Intl.supportedValuesOf("timeZone")}
        />
      </div>
      <PresetsSection userId={user.id} />
      <div className="card" style={{ marginTop: "1rem" }}>
        <h2>Scheduling parameters</h2>
        <p data-testid="parameters-in-use">
          {personal
            ? `Your personal FSRS parameters, fitted from ${record?.weightsReviews ?? "?"} reviews on ${record?.weightsFittedAt ? formatDate(record.weightsFittedAt, settings.timeZone) : "?"}.`
            : "The default FSRS-6 parameters."}
        </p>
        <details>
          <summary>Show the 21 parameters</summary>
          <p className="mono">{weights.map((w) => w.toFixed(4)).join(", ")}</p>
        </details>
        <p className="muted">
          You have {reviews} reviews. With {MIN_REVIEWS_FOR_OPTIMIZER} or more, Factdeck can fit parameters to your own
          memory from your review history. These are fitted to all your decks and used by every preset without
          parameters of its own; a preset whose decks hold {MIN_REVIEWS_FOR_OPTIMIZER} reviews or more can be fitted on
          its own under Presets.
        </p>
        <ParametersForm canFit={reviews >= MIN_REVIEWS_FOR_OPTIMIZER} personal={personal} />
        <ParameterEvaluation userId={user.id} />
      </div>
      <div className="card" style={{ marginTop: "1rem" }}>
        <h2>Account</h2>
        <p className="muted">Signed in as {user.email}.</p>
        <AccountForms />
      </div>
      <div className="card" style={{ marginTop: "1rem" }}>
        <DeleteAccountForm />
      </div>
    </section>
  );
}
