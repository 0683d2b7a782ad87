import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { ADVANCE_WITHIN_DAYS, previewCatchUp } from "@/lib/db/catch-up";
import { CatchUpSchema } from "@/lib/validations/catch-up";
import { ConfirmForm } from "./confirm-form";
import { plural } from "@/lib/progress/format";

export const metadata: Metadata = { title: "Catch up" };

const pct = (r: number) => `${Math.round(r * 100)}%`;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CatchUpPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/progress/catch-up");
  const params = await searchParams;
  const asked = params.kind !== undefined || params.count !== undefined;
  const parsed = asked ? CatchUpSchema.safeParse({ kind: params.kind, count: params.count }) : null;
  const choice = parsed?.success ? parsed.data : null;
  const { overview, plan } = await previewCatchUp(user.id, choice, new Date());
  const day = (d: Date) =>
    new Intl.DateTimeFormat("en-GB", {
      timeZone: overview.timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
    }).format(d);
  return (
    <section className="progress">
      <h1>Catch up</h1>
      <dl className="stats">
        <div>
          <dt>Overdue</dt>
          <dd data-testid="overdue-count">{overview.overdue}</dd>
        </div>
        <div>
          <dt>Due today</dt>
          <dd data-testid="due-today-count">{overview.dueToday}</dd>
        </div>
        <div>
          <dt>Due in the next {ADVANCE_WITHIN_DAYS} days</dt>
          <dd>{overview.dueSoon}</dd>
        </div>
      </dl>
      <p className="muted">
        Back from a break? <strong>Postpone</strong> moves some of today&rsquo;s reviews a little later: the ones you
        are most likely to still remember go first, and each comes back after the days it has already waited plus 5–10 %
        of its interval. <strong>Advance</strong> brings reviews due in the next {ADVANCE_WITHIN_DAYS} days into today
        (again the ones you are most likely to remember), for a lighter week ahead. Nothing changes until you confirm.
      </p>
      <form method="get" className="form card" aria-labelledby="catch-up-choose">
        <h2 id="catch-up-choose">Choose</h2>
        <fieldset>
          <legend>Action</legend>
          <label>
            <input type="radio" name="kind" value="postpone" defaultChecked={choice?.kind !== "advance"} /> Postpone
          </label>{" "}
          <label>
            <input type="radio" name="kind" value="advance" defaultChecked={choice?.kind === "advance"} /> Advance
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="count">How many reviews</label>
          <input
            id="count"
            name="count"
            type="number"
            min={1}
            max={10000}
            defaultValue={choice?.count ?? Math.max(1, Math.round(overview.dueToday / 2))}
            aria-describedby={parsed && !parsed.success ? "count-error" : undefined}
          />
          {parsed && !parsed.success ? (
            <p id="count-error" className="field-error">
              {parsed.error.issues[0]!.message}
            </p>
          ) : null}
        </div>
        <div>
          <button className="button" type="submit">
            Show the effect
          </button>
        </div>
      </form>
      {choice && plan ? (
        <section className="card progress-section" aria-labelledby="catch-up-effect">
          <h2 id="catch-up-effect">Effect</h2>
          {plan.changes.length === 0 ? (
            <p data-testid="catch-up-effect">
              {choice.kind === "postpone"
                ? "No review due today can be postponed."
                : `No review is due in the next ${ADVANCE_WITHIN_DAYS} days.`}
            </p>
          ) : (
            <>
              <p data-testid="catch-up-effect">
                {choice.kind === "postpone"
                  ? `Postpone ${plural(plan.changes.length, "review")} of the ${plan.eligible} due today. They come back between ${day(plan.firstDue!)} and ${day(plan.lastDue!)}; your average chance of recalling them on their due date goes from ${pct(plan.meanRecallBefore)} to ${pct(plan.meanRecallAfter)}.`
                  : `Bring forward ${plural(plan.changes.length, "review")} of the ${plan.eligible} due in the next ${ADVANCE_WITHIN_DAYS} days to today. Your average chance of recalling them is ${pct(plan.meanRecallAfter)} now, against ${pct(plan.meanRecallBefore)} on their due dates; reviewing early strengthens memory a little less.`}{" "}
                {plan.changes.length < choice.count ? `(Only ${plan.changes.length} can be moved.)` : null}
              </p>
              <ConfirmForm
                kind={choice.kind}
                count={plan.changes.length}
                label={`${choice.kind === "postpone" ? "Postpone" : "Advance"} ${plural(plan.changes.length, "review")}`}
              />
            </>
          )}
        </section>
      ) : null}
      <p>
        <Link href="/progress/workload">Help me decide</Link> shows how much your desired retention costs a day.
      </p>
    </section>
  );
}
