import { useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ErrorCode } from "../errors.ts";
import {
  downloadExport,
  ExportError,
  exportRequestBody,
  type ExportFormat,
  type ExportSpec,
} from "./exportFile.ts";
import type { LegendEntry } from "./legend.ts";
import { saveChartAsPng } from "./savePng.ts";
import { useChartView, type ChartView } from "./useChartView.ts";
import "./charts.css";

export interface PngSpec {
  filename: string;
  subtitle?: string | undefined;
  legend: LegendEntry[];
}

export interface ChartPanelProps {
  /** Stable id: remembers the chosen view and names DOM ids. */
  id: string;
  title: string;
  intro?: ReactNode;
  /** The panel's own controls (sort order, dimension…), shown before the view toggle. */
  controls?: ReactNode;
  /** What Export sends; undefined while there is nothing to export (loading, error). */
  exportSpec?: ExportSpec | undefined;
  /** How Save as PNG labels the image; undefined: no PNG button. */
  png?: PngSpec | undefined;
  /** The body for the chosen view: the chart (in a ChartFigure) or its data table. */
  children: (view: ChartView) => ReactNode;
}

type Busy = ExportFormat | "png" | null;
type Failure = { kind: "export"; code: ErrorCode } | { kind: "png" } | null;

/**
 * A dashboard panel: heading, a Chart / Table toggle, export to CSV and XLSX through the server,
 * and Save as PNG. The table is always one click away and is the chart's accessible alternative.
 */
export function ChartPanel({
  id,
  title,
  intro,
  controls,
  exportSpec,
  png,
  children,
}: ChartPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const body = useRef<HTMLDivElement>(null);
  const [view, setView] = useChartView(id);
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<Failure>(null);

  async function runExport(format: ExportFormat) {
    if (!exportSpec || busy) return;
    setBusy(format);
    setFailure(null);
    try {
      await downloadExport(exportRequestBody(exportSpec, format));
    } catch (error) {
      setFailure({
        kind: "export",
        code: error instanceof ExportError ? error.code : "UNKNOWN",
      });
    } finally {
      setBusy(null);
    }
  }

  async function savePng() {
    if (!png || busy) return;
    const svg =
      body.current?.querySelector<SVGSVGElement>("[data-chart-figure] svg.recharts-surface") ??
      body.current?.querySelector<SVGSVGElement>("[data-chart-figure] svg");
    if (!svg) {
      setFailure({ kind: "png" });
      return;
    }
    setBusy("png");
    setFailure(null);
    try {
      await saveChartAsPng(svg, { title, ...png });
    } catch {
      setFailure({ kind: "png" });
    } finally {
      setBusy(null);
    }
  }

  const exportDisabled = !exportSpec || busy !== null;
  return (
    <section className="chart-panel" aria-labelledby={headingId} data-panel={id}>
      <div className="chart-panel-head">
        <h2 id={headingId}>{title}</h2>
        {intro}
      </div>
      <div className="chart-panel-toolbar">
        {controls}
        <div className="segmented" role="group" aria-label={t("charts.view.label")}>
          <button
            type="button"
            className="segmented-button"
            aria-pressed={view === "chart"}
            onClick={() => setView("chart")}
          >
            {t("charts.view.chart")}
          </button>
          <button
            type="button"
            className="segmented-button"
            aria-pressed={view === "table"}
            onClick={() => setView("table")}
          >
            {t("charts.view.table")}
          </button>
        </div>
        <div className="chart-panel-actions" role="group" aria-label={t("charts.export.label")}>
          <button
            type="button"
            className="button button-secondary chart-button"
            aria-disabled={exportDisabled}
            onClick={() => void runExport("csv")}
          >
            {busy === "csv" ? t("charts.export.busy") : t("charts.export.csv")}
          </button>
          <button
            type="button"
            className="button button-secondary chart-button"
            aria-disabled={exportDisabled}
            onClick={() => void runExport("xlsx")}
          >
            {busy === "xlsx" ? t("charts.export.busy") : t("charts.export.xlsx")}
          </button>
          {png && view === "chart" && (
            <button
              type="button"
              className="button button-secondary chart-button"
              aria-disabled={busy !== null}
              onClick={() => void savePng()}
            >
              {busy === "png" ? t("charts.export.busy") : t("charts.export.png")}
            </button>
          )}
        </div>
      </div>
      {failure && (
        <p className="inline-error" role="alert">
          {failure.kind === "png"
            ? t("charts.export.pngFailed")
            : t("charts.export.failed", { reason: t(`errors.${failure.code}`) })}
        </p>
      )}
      <div className="chart-panel-body" ref={body}>
        {children(view)}
      </div>
    </section>
  );
}
