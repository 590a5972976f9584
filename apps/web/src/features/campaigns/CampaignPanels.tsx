import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EmulationRegistrationsQuery as RegistrationsData } from "../../gql/graphql.ts";
import { ChartFigure } from "../../ui/charts/ChartFigure.tsx";
import { ChartLegend } from "../../ui/charts/ChartLegend.tsx";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import { CHART_COLORS } from "../../ui/charts/colors.ts";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { CategoryBarChart, ChartSuspense } from "../../ui/charts/lazy.tsx";
import type { LegendEntry } from "../../ui/charts/legend.ts";
import { EmptyState } from "../../ui/QueryState.tsx";
import { EmulationRegistrationsQuery } from "./campaigns.operations.ts";

export type RegistrationSummary = RegistrationsData["campaignSummary"];
type Row = RegistrationSummary["total"];

/** The chart stays readable; the table always lists every row. */
export const CHART_MAX_ROWS = 25;

export function emulationPath(year: number, unitId?: string | null): string {
  const search = new URLSearchParams({ year: String(year) });
  if (unitId) search.set("unit", unitId);
  return `/emulation?${search.toString()}`;
}

interface PanelProps {
  summary: RegistrationSummary;
  unitId: string;
  year: number;
}

function registrationLegend(t: TFunction): LegendEntry[] {
  return [
    {
      label: t("campaigns.panels.columns.registrations"),
      color: CHART_COLORS.primary,
      shape: "box",
    },
    { label: t("campaigns.panels.columns.completed"), color: CHART_COLORS.compare, shape: "box" },
  ];
}

function useColumns(first: string) {
  const { t } = useTranslation();
  return {
    name: first,
    registrations: t("campaigns.panels.columns.registrations"),
    units: t("campaigns.panels.columns.units"),
    completed: t("campaigns.panels.columns.completed"),
    completionRate: t("campaigns.panels.columns.completionRate"),
    averageProgress: t("campaigns.panels.columns.averageProgress"),
    notRegistered: t("campaigns.panels.columns.notRegistered"),
  };
}
type Columns = ReturnType<typeof useColumns>;

function exportColumns(columns: Columns) {
  return [
    { key: "name", header: columns.name },
    { key: "registrations", header: columns.registrations },
    { key: "units", header: columns.units },
    { key: "completed", header: columns.completed },
    { key: "completionRate", header: columns.completionRate },
    { key: "averageProgress", header: columns.averageProgress },
    { key: "notRegisteredGrassroots", header: columns.notRegistered },
  ];
}

/** Registrations and completion per direct subordinate ("633 đơn vị đăng ký 1.337 …"). */
export function RegistrationsByUnitPanel({ summary, unitId, year }: PanelProps) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const title = t("campaigns.panels.byUnit.title");
  const columns = useColumns(t("campaigns.panels.columns.unit"));
  const rows = summary.bySubordinate;
  const exportSpec: ExportSpec = {
    document: EmulationRegistrationsQuery,
    variables: { unitId, year },
    path: "campaignSummary.bySubordinate",
    columns: exportColumns(columns),
    filename: `${t("campaigns.panels.byUnit.filename")}-${year}`,
    title: `${title} – ${summary.total.name} – ${year}`,
  };
  const legend = registrationLegend(t);
  return (
    <ChartPanel
      id="emulation-registrations-by-unit"
      title={title}
      intro={<p className="hint">{t("campaigns.panels.byUnit.intro")}</p>}
      exportSpec={exportSpec}
      png={{ filename: exportSpec.filename, subtitle: `${summary.total.name} – ${year}`, legend }}
    >
      {(view) => (
        <>
          {rows.length === 0 ? (
            <EmptyState>{t("campaigns.panels.byUnit.empty")}</EmptyState>
          ) : view === "chart" ? (
            <RegistrationsChart rows={rows} legend={legend} />
          ) : (
            <RegistrationsTable
              label={title}
              rows={rows}
              total={summary.total}
              columns={columns}
              nameCell={(row) => (
                <>
                  <Link to={emulationPath(year, row.id)}>{row.name}</Link>
                  {!row.current && (
                    <span className="row-note">{t("campaigns.panels.formerUnit")}</span>
                  )}
                </>
              )}
            />
          )}
          {summary.direct.registrations > 0 && (
            <p className="hint">
              {t("campaigns.panels.byUnit.direct", {
                name: summary.total.name,
                count: format.number(summary.direct.registrations),
              })}
            </p>
          )}
        </>
      )}
    </ChartPanel>
  );
}

