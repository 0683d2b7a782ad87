import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { loadProgress, type Progress } from "@/lib/db/progress";
import { dayLabel, formatDuration, longDayLabel, monthLabel, percent, plural } from "@/lib/progress/format";
import { CATEGORIES, MASTERY_DEFINITION, MATURE_INTERVAL_DAYS } from "@/lib/progress/mastery";
import { ColumnChart, RetentionChart, ShareChart } from "./charts";
import { DataTable } from "./data-table";
import { Heatmap } from "./heatmap";

export const metadata: Metadata = { title: "Progress" };

const CATEGORY_LABELS = {
  new: "New",
  learning: "Learning",
  young: "Young",
  mature: "Mature",
  suspended: "Suspended",
} as const;

const CATEGORY_NOTES = {
  new: "never studied",
  learning: "in learning or relearning steps",
  young: `in review, interval under ${MATURE_INTERVAL_DAYS} days`,
  mature: `in review, interval of ${MATURE_INTERVAL_DAYS} days or more`,
  suspended: "set aside by you or as a leech",
} as const;

function Summary({ progress }: { progress: Progress }) {
  const { streak, time } = progress;
  return (
    <dl className="stats">
      <div>
        <dt>Streak</dt>
        <dd data-testid="streak">{plural(streak.days, "day")}</dd>
      </div>
      <div>
        <dt>Reviews today</dt>
        <dd data-testid="reviews-today">{progress.heatmap.at(-1)?.count ?? 0}</dd>
      </div>
      <div>
        <dt>Time today</dt>
        <dd>{formatDuration(time.todayMs)}</dd>
      </div>
      <div>
        <dt>Last 7 days</dt>
        <dd>{formatDuration(time.weekMs)}</dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd>
          {formatDuration(time.totalMs)} <small className="muted">({plural(progress.totalReviews, "review")})</small>
        </dd>
      </div>
    </dl>
  );
}

function Forecast({ progress }: { progress: Progress }) {
  const total = progress.forecast.reduce((sum, d) => sum + d.count, 0);
  return (
    <section className="card progress-section" aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">Due in the next 30 days</h2>
      {total === 0 ? (
        <p className="muted">Nothing scheduled yet: items you study will show up here when they are due.</p>
      ) : (
        <>
          <p className="muted">
            {plural(total, "review")}; today includes anything overdue ({progress.forecast[0]!.count} today).
          </p>
          <ColumnChart
            label={`Reviews due per day for the next 30 days, ${total} in all`}
            data={progress.forecast.map((d) => ({
              label: dayLabel(d.date),
              value: d.count,
              detail: plural(d.count, "review"),
            }))}
          />
          <DataTable
            caption="Reviews due per day"
            columns={["Day", "Reviews due"]}
            rows={progress.forecast.map((d) => [longDayLabel(d.date), d.count])}
          />
        </>
      )}
    </section>
  );
}

function Activity({ progress }: { progress: Progress }) {
  const months = new Map<string, { reviews: number; days: number }>();
  for (const day of progress.heatmap) {
    const month = months.get(day.date.slice(0, 7)) ?? { reviews: 0, days: 0 };
    month.reviews += day.count;
    month.days += day.count > 0 ? 1 : 0;
    months.set(day.date.slice(0, 7), month);
  }
  const yearTotal = progress.heatmap.reduce((sum, d) => sum + d.count, 0);
  return (
    <section className="card progress-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Reviews in the past year</h2>
      <p className="muted">
        {plural(yearTotal, "review")} on {plural(progress.heatmap.filter((d) => d.count > 0).length, "day")}, by study
        day in {progress.timeZone}.
      </p>
      <Heatmap days={progress.heatmap} label={`Reviews per day over the past year, ${yearTotal} in all`} />
      <DataTable
        caption="Reviews per month"
        columns={["Month", "Reviews", "Days studied"]}
        rows={[...months].reverse().map(([month, m]) => [monthLabel(month), m.reviews, m.days])}
      />
    </section>
  );
}

function States({ progress }: { progress: Progress }) {
  return (
    <section className="card progress-section" aria-labelledby="states-heading">
      <h2 id="states-heading">Your items by state</h2>
      <ColumnChart
        label="Items by state"
        height={200}
        everyLabel
        data={CATEGORIES.map((c) => ({
          label: CATEGORY_LABELS[c],
          value: progress.counts[c],
          detail: `${progress.counts[c]}: ${CATEGORY_NOTES[c]}`,
        }))}
      />
      <DataTable
        caption="Items by state"
        columns={["State", "Items", "Meaning"]}
        rows={CATEGORIES.map((c) => [CATEGORY_LABELS[c], progress.counts[c], CATEGORY_NOTES[c]])}
      />
    </section>
  );
}

