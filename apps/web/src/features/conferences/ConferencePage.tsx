import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { isWriter } from "../documents/access.ts";
import { documentPath } from "../documents/DocumentsPage.tsx";
import { ConferenceQuery, ConferenceRowFragment } from "./conferences.operations.ts";
import { conferencePath } from "./paths.ts";
import "../documents/documents.css";

/** `/conferences/:id`: one conference, its documents and its attendees. */
export function ConferencePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const location = useLocation();
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;
  const query = useQuery(ConferenceQuery, { variables: { id } });
  const row = query.data ? getFragmentData(ConferenceRowFragment, query.data.conference) : null;
  useDocumentTitle(row?.title ?? t("conferences.detail.loading"));

  return (
    <div className="documents-page conference-page">
      <p>
        <Link to="/conferences">{t("conferences.detail.back")}</Link>
      </p>
      <QueryState
        loading={query.loading}
        error={query.error}
        data={query.data}
        onRetry={() => query.refetch()}
        loadingLabel={t("conferences.detail.loading")}
        notFound={
          <section className="not-found">
            <h1>{t("conferences.detail.notFoundTitle")}</h1>
            <p>{t("conferences.detail.notFoundText")}</p>
          </section>
        }
      >
        {({ conference }) => {
          const c = getFragmentData(ConferenceRowFragment, conference);
          return (
            <>
              <header className="page-header">
                <p className="eyebrow">{t(`conferences.kinds.${c.kind}`)}</p>
                <h1>{c.title}</h1>
                {saved && (
                  <p className="notice notice-success" role="status">
                    {t("conferences.detail.saved")}
                  </p>
                )}
                {isWriter(viewer?.role) && (
                  <p className="page-actions">
                    <Link to={`${conferencePath(c.id)}/edit`} className="button button-secondary">
                      {t("conferences.detail.edit")}
                    </Link>
                  </p>
                )}
              </header>
              <section className="document-section" aria-label={t("conferences.detail.facts")}>
                <h2>{t("conferences.detail.facts")}</h2>
                <dl className="facts">
                  <dt>{t("conferences.detail.heldOn")}</dt>
                  <dd>{format.date(c.heldOn)}</dd>
                  <dt>{t("conferences.detail.organiser")}</dt>
                  <dd>{conference.organiser.name}</dd>
                  <dt>{t("conferences.detail.format")}</dt>
                  <dd>{t(`conferences.formats.${c.format}`)}</dd>
                  <dt>{t("conferences.detail.audience")}</dt>
                  <dd>{t(`conferences.audiences.${c.audience}`)}</dd>
                  <dt>{t("conferences.detail.attendeeCount")}</dt>
                  <dd>{format.number(c.attendeeCount)}</dd>
                </dl>
              </section>
              <section className="document-section">
                <h2>{t("conferences.detail.documents")}</h2>
                {conference.documents.length === 0 ? (
                  <p>{t("conferences.detail.noDocuments")}</p>
                ) : (
                  <ul className="item-list">
                    {conference.documents.map((d) => (
                      <li key={d.id}>
                        <Link to={documentPath(d.id)}>{d.number}</Link> — {d.title} (
                        {format.date(d.issuedOn)})
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="document-section">
                <h2>{t("conferences.detail.attendees")}</h2>
                {conference.attendees.length === 0 ? (
                  <p>{t("conferences.detail.noAttendees")}</p>
                ) : (
                  <ul className="item-list">
                    {conference.attendees.map((m) => (
                      <li key={m.id}>
                        <Link to={`/members/${encodeURIComponent(m.id)}`}>{m.fullName}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
