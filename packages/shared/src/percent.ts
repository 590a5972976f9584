/** Admitted as a percent of the target, rounded to one decimal; null when there is no target. */
export function percentOfTarget(admitted: number, target: number): number | null {
  if (!Number.isFinite(target) || target <= 0) return null;
  return Math.round((admitted / target) * 1000) / 10;
}

export type ProgressBand = "LOW" | "MEDIUM" | "MET" | "NONE";

/** The dashboard's colour bands: < 50 % red, 50–99.9 % amber, ≥ 100 % green. */
export function progressBand(percent: number | null): ProgressBand {
  if (percent === null) return "NONE";
  if (percent < 50) return "LOW";
  if (percent < 100) return "MEDIUM";
  return "MET";
}