/** Registrations and completion per campaign running in the year. */
export function RegistrationsByCampaignPanel({ summary, unitId, year }: PanelProps) {
  const { t } = useTranslation();
  const title = t("campaigns.panels.byCampaign.title");
  const columns = useColumns(t("campaigns.panels.columns.campaign"));
  const rows = summary.byCampaign;
  const exportSpec: ExportSpec = {
    document: EmulationRegistrationsQuery,
    variables: { unitId, year },
    path: "campaignSummary.byCampaign",
    columns: exportColumns(columns),
    filename: `${t("campaigns.panels.byCampaign.filename")}-${year}`,
    title: `${title} – ${summary.total.name} – ${year}`,
  };
  const legend = registrationLegend(t);
  return (
    <ChartPanel
      id="emulation-registrations-by-campaign"
      title={title}
      intro={<p className="hint">{t("campaigns.panels.byCampaign.intro")}</p>}
      exportSpec={exportSpec}
      png={{ filename: exportSpec.filename, subtitle: `${summary.total.name} – ${year}`, legend }}
    >
      {(view) =>
        rows.length === 0 ? (
          <EmptyState>{t("campaigns.panels.byCampaign.empty", { year })}</EmptyState>
        ) : view === "chart" ? (
          <RegistrationsChart rows={rows} legend={legend} />
        ) : (
          <RegistrationsTable
            label={title}
            rows={rows}
            total={summary.total}
            columns={columns}
            nameCell={(row) => (
              <Link to={`/campaigns/${encodeURIComponent(row.id)}`}>{row.name}</Link>
            )}
          />
        )
      }
    </ChartPanel>
  );
}

function RegistrationsChart({ rows, legend }: { rows: readonly Row[]; legend: LegendEntry[] }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const most = [...rows].sort((a, b) => b.registrations - a.registrations)[0];
  const summary =
    most && most.registrations > 0
      ? t("campaigns.panels.chartSummary", {
          count: rows.length,
          name: most.name,
          registrations: format.number(most.registrations),
        })
      : t("campaigns.panels.chartSummaryNone", { count: rows.length });
  return (
    <>
      <ChartSuspense>
        <ChartFigure summary={summary}>
          <CategoryBarChart
            layout="horizontal"
            data={rows.slice(0, CHART_MAX_ROWS).map((row) => ({
              id: row.id,
              name: row.name,
              values: { registrations: row.registrations, completed: row.completed },
              labels: { completed: format.percent(row.completionRate) },
            }))}
            series={[
              { key: "registrations", name: legend[0]!.label, color: CHART_COLORS.primary },
              { key: "completed", name: legend[1]!.label, color: CHART_COLORS.compare },
            ]}
            formatValue={format.number}
          />
        </ChartFigure>
      </ChartSuspense>
      {rows.length > CHART_MAX_ROWS && (
        <p className="hint">
          {t("campaigns.panels.chartLimited", {
            shown: format.number(CHART_MAX_ROWS),
            total: format.number(rows.length),
          })}
        </p>
      )}
      <ChartLegend entries={legend} label={t("charts.legend")} />
    </>
  );
}

function RegistrationsTable({
  label,
  rows,
  total,
  columns,
  nameCell,
}: {
  label: string;
  rows: readonly Row[];
  total: Row;
  columns: Columns;
  nameCell: (row: Row) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const figures = (row: Row) => (
    <>
      <td data-label={columns.registrations} className="numeric">
        {format.number(row.registrations)}
      </td>
      <td data-label={columns.units} className="numeric">
        {format.number(row.units)}
      </td>
      <td data-label={columns.completed} className="numeric">
        {format.number(row.completed)}
      </td>
      <td data-label={columns.completionRate} className="numeric">
        {format.percent(row.completionRate)}
      </td>
      <td data-label={columns.averageProgress} className="numeric">
        {format.percent(row.averageProgress)}
      </td>
      <td data-label={columns.notRegistered} className="numeric">
        {format.number(row.notRegisteredGrassroots)}
      </td>
    </>
  );
  return (
    <div className="table-container">
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{columns.name}</th>
            <th scope="col" className="numeric">
              {columns.registrations}
            </th>
            <th scope="col" className="numeric">
              {columns.units}
            </th>
            <th scope="col" className="numeric">
              {columns.completed}
            </th>
            <th scope="col" className="numeric">
              {columns.completionRate}
            </th>
            <th scope="col" className="numeric">
              {columns.averageProgress}
            </th>
            <th scope="col" className="numeric">
              {columns.notRegistered}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-row={row.id}>
              <th scope="row" data-label={columns.name} className="wrap">
                {nameCell(row)}
              </th>
              {figures(row)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" data-label={columns.name} className="wrap">
              {t("campaigns.panels.total", { name: total.name })}
            </th>
            {figures(total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
