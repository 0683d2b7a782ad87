"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export type WorkloadRow = { label: string; retention: number; minutes: number; reviews: number; memorized: number };

/**
 * Minutes a day (left axis) and items remembered after a year (right axis) against desired retention, with the
 * learner's current retention and the recommended one marked.
 */
export function WorkloadChart({
  data,
  current,
  recommended,
  label,
}: {
  data: WorkloadRow[];
  current: string;
  recommended: string | null;
  label: string;
}) {
  return (
    <figure className="chart" aria-label={label}>
      <LineChart responsive data={data} style={{ width: "100%", height: 300 }} margin={{ top: 16, right: 8, left: -8 }}>
        <CartesianGrid vertical={false} className="chart-grid" />
        <XAxis dataKey="label" tickLine={false} interval="preserveStartEnd" minTickGap={16} />
        <YAxis yAxisId="minutes" tickLine={false} axisLine={false} unit=" min" width={72} />
        <YAxis yAxisId="memorized" orientation="right" tickLine={false} axisLine={false} width={56} />
        <Tooltip />
        <Legend />
        <ReferenceLine yAxisId="minutes" x={current} className="chart-target" strokeDasharray="6 4" />
        {recommended ? <ReferenceLine yAxisId="minutes" x={recommended} stroke="currentColor" /> : null}
        <Line
          yAxisId="minutes"
          type="linear"
          dataKey="minutes"
          name="Minutes a day"
          stroke="currentColor"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="memorized"
          type="linear"
          dataKey="memorized"
          name="Items remembered after a year"
          stroke="currentColor"
          strokeDasharray="4 3"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </figure>
  );
}
