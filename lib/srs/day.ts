import { assertValidDate } from "./errors";

// A study day runs from `dayStartHour` local time to the same hour the next local day (Anki's "next day
// starts at"). Local time comes from Intl, so DST and odd offsets (Asia/Kolkata +5:30, Pacific/Chatham +12:45)
// are handled by the platform's time zone database.

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// Local parts already computed, per time zone and instant: Intl's formatToParts is the costliest step here, and an
// answer asks for the same few instants (day starts, candidate due days) many times (the load balancer runs its
// schedule twice, lib/db/workload.ts withDueCounts). Bounded: emptied when it grows past LOCAL_PARTS_KEPT.
const knownParts = new Map<string, Map<number, LocalParts>>();
const LOCAL_PARTS_KEPT = 10_000;
let knownCount = 0;

function localParts(ms: number, timeZone: string): LocalParts {
  let zone = knownParts.get(timeZone);
  if (!zone) knownParts.set(timeZone, (zone = new Map()));
  let parts = zone.get(ms);
  if (!parts) {
    if (knownCount >= LOCAL_PARTS_KEPT) {
      for (const kept of knownParts.values()) kept.clear();
      knownCount = 0;
    }
    zone.set(ms, (parts = formattedParts(ms, timeZone)));
    knownCount += 1;
  }
  return parts;
}

function formattedParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Offset of local time from UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which local wall time `wallMs` (a local time written as if it were UTC) occurs.
 * Ambiguous (clocks set back): the earlier instant. Nonexistent (clocks set forward): the transition itself.
 */
function instantOfWallTime(wallMs: number, timeZone: string): number {
  const before = wallMs - offsetAt(wallMs - 86_400_000, timeZone);
  const after = wallMs - offsetAt(wallMs + 86_400_000, timeZone);
  const candidates = [before, after].filter((ms) => ms + offsetAt(ms, timeZone) === wallMs);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: binary-search the transition between `after` (before it) and `before` (after it).
  let lo = Math.min(before, after);
  let hi = Math.max(before, after);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2 / 1000) * 1000;
    if (mid + offsetAt(mid, timeZone) >= wallMs) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The local calendar date of the study day containing `date`, as UTC-midnight milliseconds. */
function studyDayMs(date: Date, timeZone: string, dayStartHour: number): number {
  assertValidDate(date, "date");
  const p = localParts(date.getTime(), timeZone);
  const day = Date.UTC(p.year, p.month - 1, p.day);
  return p.hour < dayStartHour ? day - 86_400_000 : day;
}

/**
 * "YYYY-MM-DD" of the learner's study day containing `date` (before `dayStartHour` it is still yesterday).
 *
 * @example
 * studyDayKey(new Date("2026-01-05T17:30:00Z"), "Asia/Tokyo", 4); // "2026-01-05" (02:30 on the 6th in Tokyo)
 */
export function studyDayKey(date: Date, timeZone: string, dayStartHour: number): string {
  return new Date(studyDayMs(date, timeZone, dayStartHour)).toISOString().slice(0, 10);
}

/**
 * Whole study days from `from` to `to` (negative if `to` is earlier).
 *
 * @example
 * studyDaysBetween(new Date("2026-01-05T10:00:00Z"), new Date("2026-01-07T03:00:00Z"), "UTC", 4); // 1
 */
export function studyDaysBetween(from: Date, to: Date, timeZone: string, dayStartHour: number): number {
  return Math.round((studyDayMs(to, timeZone, dayStartHour) - studyDayMs(from, timeZone, dayStartHour)) / 86_400_000);
}

// The study day of the latest `now` per time zone and start hour: the queue asks for the same day's bounds several
// times per answer, and each computation formats dates through Intl a few times.
const lastDay = new Map<string, { start: number; end: number }>();

function studyDayBounds(now: Date, timeZone: string, dayStartHour: number): { start: number; end: number } {
  assertValidDate(now, "now");
  const key = `${timeZone}|${dayStartHour}`;
  const cached = lastDay.get(key);
  const ms = now.getTime();
  if (cached && cached.start <= ms && ms < cached.end) return cached;
  const day = studyDayMs(now, timeZone, dayStartHour) + dayStartHour * 3_600_000;
  const bounds = { start: instantOfWallTime(day, timeZone), end: instantOfWallTime(day + 86_400_000, timeZone) };
  if (lastDay.size > 1000) lastDay.clear();
  lastDay.set(key, bounds);
  return bounds;
}

/**
 * The instant the current study day started.
 *
 * @example
 * studyDayStart(new Date("2026-03-08T12:00:00Z"), "America/New_York", 4); // 2026-03-08T08:00:00Z (04:00 EDT)
 */
export function studyDayStart(now: Date, timeZone: string, dayStartHour: number): Date {
  return new Date(studyDayBounds(now, timeZone, dayStartHour).start);
}

/**
 * The instant the next study day starts (use it for "bury until tomorrow" and "due today" cut-offs).
 *
 * @example
 * nextStudyDayStart(new Date("2026-01-05T10:00:00Z"), "UTC", 4); // 2026-01-06T04:00:00Z
 */
export function nextStudyDayStart(now: Date, timeZone: string, dayStartHour: number): Date {
  return new Date(studyDayBounds(now, timeZone, dayStartHour).end);
}

/**
 * The instant at which a local date and time (`YYYY-MM-DDTHH:MM`, as `<input type="datetime-local">` sends it) occurs
 * in `timeZone`; null when it is not a real date and time. A time skipped by a DST change gives the transition.
 * @example instantOfLocalDateTime("2026-12-10T23:59", "America/Chicago") // 2026-12-11T05:59:00.000Z
 */
export function instantOfLocalDateTime(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59 || mo < 1 || mo > 12) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  try {
    return new Date(instantOfWallTime(wall, timeZone));
  } catch {
    return null;
  }
}
