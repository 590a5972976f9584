import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import type { AdmissionTrendQuery as TrendData } from "../../gql/graphql.ts";
import { ChartFigure } from "../../ui/charts/ChartFigure.tsx";
import { ChartLegend } from "../../ui/charts/ChartLegend.tsx";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import { CHART_COLORS } from "../../ui/charts/colors.ts";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { CategoryBarChart, ChartSuspense } from "../../ui/charts/lazy.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { bandColor, bandOf, progressLegend } from "./bands.ts";
import { AdmissionTrendQuery } from "./dashboard.operations.ts";
import { todayIso } from "@dangbo/shared";
import { FIRST_YEAR, yearOf } from "./period.ts";

type Point = TrendData["admissionTrend"][number];

export function TrendPanel({ unitId, unitName }: { unitId: string; unitName: string }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const variables = { unitId, fromYear: FIRST_YEAR };
  const { data, loading, error, refetch } = useQuery(AdmissionTrendQuery, { variables });

  const columns = {
    year: t("dashboard.trend.columns.year"),
    target: t("dashboard.trend.columns.target"),
    admitted: t("dashboard.trend.columns.admitted"),
    percent: t("dashboard.trend.columns.percent"),
  };
  const title = t("dashboard.trend.title");
  const exportSpec: ExportSpec | undefined = data && {
    document: AdmissionTrendQuery,
    variables,
    path: "admissionTrend",
    columns: [
      { key: "year", header: columns.year },
      { key: "target", header: columns.target },
      { key: "admitted", header: columns.admitted },
      { key: "percent", header: columns.percent },
    ],
    filename: t("dashboard.trend.filename"),
    title: `${title} – ${unitName}`,
  };
  const legend = progressLegend(t);
  const currentYear = yearOf(todayIso());

  const summary = (points: readonly Point[]) => {
    const last = points[points.length - 1]!;
    return t("dashboard.trend.summary", {
      from: points[0]!.year,
      to: last.year,
      year: last.year,
      admitted: format.number(last.admitted),
      target: format.number(last.target),
      percent: format.percent(last.percent),
    });
  };

  return (
    <ChartPanel
      id="dashboard-trend"
      title={title}
      intro={<p className="hint">{t("dashboard.trend.intro")}</p>}
      exportSpec={exportSpec}
      png={
        data ? { filename: t("dashboard.trend.filename"), subtitle: unitName, legend } : undefined
      }
    >
      {(view) => (
        <QueryState
          loading={loading}
          error={error}
          data={data}
          onRetry={() => refetch()}
          isEmpty={(d) => d.admissionTrend.length === 0}
          empty={t("dashboard.trend.empty")}
        >
          {({ admissionTrend: points }) => (
            <>
              {view === "chart" ? (
                <>
                  <ChartSuspense>
                    <ChartFigure summary={summary(points)}>
                      <CategoryBarChart
                        layout="vertical"
                        data={points.map((point) => ({
                          id: String(point.year),
                          name: String(point.year),
                          values: { target: point.target, admitted: point.admitted },
                          labels: { admitted: format.percent(point.percent) },
                          colors: { admitted: bandColor(bandOf(point.percent)) },
                        }))}
                        series={[
                          { key: "target", name: columns.target, color: CHART_COLORS.target },
                          { key: "admitted", name: columns.admitted, color: CHART_COLORS.primary },
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
                        <th scope="col">{columns.year}</th>
                        <th scope="col" className="numeric">
                          {columns.target}
                        </th>
                        <th scope="col" className="numeric">
                          {columns.admitted}
                        </th>
                        <th scope="col" className="numeric">
                          {columns.percent}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {points.map((point) => (
                        <tr key={point.year}>
                          <th scope="row">{point.year}</th>
                          <td className="numeric" data-label={columns.target}>
                            {format.number(point.target)}
                          </td>
                          <td className="numeric" data-label={columns.admitted}>
                            {format.number(point.admitted)}
                          </td>
                          <td className="numeric" data-label={columns.percent}>
                            {format.percent(point.percent)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {points.some((point) => point.year === currentYear) && (
                <p className="hint">{t("dashboard.trend.partial", { year: currentYear })}</p>
              )}
            </>
          )}
        </QueryState>
      )}
    </ChartPanel>
  );
}
