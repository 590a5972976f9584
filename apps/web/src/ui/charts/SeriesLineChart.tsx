import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartContainer } from "./ChartContainer.tsx";
import { CHART_COLORS } from "./colors.ts";

export interface LineSeries {
  key: string;
  name: string;
  color: string;
  /** Dashed: a reference (a target's pace) rather than an outcome. */
  dashed?: boolean;
  /** One value per category; null leaves a gap (e.g. months still to come). */
  values: (number | null)[];
}

export interface SeriesLineChartProps {
  categories: string[];
  lines: LineSeries[];
  formatValue: (value: number) => string;
  height?: number;
}

const AXIS_TICK = { fontSize: 13, fill: CHART_COLORS.axis };

/** Lines over ordered categories (months), outcomes solid and references dashed. */
export default function SeriesLineChart({
  categories,
  lines,
  formatValue,
  height = 300,
}: SeriesLineChartProps) {
  const rows = categories.map((name, i) => {
    const row: Record<string, string | number | null> = { name };
    for (const line of lines) row[line.key] = line.values[i] ?? null;
    return row;
  });
  return (
    <ChartContainer height={height}>
      {() => (
        <LineChart
          data={rows}
          margin={{ top: 16, right: 16, bottom: 8, left: 4 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={CHART_COLORS.grid} />
          <XAxis dataKey="name" tick={AXIS_TICK} stroke={CHART_COLORS.axis} />
          <YAxis
            width={48}
            tick={AXIS_TICK}
            tickFormatter={(value: number) => formatValue(value)}
            stroke={CHART_COLORS.axis}
          />
          <Tooltip formatter={(value) => formatValue(Number(value))} isAnimationActive={false} />
          {lines.map((line) => (
            <Line
              key={line.key}
              type="linear"
              dataKey={line.key}
              name={line.name}
              stroke={line.color}
              strokeWidth={line.dashed ? 2 : 3}
              strokeDasharray={line.dashed ? "6 4" : undefined}
              dot={line.dashed ? false : { r: 3, fill: line.color }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </ChartContainer>
  );
}
