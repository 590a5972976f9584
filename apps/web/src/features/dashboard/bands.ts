import type { ProgressBand } from "../../gql/graphql.ts";
import { BAND_COLORS, BANDS, CHART_COLORS } from "../../ui/charts/colors.ts";
import type { LegendEntry } from "../../ui/charts/legend.ts";

export { BAND_COLORS, BANDS };

export function bandColor(band: ProgressBand): string {
  return BAND_COLORS[band];
}

/** The bar colours explained in words: target, then admitted by band. */
export function progressLegend(t: (key: `dashboard.legend.${"target" | ProgressBand}`) => string) {
  const entries: LegendEntry[] = [
    { label: t("dashboard.legend.target"), color: CHART_COLORS.target, shape: "box" },
  ];
  for (const band of BANDS) {
    entries.push({ label: t(`dashboard.legend.${band}`), color: BAND_COLORS[band], shape: "box" });
  }
  return entries;
}

/** The band of a percent of target, as the API computes it (ProgressBand). */
export function bandOf(percent: number | null): ProgressBand {
  if (percent === null) return "NONE";
  if (percent < 50) return "LOW";
  if (percent < 100) return "MEDIUM";
  return "MET";
}
