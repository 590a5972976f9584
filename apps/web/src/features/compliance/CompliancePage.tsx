import { useQuery } from "@apollo/client/react";
import { quarterPeriod, todayIso, type Role } from "@dangbo/shared";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type {
  CellComplianceQueryVariables,
  MeetingComplianceQuery as ComplianceData,
} from "../../gql/graphql.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import type { ErrorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { EmptyState, QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import {
  dashboardTreeDate,
  FIRST_YEAR,
  periodFromSearch,
  periodSearch,
  periodVariables,
  QUARTERS,
  yearOf,
  yearsFrom,
  type Period,
  type Quarter,
} from "../dashboard/period.ts";
import {
  CellComplianceQuery,
  ComplianceUnitQuery,
  MeetingComplianceQuery,
} from "./compliance.operations.ts";
import { ExportPanel, type PanelExport } from "./ExportPanel.tsx";
import { HeatMap, HeatMapLegend } from "./HeatMap.tsx";
import "./compliance.css";

/** Who reads compliance (the API's READERS). */
export const COMPLIANCE_ROLES = [
  "ADMIN",
  "LEADER",
  "STAFF",
  "ANALYST",
] as const satisfies readonly Role[];

/** Rows of the heat-map per page. */
export const HEATMAP_PAGE_SIZE = 50;
/** Cells of the missing-thematic list shown before "Show all" (it can run to hundreds). */
export const MISSING_SHOWN = 12;

const NOT_FOUND_CODES: readonly ErrorCode[] = ["NOT_FOUND", "BAD_USER_INPUT"];

type Compliance = ComplianceData["meetingCompliance"];
type Row = Compliance["rows"][number];

export function compliancePath(unitId: string, period: Period): string {
  return `/compliance/${encodeURIComponent(unitId)}${periodSearch(period)}`;
}

/** "2026-q4" or "2026", for file names. */
function fileSuffix({ year, quarter }: Period): string {
  return quarter ? `${year}-q${quarter}` : String(year);
}

/**
 * `/compliance` (the user's own unit) or `/compliance/:unitId`, for `?year=&quarter=`: whether
 * the cells of a subtree hold their monthly and quarterly meetings — per subordinate unit, the
 * cells missing their thematic meeting, the themes, and every cell month by month.
 */
export function CompliancePage() {
  const { unitId } = useParams();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const period = periodFromSearch(params, today);
  const setPeriod = (next: Period) => {
    const search = new URLSearchParams(params);
    search.set("year", String(next.year));
    if (next.quarter) search.set("quarter", String(next.quarter));
    else search.delete("quarter");
    setParams(search);
  };
  const id = unitId ?? viewer?.unit.id;
  return (
    <RequireRole roles={COMPLIANCE_ROLES}>
      <div className="compliance">
        {id && (
          <Compliance key={id} unitId={id} period={period} setPeriod={setPeriod} today={today} />
        )}
      </div>
    </RequireRole>
  );
}

interface PeriodProps {
  period: Period;
  setPeriod: (period: Period) => void;
  today: string;
}

function usePeriodLabel(period: Period): string {
  const { t } = useTranslation();
  return period.quarter
    ? t("compliance.periodQuarter", {
        quarter: t(`cell.quarters.q${period.quarter}`),
        year: period.year,
      })
    : t("compliance.periodYear", { year: period.year });
}

