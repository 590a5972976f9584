import { useQuery } from "@apollo/client/react";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import type { DocumentDetailQuery as DocumentDetailData } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { CoverageSummary } from "../implementation/CoverageSummary.tsx";
import { implementationPath } from "../implementation/paths.ts";
import { isWriter } from "./access.ts";
import { DocumentNotFound } from "./DocumentFormPage.tsx";
import { documentPath, useIssuerLabel } from "./DocumentsPage.tsx";
import { DocumentDetailQuery, DocumentRowFragment } from "./documents.operations.ts";
import "./documents.css";

type Detail = DocumentDetailData["document"];

/** `/documents/:id`: a document and everything attached to it. */
export function DocumentPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const query = useQuery(DocumentDetailQuery, { variables: { id } });
  const number = query.data
    ? getFragmentData(DocumentRowFragment, query.data.document).number
    : undefined;
  useDocumentTitle(number ?? t("documents.detail.loading"));
  return (
    <div className="documents-page document-page">
      <QueryState
        loading={query.loading}
        error={query.error}
        data={query.data}
        onRetry={() => query.refetch()}
        loadingLabel={t("documents.detail.loading")}
        notFound={<DocumentNotFound />}
      >
        {({ document }) => <DocumentView document={document} />}
      </QueryState>
    </div>
  );
}

