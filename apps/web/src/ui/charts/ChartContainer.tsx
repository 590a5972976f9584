import { useState, type ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/** Width a chart has before it is measured (and in jsdom, which has no ResizeObserver). */
export const INITIAL_CHART_WIDTH = 720;

/**
 * A recharts ResponsiveContainer that also tells its chart how wide it is, so that axes and
 * labels can adapt (short names at 360 px, full names on a desktop).
 */
export function ChartContainer({
  height: heightFor,
  children,
}: {
  /** Fixed, or depending on the width (e.g. taller rows with names above the bars on phones). */
  height: number | ((width: number) => number);
  children: (width: number) => ReactElement;
}) {
  const [width, setWidth] = useState(INITIAL_CHART_WIDTH);
  const height = typeof heightFor === "number" ? heightFor : heightFor(width);
  return (
    <ResponsiveContainer
      width="100%"
      height={height}
      initialDimension={{ width: INITIAL_CHART_WIDTH, height }}
      onResize={(measured) => {
        if (measured > 0) setWidth(Math.round(measured));
      }}
    >
      {children(width)}
    </ResponsiveContainer>
  );
}

/** A name cut to fit `chars` characters, with an ellipsis. */
export function truncate(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1)).trimEnd()}…`;
}
