import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { loadWorkloadData } from "@/lib/db/workload";
import { simulateWorkload, type WorkloadPoint } from "@/lib/srs/workload";
import { DataTable } from "../data-table";
import { WorkloadChart } from "./workload-chart";
import { plural } from "@/lib/progress/format";

export const metadata: Metadata = { title: "Help me decide" };

const pct = (r: number) => `${Math.round(r * 100)}%`;
const one = (n: number) => n.toFixed(1);

function closest(points: WorkloadPoint[], retention: number): WorkloadPoint {
  return points.reduce((best, p) =>
    Math.abs(p.retention - retention) < Math.abs(best.retention - retention) ? p : best,
  );
}

export default async function WorkloadPage() {
  const user = await requireUser("/progress/workload");
  const data = await loadWorkloadData(user.id, new Date());
  const { input } = data;
  const result = simulateWorkload(input);
  const current = closest(result.points, input.settings.desiredRetention);
  const best = result.recommended;
  // The next step up in retention (or down, at the top of the range): the marginal trade-off.
  const index = result.points.indexOf(current);
  const step = result.points[index + 5] ?? result.points[index - 5] ?? null;
  return (
    <section className="progress">
      <h1>Help me decide</h1>
      <p className="muted">
        How much you would study over the next {result.days} days at each desired retention, simulated from your{" "}
        {input.cards.length} studied items, {Math.min(input.unseenItems, input.settings.newPerDay * result.days)} new
        ones at {input.settings.newPerDay} a day, your {input.settings.weights ? "personal" : "default"} FSRS parameters
        and{" "}
        {data.ownTiming
          ? `your average of ${one(input.secondsPerAnswer)} s per answer`
          : `${input.secondsPerAnswer} s per answer (you have no timed answers yet)`}
        .
      </p>
      <section className="card progress-section" aria-labelledby="workload-heading">
        <h2 id="workload-heading">Workload and knowledge by desired retention</h2>
        <p data-testid="workload-current">
          At your desired retention of {pct(current.retention)}: about{" "}
          {plural(Math.round(current.reviewsPerDay), "review")} and {one(current.minutesPerDay)} minutes a day,{" "}
          {Math.round(current.memorized)} items remembered after a year.
        </p>
        {best ? (
          <p data-testid="workload-recommendation">
            The least study time per item remembered is at <strong>{pct(best.retention)}</strong> (
            {one(best.secondsPerMemorized)} s per item against {one(current.secondsPerMemorized)} s at{" "}
            {pct(current.retention)}): {plural(Math.round(best.reviewsPerDay), "review")} and {one(best.minutesPerDay)}{" "}
            minutes a day for {Math.round(best.memorized)} items.
            {best.retention === result.points[0]!.retention
              ? " That is the bottom of the range: Factdeck, like Anki, lets desired retention go no lower than 70 %."
              : ""}{" "}
            Higher retention costs more time for each extra item you keep; change it in{" "}
            <Link href="/settings">settings</Link>.
          </p>
        ) : null}
        {best && step ? (
          <p data-testid="workload-tradeoff">
            From {pct(current.retention)} to {pct(step.retention)}:{" "}
            {step.minutesPerDay >= current.minutesPerDay ? "+" : ""}
            {one(step.minutesPerDay - current.minutesPerDay)} minutes a day for{" "}
            {step.memorized >= current.memorized ? "+" : ""}
            {Math.round(step.memorized - current.memorized)} items remembered after a year.
          </p>
        ) : null}
        {!best ? (
          <p className="muted">Study a few items first: with nothing to remember there is nothing to compare.</p>
        ) : null}
        <WorkloadChart
          label={`Minutes a day and items remembered after a year for desired retention ${pct(result.points[0]!.retention)} to ${pct(result.points.at(-1)!.retention)}`}
          current={pct(current.retention)}
          recommended={best ? pct(best.retention) : null}
          data={result.points.map((p) => ({
            label: pct(p.retention),
            retention: p.retention,
            minutes: Math.round(p.minutesPerDay * 100) / 100,
            reviews: Math.round(p.reviewsPerDay),
            memorized: Math.round(p.memorized),
          }))}
        />
        <DataTable
          caption="Simulated workload by desired retention"
          columns={[
            "Desired retention",
            "Reviews a day",
            "Minutes a day",
            "Remembered after a year",
            "Seconds per item",
          ]}
          rows={result.points.map((p) => [
            pct(p.retention),
            Math.round(p.reviewsPerDay),
            one(p.minutesPerDay),
            Math.round(p.memorized),
            one(p.secondsPerMemorized),
          ])}
        />
        <details>
          <summary>How this is simulated</summary>
          <p className="muted">
            Each day, the reviews due are answered (at most {input.settings.maxReviewsPerDay} a day; the rest wait) and{" "}
            {input.settings.newPerDay} new items are introduced. Your memory is taken to follow your FSRS parameters: a
            review is recalled with the probability they predict, and rated Hard, Good or Easy as you{" "}
            {data.ownShares ? "usually do" : "typically would (too few answers of yours to tell)"}. Learning and
            relearning steps count as answers the same day. &ldquo;Remembered after a year&rdquo; is the expected number
            of items you would recall on day {result.days}. The recommendation is the retention with the least study
            time per item remembered (Anki&rsquo;s &ldquo;compute minimum recommended retention&rdquo; idea). The same
            random draws are used at every retention, so the figures are comparable and the same on every visit.
          </p>
        </details>
      </section>
    </section>
  );
}
