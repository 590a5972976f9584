import { useQuery } from "@apollo/client/react";
import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { DisseminationSummaryQuery as SummaryData } from "../../gql/graphql.ts";
import { ChartFigure } from "../../ui/charts/ChartFigure.tsx";
import { ChartPanel } from "../../ui/charts/ChartPanel.tsx";
import { CHART_COLORS } from "../../ui/charts/colors.ts";
import type { ExportSpec } from "../../ui/charts/exportFile.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { CategoryBarChart, ChartSuspense } from "../../ui/charts/lazy.tsx";
import { EmptyState, QueryState } from "../../ui/QueryState.tsx";
import { DisseminationSummaryQuery } from "./conferences.operations.ts";
import { CONFERENCE_KINDS } from "./paths.ts";

type Summary = SummaryData["disseminationSummary"];
type Row = Summary["rows"][number];

/** The chart stays readable; the table always lists every unit. */
const CHART_MAX_ROWS = 25;

interface Props {
  unitId: string;
  year: number;
  quarter: number | null;
  years: readonly number[];
  onPeriod: (year: number, quarter: number | null) => void;
}

/** Conferences held and people reached in a subtree, per kind and per subordinate unit. */
export function DisseminationPanel({ unitId, year, quarter, years, onPeriod }: Props) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const headingId = useId();
  const variables = { unitId, year, ...(quarter ? { quarter } : {}) };
  const query = useQuery(DisseminationSummaryQuery, { variables });
  const periodLabel = quarter
    ? t("documents.periodQuarter", {
        quarter: t(`documents.quarters.q${quarter}` as "documents.quarters.q1"),
        year,
      })
    : t("documents.periodYear", { year });

  return (
    <section className="document-section dissemination-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("conferences.panel.label")}</h2>
      <fieldset className="fieldset filters">
        <legend>{t("conferences.panel.period")}</legend>
        <div className="field">
          <label htmlFor={`${headingId}-year`}>{t("conferences.panel.year")}</label>
          <select
            id={`${headingId}-year`}
            value={year}
            onChange={(event) => onPeriod(Number(event.target.value), quarter)}
          >
            {years.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${headingId}-quarter`}>{t("conferences.panel.quarter")}</label>
          <select
            id={`${headingId}-quarter`}
            value={quarter ?? ""}
            onChange={(event) =>
              onPeriod(year, event.target.value ? Number(event.target.value) : null)
            }
          >
            <option value="">{t("conferences.panel.wholeYear")}</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t(`documents.quarters.q${q}` as "documents.quarters.q1")}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <QueryState
        loading={query.loading}
        error={query.error}
        data={query.data}
        onRetry={() => query.refetch()}
        loadingLabel={t("conferences.panel.loading")}
      >
        {({ disseminationSummary: summary }) => {
          const dissemination = summary.unit.byKind.find((k) => k.kind === "DISSEMINATION");
          return (
            <>
              <p className="lead" aria-live="polite">
                <strong>
                  {t("conferences.panel.headline", {
                    unit: summary.unit.name,
                    period: periodLabel,
                  })}
                </strong>
                {": "}
                {t("conferences.panel.sentence", {
                  count: dissemination?.conferences ?? 0,
                  attendees: format.number(dissemination?.attendees ?? 0),
                })}
              </p>
              <p className="hint">
                {t("conferences.panel.range", {
                  from: format.date(summary.period.from),
                  until: format.date(summary.period.until),
                })}
              </p>
              <ByKindPanel
                summary={summary}
                variables={variables}
                periodLabel={periodLabel}
                t={t}
              />
              <ByUnitPanel
                summary={summary}
                variables={variables}
                periodLabel={periodLabel}
                t={t}
              />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

interface PanelProps {
  summary: Summary;
  variables: Record<string, unknown>;
  periodLabel: string;
  t: TFunction;
}

function ByKindPanel({ summary, variables, periodLabel, t }: PanelProps) {
  const format = useChartFormat();
  const columns = {
    kind: t("conferences.panel.columns.kind"),
    conferences: t("conferences.panel.columns.conferences"),
    attendees: t("conferences.panel.columns.attendees"),
  };
  const byKind = CONFERENCE_KINDS.map(
    (kind) =>
      summary.unit.byKind.find((k) => k.kind === kind) ?? { kind, conferences: 0, attendees: 0 },
  );
  const count = (kind: string) => byKind.find((k) => k.kind === kind)?.conferences ?? 0;
  const title = t("conferences.panel.byKind.title");
  const exportSpec: ExportSpec = {
    document: DisseminationSummaryQuery,
    variables,
    path: "disseminationSummary.unit.byKind",
    columns: [
      { key: "kind", header: columns.kind },
      { key: "conferences", header: columns.conferences },
      { key: "attendees", header: columns.attendees },
    ],
    filename: `${t("conferences.panel.byKind.filename")}-${String(variables["year"])}`,
    title: `${title} – ${summary.unit.name} – ${periodLabel}`,
  };
  return (
    <ChartPanel
      id="conferences-by-kind"
      title={title}
      intro={<p className="hint">{t("conferences.panel.byKind.intro")}</p>}
      exportSpec={exportSpec}
      png={{ filename: exportSpec.filename, subtitle: periodLabel, legend: [] }}
    >
      {(view) =>
        view === "chart" ? (
          <ChartSuspense>
            <ChartFigure
              summary={t("conferences.panel.byKind.summary", {
                dissemination: format.number(count("DISSEMINATION")),
                thematic: format.number(count("THEMATIC_CONFERENCE")),
                training: format.number(count("TRAINING_COURSE")),
              })}
            >
              <CategoryBarChart
                layout="horizontal"
                data={byKind.map((k) => ({
                  id: k.kind,
                  name: t(`conferences.kinds.${k.kind}`),
                  values: { conferences: k.conferences },
                  labels: {
                    conferences: `${format.number(k.conferences)} · ${t(
                      "conferences.panel.kindAttendees",
                      { attendees: format.number(k.attendees) },
                    )}`,
                  },
                }))}
                series={[
                  { key: "conferences", name: columns.conferences, color: CHART_COLORS.primary },
                ]}
                formatValue={format.number}
              />
            </ChartFigure>
          </ChartSuspense>
        ) : (
          <div className="table-container">
            <table className="data-table" aria-label={title}>
              <thead>
                <tr>
                  <th scope="col">{columns.kind}</th>
                  <th scope="col" className="numeric">
                    {columns.conferences}
                  </th>
                  <th scope="col" className="numeric">
                    {columns.attendees}
                  </th>
                </tr>
              </thead>
              <tbody>
                {byKind.map((k) => (
                  <tr key={k.kind}>
                    <th scope="row">{t(`conferences.kinds.${k.kind}`)}</th>
                    <td className="numeric">{format.number(k.conferences)}</td>
                    <td className="numeric">{format.number(k.attendees)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("conferences.panel.columns.total")}</th>
                  <td className="numeric">{format.number(summary.unit.conferences)}</td>
                  <td className="numeric">{format.number(summary.unit.attendees)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )
      }
    </ChartPanel>
  );
}

function ByUnitPanel({ summary, variables, periodLabel, t }: PanelProps) {
  const format = useChartFormat();
  const columns = {
    unit: t("conferences.panel.columns.unit"),
    conferences: t("conferences.panel.columns.conferences"),
    attendees: t("conferences.panel.columns.attendees"),
    current: t("conferences.panel.columns.current"),
  };
  const rows = [...summary.rows].sort((a, b) => b.conferences - a.conferences);
  const title = t("conferences.panel.byUnit.title");
  const exportSpec: ExportSpec = {
    document: DisseminationSummaryQuery,
    variables,
    path: "disseminationSummary.rows",
    columns: [
      { key: "name", header: columns.unit },
      { key: "conferences", header: columns.conferences },
      { key: "attendees", header: columns.attendees },
      { key: "current", header: columns.current },
    ],
    filename: `${t("conferences.panel.byUnit.filename")}-${String(variables["year"])}`,
    title: `${title} – ${summary.unit.name} – ${periodLabel}`,
  };
  const best: Row | undefined = rows[0];
  return (
    <ChartPanel
      id="conferences-by-unit"
      title={title}
      intro={<p className="hint">{t("conferences.panel.byUnit.intro")}</p>}
      exportSpec={exportSpec}
      png={{ filename: exportSpec.filename, subtitle: periodLabel, legend: [] }}
    >
      {(view) =>
        rows.length === 0 ? (
          <EmptyState>{t("conferences.panel.byUnit.empty")}</EmptyState>
        ) : view === "chart" ? (
          <>
            <ChartSuspense>
              <ChartFigure
                summary={t("conferences.panel.byUnit.summary", {
                  count: rows.length,
                  best: best?.name ?? "",
                  value: format.number(best?.conferences ?? 0),
                })}
              >
                <CategoryBarChart
                  layout="horizontal"
                  data={rows.slice(0, CHART_MAX_ROWS).map((row) => ({
                    id: row.unitId,
                    name: row.name,
                    values: { conferences: row.conferences },
                  }))}
                  series={[
                    {
                      key: "conferences",
                      name: columns.conferences,
                      color: CHART_COLORS.primary,
                    },
                  ]}
                  formatValue={format.number}
                />
              </ChartFigure>
            </ChartSuspense>
            {rows.length > CHART_MAX_ROWS && (
              <p className="hint">
                {t("conferences.panel.byUnit.chartLimited", {
                  shown: format.number(CHART_MAX_ROWS),
                  total: format.number(rows.length),
                })}
              </p>
            )}
          </>
        ) : (
          <div className="table-container">
            <table className="data-table" aria-label={title}>
              <thead>
                <tr>
                  <th scope="col">{columns.unit}</th>
                  <th scope="col" className="numeric">
                    {columns.conferences}
                  </th>
                  <th scope="col" className="numeric">
                    {columns.attendees}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.own.conferences > 0 && (
                  <tr>
                    <th scope="row">
                      {t("conferences.panel.byUnit.own", { name: summary.own.name })}
                    </th>
                    <td className="numeric">{format.number(summary.own.conferences)}</td>
                    <td className="numeric">{format.number(summary.own.attendees)}</td>
                  </tr>
                )}
                {rows.map((row) => (
                  <tr key={row.unitId}>
                    <th scope="row">
                      {row.name}
                      {!row.current && (
                        <span className="hint"> ({t("conferences.panel.byUnit.dissolved")})</span>
                      )}
                    </th>
                    <td className="numeric">{format.number(row.conferences)}</td>
                    <td className="numeric">{format.number(row.attendees)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">
                    {t("conferences.panel.byUnit.total", { name: summary.unit.name })}
                  </th>
                  <td className="numeric">{format.number(summary.unit.conferences)}</td>
                  <td className="numeric">{format.number(summary.unit.attendees)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )
      }
    </ChartPanel>
  );
}
