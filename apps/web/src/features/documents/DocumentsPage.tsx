import { useQuery } from "@apollo/client/react";
import { normaliseIssuer } from "@dangbo/shared";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import type { DocumentKind, DocumentRowFragment as DocumentRowData } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDebouncedValue, useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { isWriter } from "./access.ts";
import { DocumentRowFragment, DocumentsQuery } from "./documents.operations.ts";
import { InputField, SelectField } from "./fields.tsx";
import "./documents.css";

export const DOCUMENT_KIND_VALUES = [
  "NQ",
  "CT",
  "KL",
  "QD",
  "HD",
  "KH",
  "TB",
] as const satisfies readonly DocumentKind[];
export const PAGE_SIZE = 50;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function isKind(value: string | null): value is DocumentKind {
  return !!value && (DOCUMENT_KIND_VALUES as readonly string[]).includes(value);
}

export function documentPath(id: string): string {
  return `/documents/${encodeURIComponent(id)}`;
}

/** "Trung ương (TW)" for the centre, else the issuer's code. */
export function useIssuerLabel() {
  const { t } = useTranslation();
  return (document: Pick<DocumentRowData, "issuer" | "central">) =>
    document.issuer === "TW" ? `${t("documents.central")} (TW)` : document.issuer;
}

/**
 * `/documents?q=&kind=&issuer=&from=&to=`: the register — search by number or words of the
 * title (the server ignores diacritics), filters, newest first, paged.
 */
export function DocumentsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const id = useId();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t("documents.list.title"));

  const [text, setText] = useState(params.get("q") ?? "");
  const [issuerText, setIssuerText] = useState(params.get("issuer") ?? "");
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);
  const issuerTyped = useDebouncedValue(issuerText.trim(), 300);
  const kind = params.get("kind");
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";

  // The typed boxes reach the address once they settle (Back returns to the same list).
  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (search) next.set("q", search);
        else next.delete("q");
        if (issuerTyped) next.set("issuer", issuerTyped);
        else next.delete("issuer");
        return next;
      },
      { replace: true },
    );
  }, [search, issuerTyped, setParams]);

  const setParam = (key: string, value: string) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  const issuer = issuerTyped ? normaliseIssuer(issuerTyped) : null;
  const issuerInvalid = issuerTyped !== "" && issuer === null;
  const rangeInvalid = ISO.test(from) && ISO.test(to) && from > to;
  const filtered = !!(search || issuerTyped || kind || from || to);

  return (
    <div className="documents-page">
      <header className="page-header">
        <h1>{t("documents.list.title")}</h1>
        <p className="lead">{t("documents.list.intro")}</p>
        {isWriter(viewer?.role) && (
          <p>
            <Link to="/documents/new" className="button">
              {t("documents.list.register")}
            </Link>
          </p>
        )}
      </header>
      <form
        className="filters documents-filters"
        role="search"
        aria-label={t("documents.list.filters.label")}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field field-grow">
          <label htmlFor={`${id}-q`}>{t("documents.list.filters.search")}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-q-hint`}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={`${id}-q-hint`} className="hint">
            {t("documents.list.filters.searchHint")}
          </p>
        </div>
        <SelectField
          label={t("documents.list.filters.kind")}
          value={isKind(kind) ? kind : ""}
          onChange={(event) => setParam("kind", event.target.value)}
        >
          <option value="">{t("documents.list.filters.anyKind")}</option>
          {DOCUMENT_KIND_VALUES.map((value) => (
            <option key={value} value={value}>
              {t(`documents.kinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <InputField
          label={t("documents.list.filters.issuer")}
          hint={t("documents.list.filters.issuerHint")}
          value={issuerText}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          className="input-short"
          error={issuerInvalid ? t("documents.list.filters.issuerInvalid") : null}
          onChange={(event) => setIssuerText(event.target.value)}
        />
        <InputField
          type="date"
          label={t("documents.list.filters.from")}
          value={from}
          onChange={(event) => setParam("from", event.target.value)}
        />
        <InputField
          type="date"
          label={t("documents.list.filters.to")}
          value={to}
          error={rangeInvalid ? t("documents.list.filters.invalidRange") : null}
          onChange={(event) => setParam("to", event.target.value)}
        />
        {filtered && (
          <div className="filter-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setText("");
                setIssuerText("");
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t("documents.list.filters.clear")}
            </button>
          </div>
        )}
      </form>
      <DocumentList
        search={search}
        kind={isKind(kind) ? kind : undefined}
        issuer={issuerInvalid ? undefined : (issuer ?? undefined)}
        from={ISO.test(from) && !rangeInvalid ? from : undefined}
        to={ISO.test(to) && !rangeInvalid ? to : undefined}
        filtered={filtered}
      />
    </div>
  );
}

function DocumentList({
  search,
  kind,
  issuer,
  from,
  to,
  filtered,
}: {
  search: string;
  kind: DocumentKind | undefined;
  issuer: string | undefined;
  from: string | undefined;
  to: string | undefined;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const issuerLabel = useIssuerLabel();
  const variables = {
    first: PAGE_SIZE,
    ...(search ? { search } : {}),
    ...(kind ? { kind } : {}),
    ...(issuer ? { issuer } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const query = useQuery(DocumentsQuery, { variables, notifyOnNetworkStatusChange: true });
  const columns = {
    number: t("documents.list.columns.number"),
    kind: t("documents.list.columns.kind"),
    issuer: t("documents.list.columns.issuer"),
    issuedOn: t("documents.list.columns.issuedOn"),
    title: t("documents.list.columns.title"),
  };

  return (
    <QueryState
      loading={query.loading}
      error={query.error}
      data={query.data}
      onRetry={() => query.refetch()}
      loadingLabel={t("documents.list.loading")}
      isEmpty={(d) => d.documents.edges.length === 0}
      empty={filtered ? t("documents.list.emptyFiltered") : t("documents.list.empty")}
    >
      {({ documents }) => (
        <>
          <p className="results-count" aria-live="polite">
            {t("documents.list.total", { count: documents.totalCount })}
          </p>
          <div className="table-container">
            <table
              className="data-table documents-table"
              aria-label={t("documents.list.tableLabel")}
            >
              <thead>
                <tr>
                  <th scope="col">{columns.number}</th>
                  <th scope="col">{columns.kind}</th>
                  <th scope="col">{columns.issuer}</th>
                  <th scope="col">{columns.issuedOn}</th>
                  <th scope="col">{columns.title}</th>
                </tr>
              </thead>
              <tbody>
                {documents.edges.map((edge) => {
                  const row = getFragmentData(DocumentRowFragment, edge.node);
                  return (
                    <tr key={row.id}>
                      <th scope="row" data-label={columns.number}>
                        <Link to={documentPath(row.id)} className="document-number">
                          {row.number}
                        </Link>
                      </th>
                      <td data-label={columns.kind}>{t(`documents.kinds.${row.kind}`)}</td>
                      <td data-label={columns.issuer}>{issuerLabel(row)}</td>
                      <td data-label={columns.issuedOn}>{format.date(row.issuedOn)}</td>
                      <td data-label={columns.title} className="document-title-cell">
                        {row.title}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {documents.pageInfo.hasNextPage && (
            <LoadMore
              onLoadMore={() =>
                query.fetchMore({ variables: { after: documents.pageInfo.endCursor } })
              }
            />
          )}
        </>
      )}
    </QueryState>
  );
}
