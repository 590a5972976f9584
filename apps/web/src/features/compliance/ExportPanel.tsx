import { useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ErrorCode } from "../../ui/errors.ts";
import {
  downloadExport,
  ExportError,
  exportRequestBody,
  type ExportFormat,
  type ExportSpec,
} from "../../ui/charts/exportFile.ts";
import "../../ui/charts/charts.css";

export interface PanelExport extends ExportSpec {
  /** Follow every page of a connection (the query takes `$after`). */
  paginate?: boolean;
}

/**
 * A panel like the dashboard's ChartPanel, for views that are tables already (the compliance
 * table and the heat-map): heading, its own controls, and CSV / XLSX export through the server
 * (`POST /export` runs the panel's own query again with the user's rights).
 */
export function ExportPanel({
  id,
  title,
  intro,
  controls,
  exportSpec,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  controls?: ReactNode;
  exportSpec: PanelExport | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [failure, setFailure] = useState<ErrorCode | null>(null);

  async function runExport(format: ExportFormat) {
    if (!exportSpec || busy) return;
    setBusy(format);
    setFailure(null);
    try {
      const body = exportRequestBody(exportSpec, format);
      // The server follows pageInfo.endCursor itself when asked to (see api export.ts).
      await downloadExport(exportSpec.paginate ? Object.assign(body, { paginate: true }) : body);
    } catch (error) {
      setFailure(error instanceof ExportError ? error.code : "UNKNOWN");
    } finally {
      setBusy(null);
    }
  }

  const disabled = !exportSpec || busy !== null;
  return (
    <section className="chart-panel export-panel" aria-labelledby={headingId} data-panel={id}>
      <div className="chart-panel-head">
        <h2 id={headingId}>{title}</h2>
        {intro}
      </div>
      <div className="chart-panel-toolbar">
        {controls}
        <div className="chart-panel-actions" role="group" aria-label={t("charts.export.label")}>
          <button
            type="button"
            className="button button-secondary chart-button"
            aria-disabled={disabled}
            onClick={() => void runExport("csv")}
          >
            {busy === "csv" ? t("charts.export.busy") : t("charts.export.csv")}
          </button>
          <button
            type="button"
            className="button button-secondary chart-button"
            aria-disabled={disabled}
            onClick={() => void runExport("xlsx")}
          >
            {busy === "xlsx" ? t("charts.export.busy") : t("charts.export.xlsx")}
          </button>
        </div>
      </div>
      {failure && (
        <p className="inline-error" role="alert">
          {t("charts.export.failed", { reason: t(`errors.${failure}`) })}
        </p>
      )}
      <div className="chart-panel-body">{children}</div>
    </section>
  );
}
