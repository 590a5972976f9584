import type { TFunction } from "i18next";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { AdmissionProgressQuery as ProgressData } from "../../gql/graphql.ts";
import { ChartFigure } from "../../ui/charts/ChartFigure.tsx";
import { ChartLegend } from "../../ui/charts/ChartLegend.tsx";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import { CHART_COLORS } from "../../ui/charts/colors.ts";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { CategoryBarChart, ChartSuspense } from "../../ui/charts/lazy.tsx";
import { EmptyState } from "../../ui/QueryState.tsx";
import { bandColor, progressLegend } from "./bands.ts";
import { AdmissionProgressQuery } from "./dashboard.operations.ts";
import { periodSearch, periodVariables, type Period } from "./period.ts";

type Progress = ProgressData["admissionProgress"];
type Row = Progress["rows"][number];

export const SORTS = ["name", "percentAsc", "percentDesc", "admitted"] as const;
export type SortOrder = (typeof SORTS)[number];

/** The chart stays readable; the table always lists every unit. */
export const CHART_MAX_ROWS = 25;

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Rows in the chosen order; units without a target (no percent) come last when sorting by %. */
export function sortRows(rows: readonly Row[], order: SortOrder): Row[] {
  const byName = (a: Row, b: Row) => collator.compare(a.name, b.name);
  const copy = [...rows];
  switch (order) {
    case "name":
      return copy.sort(byName);
    case "admitted":
      return copy.sort((a, b) => b.admitted - a.admitted || byName(a, b));
    case "percentAsc":
    case "percentDesc": {
      const sign = order === "percentAsc" ? 1 : -1;
      return copy.sort((a, b) => {
        if (a.percent === null || b.percent === null) {
          return a.percent === b.percent ? byName(a, b) : a.percent === null ? 1 : -1;
        }
        return sign * (a.percent - b.percent) || byName(a, b);
      });
    }
  }
}

export function dashboardPath(unitId: string, period: Period): string {
  return `/dashboard/${encodeURIComponent(unitId)}${periodSearch(period)}`;
}

interface ByUnitPanelProps {
  progress: Progress;
  unitId: string;
  period: Period;
  /** "Quý II/2024", for file titles. */
  periodLabel: string;
}

export function ByUnitPanel({ progress, unitId, period, periodLabel }: ByUnitPanelProps) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const navigate = useNavigate();
  const sortId = useId();
  const [order, setOrder] = useState<SortOrder>("name");
  const rows = useMemo(() => sortRows(progress.rows, order), [progress.rows, order]);
  const unit = progress.unit;

  const columns = {
    unit: t("dashboard.byUnit.columns.unit"),
    target: t("dashboard.byUnit.columns.target"),
    admitted: t("dashboard.byUnit.columns.admitted"),
    percent: t("dashboard.byUnit.columns.percent"),
    band: t("dashboard.byUnit.columns.band"),
    current: t("dashboard.byUnit.columns.current"),
  };
  const title = t("dashboard.byUnit.title");
  const exportSpec: ExportSpec = {
    document: AdmissionProgressQuery,
    variables: { unitId, ...periodVariables(period) },
    path: "admissionProgress.rows",
    columns: [
      { key: "name", header: columns.unit },
      { key: "target", header: columns.target },
      { key: "admitted", header: columns.admitted },
      { key: "percent", header: columns.percent },
      { key: "band", header: columns.band },
      { key: "current", header: columns.current },
    ],
    filename: `${t("dashboard.byUnit.filename")}-${fileSuffix(period)}`,
    title: `${title} – ${unit.name} – ${periodLabel}`,
  };
  const legend = progressLegend(t);

  return (
    <ChartPanel
      id="dashboard-by-unit"
      title={title}
      intro={<p className="hint">{t("dashboard.byUnit.intro")}</p>}
      controls={
        <div className="field">
          <label htmlFor={sortId}>{t("dashboard.byUnit.sort")}</label>
          <select
            id={sortId}
            value={order}
            onChange={(event) => setOrder(event.target.value as SortOrder)}
          >
            <option value="name">{t("dashboard.byUnit.sortName")}</option>
            <option value="percentAsc">{t("dashboard.byUnit.sortPercentAsc")}</option>
            <option value="percentDesc">{t("dashboard.byUnit.sortPercentDesc")}</option>
            <option value="admitted">{t("dashboard.byUnit.sortAdmitted")}</option>
          </select>
        </div>
      }
      exportSpec={exportSpec}
      png={{
        filename: exportSpec.filename,
        subtitle: `${unit.name} – ${periodLabel}`,
        legend,
      }}
    >
      {(view) => (
        <>
          {rows.length === 0 ? (
            <EmptyState>{t("dashboard.byUnit.empty")}</EmptyState>
          ) : view === "chart" ? (
            <>
              <ChartSuspense>
                <ChartFigure summary={chartSummary(rows, t, format.percent)}>
                  <CategoryBarChart
                    layout="horizontal"
                    data={rows.slice(0, CHART_MAX_ROWS).map((row) => ({
                      id: row.unitId,
                      name: row.name,
                      values: { target: row.target, admitted: row.admitted },
                      labels: { admitted: format.percent(row.percent) },
                      colors: { admitted: bandColor(row.band) },
                    }))}
                    series={[
                      { key: "target", name: columns.target, color: CHART_COLORS.target },
                      { key: "admitted", name: columns.admitted, color: CHART_COLORS.primary },
                    ]}
                    formatValue={format.number}
                    onSelect={(id) => void navigate(dashboardPath(id, period))}
                  />
                </ChartFigure>
              </ChartSuspense>
              {rows.length > CHART_MAX_ROWS && (
                <p className="hint">
                  {t("dashboard.byUnit.chartLimited", {
                    shown: format.number(CHART_MAX_ROWS),
                    total: format.number(rows.length),
                  })}
                </p>
              )}
              <ChartLegend entries={legend} label={t("charts.legend")} />
            </>
          ) : (
            <ByUnitTable rows={rows} unit={unit} period={period} columns={columns} />
          )}
          {progress.directAdmitted > 0 && (
            <p className="hint">
              {t("dashboard.byUnit.directAdmitted", {
                name: unit.name,
                count: format.number(progress.directAdmitted),
              })}
            </p>
          )}
        </>
      )}
    </ChartPanel>
  );
}

