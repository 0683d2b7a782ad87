/** "due in 3 days" / "overdue by 2 days", for a due date seen at `now`. */
export function dueLabel(dueAt: Date, now: Date): { text: string; overdue: boolean } {
  const days = Math.round((dueAt.getTime() - now.getTime()) / 86_400_000);
  const date = dueAt.toISOString().slice(0, 10);
  if (dueAt < now) return { text: `overdue since ${date}`, overdue: true };
  if (days === 0) return { text: `due today (${date})`, overdue: false };
  return { text: `due ${date} (in ${days} day${days === 1 ? "" : "s"})`, overdue: false };
}
