"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";

// Charts are drawn by recharts; colours come from app/globals.css (bars use currentColor, set per chart in CSS), so
// light and dark themes follow the system. Each chart is a named figure (recharts' accessibility layer lets a keyboard
// user step through the bars) and has a table beside it with the same figures.

export type Bar = { label: string; value: number; detail?: string };

function ChartTooltip({ active, payload }: TooltipContentProps) {
  if (!active || !payload?.length) return null;
  const bar = payload[0]!.payload as Bar;
  return (
    <div className="chart-tooltip">
      <strong>{bar.label}</strong>
      <br />
      {bar.detail ?? bar.value}
    </div>
  );
}

type ChartProps = {
  data: Bar[];
  label: string;
  height?: number;
  /** Label every bar (few categories) instead of thinning the labels to fit (a series of days). */
  everyLabel?: boolean;
};

/** A vertical bar chart, one bar per entry (forecast days, card states). */
export function ColumnChart({ data, label, height = 220, everyLabel = false }: ChartProps) {
  return (
    <figure className={everyLabel ? "chart chart--dense" : "chart"} aria-label={label}>
      <BarChart responsive data={data} style={{ width: "100%", height }} margin={{ top: 8, right: 8, left: -16 }}>
        <CartesianGrid vertical={false} className="chart-grid" />
        <XAxis dataKey="label" tickLine={false} interval={everyLabel ? 0 : "preserveStartEnd"} minTickGap={12} />
        <YAxis allowDecimals={false} tickLine={false} axisLine={false} />
        <Tooltip content={ChartTooltip} cursor={{ className: "chart-cursor" }} />
        <Bar dataKey="value" fill="currentColor" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}

/** Recall rate per interval band (0–100 %), with the desired retention as a line. */
export function RetentionChart({ data, desired, label }: { data: Bar[]; desired: number; label: string }) {
  return (
    <figure className="chart chart--dense" aria-label={label}>
      <BarChart responsive data={data} style={{ width: "100%", height: 240 }} margin={{ top: 20, right: 8, left: -16 }}>
        <CartesianGrid vertical={false} className="chart-grid" />
        <XAxis dataKey="label" tickLine={false} interval={0} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" tickLine={false} axisLine={false} />
        <Tooltip content={ChartTooltip} cursor={{ className: "chart-cursor" }} />
        <ReferenceLine y={Math.round(desired * 100)} className="chart-target" strokeDasharray="6 4" />
        <Bar dataKey="value" fill="currentColor" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}

/** Horizontal bars of a share (0–100 %), one per deck or topic. */
export function ShareChart({ data, label }: { data: Bar[]; label: string }) {
  const height = 40 + data.length * 32;
  return (
    <figure className="chart" aria-label={label}>
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: "100%", height }}
        margin={{ top: 4, right: 40, left: 8 }}
      >
        <XAxis type="number" domain={[0, 100]} unit="%" tickLine={false} />
        <YAxis type="category" dataKey="label" width={120} tickLine={false} axisLine={false} />
        <Tooltip content={ChartTooltip} cursor={{ className: "chart-cursor" }} />
        <Bar dataKey="value" fill="currentColor" radius={[0, 3, 3, 0]} isAnimationActive={false}>
          <LabelList dataKey="value" position="right" formatter={(v) => `${String(v)}%`} className="chart-value" />
        </Bar>
      </BarChart>
    </figure>
  );
}
