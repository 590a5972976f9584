import type { ReactNode } from "react";

/**
 * The chart itself, as one image for assistive technology: `summary` says what it shows, and
 * the panel's table (one click away) has every figure.
 */
export function ChartFigure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <div className="chart-figure" role="img" aria-label={summary} data-chart-figure="">
      {children}
    </div>
  );
}