function Compliance({ unitId, ...props }: PeriodProps & { unitId: string }) {
  const { t } = useTranslation();
  const { period } = props;
  const unit = useQuery(ComplianceUnitQuery, {
    variables: { unitId, treeDate: dashboardTreeDate(period, props.today) },
  });
  const compliance = useQuery(MeetingComplianceQuery, {
    variables: { unitId, ...periodVariables(period) },
  });
  const name = unit.data?.orgUnit.name;
  useDocumentTitle(name ? `${t("compliance.nav")}: ${name}` : t("compliance.nav"));
  const periodLabel = usePeriodLabel(period);

  return (
    <QueryState
      loading={unit.loading}
      error={unit.error}
      data={unit.data}
      onRetry={() => unit.refetch()}
      loadingLabel={t("compliance.loading")}
      notFound={<UnitNotFound {...props} />}
      notFoundCodes={NOT_FOUND_CODES}
    >
      {({ orgUnit }) => (
        <>
          <header className="compliance-header">
            {orgUnit.ancestors.length > 0 && (
              <nav aria-label={t("compliance.breadcrumb")} className="breadcrumb">
                <ol>
                  {orgUnit.ancestors.map((ancestor) => (
                    <li key={ancestor.id}>
                      <Link to={compliancePath(ancestor.id, period)}>{ancestor.name}</Link>
                    </li>
                  ))}
                  <li aria-current="page">{orgUnit.name}</li>
                </ol>
              </nav>
            )}
            <p className="eyebrow">{t("compliance.eyebrow")}</p>
            <h1>{orgUnit.name}</h1>
            <p className="hint">{t("compliance.intro")}</p>
          </header>
          <PeriodControls {...props} />
          <QueryState
            loading={compliance.loading}
            error={compliance.error}
            data={compliance.data}
            onRetry={() => compliance.refetch()}
            loadingLabel={t("compliance.loading")}
            isEmpty={(d) =>
              d.meetingCompliance.total.cellsRequired === 0 && d.meetingCompliance.rows.length === 0
            }
            empty={t("compliance.empty")}
          >
            {({ meetingCompliance }) => (
              <>
                <Summary total={meetingCompliance.total} periodLabel={periodLabel} />
                <ByUnitPanel
                  compliance={meetingCompliance}
                  unitId={unitId}
                  unitName={orgUnit.name}
                  period={period}
                  periodLabel={periodLabel}
                />
                <MissingThematic compliance={meetingCompliance} />
                <Themes compliance={meetingCompliance} />
              </>
            )}
          </QueryState>
          {compliance.data && (
            <HeatMapPanel
              unitId={unitId}
              unitName={orgUnit.name}
              period={period}
              periodLabel={periodLabel}
            />
          )}
        </>
      )}
    </QueryState>
  );
}

