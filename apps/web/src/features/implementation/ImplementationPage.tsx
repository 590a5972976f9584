import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { ImplementationCoverageQuery as CoverageData } from "../../gql/graphql.ts";
import { useChartFormat } from "../../ui/charts/format.ts";
import type { ErrorCode } from "../../ui/errors.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { isWriter } from "../documents/access.ts";
import { documentPath } from "../documents/DocumentsPage.tsx";
import { InputField } from "../documents/fields.tsx";
import { ByUnitPanel } from "./ByUnitPanel.tsx";
import { headlineText } from "./headline.ts";
import { ImplementationCoverageQuery } from "./implementation.operations.ts";
import { implementationPath } from "./paths.ts";
import { RequirementForm } from "./RequirementForm.tsx";
import { RequiredUnitsSection } from "./RequiredUnitsSection.tsx";
import "../documents/documents.css";
import "./implementation.css";

export type Coverage = CoverageData["implementationCoverage"];

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const NOT_FOUND_CODES: readonly ErrorCode[] = ["NOT_FOUND", "FORBIDDEN", "BAD_USER_INPUT"];

/**
 * `/documents/:id/implementation?unit=&asOf=`: who must issue a programme or plan for the
 * document in a unit's subtree, who has (on time or late), who has not — the headline, the table
 * and heat-map per subordinate, the list of units that have not, and for staff the forms to set
 * the requirement and record plans and reviews.
 */
export function ImplementationPage() {
  const { id = "" } = useParams();
  const viewer = useViewer();
  const [params] = useSearchParams();
  const unitId = params.get("unit") ?? viewer?.unit.id;
  const asOfParam = params.get("asOf");
  const asOf = asOfParam && ISO.test(asOfParam) ? asOfParam : undefined;
  return (
    <div className="documents-page implementation-page">
      {unitId && (
        <CoverageView key={`${id}-${unitId}`} documentId={id} unitId={unitId} asOf={asOf} />
      )}
    </div>
  );
}

function CoverageView({
  documentId,
  unitId,
  asOf,
}: {
  documentId: string;
  unitId: string;
  asOf: string | undefined;
}) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const variables = { documentId, unitId, first: 0, ...(asOf ? { asOf } : {}) };
  const query = useQuery(ImplementationCoverageQuery, { variables });
  const number = query.data?.implementationCoverage.document.number;
  useDocumentTitle(number ? t("implementation.title", { number }) : t("implementation.loading"));

  return (
    <QueryState
      loading={query.loading}
      error={query.error}
      data={query.data}
      onRetry={() => query.refetch()}
      loadingLabel={t("implementation.loading")}
      notFound={<CoverageNotFound documentId={documentId} />}
      notFoundCodes={NOT_FOUND_CODES}
    >
      {({ implementationCoverage: coverage }) => (
        <>
          <Header coverage={coverage} asOf={asOf} ownUnitId={viewer?.unit.id} />
          <Headline coverage={coverage} />
          <Requirements coverage={coverage} />
          {isWriter(viewer?.role) && (
            <RequirementForm
              documentId={documentId}
              documentIssuedOn={coverage.document.issuedOn}
              unit={
                coverage.unit
                  ? { id: coverage.unit.id, name: coverage.unit.name, kind: coverage.unit.kind }
                  : null
              }
            />
          )}
          <ByUnitPanel coverage={coverage} documentId={documentId} unitId={unitId} asOf={asOf} />
          <RequiredUnitsSection
            documentId={documentId}
            unitId={unitId}
            asOf={asOf}
            documentIssuedOn={coverage.document.issuedOn}
            documentNumber={coverage.document.number}
            unitName={coverage.unit?.name ?? coverage.total.name}
            writer={isWriter(viewer?.role)}
          />
        </>
      )}
    </QueryState>
  );
}

