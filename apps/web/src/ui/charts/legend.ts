/** One entry of a chart's legend: drawn on the page (ChartLegend) and into saved images. */
export interface LegendEntry {
  label: string;
  color: string;
  /** A filled box (bars), a solid line, or a dashed line (a pace or target line). */
  shape: "box" | "line" | "dashed";
}
