import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  downloadExport,
  ExportError,
  exportRequestBody,
  type ExportFormat,
  type ExportSpec,
} from "../../ui/charts/exportFile.ts";
import type { ErrorCode } from "../../ui/errors.ts";
import "../../ui/charts/charts.css";

export interface ListExport extends ExportSpec {
  /** Follow every page of a connection (the query takes `$after`); the server does it. */
  paginate?: boolean;
}

/**
 * CSV and XLSX buttons for a list that is a table already (no chart to toggle): the server runs
 * the list's own query again with the user's rights (`POST /export`) and stamps the file.
 */
export function ExportActions({ spec }: { spec: ListExport | undefined }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [failure, setFailure] = useState<ErrorCode | null>(null);

  async function run(format: ExportFormat) {
    if (!spec || busy) return;
    setBusy(format);
    setFailure(null);
    try {
      const body = exportRequestBody(spec, format);
      await downloadExport(spec.paginate ? Object.assign(body, { paginate: true }) : body);
    } catch (error) {
      setFailure(error instanceof ExportError ? error.code : "UNKNOWN");
    } finally {
      setBusy(null);
    }
  }

  const disabled = !spec || busy !== null;
  return (
    <>
      <div className="chart-panel-actions" role="group" aria-label={t("charts.export.label")}>
        <button
          type="button"
          className="button button-secondary chart-button"
          aria-disabled={disabled}
          onClick={() => void run("csv")}
        >
          {busy === "csv" ? t("charts.export.busy") : t("charts.export.csv")}
        </button>
        <button
          type="button"
          className="button button-secondary chart-button"
          aria-disabled={disabled}
          onClick={() => void run("xlsx")}
        >
          {busy === "xlsx" ? t("charts.export.busy") : t("charts.export.xlsx")}
        </button>
      </div>
      {failure && (
        <p className="inline-error" role="alert">
          {t("charts.export.failed", { reason: t(`errors.${failure}`) })}
        </p>
      )}
    </>
  );
}
