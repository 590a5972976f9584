import { todayIso } from "@dangbo/shared";
import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { DashboardOverviewQuery as OverviewData } from "../../gql/graphql.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import type { ErrorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { ByUnitPanel, dashboardPath } from "./ByUnitPanel.tsx";
import { CompositionPanel } from "./CompositionPanel.tsx";
import {
  AdmissionProgressQuery,
  DashboardOverviewQuery,
  DashboardRootQuery,
} from "./dashboard.operations.ts";
import "./dashboard.css";
import { FunnelPanel } from "./FunnelPanel.tsx";
import { DASHBOARD_ROLES } from "./roles.ts";
import {
  dashboardTreeDate,
  FIRST_YEAR,
  periodFromSearch,
  periodVariables,
  QUARTERS,
  yearOf,
  yearsFrom,
  type Period,
  type Quarter,
} from "./period.ts";
import { TrendPanel } from "./TrendPanel.tsx";
import { YearProgressPanel } from "./YearProgressPanel.tsx";

// A malformed id in the address is refused as bad input: for the reader, an unknown unit.
const NOT_FOUND_CODES: readonly ErrorCode[] = ["NOT_FOUND", "BAD_USER_INPUT"];

/**
 * The leaders' dashboard: `/dashboard` (the user's own unit) or `/dashboard/:unitId`, for the
 * period in `?year=&quarter=`, so that a view can be bookmarked and shared.
 */