function chartSummary(
  rows: readonly Row[],
  t: TFunction,
  percent: (value: number | null) => string,
): string {
  const withTarget = rows.filter((row) => row.percent !== null);
  if (withTarget.length === 0) {
    return t("dashboard.byUnit.summaryNoTargets", { count: rows.length });
  }
  const sorted = sortRows(withTarget, "percentDesc");
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  return t("dashboard.byUnit.summary", {
    count: rows.length,
    met: rows.filter((row) => row.band === "MET").length,
    best: best.name,
    bestPercent: percent(best.percent),
    worst: worst.name,
    worstPercent: percent(worst.percent),
  });
}

function ByUnitTable({
  rows,
  unit,
  period,
  columns,
}: {
  rows: readonly Row[];
  unit: Progress["unit"];
  period: Period;
  columns: Record<"unit" | "target" | "admitted" | "percent" | "band", string>;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  return (
    <div className="table-container">
      <table className="data-table" aria-label={t("dashboard.byUnit.title")}>
        <thead>
          <tr>
            <th scope="col">{columns.unit}</th>
            <th scope="col" className="numeric">
              {columns.target}
            </th>
            <th scope="col" className="numeric">
              {columns.admitted}
            </th>
            <th scope="col" className="numeric">
              {columns.percent}
            </th>
            <th scope="col">{columns.band}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId}>
              <th scope="row" data-label={columns.unit}>
                <Link to={dashboardPath(row.unitId, period)}>{row.name}</Link>
                {!row.current && (
                  <span className="row-note">{t("dashboard.byUnit.dissolved")}</span>
                )}
              </th>
              <td data-label={columns.target} className="numeric">
                {format.number(row.target)}
              </td>
              <td data-label={columns.admitted} className="numeric">
                {format.number(row.admitted)}
              </td>
              <td data-label={columns.percent} className="numeric">
                {format.percent(row.percent)}
              </td>
              <td data-label={columns.band}>
                <span className={`band band-${row.band.toLowerCase()}`}>
                  {t(`dashboard.bands.${row.band}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" data-label={columns.unit}>
              {t("dashboard.byUnit.total")}: {unit.name}
            </th>
            <td data-label={columns.target} className="numeric">
              {format.number(unit.target)}
            </td>
            <td data-label={columns.admitted} className="numeric">
              {format.number(unit.admitted)}
            </td>
            <td data-label={columns.percent} className="numeric">
              {format.percent(unit.percent)}
            </td>
            <td data-label={columns.band}>
              <span className={`band band-${unit.band.toLowerCase()}`}>
                {t(`dashboard.bands.${unit.band}`)}
              </span>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** "2024" or "2024-q2", for file names. */
export function fileSuffix({ year, quarter }: Period): string {
  return quarter ? `${year}-q${quarter}` : String(year);
}