function Retention({ progress }: { progress: Progress }) {
  const answered = progress.retention.some((b) => b.reviews > 0);
  return (
    <section className="card progress-section" aria-labelledby="retention-heading">
      <h2 id="retention-heading">True retention</h2>
      <p className="muted">
        Share of answers to items in review that you recalled (anything but Again), by time since the previous review.
        Overall <strong data-testid="overall-retention">{percent(progress.overallRetention)}</strong>; your desired
        retention is <strong>{percent(progress.desiredRetention)}</strong> (the dashed line;{" "}
        <Link href="/settings">settings</Link>).
      </p>
      {answered ? (
        <RetentionChart
          label={`Recall rate by interval; desired retention ${percent(progress.desiredRetention)}`}
          desired={progress.desiredRetention}
          data={progress.retention.map((b) => ({
            label: b.short,
            value: b.rate === null ? 0 : Math.round(b.rate * 100),
            detail: b.rate === null ? "no reviews" : `${percent(b.rate)} of ${plural(b.reviews, "review")}`,
          }))}
        />
      ) : (
        <p className="muted">No review answers yet: items reach review after their learning steps.</p>
      )}
      <DataTable
        caption={`Recall rate by interval (desired ${percent(progress.desiredRetention)})`}
        columns={["Interval", "Reviews", "Recalled", "Recall rate"]}
        rows={progress.retention.map((b) => [b.label, b.reviews, b.recalled, percent(b.rate)])}
      />
    </section>
  );
}

function Mastery({ progress }: { progress: Progress }) {
  const groups = [
    { title: "By deck", rows: progress.byDeck, column: "Deck" },
    { title: "By topic", rows: progress.byTopic, column: "Topic" },
  ];
  return (
    <section className="card progress-section" aria-labelledby="mastery-heading">
      <h2 id="mastery-heading">Mastery</h2>
      <p className="muted" data-testid="mastery-definition">
        {MASTERY_DEFINITION} Shares are of all live items in the decks you have started.
      </p>
      {groups.map((g) => (
        <div key={g.title}>
          <h3>{g.title}</h3>
          <ShareChart
            label={`Share of items mastered ${g.title.toLowerCase()}`}
            data={g.rows.map((r) => ({
              label: r.label,
              value: Math.round(r.share * 100),
              detail: `${r.mastered} of ${r.items} mastered`,
            }))}
          />
          <DataTable
            caption={`Mastery ${g.title.toLowerCase()}`}
            columns={[g.column, "Items", "Studied", "Mastered", "Share"]}
            rows={g.rows.map((r) => [r.label, r.items, r.studied, r.mastered, percent(r.share)])}
          />
        </div>
      ))}
    </section>
  );
}

function Hardest({ progress }: { progress: Progress }) {
  if (progress.hardest.length === 0) return null;
  const decks = new Map(progress.hardest.map((h) => [h.deckId, h.deckTitle]));
  return (
    <section className="card progress-section" aria-labelledby="hardest-heading">
      <h2 id="hardest-heading">Hardest items</h2>
      <p className="muted">Most lapses first, then the lowest share of answers recalled.</p>
      <p className="actions-row">
        {[...decks].map(([deckId, title]) => (
          <Link key={deckId} className="button" href={`/decks/${deckId}/study`}>
            Study these{decks.size > 1 ? `: ${title}` : ""}
          </Link>
        ))}
      </p>
      <div className="table-scroll">
        <table>
          <caption>Your hardest items</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Deck</th>
              <th scope="col">Lapses</th>
              <th scope="col">Recalled</th>
            </tr>
          </thead>
          <tbody>
            {progress.hardest.map((h) => (
              <tr key={h.itemId}>
                <th scope="row">
                  <Link href={`/decks/${h.deckId}/items/${h.itemId}`}>{h.prompt}</Link>
                  {h.suspended ? <span className="badge">Suspended</span> : null}
                </th>
                <td>{h.deckTitle}</td>
                <td>{h.lapses}</td>
                <td>
                  {h.recalled} of {h.answers}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default async function ProgressPage() {
  const user = await requireUser("/progress");
  const progress = await loadProgress(user.id, new Date());
  return (
    <section className="progress">
      <h1>Progress</h1>
      {progress.totalReviews === 0 ? (
        <>
          <div className="card progress-empty">
            <p>
              <strong>No reviews yet — start studying.</strong> Your streak, forecast, retention and mastery appear here
              after your first answers.
            </p>
            <p>
              <Link className="button" href="/study">
                Start studying
              </Link>
            </p>
          </div>
          <States progress={progress} />
        </>
      ) : (
        <>
          <Summary progress={progress} />
          <p className="actions-row">
            <Link href="/progress/workload">Help me decide</Link> <Link href="/progress/catch-up">Catch up</Link>{" "}
            {/* A download (Anki's revlog columns), not a page: a plain link. */}
            <a href="/api/reviews/export" download>
              Download your review history (CSV)
            </a>
          </p>
          {!progress.streak.studiedToday && progress.streak.days > 0 ? (
            <p className="notice">Study today to keep your {plural(progress.streak.days, "day")} streak.</p>
          ) : null}
          <div className="progress-grid">
            <Forecast progress={progress} />
            <States progress={progress} />
          </div>
          <Activity progress={progress} />
          <Retention progress={progress} />
          <Mastery progress={progress} />
          <Hardest progress={progress} />
        </>
      )}
    </section>
  );
}