export function DashboardPage() {
  const { unitId } = useParams();
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

  return (
    <RequireRole roles={DASHBOARD_ROLES}>
      <div className="dashboard">
        {unitId ? (
          <Dashboard
            key={unitId}
            unitId={unitId}
            period={period}
            setPeriod={setPeriod}
            today={today}
          />
        ) : (
          <OwnUnitDashboard period={period} setPeriod={setPeriod} today={today} />
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

function OwnUnitDashboard(props: PeriodProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(DashboardRootQuery);
  useDocumentTitle(t("dashboard.nav"));
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("dashboard.loadingRoot")}
      isEmpty={(d) => d.rootUnits.length === 0}
      empty={t("dashboard.noRoot")}
    >
      {(d) => <Dashboard unitId={d.rootUnits[0]!.id} {...props} />}
    </QueryState>
  );
}

function Dashboard({ unitId, period, setPeriod, today }: PeriodProps & { unitId: string }) {
  const { t } = useTranslation();
  const variables = { unitId, ...periodVariables(period) };
  const overview = useQuery(DashboardOverviewQuery, {
    variables: { ...variables, treeDate: dashboardTreeDate(period, today) },
  });
  const progress = useQuery(AdmissionProgressQuery, { variables });
  const unit = overview.data?.orgUnit;
  useDocumentTitle(unit ? `${t("dashboard.nav")}: ${unit.name}` : t("dashboard.nav"));
  const periodLabel = usePeriodLabel(period);

  return (
    <>
      <QueryState
        loading={overview.loading}
        error={overview.error}
        data={overview.data}
        onRetry={() => overview.refetch()}
        loadingLabel={t("dashboard.loading")}
        notFound={<UnitNotFound period={period} setPeriod={setPeriod} today={today} />}
        notFoundCodes={NOT_FOUND_CODES}
      >
        {(d) => (
          <>
            <Header overview={d} period={period} />
            <PeriodControls period={period} setPeriod={setPeriod} today={today} />
            <SummaryTiles summary={d.dashboardSummary} />
            <p className="dashboard-links">
              <Link to={`/targets/${encodeURIComponent(unitId)}?year=${period.year}`}>
                {t("dashboard.targetsLink", { year: period.year })}
              </Link>
            </p>
          </>
        )}
      </QueryState>
      {overview.data && (
        <div className="dashboard-panels">
          <QueryState
            loading={progress.loading}
            error={progress.error}
            data={progress.data}
            onRetry={() => progress.refetch()}
          >
            {({ admissionProgress }) => (
              <>
                <ByUnitPanel
                  progress={admissionProgress}
                  unitId={unitId}
                  period={period}
                  periodLabel={periodLabel}
                />
                <YearProgressPanel
                  progress={admissionProgress}
                  unitId={unitId}
                  period={period}
                  periodLabel={periodLabel}
                />
              </>
            )}
          </QueryState>
          <div className="dashboard-grid">
            <TrendPanel unitId={unitId} unitName={overview.data.orgUnit.name} />
            <CompositionPanel
              unitId={unitId}
              unitName={overview.data.orgUnit.name}
              period={period}
              periodLabel={periodLabel}
            />
            <FunnelPanel
              unitId={unitId}
              unitName={overview.data.orgUnit.name}
              period={period}
              periodLabel={periodLabel}
            />
          </div>
        </div>
      )}
    </>
  );
}

/** "2024" or "Quý II/2024" / "Q2 2024". */
function usePeriodLabel(period: Period): string {
  const { t } = useTranslation();
  return period.quarter
    ? `${t(`dashboard.period.quarters.q${period.quarter}`)} ${period.year}`
    : String(period.year);
}

function Header({ overview, period }: { overview: OverviewData; period: Period }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const unit = overview.orgUnit;
  const { from, until } = overview.dashboardSummary.period;
  return (
    <header className="dashboard-header">
      {unit.ancestors.length > 0 && (
        <nav aria-label={t("dashboard.breadcrumb")} className="breadcrumb">
          <ol>
            {unit.ancestors.map((ancestor) => (
              <li key={ancestor.id}>
                <Link to={dashboardPath(ancestor.id, period)}>{ancestor.name}</Link>
              </li>
            ))}
            <li aria-current="page">{unit.name}</li>
          </ol>
        </nav>
      )}
      <p className="eyebrow">{t("dashboard.eyebrow")}</p>
      <h1>{unit.name}</h1>
      <p className="hint">
        {t("dashboard.period.range", { from: format.date(from), until: format.date(until) })}
      </p>
      {period.quarter && <p className="hint">{t("dashboard.period.quarterNote")}</p>}
    </header>
  );
}

function PeriodControls({ period, setPeriod, today }: PeriodProps) {
  const { t } = useTranslation();
  const id = useId();
  const years = yearsFrom(FIRST_YEAR, yearOf(today));
  return (
    <form
      className="filters period-controls"
      aria-label={t("dashboard.period.label")}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-year`}>{t("dashboard.period.year")}</label>
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
        <label htmlFor={`${id}-quarter`}>{t("dashboard.period.quarter")}</label>
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
          <option value="">{t("dashboard.period.wholeYear")}</option>
          {QUARTERS.map((quarter) => (
            <option key={quarter} value={quarter}>
              {t(`dashboard.period.quarters.q${quarter}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function SummaryTiles({ summary }: { summary: OverviewData["dashboardSummary"] }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const headingId = useId();
  const tiles: { key: string; label: string; value: string; note?: string; band?: string }[] = [
    {
      key: "admitted",
      label: t("dashboard.kpi.admitted"),
      value:
        summary.target > 0
          ? t("dashboard.kpi.admittedValue", {
              admitted: format.number(summary.admitted),
              target: format.number(summary.target),
              percent: format.percent(summary.percent),
            })
          : t("dashboard.kpi.admittedNoTarget", { admitted: format.number(summary.admitted) }),
      note: t(`dashboard.bands.${summary.band}`),
      band: summary.band.toLowerCase(),
    },
    {
      key: "official",
      label: t("dashboard.kpi.official"),
      value: format.number(summary.members.official),
    },
    {
      key: "probationary",
      label: t("dashboard.kpi.probationary"),
      value: format.number(summary.members.probationary),
    },
    {
      key: "grassroots",
      label: t("dashboard.kpi.grassroots"),
      value: format.number(summary.grassrootsCount),
    },
    { key: "cells", label: t("dashboard.kpi.cells"), value: format.number(summary.cellCount) },
    {
      key: "probationEnding",
      label: t("dashboard.kpi.probationEnding"),
      value: format.number(summary.probationEndingSoon),
    },
    {
      key: "candidates",
      label: t("dashboard.kpi.candidates"),
      value: format.number(summary.candidatesInPipeline),
    },
  ];
  return (
    <section aria-labelledby={headingId} className="kpi">
      <h2 id={headingId} className="visually-hidden">
        {t("dashboard.kpi.label")}
      </h2>
      <dl className="stats kpi-tiles">
        {tiles.map((tile) => (
          <div
            key={tile.key}
            className={tile.band ? `kpi-tile kpi-wide band-border-${tile.band}` : "kpi-tile"}
            data-kpi={tile.key}
          >
            <dt>{tile.label}</dt>
            <dd>{tile.value}</dd>
            {tile.note && <dd className="kpi-note">{tile.note}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}

function UnitNotFound(props: PeriodProps) {
  const { t } = useTranslation();
  useDocumentTitle(t("dashboard.notFoundTitle"));
  return (
    <section className="not-found">
      <h1>{t("dashboard.notFoundTitle")}</h1>
      <p>{t("dashboard.notFoundText")}</p>
      <PeriodControls {...props} />
      <p>
        <Link to={`/dashboard?year=${props.period.year}`} className="button">
          {t("dashboard.backToOwn")}
        </Link>
      </p>
    </section>
  );
}
