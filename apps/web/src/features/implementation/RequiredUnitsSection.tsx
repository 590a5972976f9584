import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImplementationCoverageQuery as CoverageData } from "../../gql/graphql.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { ExportActions, type ListExport } from "../documents/ExportActions.tsx";
import { NOT_ISSUED, STATUSES, type ImplementationStatus } from "./headline.ts";
import { ImplementationCoverageQuery } from "./implementation.operations.ts";
import { PlanForm, ReviewForm } from "./RecordForms.tsx";

export type RequiredUnit = CoverageData["implementationCoverage"]["units"]["edges"][number]["node"];

/** Units per page of the list. */
export const UNITS_PAGE_SIZE = 50;

interface Props {
  documentId: string;
  unitId: string;
  asOf: string | undefined;
  documentIssuedOn: string;
  documentNumber: string;
  unitName: string;
  writer: boolean;
}

/**
 * The required units with the statuses chosen (by default those that have not issued a plan:
 * overdue or not yet due), paged, with their plan, dissemination and reviews — and for staff,
 * per unit, the forms to record its plan and its reviews.
 */
export function RequiredUnitsSection(props: Props) {
  const { documentId, unitId, asOf, documentNumber, unitName } = props;
  const { t } = useTranslation();
  const format = useChartFormat();
  const headingId = useId();
  const filterId = useId();
  const [statuses, setStatuses] = useState<ImplementationStatus[]>(NOT_ISSUED);
  const [notice, setNotice] = useState<string | null>(null);
  const isDefault =
    statuses.length === NOT_ISSUED.length && NOT_ISSUED.every((s) => statuses.includes(s));
  const variables = {
    documentId,
    unitId,
    status: statuses,
    first: UNITS_PAGE_SIZE,
    ...(asOf ? { asOf } : {}),
  };
  const query = useQuery(ImplementationCoverageQuery, {
    variables,
    skip: statuses.length === 0,
  });
  const title = isDefault
    ? t("implementation.units.title")
    : t("implementation.units.titleFiltered");
  const c = (key: keyof typeof exportColumns) => t(`implementation.units.columns.${key}`);
  const exportSpec: ListExport | undefined =
    statuses.length === 0
      ? undefined
      : {
          document: ImplementationCoverageQuery,
          variables: { ...variables, first: 500 },
          path: "implementationCoverage.units.edges.node",
          paginate: true,
          columns: (Object.keys(exportColumns) as (keyof typeof exportColumns)[]).map((key) => ({
            key: exportColumns[key],
            header: c(key),
          })),
          filename: `${t("implementation.units.filename")}-${documentNumber.replace(/[^\p{L}\p{N}]+/gu, "-")}`,
          title: `${title} – ${documentNumber} – ${unitName}`,
        };

  return (
    <section className="chart-panel required-units" aria-labelledby={headingId}>
      <div className="chart-panel-head">
        <h2 id={headingId}>{title}</h2>
        <p className="hint">{t("implementation.units.intro")}</p>
      </div>
      <div className="chart-panel-toolbar">
        <fieldset className="fieldset status-filter">
          <legend>{t("implementation.units.status")}</legend>
          {STATUSES.map((status) => (
            <div key={status} className="field field-checkbox">
              <input
                id={`${filterId}-${status}`}
                type="checkbox"
                checked={statuses.includes(status)}
                onChange={(event) =>
                  setStatuses((current) =>
                    event.target.checked
                      ? STATUSES.filter((s) => s === status || current.includes(s))
                      : current.filter((s) => s !== status),
                  )
                }
              />
              <label htmlFor={`${filterId}-${status}`}>
                <span className={`impl-dot impl-${status.toLowerCase()}`} aria-hidden="true" />
                {t(`implementation.statuses.${status}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <ExportActions spec={exportSpec} />
      </div>
      {notice && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {statuses.length === 0 ? (
        <p className="state state-empty">{t("implementation.units.statusNone")}</p>
      ) : (
        <QueryState
          loading={query.loading}
          error={query.error}
          data={query.data}
          onRetry={() => query.refetch()}
          loadingLabel={t("implementation.units.loading")}
          isEmpty={(d) => d.implementationCoverage.units.edges.length === 0}
          empty={
            isDefault && (query.data?.implementationCoverage.total.required ?? 0) > 0
              ? t("implementation.units.emptyDefault")
              : t("implementation.units.empty")
          }
        >
          {({ implementationCoverage: { units } }) => (
            <>
              <p className="results-count" aria-live="polite">
                {t("implementation.units.showing", {
                  shown: format.number(units.edges.length),
                  total: format.number(units.totalCount),
                })}
              </p>
              <ul className="required-unit-list" aria-label={t("implementation.units.listLabel")}>
                {units.edges.map(({ node }) => (
                  <RequiredUnitItem
                    key={node.unitId}
                    unit={node}
                    {...props}
                    onSaved={(message) => setNotice(message)}
                  />
                ))}
              </ul>
              {units.pageInfo.hasNextPage && (
                <LoadMore
                  onLoadMore={() =>
                    query.fetchMore({ variables: { after: units.pageInfo.endCursor } })
                  }
                />
              )}
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}

/** The list's columns in the export, by translation key → field. */
const exportColumns = {
  group: "groupName",
  unit: "name",
  kind: "kind",
  status: "status",
  dueOn: "dueOn",
  planKind: "planKind",
  planIssuedOn: "planIssuedOn",
  planReference: "planReference",
  daysLate: "daysLate",
  disseminatedOn: "disseminatedOn",
  midTermReviewOn: "midTermReviewOn",
  finalReviewOn: "finalReviewOn",
} as const;

function RequiredUnitItem({
  unit,
  documentId,
  documentIssuedOn,
  writer,
  onSaved,
}: Props & { unit: RequiredUnit; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const [open, setOpen] = useState<"plan" | "review" | null>(null);
  const status = unit.status as ImplementationStatus;
  const formId = useId();
  return (
    <li className="required-unit" data-unit-id={unit.unitId} data-status={status}>
      <div className="required-unit-head">
        <span className="required-unit-name">{unit.name}</span>
        <span className={`impl-status impl-${status.toLowerCase()}`}>
          {t(`implementation.statuses.${status}`)}
        </span>
      </div>
      <p className="result-meta">
        {unit.groupId !== unit.unitId && <>{unit.groupName} · </>}
        {t(`enums.orgUnitKind.${unit.kind}`)} ·{" "}
        {t("implementation.units.due", { date: format.date(unit.dueOn) })}
      </p>
      <ul className="meta-list required-unit-facts">
        {unit.planKind && unit.planIssuedOn && (
          <li>
            {t("implementation.units.plan", {
              kind: t(`implementation.planKinds.${unit.planKind}`),
              reference: unit.planReference ?? "",
              date: format.date(unit.planIssuedOn),
            })}
            {unit.daysLate !== null && unit.daysLate > 0 && (
              <> ({t("implementation.units.daysLate", { count: unit.daysLate })})</>
            )}
          </li>
        )}
        {unit.disseminatedOn && (
          <li>
            {t("implementation.units.disseminatedOn", { date: format.date(unit.disseminatedOn) })}
          </li>
        )}
        {unit.midTermReviewOn && (
          <li>
            {t("implementation.units.midTermOn", { date: format.date(unit.midTermReviewOn) })}
          </li>
        )}
        {unit.finalReviewOn && (
          <li>{t("implementation.units.finalOn", { date: format.date(unit.finalReviewOn) })}</li>
        )}
        {unit.dissolvedOn && (
          <li>{t("implementation.units.dissolvedOn", { date: format.date(unit.dissolvedOn) })}</li>
        )}
      </ul>
      {writer && (
        <div className="required-unit-actions">
          <button
            type="button"
            className="button button-secondary chart-button"
            aria-expanded={open === "plan"}
            aria-controls={open === "plan" ? formId : undefined}
            aria-label={t("implementation.units.recordPlanFor", { name: unit.name })}
            onClick={() => setOpen(open === "plan" ? null : "plan")}
          >
            {t("implementation.units.recordPlan")}
          </button>
          <button
            type="button"
            className="button button-secondary chart-button"
            aria-expanded={open === "review"}
            aria-controls={open === "review" ? formId : undefined}
            aria-label={t("implementation.units.recordReviewFor", { name: unit.name })}
            onClick={() => setOpen(open === "review" ? null : "review")}
          >
            {t("implementation.units.recordReview")}
          </button>
        </div>
      )}
      {open === "plan" && (
        <PlanForm
          id={formId}
          documentId={documentId}
          documentIssuedOn={documentIssuedOn}
          unit={unit}
          onClose={() => setOpen(null)}
          onSaved={onSaved}
        />
      )}
      {open === "review" && (
        <ReviewForm
          id={formId}
          documentId={documentId}
          documentIssuedOn={documentIssuedOn}
          unit={unit}
          onClose={() => setOpen(null)}
          onSaved={onSaved}
        />
      )}
    </li>
  );
}
