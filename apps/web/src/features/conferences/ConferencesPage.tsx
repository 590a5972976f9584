import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { isWriter, provinceToday } from "../documents/access.ts";
import { documentPath } from "../documents/DocumentsPage.tsx";
import { SelectField } from "../documents/fields.tsx";
import { UnitSearchField, type PickedUnit } from "../documents/UnitSearchField.tsx";
import { ConferenceRowFragment, ConferencesQuery } from "./conferences.operations.ts";
import { DisseminationPanel } from "./DisseminationPanel.tsx";
import {
  CONFERENCE_KINDS,
  conferencePath,
  isConferenceKind,
  recentYears,
  type ConferenceKindValue,
} from "./paths.ts";
import "../documents/documents.css";

export const CONFERENCES_PAGE_SIZE = 25;

function yearParam(value: string | null, years: readonly number[]): number | null {
  const year = Number(value);
  return value && years.includes(year) ? year : null;
}

/**
 * `/conferences?unit=&year=&quarter=&kind=&listYear=&document=`: the dissemination panel of a
 * unit's subtree (per kind and per subordinate, with tables and export) and the conferences
 * themselves, filtered by kind and year, paged.
 */
export function ConferencesPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t("conferences.page.title"));
  const [picked, setPicked] = useState<PickedUnit | null>(null);
  const years = recentYears(provinceToday());

  if (!viewer) return null;
  const unitId = params.get("unit") ?? viewer.unit.id;
  const year = yearParam(params.get("year"), years) ?? years[0]!;
  const quarterText = params.get("quarter");
  const quarter = quarterText && /^[1-4]$/.test(quarterText) ? Number(quarterText) : null;
  const kindParam = params.get("kind");
  const kind = isConferenceKind(kindParam) ? kindParam : null;
  const listYear = yearParam(params.get("listYear"), years);
  const documentId = params.get("document");

  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <div className="documents-page conferences-page">
      <header className="page-header">
        <h1>{t("conferences.page.title")}</h1>
        <p className="lead">{t("conferences.page.intro")}</p>
        {isWriter(viewer.role) && (
          <p>
            <Link
              to={
                documentId
                  ? `/conferences/new?document=${encodeURIComponent(documentId)}`
                  : "/conferences/new"
              }
              className="button"
            >
              {t("conferences.page.record")}
            </Link>
          </p>
        )}
      </header>
      <div className="filters">
        <UnitSearchField
          label={t("conferences.page.unit")}
          hint={t("conferences.page.unitHint")}
          value={
            unitId === viewer.unit.id
              ? { id: viewer.unit.id, name: viewer.unit.name }
              : picked?.id === unitId
                ? picked
                : null
          }
          onChange={(unit) => {
            setPicked(unit);
            setParam("unit", unit.id === viewer.unit.id ? null : unit.id);
          }}
        />
        {unitId !== viewer.unit.id && (
          <div className="filter-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setParam("unit", null)}
            >
              {t("conferences.page.own")}
            </button>
          </div>
        )}
      </div>
      <DisseminationPanel
        unitId={unitId}
        year={year}
        quarter={quarter}
        years={years}
        onPeriod={(nextYear, nextQuarter) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              next.set("year", String(nextYear));
              if (nextQuarter) next.set("quarter", String(nextQuarter));
              else next.delete("quarter");
              return next;
            },
            { replace: true },
          )
        }
      />
      <ConferenceList
        unitId={unitId}
        kind={kind}
        year={listYear}
        years={years}
        documentId={documentId}
        onKind={(value) => setParam("kind", value)}
        onYear={(value) => setParam("listYear", value ? String(value) : null)}
        onClearDocument={() => setParam("document", null)}
      />
    </div>
  );
}

interface ListProps {
  unitId: string;
  kind: ConferenceKindValue | null;
  year: number | null;
  years: readonly number[];
  documentId: string | null;
  onKind: (kind: string | null) => void;
  onYear: (year: number | null) => void;
  onClearDocument: () => void;
}

