import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { ReviewSummaryQuery as SummaryData } from "../../gql/graphql.ts";
import { ChartFigure } from "../../ui/charts/ChartFigure.tsx";
import { ChartLegend } from "../../ui/charts/ChartLegend.tsx";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { CategoryBarChart, ChartSuspense } from "../../ui/charts/lazy.tsx";
import type { LegendEntry } from "../../ui/charts/legend.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { EmptyState, QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { provinceToday, yearOfIso } from "../lifecycle/dates.ts";
import { reviewPath, reviewYears, SUMMARY_ROLES, yearParam } from "./classification.ts";
import { ReviewSummaryExportQuery, ReviewSummaryQuery } from "./review.operations.ts";
import "../lifecycle/development.css";

type Row = SummaryData["reviewSummary"][number];

/** Colours of the four classifications (each ≥ 3:1 on white). */
const SERIES = [
  { key: "excellent", color: "#1b5e20" },
  { key: "good", color: "#1565c0" },
  { key: "completed", color: "#b26a00" },
  { key: "notCompleted", color: "#b71c1c" },
] as const;

const CELL_KINDS: readonly string[] = ["CELL", "GRASSROOTS_CELL"];
/** The chart stays readable (the largest units); the table always lists every unit. */
export const CHART_MAX_ROWS = 25;

export function summaryPath(unitId: string, year: number): string {
  return `/review/summary/${encodeURIComponent(unitId)}?year=${year}`;
}

