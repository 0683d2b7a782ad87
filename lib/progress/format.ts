// Labels for the dashboard, computed on the server so client charts render the same text as the server did.

const dayFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" });
const longDayFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
});
const monthFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long", year: "numeric" });

const atMidnight = (key: string) => new Date(`${key}T00:00:00Z`);

/** @example dayLabel("2026-03-10"); // "Mar 10" */
export const dayLabel = (key: string) => dayFormat.format(atMidnight(key));

/** @example longDayLabel("2026-03-10"); // "Tue, Mar 10, 2026" */
export const longDayLabel = (key: string) => longDayFormat.format(atMidnight(key));

/** @example monthLabel("2026-03"); // "March 2026" */
export const monthLabel = (month: string) => monthFormat.format(atMidnight(`${month}-01`));

/**
 * @example
 * formatDuration(400); // "<1 s"
 * formatDuration(42_000); // "42 s"
 * formatDuration(3_900_000); // "1 h 5 min"
 */
export function formatDuration(ms: number): string {
  if (ms > 0 && ms < 1000) return "<1 s";
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** @example percent(2 / 3); // "67%"; percent(null); // "—" */
export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** A count with its noun: "1 learner", "2 learners". @example plural(1, "attempt") // "1 attempt" */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

// Dates and times as a viewer reads them: always in their own time zone (UserSettings.timeZone), so a Chicago
// instructor and a Berlin learner each see an assignment's due time on their own clock. Formatters are cached per
// zone (building one costs far more than formatting with it).
const zoned = new Map<
  string,
  { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; key: Intl.DateTimeFormat; clock: Intl.DateTimeFormat }
>();

function formattersFor(timeZone: string) {
  let f = zoned.get(timeZone);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", year: "numeric" }),
      dateTime: new Intl.DateTimeFormat("en-US", {
        timeZone,
        weekday: "short",
        month: "short",
        day: "numeric",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZoneName: "short",
      }),
      key: new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
      clock: new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    };
    zoned.set(timeZone, f);
  }
  return f;
}

/** The calendar date of an instant in the viewer's zone. @example formatDate(new Date("2026-12-11T03:00Z"), "America/Chicago") // "Dec 10, 2026" */
export const formatDate = (date: Date, timeZone: string) => formattersFor(timeZone).date.format(date);

/**
 * Date and time of an instant in the viewer's zone, with the zone's name.
 * @example formatDateTime(new Date("2026-12-11T05:59Z"), "America/Chicago") // "Thu, Dec 10, 2026, 23:59 CST"
 */
export const formatDateTime = (date: Date, timeZone: string) => formattersFor(timeZone).dateTime.format(date);

/** "YYYY-MM-DD" of an instant in the viewer's zone. @example localDateKey(new Date("2026-12-11T03:00Z"), "America/Chicago") // "2026-12-10" */
export const localDateKey = (date: Date, timeZone: string) => formattersFor(timeZone).key.format(date);

/**
 * The value of an `<input type="datetime-local">` showing an instant on the viewer's clock; the inverse of
 * instantOfLocalDateTime (lib/srs/day.ts), so a form that is saved unchanged keeps its instant.
 * @example dateTimeLocalValue(new Date("2026-12-11T05:59Z"), "America/Chicago") // "2026-12-10T23:59"
 */
export const dateTimeLocalValue = (date: Date, timeZone: string) =>
  `${localDateKey(date, timeZone)}T${formattersFor(timeZone).clock.format(date)}`;

/** Whole calendar days from `from` to `to` in `timeZone` (0: the same local day). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const day = (d: Date) => Date.parse(`${localDateKey(d, timeZone)}T00:00:00Z`);
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/**
 * How a due date reads to a viewer at `now`, in their zone: "due Thu, Dec 10, 2026, 23:59 CST (in 3 days)", "due
 * today (…)", "overdue since …". Days are the viewer's calendar days, not 24-hour spans.
 * @example dueLabel(new Date("2026-12-11T05:59Z"), new Date("2026-12-07T15:00Z"), "America/Chicago").text
 * // "due Thu, Dec 10, 2026, 23:59 CST (in 3 days)"
 */
export function dueLabel(dueAt: Date, now: Date, timeZone: string): { text: string; overdue: boolean } {
  const when = formatDateTime(dueAt, timeZone);
  if (dueAt < now) return { text: `overdue since ${when}`, overdue: true };
  const days = calendarDaysBetween(now, dueAt, timeZone);
  if (days === 0) return { text: `due today (${when})`, overdue: false };
  return { text: `due ${when} (${days === 1 ? "tomorrow" : `in ${days} days`})`, overdue: false };
}