export function ConferenceList(props: ListProps) {
  const { unitId, kind, year, years, documentId, onKind, onYear, onClearDocument } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const variables = {
    unitId,
    first: CONFERENCES_PAGE_SIZE,
    ...(kind ? { kind } : {}),
    ...(year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {}),
    ...(documentId ? { documentId } : {}),
  };
  const query = useQuery(ConferencesQuery, { variables, notifyOnNetworkStatusChange: true });
  const filtered = !!(kind || year || documentId);
  const columns = {
    heldOn: t("conferences.list.columns.heldOn"),
    kind: t("conferences.list.columns.kind"),
    title: t("conferences.list.columns.title"),
    organiser: t("conferences.list.columns.organiser"),
    documents: t("conferences.list.columns.documents"),
    attendees: t("conferences.list.columns.attendees"),
  };

  return (
    <section className="document-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("conferences.list.title")}</h2>
      <form
        className="filters documents-filters"
        role="search"
        aria-label={t("conferences.list.filters.label")}
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label={t("conferences.list.filters.kind")}
          value={kind ?? ""}
          onChange={(event) => onKind(event.target.value || null)}
        >
          <option value="">{t("conferences.list.filters.anyKind")}</option>
          {CONFERENCE_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`conferences.kinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("conferences.list.filters.year")}
          value={year ? String(year) : ""}
          onChange={(event) => onYear(event.target.value ? Number(event.target.value) : null)}
        >
          <option value="">{t("conferences.list.filters.anyYear")}</option>
          {years.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
        {documentId && (
          <div className="filter-actions">
            <button type="button" className="button button-secondary" onClick={onClearDocument}>
              {t("conferences.list.filters.removeDocument")}
            </button>
          </div>
        )}
        {filtered && (
          <div className="filter-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                onKind(null);
                onYear(null);
                onClearDocument();
              }}
            >
              {t("conferences.list.filters.clear")}
            </button>
          </div>
        )}
      </form>
      <QueryState
        loading={query.loading}
        error={query.error}
        data={query.data}
        onRetry={() => query.refetch()}
        loadingLabel={t("conferences.list.loading")}
        isEmpty={(d) => d.conferences.edges.length === 0}
        empty={filtered ? t("conferences.list.emptyFiltered") : t("conferences.list.empty")}
      >
        {({ conferences }) => (
          <>
            <p className="results-count" aria-live="polite">
              {t("conferences.list.total", { count: conferences.totalCount })}
            </p>
            <div className="table-container">
              <table className="data-table" aria-label={t("conferences.list.tableLabel")}>
                <thead>
                  <tr>
                    <th scope="col">{columns.heldOn}</th>
                    <th scope="col">{columns.title}</th>
                    <th scope="col">{columns.kind}</th>
                    <th scope="col">{columns.organiser}</th>
                    <th scope="col">{columns.documents}</th>
                    <th scope="col" className="numeric">
                      {columns.attendees}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {conferences.edges.map((edge) => {
                    const row = getFragmentData(ConferenceRowFragment, edge.node);
                    return (
                      <tr key={row.id}>
                        <td data-label={columns.heldOn}>{format.date(row.heldOn)}</td>
                        <th scope="row" data-label={columns.title}>
                          <Link to={conferencePath(row.id)}>{row.title}</Link>
                        </th>
                        <td data-label={columns.kind}>{t(`conferences.kinds.${row.kind}`)}</td>
                        <td data-label={columns.organiser}>{row.organiser.name}</td>
                        <td data-label={columns.documents}>
                          {row.documents.map((d, index) => (
                            <span key={d.id}>
                              {index > 0 && ", "}
                              <Link to={documentPath(d.id)}>{d.number}</Link>
                            </span>
                          ))}
                        </td>
                        <td data-label={columns.attendees} className="numeric">
                          {format.number(row.attendeeCount)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {conferences.pageInfo.hasNextPage && (
              <LoadMore
                onLoadMore={() =>
                  query.fetchMore({ variables: { after: conferences.pageInfo.endCursor } })
                }
              />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