/** `/review/summary/:unitId?year=`: classifications and commitments by subordinate unit. */
export function ReviewSummaryPage() {
  const { t } = useTranslation();
  const { unitId: param } = useParams();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const currentYear = yearOfIso(provinceToday());
  const year = yearParam(params.get("year"), currentYear);
  const yearId = useId();
  useDocumentTitle(t("review.summary.title"));
  const unitId = param ?? viewer?.unit.id ?? "";
  return (
    <RequireRole roles={SUMMARY_ROLES}>
      <div className="development">
        <div className="filters">
          <div className="field">
            <label htmlFor={yearId}>{t("review.year")}</label>
            <select
              id={yearId}
              value={year}
              onChange={(event) => setParams({ year: event.target.value })}
            >
              {reviewYears(currentYear).map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
        </div>
        {unitId && <Summary key={`${unitId}-${year}`} unitId={unitId} year={year} />}
      </div>
    </RequireRole>
  );
}

function Summary({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(ReviewSummaryQuery, {
    variables: { unitId, year },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("review.summary.loading")}
      notFound={
        <section className="not-found">
          <h1>{t("review.summary.notFoundTitle")}</h1>
          <p>{t("review.summary.notFoundText")}</p>
        </section>
      }
    >
      {(d) => <SummaryView data={d} unitId={unitId} year={year} />}
    </QueryState>
  );
}

function SummaryView({ data, unitId, year }: { data: SummaryData; unitId: string; year: number }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const unit = data.orgUnit;
  const [own, ...subordinates] = data.reviewSummary;
  const columns = {
    unit: t("review.summary.columns.unit"),
    members: t("review.summary.columns.members"),
    reviewed: t("review.summary.columns.reviewed"),
    excellent: t("review.classification.EXCELLENT"),
    good: t("review.classification.GOOD"),
    completed: t("review.classification.COMPLETED"),
    notCompleted: t("review.classification.NOT_COMPLETED"),
    commitments: t("review.summary.columns.commitments"),
    keyLeaderCommitments: t("review.summary.columns.keyLeaderCommitments"),
    commitmentPercent: t("review.summary.columns.commitmentPercent"),
  };
  const title = t("review.summary.panelTitle", { year });
  const exportSpec: ExportSpec = {
    document: ReviewSummaryExportQuery,
    variables: { unitId, year },
    path: "reviewSummary",
    columns: (Object.keys(columns) as (keyof typeof columns)[]).map((key) => ({
      key: key === "unit" ? "name" : key,
      header: columns[key],
    })),
    filename: `${t("review.summary.filename")}-${year}`,
    title: `${title} – ${unit.name}`,
  };
  const legend: LegendEntry[] = SERIES.map((s) => ({
    label: columns[s.key],
    color: s.color,
    shape: "box",
  }));
  const allChartRows = subordinates.length > 0 ? subordinates : own ? [own] : [];
  const chartRows = [...allChartRows]
    .sort((a, b) => b.members - a.members || a.name.localeCompare(b.name, "vi"))
    .slice(0, CHART_MAX_ROWS);

  return (
    <>
      <h1>{t("review.summary.titleOf", { name: unit.name })}</h1>
      {own && (
        <dl className="stats summary-stats">
          <div>
            <dt>{t("review.summary.reviewedOf")}</dt>
            <dd>
              {format.number(own.reviewed)} / {format.number(own.members)}
            </dd>
          </div>
          <div>
            <dt>{columns.excellent}</dt>
            <dd>{format.number(own.excellent)}</dd>
          </div>
          <div>
            <dt>{columns.commitments}</dt>
            <dd>{format.number(own.commitments)}</dd>
          </div>
          <div>
            <dt>{columns.keyLeaderCommitments}</dt>
            <dd>{format.number(own.keyLeaderCommitments)}</dd>
          </div>
        </dl>
      )}
      {CELL_KINDS.includes(unit.kind) && (
        <p>
          <Link to={reviewPath(unit.id, year)}>{t("review.summary.openSheet")}</Link>
        </p>
      )}
      <ChartPanel
        id="review-summary"
        title={title}
        exportSpec={exportSpec}
        png={{ filename: exportSpec.filename, subtitle: unit.name, legend }}
      >
        {(view) =>
          data.reviewSummary.length === 0 ? (
            <EmptyState>{t("review.summary.empty")}</EmptyState>
          ) : view === "chart" ? (
            <>
              <ChartSuspense>
                <ChartFigure
                  summary={t("review.summary.chartSummary", {
                    count: chartRows.length,
                    reviewed: own ? own.reviewed : 0,
                    excellent: own ? own.excellent : 0,
                  })}
                >
                  <CategoryBarChart
                    layout="horizontal"
                    data={chartRows.map((row) => ({
                      id: row.unitId,
                      name: row.name,
                      values: {
                        excellent: row.excellent,
                        good: row.good,
                        completed: row.completed,
                        notCompleted: row.notCompleted,
                      },
                    }))}
                    series={SERIES.map((s) => ({
                      key: s.key,
                      name: columns[s.key],
                      color: s.color,
                    }))}
                    formatValue={format.number}
                  />
                </ChartFigure>
              </ChartSuspense>
              {allChartRows.length > chartRows.length && (
                <p className="hint">
                  {t("review.summary.chartLimited", {
                    shown: format.number(chartRows.length),
                    total: format.number(allChartRows.length),
                  })}
                </p>
              )}
              <ChartLegend entries={legend} label={t("charts.legend")} />
            </>
          ) : (
            <SummaryTable own={own} rows={subordinates} year={year} columns={columns} />
          )
        }
      </ChartPanel>
    </>
  );
}

function SummaryTable({
  own,
  rows,
  year,
  columns,
}: {
  own: Row | undefined;
  rows: Row[];
  year: number;
  columns: Record<
    | "unit"
    | "members"
    | "reviewed"
    | "excellent"
    | "good"
    | "completed"
    | "notCompleted"
    | "commitments"
    | "keyLeaderCommitments"
    | "commitmentPercent",
    string
  >;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const figures = (row: Row) =>
    (
      [
        "members",
        "reviewed",
        "excellent",
        "good",
        "completed",
        "notCompleted",
        "commitments",
        "keyLeaderCommitments",
      ] as const
    ).map((key) => (
      <td key={key} className="numeric" data-label={columns[key]}>
        {format.number(row[key])}
      </td>
    ));
  return (
    <div className="table-container">
      <table className="data-table" aria-label={t("review.summary.tableLabel", { year })}>
        <thead>
          <tr>
            <th scope="col">{columns.unit}</th>
            <th scope="col" className="numeric">
              {columns.members}
            </th>
            <th scope="col" className="numeric">
              {columns.reviewed}
            </th>
            <th scope="col" className="numeric">
              {columns.excellent}
            </th>
            <th scope="col" className="numeric">
              {columns.good}
            </th>
            <th scope="col" className="numeric">
              {columns.completed}
            </th>
            <th scope="col" className="numeric">
              {columns.notCompleted}
            </th>
            <th scope="col" className="numeric">
              {columns.commitments}
            </th>
            <th scope="col" className="numeric">
              {columns.keyLeaderCommitments}
            </th>
            <th scope="col" className="numeric">
              {columns.commitmentPercent}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId}>
              <th scope="row" data-label={columns.unit}>
                <Link to={summaryPath(row.unitId, year)}>{row.name}</Link>
              </th>
              {figures(row)}
              <td className="numeric" data-label={columns.commitmentPercent}>
                {format.percent(row.commitmentPercent)}
              </td>
            </tr>
          ))}
        </tbody>
        {own && (
          <tfoot>
            <tr>
              <th scope="row" data-label={columns.unit}>
                {t("review.summary.total", { name: own.name })}
              </th>
              {figures(own)}
              <td className="numeric" data-label={columns.commitmentPercent}>
                {format.percent(own.commitmentPercent)}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
