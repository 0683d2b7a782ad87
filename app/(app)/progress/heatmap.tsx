import type { DayCount } from "@/lib/progress/days";
import { longDayLabel } from "@/lib/progress/format";

// A calendar heatmap (recharts has none): plain SVG drawn on the server, one square per study day, weeks as columns
// starting on Sunday, shaded in five levels relative to the busiest day.

const CELL = 11;
const GAP = 2;

function level(count: number, max: number) {
  if (count === 0 || max === 0) return 0;
  return Math.max(1, Math.ceil((count / max) * 4));
}

export function Heatmap({ days, label }: { days: DayCount[]; label: string }) {
  if (days.length === 0) return null;
  const firstWeekday = new Date(`${days[0]!.date}T00:00:00Z`).getUTCDay();
  const max = Math.max(...days.map((d) => d.count));
  const weeks = Math.ceil((firstWeekday + days.length) / 7);
  const width = weeks * (CELL + GAP);
  const height = 7 * (CELL + GAP);
  return (
    <div className="heatmap">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        {days.map((day, i) => {
          const slot = firstWeekday + i;
          return (
            <rect
              key={day.date}
              x={Math.floor(slot / 7) * (CELL + GAP)}
              y={(slot % 7) * (CELL + GAP)}
              width={CELL}
              height={CELL}
              rx={2}
              className={`heat-${level(day.count, max)}`}
            >
              <title>{`${longDayLabel(day.date)}: ${day.count} review${day.count === 1 ? "" : "s"}`}</title>
            </rect>
          );
        })}
      </svg>
      <p className="heatmap__legend muted" aria-hidden="true">
        Less
        {[0, 1, 2, 3, 4].map((n) => (
          <span key={n} className={`heatmap__swatch heat-${n}`} />
        ))}
        More
      </p>
    </div>
  );
}
