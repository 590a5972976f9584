import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { ChartContainer, truncate } from "./ChartContainer.tsx";
import { CHART_COLORS } from "./colors.ts";

export interface BarSeries {
  key: string;
  /** Shown in the tooltip. */
  name: string;
  /** Colour of every bar of the series, unless a datum sets its own in `colors`. */
  color: string;
}

export interface BarDatum {
  id: string;
  /** The category (unit, year, group), in full; axes may shorten it. */
  name: string;
  values: Record<string, number>;
  /** Text shown with a series' bar (e.g. "106%"). */
  labels?: Record<string, string>;
  /** Per-bar colour of a series (e.g. by progress band). */
  colors?: Record<string, string>;
}

export interface CategoryBarChartProps {
  data: BarDatum[];
  series: BarSeries[];
  /**
   * horizontal: one row per category, bars grow to the right (long names stay readable);
   * vertical: upright columns (years), which become rows on narrow screens.
   */
  layout: "horizontal" | "vertical";
  formatValue: (value: number) => string;
  /** Clicking a bar of a category; keyboard users have the table's links. */
  onSelect?: ((id: string) => void) | undefined;
}

const AXIS_TICK = { fontSize: 13, fill: CHART_COLORS.axis };
/** Below this width (px) every chart has rows, with each name written above its bars. */
const COMPACT_BELOW = 520;
const BAR = 14;
const BAR_GAP = 2;
/** Space around each category's bars (recharts puts it on both sides). */
const ROW_GAP = 8;
const COMPACT_ROW_GAP = 20;

/** Side-by-side bars per category, with labels and per-bar colours. */
export default function CategoryBarChart({
  data,
  series,
  layout,
  formatValue,
  onSelect,
}: CategoryBarChartProps) {
  const rows = data.map((d) => {
    const row: Record<string, string | number> = { id: d.id, name: d.name };
    for (const s of series) {
      row[s.key] = d.values[s.key] ?? 0;
      const label = d.labels?.[s.key];
      if (label !== undefined) row[`${s.key}__label`] = label;
    }
    return row;
  });
  const hasLabels = (key: string) => data.some((d) => d.labels?.[key] !== undefined);
  const longestLabel = Math.max(
    0,
    ...data.flatMap((d) => Object.values(d.labels ?? {}).map((label) => label.length)),
  );
  const compactAt = (width: number) => width < COMPACT_BELOW;
  const rowsAt = (width: number) => layout === "horizontal" || compactAt(width);
  const heightFor = (width: number) => {
    if (!rowsAt(width)) return 320;
    const gap = compactAt(width) ? COMPACT_ROW_GAP : ROW_GAP;
    const band = series.length * BAR + (series.length - 1) * BAR_GAP + 2 * gap;
    return Math.max(120, data.length * band + 40);
  };

  return (
    <ChartContainer height={heightFor}>
      {(width) => {
        const compact = compactAt(width);
        const horizontal = rowsAt(width);
        // Rows: names on the axis, or above the bars on narrow screens.
        const nameWidth = compact ? 0 : Math.min(280, Math.max(92, Math.round(width * 0.34)));
        const chars = Math.max(10, Math.floor((compact ? width - 24 : nameWidth) / 7.2));
        // Columns: the label goes under the category on the axis, where no taller bar hides it.
        const axisLabelKey = horizontal ? undefined : series.find((s) => hasLabels(s.key))?.key;
        const axisLabelOf = new Map(
          data.map((d) => [d.name, axisLabelKey ? d.labels?.[axisLabelKey] : undefined]),
        );
        return (
          <BarChart
            data={rows}
            layout={horizontal ? "vertical" : "horizontal"}
            margin={{
              top: compact ? 4 : 16,
              right: horizontal ? Math.min(120, longestLabel * 7 + 12) : 16,
              bottom: 4,
              left: compact ? 8 : 4,
            }}
            barGap={BAR_GAP}
            barCategoryGap={horizontal ? (compact ? COMPACT_ROW_GAP : ROW_GAP) : "20%"}
            accessibilityLayer={false}
          >
            <CartesianGrid
              stroke={CHART_COLORS.grid}
              horizontal={!horizontal}
              vertical={horizontal}
            />
            {horizontal ? (
              <>
                <XAxis
                  type="number"
                  tick={AXIS_TICK}
                  tickFormatter={(value: number) => formatValue(value)}
                  allowDecimals={false}
                  stroke={CHART_COLORS.axis}
                />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={nameWidth}
                  interval={0}
                  tick={compact ? false : AXIS_TICK}
                  tickFormatter={(value: string) => truncate(value, chars)}
                  stroke={CHART_COLORS.axis}
                />
              </>
            ) : (
              <>
                <XAxis
                  type="category"
                  dataKey="name"
                  interval={0}
                  height={axisLabelKey ? 44 : 30}
                  tick={
                    axisLabelKey
                      ? (props: TickProps) => (
                          <TwoLineTick {...props} second={axisLabelOf.get(props.payload.value)} />
                        )
                      : AXIS_TICK
                  }
                  stroke={CHART_COLORS.axis}
                />
                <YAxis
                  type="number"
                  width={48}
                  tick={AXIS_TICK}
                  tickFormatter={(value: number) => formatValue(value)}
                  allowDecimals={false}
                  stroke={CHART_COLORS.axis}
                />
              </>
            )}
            <Tooltip
              formatter={(value) => formatValue(Number(value))}
              isAnimationActive={false}
              cursor={{ fill: "rgba(0, 0, 0, 0.05)" }}
            />
            {series.map((s, index) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.color}
                maxBarSize={horizontal ? BAR : 36}
                isAnimationActive={false}
                cursor={onSelect ? "pointer" : undefined}
                onClick={onSelect ? (_entry, i) => onSelect(data[i]!.id) : undefined}
              >
                {data.map((d) => (
                  <Cell key={d.id} fill={d.colors?.[s.key] ?? s.color} />
                ))}
                {compact && index === 0 && (
                  <LabelList
                    dataKey="name"
                    content={(props) => (
                      <text
                        x={Number(props.x)}
                        y={Number(props.y) - 5}
                        fontSize={13}
                        fontWeight={600}
                        fill={CHART_COLORS.text}
                      >
                        {truncate(String(props.value ?? ""), chars)}
                      </text>
                    )}
                  />
                )}
                {horizontal && hasLabels(s.key) && (
                  <LabelList
                    dataKey={`${s.key}__label`}
                    position="right"
                    fill={CHART_COLORS.axis}
                    fontSize={12}
                  />
                )}
              </Bar>
            ))}
          </BarChart>
        );
      }}
    </ChartContainer>
  );
}

interface TickProps {
  x: number | string;
  y: number | string;
  payload: { value: string };
}

/** An axis tick of two lines: the category, then its label (e.g. "2024" / "106%"). */
function TwoLineTick({ x, y, payload, second }: TickProps & { second: string | undefined }) {
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="middle" fontSize={13} fill={CHART_COLORS.axis}>
      <tspan x={Number(x)} dy="0.9em">
        {payload.value}
      </tspan>
      {second && (
        <tspan x={Number(x)} dy="1.2em" fontWeight={600}>
          {second}
        </tspan>
      )}
    </text>
  );
}
