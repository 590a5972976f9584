/**
 * Chart colours. Each has at least 3:1 contrast on white (WCAG 1.4.11 for graphics), and no
 * chart relies on colour alone: legends and tables say the same in words.
 */
export const CHART_COLORS = {
  primary: "#b71c1c",
  target: "#5c6bc0",
  pace: "#455a64",
  compare: "#00695c",
  series: "#1565c0",
  funnel: "#6a1b9a",
  comparePace: "#6d4c41",
  axis: "#595959",
  text: "#1b1b1b",
  grid: "#e7e1de",
} as const;

/** Progress bands of admitted / target (the API's ProgressBand). */
export const BAND_COLORS = {
  LOW: "#c62828",
  MEDIUM: "#b26a00",
  MET: "#2e7d32",
  NONE: "#757575",
} as const;

export type Band = keyof typeof BAND_COLORS;
export const BANDS = ["LOW", "MEDIUM", "MET", "NONE"] as const satisfies readonly Band[];