function Header({
  coverage,
  asOf,
  ownUnitId,
}: {
  coverage: Coverage;
  asOf: string | undefined;
  ownUnitId: string | undefined;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { document, unit } = coverage;
  const path = (unitId: string) => implementationPath(document.id, { unit: unitId, asOf });
  return (
    <header className="page-header">
      <p className="back-link">
        <Link to={documentPath(document.id)}>
          {t("implementation.backToDocument", { number: document.number })}
        </Link>
      </p>
      {unit && unit.ancestors.length > 0 && (
        <nav aria-label={t("implementation.breadcrumb")} className="breadcrumb">
          <ol>
            {unit.ancestors.map((ancestor) => (
              <li key={ancestor.id}>
                <Link to={path(ancestor.id)}>{ancestor.name}</Link>
              </li>
            ))}
            <li aria-current="page">{unit.name}</li>
          </ol>
        </nav>
      )}
      <p className="eyebrow">{t("implementation.eyebrow")}</p>
      <h1>{t("implementation.title", { number: document.number })}</h1>
      <p className="document-title">{document.title}</p>
      <p className="unit-line">
        <strong>{unit?.name ?? coverage.total.name}</strong>
        {unit && ownUnitId && unit.id !== ownUnitId && (
          <>
            {" · "}
            <Link to={implementationPath(document.id, { asOf })}>
              {t("implementation.backToOwn")}
            </Link>
          </>
        )}
      </p>
      <form
        className="filters"
        aria-label={t("implementation.controls.label")}
        onSubmit={(event) => event.preventDefault()}
      >
        <InputField
          type="date"
          label={t("implementation.controls.asOf")}
          value={asOf ?? coverage.asOf}
          onChange={(event) => {
            const next = new URLSearchParams(params);
            if (ISO.test(event.target.value)) next.set("asOf", event.target.value);
            else next.delete("asOf");
            setParams(next, { replace: true });
          }}
        />
        {asOf && (
          <div className="filter-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                const next = new URLSearchParams(params);
                next.delete("asOf");
                setParams(next, { replace: true });
              }}
            >
              {t("implementation.controls.today")}
            </button>
          </div>
        )}
      </form>
    </header>
  );
}

function Headline({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const headingId = useId();
  const { total } = coverage;
  if (total.required === 0) {
    return (
      <section aria-labelledby={headingId} className="coverage-headline">
        <h2 id={headingId} className="visually-hidden">
          {t("implementation.headline.label")}
        </h2>
        <p className="state state-empty" data-coverage="none">
          {t("implementation.headline.noRequirement")}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby={headingId} className="coverage-headline">
      <h2 id={headingId} className="visually-hidden">
        {t("implementation.headline.label")}
      </h2>
      <p className="coverage-sentence" data-coverage="headline">
        <span className="coverage-percent">
          {headlineText(t, format.percent(total.percent), coverage.requirements)}
        </span>{" "}
        <span className="coverage-counts" data-coverage="counts">
          (
          {t("implementation.headline.counts", {
            issued: format.number(total.issued),
            required: format.number(total.required),
          })}
          )
        </span>
      </p>
      <dl className="stats coverage-stats">
        <div className="stat-on_time">
          <dt>{t("implementation.headline.onTime")}</dt>
          <dd>{format.number(total.onTime)}</dd>
        </div>
        <div className="stat-late">
          <dt>{t("implementation.headline.late")}</dt>
          <dd>{format.number(total.late)}</dd>
        </div>
        <div className="stat-overdue">
          <dt>{t("implementation.headline.overdue")}</dt>
          <dd>{format.number(total.overdue)}</dd>
        </div>
        <div className="stat-pending">
          <dt>{t("implementation.headline.pending")}</dt>
          <dd>{format.number(total.pending)}</dd>
        </div>
        <div>
          <dt>{t("implementation.headline.disseminated")}</dt>
          <dd>{format.percent(total.disseminatedPercent)}</dd>
        </div>
        <div>
          <dt>{t("implementation.headline.reviews")}</dt>
          <dd>
            {t("implementation.headline.reviewsValue", {
              midTerm: format.number(total.midTermReviewed),
              final: format.number(total.finalReviewed),
            })}
          </dd>
        </div>
      </dl>
      <p className="hint">
        {t("implementation.headline.asOf", { date: format.date(coverage.asOf) })}
      </p>
    </section>
  );
}

function Requirements({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const headingId = useId();
  return (
    <section className="document-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("implementation.requirements.title")}</h2>
      {coverage.requirements.length === 0 ? (
        <p className="state state-empty">{t("implementation.requirements.none")}</p>
      ) : (
        <ul className="item-list">
          {coverage.requirements.map((requirement) => (
            <li key={requirement.id}>
              {t("implementation.requirements.item", {
                scope: requirement.scopeUnit?.name ?? requirement.scopeUnitName,
                kinds: requirement.unitKinds
                  .map((kind) => t(`enums.orgUnitKind.${kind}`))
                  .join(", "),
                date: format.date(requirement.dueOn),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CoverageNotFound({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t("implementation.notFoundTitle"));
  return (
    <section className="not-found">
      <h1>{t("implementation.notFoundTitle")}</h1>
      <p>{t("implementation.notFoundText")}</p>
      <p className="page-actions">
        <Link to={implementationPath(documentId)} className="button">
          {t("implementation.backToOwn")}
        </Link>
        <Link to="/documents" className="button button-secondary">
          {t("documents.detail.back")}
        </Link>
      </p>
    </section>
  );
}
