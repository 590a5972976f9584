import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDebouncedValue } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { UnitSearchQuery } from "./committee.operations.ts";

const PAGE_SIZE = 20;
/** One letter matches half the province; wait for a second one. */
const MIN_LENGTH = 2;

/** Finds units by name; the server ignores case and diacritics ("chi bo" finds "Chi bộ"). */
export function UnitSearch() {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState("");
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);
  const active = search.length >= MIN_LENGTH;

  return (
    <section className="unit-search">
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={inputId}>{t("committee.search.label")}</label>
          <input
            id={inputId}
            type="search"
            value={text}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={`${inputId}-hint`} className="hint">
            {t("committee.search.hint")}
          </p>
        </div>
      </form>
      {active && <UnitSearchResults search={search} />}
    </section>
  );
}

function UnitSearchResults({ search }: { search: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, loading, error, refetch, fetchMore } = useQuery(UnitSearchQuery, {
    variables: { search, first: PAGE_SIZE },
  });

  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("committee.search.loading")}
      isEmpty={(d) => d.orgUnits.edges.length === 0}
      empty={t("committee.search.empty")}
    >
      {(d) => (
        <div className="search-results">
          <h2 id={headingId} className="results-count" aria-live="polite">
            {t("committee.search.results", { count: d.orgUnits.totalCount })}
          </h2>
          <ul className="result-list" aria-labelledby={headingId}>
            {d.orgUnits.edges.map(({ node }) => (
              <li key={node.id}>
                <Link to={`/units/${encodeURIComponent(node.id)}`}>{node.name}</Link>
                <span className="result-meta">
                  {t(`enums.orgUnitKind.${node.kind}`)}
                  {node.parent && (
                    <> · {t("committee.search.parent", { name: node.parent.name })}</>
                  )}
                </span>
              </li>
            ))}
          </ul>
          {d.orgUnits.pageInfo.hasNextPage && (
            <LoadMore
              onLoadMore={() => fetchMore({ variables: { after: d.orgUnits.pageInfo.endCursor } })}
            />
          )}
        </div>
      )}
    </QueryState>
  );
}
