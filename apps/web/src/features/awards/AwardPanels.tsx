import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EmulationAwardsQuery as AwardsData } from "../../gql/graphql.ts";
import { ChartFigure } from "../../ui/charts/ChartFigure.tsx";
import { ChartLegend } from "../../ui/charts/ChartLegend.tsx";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import { CHART_COLORS } from "../../ui/charts/colors.ts";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { CategoryBarChart, ChartSuspense } from "../../ui/charts/lazy.tsx";
import type { LegendEntry } from "../../ui/charts/legend.ts";
import { EmptyState } from "../../ui/QueryState.tsx";
import { CHART_MAX_ROWS, emulationPath } from "../campaigns/CampaignPanels.tsx";
import { EmulationAwardsQuery } from "./awards.operations.ts";

export type AwardSummaryData = AwardsData["awardSummary"];
type Row = AwardSummaryData["total"];

interface PanelProps {
  summary: AwardSummaryData;
  unitId: string;
  year: number;
}

function recipientLegend(t: TFunction): LegendEntry[] {
  return [
    { label: t("awards.panels.columns.unitAwards"), color: CHART_COLORS.primary, shape: "box" },
    { label: t("awards.panels.columns.memberAwards"), color: CHART_COLORS.series, shape: "box" },
  ];
}

/** Awards of the year by kind (flags, certificates of merit, titles), to units and to members. */
export function AwardsByKindPanel({ summary, unitId, year }: PanelProps) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const title = t("awards.panels.byKind.title");
  const columns = {
    kind: t("awards.panels.columns.kind"),
    awards: t("awards.panels.columns.awards"),
    unitAwards: t("awards.panels.columns.unitAwards"),
    memberAwards: t("awards.panels.columns.memberAwards"),
  };
  const exportSpec: ExportSpec = {
    document: EmulationAwardsQuery,
    variables: { unitId, year },
    path: "awardSummary.byKind",
    columns: [
      { key: "kind", header: columns.kind },
      { key: "awards", header: columns.awards },
      { key: "unitAwards", header: columns.unitAwards },
      { key: "memberAwards", header: columns.memberAwards },
    ],
    filename: `${t("awards.panels.byKind.filename")}-${year}`,
    title: `${title} – ${summary.total.name} – ${year}`,
  };
  const legend = recipientLegend(t);
  const rows = summary.byKind;
  const total = summary.total;
  return (
    <ChartPanel
      id="emulation-awards-by-kind"
      title={title}
      intro={<p className="hint">{t("awards.panels.byKind.intro")}</p>}
      exportSpec={exportSpec}
      png={{ filename: exportSpec.filename, subtitle: `${total.name} – ${year}`, legend }}
    >
      {(view) =>
        total.awards === 0 && view === "chart" ? (
          <EmptyState>{t("awards.panels.empty", { year })}</EmptyState>
        ) : view === "chart" ? (
          <>
            <ChartSuspense>
              <ChartFigure
                summary={t("awards.panels.byKind.summary", {
                  total: format.number(total.awards),
                  flags: format.number(total.flags),
                  certificates: format.number(total.certificates),
                  titles: format.number(total.titles),
                })}
              >
                <CategoryBarChart
                  layout="horizontal"
                  data={rows.map((row) => ({
                    id: row.kind,
                    name: t(`awards.kinds.${row.kind}`),
                    values: { unitAwards: row.unitAwards, memberAwards: row.memberAwards },
                  }))}
                  series={[
                    { key: "unitAwards", name: legend[0]!.label, color: CHART_COLORS.primary },
                    { key: "memberAwards", name: legend[1]!.label, color: CHART_COLORS.series },
                  ]}
                  formatValue={format.number}
                />
              </ChartFigure>
            </ChartSuspense>
            <ChartLegend entries={legend} label={t("charts.legend")} />
          </>
        ) : (
          <div className="table-container">
            <table className="data-table" aria-label={title}>
              <thead>
                <tr>
                  <th scope="col">{columns.kind}</th>
                  <th scope="col" className="numeric">
                    {columns.awards}
                  </th>
                  <th scope="col" className="numeric">
                    {columns.unitAwards}
                  </th>
                  <th scope="col" className="numeric">
                    {columns.memberAwards}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.kind} data-row={row.kind}>
                    <th scope="row" data-label={columns.kind} className="wrap">
                      {t(`awards.kinds.${row.kind}`)}
                    </th>
                    <td data-label={columns.awards} className="numeric">
                      {format.number(row.awards)}
                    </td>
                    <td data-label={columns.unitAwards} className="numeric">
                      {format.number(row.unitAwards)}
                    </td>
                    <td data-label={columns.memberAwards} className="numeric">
                      {format.number(row.memberAwards)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" data-label={columns.kind} className="wrap">
                    {t("awards.panels.total", { name: total.name })}
                  </th>
                  <td data-label={columns.awards} className="numeric">
                    {format.number(total.awards)}
                  </td>
                  <td data-label={columns.unitAwards} className="numeric">
                    {format.number(total.unitAwards)}
                  </td>
                  <td data-label={columns.memberAwards} className="numeric">
                    {format.number(total.memberAwards)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )
      }
    </ChartPanel>
  );
}

