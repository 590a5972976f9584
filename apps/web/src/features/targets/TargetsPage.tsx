import { todayIso } from "@dangbo/shared";
import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { AdmissionTargetsQuery as TargetsData } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import type { ErrorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { EmptyState, QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { DashboardRootQuery } from "../dashboard/dashboard.operations.ts";
import { DASHBOARD_ROLES } from "../dashboard/roles.ts";
import {
  FIRST_YEAR,
  targetsTreeDate,
  yearFromSearch,
  yearOf,
  yearsFrom,
} from "../dashboard/period.ts";
import { TargetInputCell } from "./TargetInputCell.tsx";
import { AdmissionTargetsQuery } from "./targets.operations.ts";
import "./targets.css";

type Targets = TargetsData["admissionTargets"];
type TargetRow = Targets["rows"][number];

const NOT_FOUND_CODES: readonly ErrorCode[] = ["NOT_FOUND", "BAD_USER_INPUT"];
/** Units without subordinates have nobody to assign a target to. */
const LEAF_KINDS: readonly string[] = ["CELL", "GRASSROOTS_CELL"];

export function targetsPath(unitId: string, year: number): string {
  return `/targets/${encodeURIComponent(unitId)}?year=${year}`;
}

export function historyPath(unitId: string, year: number): string {
  const params = new URLSearchParams({ entity: "AdmissionTarget", entityId: `${unitId}:${year}` });
  return `/admin/audit?${params.toString()}`;
}

/** Subordinate targets against the unit's own: what the page warns about (the API's `difference`). */
export function targetBalance(targets: Pick<Targets, "unit" | "rows">) {
  const total = targets.rows.reduce((sum, row) => sum + (row.target ?? 0), 0);
  const own = targets.unit.target ?? 0;
  return { total, own, difference: own - total };
}

/**
 * Admission targets of a unit's direct subordinates for a year (`/targets`, `/targets/:unitId`,
 * `?year=`), edited in place: each change is saved on Enter or when leaving the field.
 */
export function TargetsPage() {
  const { unitId } = useParams();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const lastYear = yearOf(today) + 1;
  const year = yearFromSearch(params, today, lastYear);
  const setYear = (next: number) => {
    const search = new URLSearchParams(params);
    search.set("year", String(next));
    setParams(search);
  };
  const props = { year, setYear, today, lastYear };
  return (
    <RequireRole roles={DASHBOARD_ROLES}>
      <div className="targets">
        {unitId ? (
          <Targets key={unitId} unitId={unitId} {...props} />
        ) : (
          <OwnUnitTargets {...props} />
        )}
      </div>
    </RequireRole>
  );
}

interface YearProps {
  year: number;
  setYear: (year: number) => void;
  today: string;
  lastYear: number;
}

function OwnUnitTargets(props: YearProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(DashboardRootQuery);
  useDocumentTitle(t("targets.nav"));
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
      {(d) => <Targets unitId={d.rootUnits[0]!.id} {...props} />}
    </QueryState>
  );
}

function Targets({ unitId, ...props }: YearProps & { unitId: string }) {
  const { t } = useTranslation();
  const { year, today } = props;
  const { data, loading, error, refetch } = useQuery(AdmissionTargetsQuery, {
    variables: { unitId, year, treeDate: targetsTreeDate(year, today) },
  });
  useDocumentTitle(data ? `${t("targets.nav")}: ${data.orgUnit.name}` : t("targets.nav"));
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("targets.loading")}
      notFound={<TargetsNotFound {...props} />}
      notFoundCodes={NOT_FOUND_CODES}
    >
      {(d) => <TargetsView data={d} {...props} />}
    </QueryState>
  );
}

