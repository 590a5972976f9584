import type { CSSProperties } from "react";
import type { LegendEntry } from "./legend.ts";

/** The legend in words beside colour swatches, so no information depends on colour alone. */
export function ChartLegend({ entries, label }: { entries: LegendEntry[]; label: string }) {
  if (entries.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label={label}>
      {entries.map((entry) => (
        <li key={`${entry.shape}-${entry.label}`}>
          <span
            className={`legend-swatch legend-swatch-${entry.shape}`}
            style={{ "--swatch": entry.color } as CSSProperties}
            aria-hidden="true"
          />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