/** Awards of the year per direct subordinate: flags, certificates of merit and titles. */
export function AwardsByUnitPanel({ summary, unitId, year }: PanelProps) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const title = t("awards.panels.byUnit.title");
  const columns = {
    unit: t("awards.panels.columns.unit"),
    awards: t("awards.panels.columns.awards"),
    unitAwards: t("awards.panels.columns.unitAwards"),
    memberAwards: t("awards.panels.columns.memberAwards"),
    flags: t("awards.panels.columns.flags"),
    certificates: t("awards.panels.columns.certificates"),
    titles: t("awards.panels.columns.titles"),
    multiYear: t("awards.panels.columns.multiYear"),
  };
  const exportSpec: ExportSpec = {
    document: EmulationAwardsQuery,
    variables: { unitId, year },
    path: "awardSummary.bySubordinate",
    columns: [
      { key: "name", header: columns.unit },
      { key: "awards", header: columns.awards },
      { key: "unitAwards", header: columns.unitAwards },
      { key: "memberAwards", header: columns.memberAwards },
      { key: "flags", header: columns.flags },
      { key: "certificates", header: columns.certificates },
      { key: "titles", header: columns.titles },
      { key: "multiYear", header: columns.multiYear },
    ],
    filename: `${t("awards.panels.byUnit.filename")}-${year}`,
    title: `${title} – ${summary.total.name} – ${year}`,
  };
  const legend: LegendEntry[] = [
    { label: columns.flags, color: CHART_COLORS.primary, shape: "box" },
    { label: columns.certificates, color: CHART_COLORS.target, shape: "box" },
    { label: columns.titles, color: CHART_COLORS.compare, shape: "box" },
  ];
  const rows = summary.bySubordinate;
  const figures = (row: Row) => (
    <>
      <td data-label={columns.awards} className="numeric">
        {format.number(row.awards)}
      </td>
      <td data-label={columns.unitAwards} className="numeric">
        {format.number(row.unitAwards)}
      </td>
      <td data-label={columns.memberAwards} className="numeric">
        {format.number(row.memberAwards)}
      </td>
      <td data-label={columns.flags} className="numeric">
        {format.number(row.flags)}
      </td>
      <td data-label={columns.certificates} className="numeric">
        {format.number(row.certificates)}
      </td>
      <td data-label={columns.titles} className="numeric">
        {format.number(row.titles)}
      </td>
      <td data-label={columns.multiYear} className="numeric">
        {format.number(row.multiYear)}
      </td>
    </>
  );
  const most = [...rows].sort((a, b) => b.awards - a.awards)[0];
  return (
    <ChartPanel
      id="emulation-awards-by-unit"
      title={title}
      intro={<p className="hint">{t("awards.panels.byUnit.intro")}</p>}
      exportSpec={exportSpec}
      png={{ filename: exportSpec.filename, subtitle: `${summary.total.name} – ${year}`, legend }}
    >
      {(view) => (
        <>
          {rows.length === 0 ? (
            <EmptyState>{t("awards.panels.byUnit.empty")}</EmptyState>
          ) : view === "chart" ? (
            <>
              <ChartSuspense>
                <ChartFigure
                  summary={
                    most && most.awards > 0
                      ? t("awards.panels.byUnit.summary", {
                          count: rows.length,
                          name: most.name,
                          awards: format.number(most.awards),
                        })
                      : t("awards.panels.empty", { year })
                  }
                >
                  <CategoryBarChart
                    layout="horizontal"
                    data={rows.slice(0, CHART_MAX_ROWS).map((row) => ({
                      id: row.unitId,
                      name: row.name,
                      values: {
                        flags: row.flags,
                        certificates: row.certificates,
                        titles: row.titles,
                      },
                    }))}
                    series={[
                      { key: "flags", name: columns.flags, color: CHART_COLORS.primary },
                      {
                        key: "certificates",
                        name: columns.certificates,
                        color: CHART_COLORS.target,
                      },
                      { key: "titles", name: columns.titles, color: CHART_COLORS.compare },
                    ]}
                    formatValue={format.number}
                  />
                </ChartFigure>
              </ChartSuspense>
              <ChartLegend entries={legend} label={t("charts.legend")} />
            </>
          ) : (
            <div className="table-container">
              <table className="data-table" aria-label={title}>
                <thead>
                  <tr>
                    <th scope="col">{columns.unit}</th>
                    <th scope="col" className="numeric">
                      {columns.awards}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.unitAwards}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.memberAwards}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.flags}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.certificates}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.titles}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.multiYear}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.unitId} data-row={row.unitId}>
                      <th scope="row" data-label={columns.unit} className="wrap">
                        <Link to={emulationPath(year, row.unitId)}>{row.name}</Link>
                        {!row.current && (
                          <span className="row-note">{t("campaigns.panels.formerUnit")}</span>
                        )}
                      </th>
                      {figures(row)}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" data-label={columns.unit} className="wrap">
                      {t("awards.panels.total", { name: summary.total.name })}
                    </th>
                    {figures(summary.total)}
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          {summary.direct.awards > 0 && (
            <p className="hint">
              {t("awards.panels.byUnit.direct", {
                name: summary.total.name,
                count: format.number(summary.direct.awards),
              })}
            </p>
          )}
        </>
      )}
    </ChartPanel>
  );
}