function DocumentView({ document }: { document: Detail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const location = useLocation();
  const issuerLabel = useIssuerLabel();
  const row = getFragmentData(DocumentRowFragment, document);
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;
  const writer = isWriter(viewer?.role);

  return (
    <>
      <p className="back-link">
        <Link to="/documents">{t("documents.detail.back")}</Link>
      </p>
      {saved && (
        <p className="notice notice-success" role="status">
          {t("documents.detail.saved")}
        </p>
      )}
      <header className="page-header">
        <p className="eyebrow">{t(`documents.kinds.${row.kind}`)}</p>
        <h1>{row.number}</h1>
        <p className="document-title">{row.title}</p>
        <div className="page-actions">
          <Link to={implementationPath(row.id)} className="button">
            {t("documents.detail.implementation.open")}
          </Link>
          {writer && (
            <Link to={`${documentPath(row.id)}/edit`} className="button button-secondary">
              {t("documents.detail.edit")}
            </Link>
          )}
        </div>
      </header>

      <Section title={t("documents.detail.facts")} id="facts">
        <dl className="details">
          <div>
            <dt>{t("documents.detail.kind")}</dt>
            <dd>{t(`documents.kinds.${row.kind}`)}</dd>
          </div>
          <div>
            <dt>{t("documents.detail.number")}</dt>
            <dd>{row.number}</dd>
          </div>
          <div>
            <dt>{t("documents.detail.issuedOn")}</dt>
            <dd>{format.date(row.issuedOn)}</dd>
          </div>
          <div>
            <dt>{t("documents.detail.issuer")}</dt>
            <dd>{document.issuerUnit?.name ?? issuerLabel(row)}</dd>
          </div>
        </dl>
        <h3>{t("documents.detail.summary")}</h3>
        <p className="document-summary">{document.summary ?? t("documents.detail.noSummary")}</p>
      </Section>

      <Section title={t("documents.detail.replacements.title")} id="replacements">
        {document.replaces.length === 0 && document.replacedBy.length === 0 ? (
          <p className="state state-empty">{t("documents.detail.replacements.none")}</p>
        ) : (
          <>
            {document.replaces.length > 0 && (
              <DocumentLinks
                label={t("documents.detail.replacements.replaces")}
                documents={document.replaces}
              />
            )}
            {document.replacedBy.length > 0 && (
              <DocumentLinks
                label={t("documents.detail.replacements.replacedBy")}
                documents={document.replacedBy}
              />
            )}
          </>
        )}
      </Section>

      <Section title={t("documents.detail.conferences.title")} id="conferences">
        {document.conferenceCount === 0 ? (
          <p className="state state-empty">{t("documents.detail.conferences.none")}</p>
        ) : (
          <>
            <p data-stat="conferences">
              {t("documents.detail.conferences.summary", {
                count: document.conferenceCount,
                attendees: format.number(document.conferenceAttendees),
              })}
            </p>
            <ul className="item-list" aria-label={t("documents.detail.conferences.latest")}>
              {document.latestConferences.map((conference) => (
                <li key={conference.id}>
                  <Link to={`/conferences/${encodeURIComponent(conference.id)}`}>
                    {conference.title}
                  </Link>
                  <span className="result-meta">
                    {t("documents.detail.conferences.item", {
                      kind: t(`conferences.kinds.${conference.kind}`),
                      date: format.date(conference.heldOn),
                      organiser: conference.organiser.name,
                      attendees: format.number(conference.attendeeCount),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="section-links">
          {document.conferenceCount > 0 && (
            <Link to={`/conferences?document=${encodeURIComponent(row.id)}`}>
              {t("documents.detail.conferences.all")}
            </Link>
          )}
          {writer && (
            <Link to={`/conferences/new?document=${encodeURIComponent(row.id)}`}>
              {t("documents.detail.conferences.record")}
            </Link>
          )}
        </p>
      </Section>

      <Section title={t("documents.detail.implementation.title")} id="implementation">
        {document.requirements.length === 0 ? (
          <p className="state state-empty">{t("documents.detail.implementation.noRequirement")}</p>
        ) : (
          <>
            <ul className="item-list">
              {document.requirements.map((requirement) => (
                <li key={requirement.id}>
                  {t("documents.detail.implementation.requirement", {
                    scope: requirement.scopeUnit?.name ?? requirement.scopeUnitName,
                    kinds: requirement.unitKinds
                      .map((kind) => t(`enums.orgUnitKind.${kind}`))
                      .join(", "),
                    date: format.date(requirement.dueOn),
                  })}
                </li>
              ))}
            </ul>
            {viewer && <CoverageSummary documentId={row.id} unitId={viewer.unit.id} />}
          </>
        )}
        <p data-stat="plans">
          {t("documents.detail.implementation.plans", { count: document.planCount })}
        </p>
        {document.latestPlans.length > 0 && (
          <ul className="item-list" aria-label={t("documents.detail.implementation.latest")}>
            {document.latestPlans.map((plan) => (
              <li key={plan.id}>
                {t("documents.detail.implementation.plan", {
                  unit: plan.unit.name,
                  kind: t(`implementation.planKinds.${plan.kind}`),
                  reference: plan.reference,
                  date: format.date(plan.issuedOn),
                })}
              </li>
            ))}
          </ul>
        )}
        <p className="section-links">
          <Link to={implementationPath(row.id)}>{t("documents.detail.implementation.open")}</Link>
        </p>
      </Section>

      <Section title={t("documents.detail.reviews.title")} id="reviews">
        {document.reviewCount === 0 ? (
          <p className="state state-empty">{t("documents.detail.reviews.none")}</p>
        ) : (
          <>
            <p data-stat="reviews">
              {t("documents.detail.reviews.count", { count: document.reviewCount })}
            </p>
            <ul className="item-list">
              {document.latestReviews.map((review) => (
                <li key={review.id}>
                  {t("documents.detail.reviews.item", {
                    unit: review.unit.name,
                    kind: t(`implementation.reviewKinds.${review.kind}`),
                    date: format.date(review.heldOn),
                  })}
                  {review.summary && <span className="result-meta">{review.summary}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section title={t("documents.detail.meetings.title")} id="meetings">
        {document.meetingCount === 0 ? (
          <p className="state state-empty">{t("documents.detail.meetings.none")}</p>
        ) : (
          <>
            <p data-stat="meetings">
              {t("documents.detail.meetings.count", { count: document.meetingCount })}
            </p>
            <ul className="item-list">
              {document.latestMeetings.map((meeting) => (
                <li key={meeting.id}>
                  <Link to={`/meetings/${encodeURIComponent(meeting.id)}`}>
                    {meeting.theme ?? t(`documents.detail.meetings.kinds.${meeting.kind}`)}
                  </Link>
                  <span className="result-meta">
                    {t("documents.detail.meetings.item", {
                      cell: meeting.cell.name,
                      kind: t(`documents.detail.meetings.kinds.${meeting.kind}`),
                      date: format.date(meeting.heldOn),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section title={t("documents.detail.studyThemes.title")} id="study-themes">
        {document.studyThemes.length === 0 ? (
          <p className="state state-empty">{t("documents.detail.studyThemes.none")}</p>
        ) : (
          <ul className="item-list">
            {document.studyThemes.map((theme) => (
              <li key={theme.id}>
                <Link to={`/study-themes?year=${theme.year}`}>
                  {t("documents.detail.studyThemes.item", { year: theme.year, title: theme.title })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="document-section" aria-labelledby={headingId} data-section={id}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

function DocumentLinks({ label, documents }: { label: string; documents: Detail["replaces"] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labelId = useId();
  return (
    <>
      <p id={labelId} className="list-label">
        {label}
      </p>
      <ul className="item-list" aria-labelledby={labelId}>
        {documents.map((masked) => {
          const d = getFragmentData(DocumentRowFragment, masked);
          return (
            <li key={d.id}>
              <Link to={documentPath(d.id)}>{d.number}</Link>
              <span className="result-meta">
                {t(`documents.kinds.${d.kind}`)} · {format.date(d.issuedOn)} · {d.title}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