function TargetsView({ data, ...props }: YearProps & { data: TargetsData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { year } = props;
  const unit = data.orgUnit;
  const targets = data.admissionTargets;
  const headingId = useId();
  const hintId = useId();
  const balance = targetBalance(targets);
  const columns = {
    unit: t("targets.columns.unit"),
    target: t("targets.columns.target"),
    updated: t("targets.columns.updated"),
    history: t("targets.columns.history"),
  };

  return (
    <>
      {unit.ancestors.length > 0 && (
        <nav aria-label={t("targets.breadcrumb")} className="breadcrumb">
          <ol>
            {unit.ancestors.map((ancestor) => (
              <li key={ancestor.id}>
                <Link to={targetsPath(ancestor.id, year)}>{ancestor.name}</Link>
              </li>
            ))}
            <li aria-current="page">{unit.name}</li>
          </ol>
        </nav>
      )}
      <p className="eyebrow">{t("targets.eyebrow")}</p>
      <h1>{unit.name}</h1>
      <YearSelect {...props} />

      <dl className="stats targets-own">
        <div>
          <dt>{t("targets.ownTarget", { year })}</dt>
          <dd>
            {targets.unit.target === null
              ? t("targets.notSet")
              : format.number(targets.unit.target)}
          </dd>
        </div>
      </dl>
      {year <= yearOf(props.today) && (
        <p className="dashboard-link">
          <Link to={`/dashboard/${encodeURIComponent(unit.id)}?year=${year}`}>
            {t("targets.dashboardLink", { year })}
          </Link>
        </p>
      )}

      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t("targets.subordinates")}</h2>
        <p
          className={balance.difference === 0 ? "hint" : "targets-warning"}
          role="status"
          data-testid="target-balance"
        >
          {balance.difference === 0
            ? t("targets.balanced", { total: format.number(balance.total) })
            : targets.unit.target === null
              ? t("targets.mismatchNoTarget", { total: format.number(balance.total), year })
              : t(balance.difference > 0 ? "targets.mismatchLess" : "targets.mismatchMore", {
                  total: format.number(balance.total),
                  difference: format.number(Math.abs(balance.difference)),
                  target: format.number(balance.own),
                })}
        </p>
        {targets.rows.length === 0 ? (
          <EmptyState>{t("targets.empty")}</EmptyState>
        ) : (
          <>
            <p className="hint" id={hintId}>
              {targets.editable ? t("targets.editHint") : t("targets.readOnly")}
            </p>
            <div className="table-container">
              <table className="data-table targets-table" aria-labelledby={headingId}>
                <thead>
                  <tr>
                    <th scope="col">{columns.unit}</th>
                    <th scope="col" className="numeric">
                      {columns.target}
                    </th>
                    <th scope="col">{columns.updated}</th>
                    <th scope="col">{columns.history}</th>
                  </tr>
                </thead>
                <tbody>
                  {targets.rows.map((row) => (
                    <TargetTableRow
                      key={row.unitId}
                      row={row}
                      year={year}
                      editable={targets.editable}
                      hintId={hintId}
                      columns={columns}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

function TargetTableRow({
  row,
  year,
  editable,
  hintId,
  columns,
}: {
  row: TargetRow;
  year: number;
  editable: boolean;
  hintId: string;
  columns: Record<"unit" | "target" | "updated" | "history", string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const updatedAt = typeof row.updatedAt === "string" ? row.updatedAt : null;
  return (
    <tr>
      <th scope="row" data-label={columns.unit}>
        {LEAF_KINDS.includes(row.kind) ? (
          row.name
        ) : (
          <Link to={targetsPath(row.unitId, year)}>{row.name}</Link>
        )}
      </th>
      <td data-label={columns.target} className="numeric target-cell">
        {editable ? (
          <TargetInputCell row={row} year={year} describedBy={hintId} />
        ) : row.target === null ? (
          t("targets.notSet")
        ) : (
          format.number(row.target)
        )}
      </td>
      <td data-label={columns.updated}>
        {updatedAt
          ? [row.updatedBy, format.date(updatedAt.slice(0, 10))].filter(Boolean).join(", ")
          : t("targets.never")}
      </td>
      <td data-label={columns.history}>
        <Link
          to={historyPath(row.unitId, year)}
          aria-label={t("targets.historyOf", { name: row.name })}
        >
          {t("targets.history")}
        </Link>
      </td>
    </tr>
  );
}

function YearSelect({ year, setYear, lastYear }: YearProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <form
      className="filters"
      aria-label={t("targets.yearLabel")}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label htmlFor={id}>{t("targets.year")}</label>
        <select id={id} value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {yearsFrom(FIRST_YEAR, lastYear).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function TargetsNotFound(props: YearProps) {
  const { t } = useTranslation();
  useDocumentTitle(t("targets.notFoundTitle"));
  return (
    <section className="not-found">
      <h1>{t("targets.notFoundTitle")}</h1>
      <p>{t("targets.notFoundText")}</p>
      <YearSelect {...props} />
      <p>
        <Link to={`/targets?year=${props.year}`} className="button">
          {t("targets.backToOwn")}
        </Link>
      </p>
    </section>
  );
}
