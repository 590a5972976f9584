import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { EmptyState } from "../../ui/QueryState.tsx";
import { bandOf, BANDS, STATUSES, type ImplementationStatus } from "./headline.ts";
import { ImplementationCoverageQuery } from "./implementation.operations.ts";
import type { Coverage } from "./ImplementationPage.tsx";
import { implementationPath } from "./paths.ts";

type Row = Coverage["rows"][number];

const STATUS_FIELD: Record<ImplementationStatus, "onTime" | "late" | "overdue" | "pending"> = {
  ON_TIME: "onTime",
  LATE: "late",
  OVERDUE: "overdue",
  PENDING: "pending",
};

/**
 * Per direct subordinate: the heat-map (every square coloured by status and saying it in words)
 * and the same figures as a plain table, with CSV / XLSX export through the server.
 */
export function ByUnitPanel({
  coverage,
  documentId,
  unitId,
  asOf,
}: {
  coverage: Coverage;
  documentId: string;
  unitId: string;
  asOf: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const title = t("implementation.byUnit.title");
  const c = (key: keyof typeof columnKeys) => t(`implementation.byUnit.columns.${key}`);
  const unitName = coverage.unit?.name ?? coverage.total.name;
  const exportSpec: ExportSpec = {
    document: ImplementationCoverageQuery,
    variables: { documentId, unitId, first: 0, ...(asOf ? { asOf } : {}) },
    path: "implementationCoverage.rows",
    columns: (Object.keys(columnKeys) as (keyof typeof columnKeys)[]).map((key) => ({
      key: key === "unit" ? "name" : key,
      header: c(key),
    })),
    filename: `${t("implementation.byUnit.filename")}-${coverage.document.number.replace(/[^\p{L}\p{N}]+/gu, "-")}-${coverage.asOf}`,
    title: `${title} – ${coverage.document.number} – ${unitName} – ${format.date(coverage.asOf)}`,
  };
  const link = (row: Row) =>
    row.unitId === unitId ? (
      row.name
    ) : (
      <Link to={implementationPath(documentId, { unit: row.unitId, asOf })}>{row.name}</Link>
    );

  return (
    <ChartPanel
      id="implementation-by-unit"
      title={title}
      intro={<p className="hint">{t("implementation.byUnit.intro")}</p>}
      exportSpec={exportSpec}
    >
      {(view) =>
        coverage.rows.length === 0 ? (
          <EmptyState>{t("implementation.byUnit.empty")}</EmptyState>
        ) : view === "chart" ? (
          <>
            <HeatMapLegend />
            <HeatMap coverage={coverage} link={link} />
          </>
        ) : (
          <CoverageTable coverage={coverage} link={link} />
        )
      }
    </ChartPanel>
  );
}

/** The table's columns (also the export's), in order. */
const columnKeys = {
  unit: true,
  required: true,
  issued: true,
  percent: true,
  onTime: true,
  late: true,
  overdue: true,
  pending: true,
  disseminated: true,
  disseminatedPercent: true,
  midTermReviewed: true,
  finalReviewed: true,
} as const;

function CoverageTable({ coverage, link }: { coverage: Coverage; link: (row: Row) => ReactNode }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const c = (key: keyof typeof columnKeys) => t(`implementation.byUnit.columns.${key}`);
  const numeric = [
    "required",
    "issued",
    "onTime",
    "late",
    "overdue",
    "pending",
    "disseminated",
    "midTermReviewed",
    "finalReviewed",
  ] as const;
  const cells = (row: Row | Coverage["total"]) => (
    <>
      {numeric.slice(0, 2).map((key) => (
        <td key={key} data-label={c(key)} className="numeric">
          {format.number(row[key])}
        </td>
      ))}
      <td data-label={c("percent")} className="numeric">
        {format.percent(row.percent)}
      </td>
      {numeric.slice(2, 7).map((key) => (
        <td key={key} data-label={c(key)} className="numeric">
          {format.number(row[key])}
        </td>
      ))}
      <td data-label={c("disseminatedPercent")} className="numeric">
        {format.percent(row.disseminatedPercent)}
      </td>
      {numeric.slice(7).map((key) => (
        <td key={key} data-label={c(key)} className="numeric">
          {format.number(row[key])}
        </td>
      ))}
    </>
  );
  return (
    <div className="table-container">
      <table className="data-table coverage-table" aria-label={t("implementation.byUnit.title")}>
        <thead>
          <tr>
            <th scope="col">{c("unit")}</th>
            <th scope="col" className="numeric">
              {c("required")}
            </th>
            <th scope="col" className="numeric">
              {c("issued")}
            </th>
            <th scope="col" className="numeric">
              {c("percent")}
            </th>
            <th scope="col" className="numeric">
              {c("onTime")}
            </th>
            <th scope="col" className="numeric">
              {c("late")}
            </th>
            <th scope="col" className="numeric">
              {c("overdue")}
            </th>
            <th scope="col" className="numeric">
              {c("pending")}
            </th>
            <th scope="col" className="numeric">
              {c("disseminated")}
            </th>
            <th scope="col" className="numeric">
              {c("disseminatedPercent")}
            </th>
            <th scope="col" className="numeric">
              {c("midTermReviewed")}
            </th>
            <th scope="col" className="numeric">
              {c("finalReviewed")}
            </th>
          </tr>
        </thead>
        <tbody>
          {coverage.rows.map((row) => (
            <tr key={row.unitId}>
              <th scope="row" data-label={c("unit")}>
                {link(row)}
              </th>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" data-label={c("unit")}>
              {t("implementation.byUnit.total", { name: coverage.total.name })}
            </th>
            {cells(coverage.total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/**
 * Subordinates × statuses: the share issued coloured by band, each status count coloured by its
 * status (grey when zero) and written out for screen readers ("3 quá hạn"). It scrolls
 * sideways inside its own box on a phone, never the page.
 */
function HeatMap({ coverage, link }: { coverage: Coverage; link: (row: Row) => ReactNode }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const captionId = useId();
  const row = (r: Row | Coverage["total"], header: ReactNode, key: string) => (
    <tr key={key}>
      <th scope="row" className="heatmap-cell-name">
        {header}
      </th>
      <td className={`hm-band hm-band-${bandOf(r.percent)}`} data-band={bandOf(r.percent)}>
        <span className="hm-value">{format.percent(r.percent)}</span>
        <span className="hm-sub">
          {format.number(r.issued)}/{format.number(r.required)}
        </span>
      </td>
      {STATUSES.map((status) => {
        const count = r[STATUS_FIELD[status]];
        return (
          <td
            key={status}
            className={`hm-status ${count > 0 ? `hm-${status.toLowerCase()}` : "hm-zero"}`}
            data-status={status}
          >
            <span aria-hidden="true">{format.number(count)}</span>
            <span className="visually-hidden">
              {t("implementation.byUnit.cellCount", {
                count: format.number(count),
                status: t(`implementation.statusShort.${status}`).toLowerCase(),
              })}
            </span>
          </td>
        );
      })}
      <td className="numeric">{format.percent(r.disseminatedPercent)}</td>
      <td className="numeric">
        {format.number(r.midTermReviewed)} / {format.number(r.finalReviewed)}
      </td>
    </tr>
  );
  return (
    <div className="heatmap-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="heatmap coverage-heatmap">
        <caption id={captionId} className="visually-hidden">
          {t("implementation.byUnit.heatmapCaption")}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap-cell-name">
              {t("implementation.byUnit.columns.unit")}
            </th>
            <th scope="col">{t("implementation.byUnit.columns.percent")}</th>
            {STATUSES.map((status) => (
              <th key={status} scope="col">
                {t(`implementation.statusShort.${status}`)}
              </th>
            ))}
            <th scope="col">{t("implementation.byUnit.columns.disseminatedPercent")}</th>
            <th scope="col">{t("implementation.headline.reviews")}</th>
          </tr>
        </thead>
        <tbody>{coverage.rows.map((r) => row(r, link(r), r.unitId))}</tbody>
        <tfoot>
          {row(
            coverage.total,
            t("implementation.byUnit.total", { name: coverage.total.name }),
            "total",
          )}
        </tfoot>
      </table>
    </div>
  );
}

function HeatMapLegend() {
  const { t } = useTranslation();
  return (
    <div className="heatmap-legend" aria-label={t("implementation.byUnit.legend")} role="group">
      <p className="legend-title">{t("implementation.byUnit.legendPercent")}</p>
      <ul>
        {BANDS.map((band) => (
          <li key={band}>
            <span className={`hm-swatch hm-band-${band}`} aria-hidden="true" />
            {t(`implementation.byUnit.bands.${band}`)}
          </li>
        ))}
      </ul>
      <p className="legend-title">{t("implementation.units.status")}:</p>
      <ul>
        {STATUSES.map((status) => (
          <li key={status}>
            <span className={`hm-swatch hm-${status.toLowerCase()}`} aria-hidden="true" />
            {t(`implementation.statuses.${status}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