function PeriodControls({ period, setPeriod, today }: PeriodProps) {
  const { t } = useTranslation();
  const id = useId();
  const years = yearsFrom(FIRST_YEAR, yearOf(today));
  return (
    <form
      className="filters period-controls"
      aria-label={t("compliance.period.label")}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-year`}>{t("compliance.period.year")}</label>
        <select
          id={`${id}-year`}
          value={period.year}
          onChange={(event) => setPeriod({ ...period, year: Number(event.target.value) })}
        >
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-quarter`}>{t("compliance.period.quarter")}</label>
        <select
          id={`${id}-quarter`}
          value={period.quarter ?? ""}
          onChange={(event) =>
            setPeriod({
              ...period,
              quarter: event.target.value ? (Number(event.target.value) as Quarter) : null,
            })
          }
        >
          <option value="">{t("compliance.period.wholeYear")}</option>
          {QUARTERS.map((quarter) => (
            <option key={quarter} value={quarter}>
              {t(`cell.quarters.q${quarter}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function Summary({ total, periodLabel }: { total: Compliance["total"]; periodLabel: string }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="compliance-summary">
      <h2 id={headingId} className="visually-hidden">
        {t("compliance.summary.label", { period: periodLabel })}
      </h2>
      <dl className="stats">
        <div data-kpi="compliant">
          <dt>{t("compliance.summary.compliant")}</dt>
          <dd>
            {t("compliance.summary.compliantValue", {
              compliant: format.number(total.cellsCompliant),
              required: format.number(total.cellsRequired),
              percent: format.percent(total.percent),
            })}
          </dd>
        </div>
        <div data-kpi="thematicMissing">
          <dt>{t("compliance.summary.thematicMissing")}</dt>
          <dd>{format.number(total.thematicMissing)}</dd>
        </div>
        <div data-kpi="attendance">
          <dt>{t("compliance.summary.attendance")}</dt>
          <dd>{format.percent(total.attendanceRate)}</dd>
        </div>
        <div data-kpi="meetings">
          <dt>{t("compliance.summary.meetings")}</dt>
          <dd>{format.number(total.meetings)}</dd>
        </div>
      </dl>
    </section>
  );
}

function ByUnitPanel({
  compliance,
  unitId,
  unitName,
  period,
  periodLabel,
}: {
  compliance: Compliance;
  unitId: string;
  unitName: string;
  period: Period;
  periodLabel: string;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const columns = {
    unit: t("compliance.columns.unit"),
    cellsRequired: t("compliance.columns.cellsRequired"),
    cellsCompliant: t("compliance.columns.cellsCompliant"),
    percent: t("compliance.columns.percent"),
    thematicMissing: t("compliance.columns.thematicMissing"),
    attendanceRate: t("compliance.columns.attendanceRate"),
    meetings: t("compliance.columns.meetings"),
  };
  const title = t("compliance.byUnit.title");
  const exportSpec: PanelExport = {
    document: MeetingComplianceQuery,
    variables: { unitId, ...periodVariables(period) },
    path: "meetingCompliance.rows",
    columns: [
      { key: "name", header: columns.unit },
      { key: "cellsRequired", header: columns.cellsRequired },
      { key: "cellsCompliant", header: columns.cellsCompliant },
      { key: "percent", header: columns.percent },
      { key: "thematicMissing", header: columns.thematicMissing },
      { key: "attendanceRate", header: columns.attendanceRate },
      { key: "meetings", header: columns.meetings },
    ],
    filename: `${t("compliance.byUnit.filename")}-${fileSuffix(period)}`,
    title: `${title} – ${unitName} – ${periodLabel}`,
  };
  const numbers = (row: Row | Compliance["total"]) => (
    <>
      <td data-label={columns.cellsRequired} className="numeric">
        {format.number(row.cellsRequired)}
      </td>
      <td data-label={columns.cellsCompliant} className="numeric">
        {format.number(row.cellsCompliant)}
      </td>
      <td data-label={columns.percent} className="numeric">
        {format.percent(row.percent)}
      </td>
      <td data-label={columns.thematicMissing} className="numeric">
        {format.number(row.thematicMissing)}
      </td>
      <td data-label={columns.attendanceRate} className="numeric">
        {format.percent(row.attendanceRate)}
      </td>
      <td data-label={columns.meetings} className="numeric">
        {format.number(row.meetings)}
      </td>
    </>
  );

  return (
    <ExportPanel
      id="compliance-by-unit"
      title={title}
      intro={<p className="hint">{t("compliance.byUnit.intro")}</p>}
      exportSpec={exportSpec}
    >
      {compliance.rows.length === 0 ? (
        <EmptyState>{t("compliance.byUnit.empty")}</EmptyState>
      ) : (
        <div className="table-container">
          <table className="data-table" aria-label={title}>
            <thead>
              <tr>
                <th scope="col">{columns.unit}</th>
                <th scope="col" className="numeric">
                  {columns.cellsRequired}
                </th>
                <th scope="col" className="numeric">
                  {columns.cellsCompliant}
                </th>
                <th scope="col" className="numeric">
                  {columns.percent}
                </th>
                <th scope="col" className="numeric">
                  {columns.thematicMissing}
                </th>
                <th scope="col" className="numeric">
                  {columns.attendanceRate}
                </th>
                <th scope="col" className="numeric">
                  {columns.meetings}
                </th>
              </tr>
            </thead>
            <tbody>
              {compliance.rows.map((row) => (
                <tr key={row.unitId}>
                  <th scope="row" data-label={columns.unit}>
                    {row.unitId === unitId ? (
                      row.name
                    ) : (
                      <Link to={compliancePath(row.unitId, period)}>{row.name}</Link>
                    )}
                  </th>
                  {numbers(row)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" data-label={columns.unit}>
                  {t("compliance.byUnit.total", { name: compliance.total.name })}
                </th>
                {numbers(compliance.total)}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </ExportPanel>
  );
}

/** The quarter the period's "missing thematic" list is about: the last one with a month shown. */
function lastQuarterOf(compliance: Compliance): number {
  const last = compliance.months[compliance.months.length - 1];
  return last ? Math.ceil(Number(last.slice(5, 7)) / 3) : (compliance.quarter ?? 4);
}

function MissingThematic({ compliance }: { compliance: Compliance }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [all, setAll] = useState(false);
  const quarter = lastQuarterOf(compliance);
  const cells = compliance.missingThematic;
  const shown = all ? cells : cells.slice(0, MISSING_SHOWN);
  return (
    <section className="compliance-section missing-thematic" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t("compliance.missing.title", {
          quarter: t(`cell.quarters.q${quarter as Quarter}`),
          year: compliance.year,
        })}
      </h2>
      <p className="hint">{t("compliance.missing.intro")}</p>
      {quarterPeriod(compliance.year, quarter as Quarter).to > todayIso() && (
        <p className="hint">
          {t("compliance.missing.running", {
            quarter: t(`cell.quarters.q${quarter as Quarter}`),
            year: compliance.year,
          })}
        </p>
      )}
      {cells.length === 0 ? (
        <p className="state state-empty">{t("compliance.missing.none")}</p>
      ) : (
        <>
          <p className="results-count">{t("compliance.missing.count", { count: cells.length })}</p>
          <ul className="missing-list" aria-labelledby={headingId}>
            {shown.map((cell) => (
              <li key={cell.cellId}>
                <Link to={`/cells/${encodeURIComponent(cell.cellId)}`}>{cell.name}</Link>
                {cell.groupName !== cell.name && (
                  <span className="result-meta">{cell.groupName}</span>
                )}
              </li>
            ))}
          </ul>
          {shown.length < cells.length && (
            <button type="button" className="button button-secondary" onClick={() => setAll(true)}>
              {t("compliance.missing.showAll", { count: cells.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Themes({ compliance }: { compliance: Compliance }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="compliance-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("compliance.themes.title")}</h2>
      {compliance.themes.length === 0 ? (
        <p className="state state-empty">{t("compliance.themes.empty")}</p>
      ) : (
        <ol className="theme-list">
          {compliance.themes.map((theme) => (
            <li key={theme.theme}>
              <span className="theme-title">{theme.theme}</span>{" "}
              <span className="result-meta">
                {t("compliance.themes.meetings", { count: theme.meetings })}
                {theme.studyTheme && (
                  <span className="badge badge-study">{t("compliance.themes.studyTheme")}</span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function HeatMapPanel({
  unitId,
  unitName,
  period,
  periodLabel,
}: {
  unitId: string;
  unitName: string;
  period: Period;
  periodLabel: string;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const toggleId = useId();
  const [onlyNonCompliant, setOnlyNonCompliant] = useState(false);
  const variables: CellComplianceQueryVariables = {
    unitId,
    ...periodVariables(period),
    onlyNonCompliant,
    first: HEATMAP_PAGE_SIZE,
  };
  const query = useQuery(CellComplianceQuery, { variables });
  const viewer = useViewer();
  const title = t("compliance.heatmap.title");
  const columns = {
    group: t("compliance.heatmap.group"),
    cell: t("compliance.heatmap.cell"),
    complies: t("compliance.heatmap.complies"),
    meetings: t("compliance.columns.meetings"),
    attendanceRate: t("compliance.columns.attendanceRate"),
    months: t("compliance.heatmap.monthsColumn"),
    quarters: t("compliance.heatmap.quartersColumn"),
  };
  const exportSpec: PanelExport = {
    document: CellComplianceQuery,
    variables: { unitId, ...periodVariables(period), onlyNonCompliant, first: 500 },
    path: "cellCompliance.edges.node",
    paginate: true,
    columns: [
      { key: "groupName", header: columns.group },
      { key: "name", header: columns.cell },
      { key: "complies", header: columns.complies },
      { key: "meetings", header: columns.meetings },
      { key: "attendanceRate", header: columns.attendanceRate },
      { key: "months", header: columns.months },
      { key: "quarters", header: columns.quarters },
    ],
    filename: `${t("compliance.heatmap.filename")}-${fileSuffix(period)}`,
    title: `${title} – ${unitName} – ${periodLabel}`,
  };
  const firstMonth = period.quarter ? (period.quarter - 1) * 3 + 1 : 1;

  return (
    <ExportPanel
      id="compliance-heatmap"
      title={title}
      intro={<p className="hint">{t("compliance.heatmap.intro")}</p>}
      controls={
        <div className="field field-checkbox">
          <input
            id={toggleId}
            type="checkbox"
            checked={onlyNonCompliant}
            onChange={(event) => setOnlyNonCompliant(event.target.checked)}
          />
          <label htmlFor={toggleId}>{t("compliance.heatmap.onlyNonCompliant")}</label>
        </div>
      }
      exportSpec={exportSpec}
    >
      <HeatMapLegend />
      <QueryState
        loading={query.loading}
        error={query.error}
        data={query.data}
        onRetry={() => query.refetch()}
        loadingLabel={t("compliance.heatmap.loading")}
        isEmpty={(d) => d.cellCompliance.edges.length === 0}
        empty={
          onlyNonCompliant ? t("compliance.heatmap.emptyFiltered") : t("compliance.heatmap.empty")
        }
      >
        {({ cellCompliance }) => (
          <>
            <p className="results-count" aria-live="polite">
              {t("compliance.heatmap.showing", {
                shown: format.number(cellCompliance.edges.length),
                total: format.number(cellCompliance.totalCount),
              })}
            </p>
            <HeatMap
              nodes={cellCompliance.edges.map((edge) => edge.node)}
              year={period.year}
              firstMonth={firstMonth}
              cellPath={(cellId) =>
                viewer?.unit.id === cellId ? "/cell" : `/cells/${encodeURIComponent(cellId)}`
              }
            />
            {cellCompliance.pageInfo.hasNextPage && (
              <LoadMore
                onLoadMore={() =>
                  query.fetchMore({
                    variables: { after: cellCompliance.pageInfo.endCursor },
                  })
                }
              />
            )}
          </>
        )}
      </QueryState>
    </ExportPanel>
  );
}

function UnitNotFound(props: PeriodProps) {
  const { t } = useTranslation();
  useDocumentTitle(t("compliance.notFoundTitle"));
  return (
    <section className="not-found">
      <h1>{t("compliance.notFoundTitle")}</h1>
      <p>{t("compliance.notFoundText")}</p>
      <PeriodControls {...props} />
      <p>
        <Link to={`/compliance?year=${props.period.year}`} className="button">
          {t("compliance.backToOwn")}
        </Link>
      </p>
    </section>
  );
}
