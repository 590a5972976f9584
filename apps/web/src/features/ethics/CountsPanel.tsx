import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import type { EthicalStandardCountsQuery as CountsData } from "../../gql/graphql.ts";
import { ChartFigure } from "../../ui/charts/ChartFigure.tsx";
import { ChartLegend } from "../../ui/charts/ChartLegend.tsx";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import { CHART_COLORS } from "../../ui/charts/colors.ts";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { CategoryBarChart, ChartSuspense } from "../../ui/charts/lazy.tsx";
import type { LegendEntry } from "../../ui/charts/legend.ts";
import { EmptyState, QueryState } from "../../ui/QueryState.tsx";
import { CHART_MAX_ROWS } from "../campaigns/CampaignPanels.tsx";
import { EthicalStandardCountsQuery } from "./ethics.operations.ts";

type Counts = CountsData["ethicalStandardCounts"];
type Row = Counts["total"];

/** Standards and slogans per direct subordinate of a unit, with the table and its export. */
export function CountsPanel({
  unitId,
  onSelectUnit,
}: {
  unitId: string;
  /** Choosing a subordinate in the table (shows its standards). */
  onSelectUnit?: (unit: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(EthicalStandardCountsQuery, {
    variables: { unitId },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("ethics.counts.loading")}
    >
      {(d) => (
        <CountsView counts={d.ethicalStandardCounts} unitId={unitId} onSelectUnit={onSelectUnit} />
      )}
    </QueryState>
  );
}

export function CountsView({
  counts,
  unitId,
  onSelectUnit,
}: {
  counts: Counts;
  unitId: string;
  onSelectUnit?: ((unit: { id: string; name: string }) => void) | undefined;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const title = t("ethics.counts.title");
  const columns = {
    unit: t("ethics.counts.columns.unit"),
    standards: t("ethics.counts.columns.standards"),
    slogans: t("ethics.counts.columns.slogans"),
    unitsWith: t("ethics.counts.columns.unitsWith"),
    grassroots: t("ethics.counts.columns.grassroots"),
    grassrootsWith: t("ethics.counts.columns.grassrootsWith"),
  };
  const exportSpec: ExportSpec = {
    document: EthicalStandardCountsQuery,
    variables: { unitId },
    path: "ethicalStandardCounts.rows",
    columns: [
      { key: "name", header: columns.unit },
      { key: "standards", header: columns.standards },
      { key: "slogans", header: columns.slogans },
      { key: "unitsWithStandards", header: columns.unitsWith },
      { key: "grassroots", header: columns.grassroots },
      { key: "grassrootsWithStandards", header: columns.grassrootsWith },
    ],
    filename: `${t("ethics.counts.filename")}-${counts.asOf}`,
    title: `${title} – ${counts.total.name} – ${format.date(counts.asOf)}`,
  };
  const legend: LegendEntry[] = [
    { label: columns.standards, color: CHART_COLORS.primary, shape: "box" },
    { label: columns.slogans, color: CHART_COLORS.compare, shape: "box" },
  ];
  const rows = counts.rows;
  const figures = (row: Row) => (
    <>
      <td data-label={columns.standards} className="numeric">
        {format.number(row.standards)}
      </td>
      <td data-label={columns.slogans} className="numeric">
        {format.number(row.slogans)}
      </td>
      <td data-label={columns.unitsWith} className="numeric">
        {format.number(row.unitsWithStandards)}
      </td>
      <td data-label={columns.grassroots} className="numeric">
        {format.number(row.grassroots)}
      </td>
      <td data-label={columns.grassrootsWith} className="numeric">
        {format.number(row.grassrootsWithStandards)}
      </td>
    </>
  );
  return (
    <ChartPanel
      id="ethics-counts"
      title={title}
      intro={
        <p className="headline">
          {t("ethics.counts.headline", {
            standards: format.number(counts.total.standards),
            slogans: format.number(counts.total.slogans),
            name: counts.total.name,
          })}
        </p>
      }
      exportSpec={exportSpec}
      png={{
        filename: exportSpec.filename,
        subtitle: `${counts.total.name} – ${format.date(counts.asOf)}`,
        legend,
      }}
    >
      {(view) => (
        <>
          {rows.length === 0 ? (
            <EmptyState>{t("ethics.counts.empty")}</EmptyState>
          ) : view === "chart" ? (
            <>
              <ChartSuspense>
                <ChartFigure
                  summary={t("ethics.counts.summary", {
                    count: rows.length,
                    standards: format.number(counts.total.standards),
                  })}
                >
                  <CategoryBarChart
                    layout="horizontal"
                    data={rows.slice(0, CHART_MAX_ROWS).map((row) => ({
                      id: row.unitId,
                      name: row.name,
                      values: { standards: row.standards, slogans: row.slogans },
                    }))}
                    series={[
                      { key: "standards", name: columns.standards, color: CHART_COLORS.primary },
                      { key: "slogans", name: columns.slogans, color: CHART_COLORS.compare },
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
                      {columns.standards}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.slogans}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.unitsWith}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.grassroots}
                    </th>
                    <th scope="col" className="numeric">
                      {columns.grassrootsWith}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.unitId} data-row={row.unitId}>
                      <th scope="row" data-label={columns.unit} className="wrap">
                        {onSelectUnit ? (
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => onSelectUnit({ id: row.unitId, name: row.name })}
                          >
                            {row.name}
                          </button>
                        ) : (
                          row.name
                        )}
                      </th>
                      {figures(row)}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" data-label={columns.unit} className="wrap">
                      {t("ethics.counts.total", { name: counts.total.name })}
                    </th>
                    {figures(counts.total)}
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          {counts.direct.standards > 0 && (
            <p className="hint">
              {t("ethics.counts.direct", {
                name: counts.total.name,
                count: format.number(counts.direct.standards),
              })}
            </p>
          )}
          <p className="hint">{t("ethics.counts.asOf", { date: format.date(counts.asOf) })}</p>
        </>
      )}
    </ChartPanel>
  );
}
