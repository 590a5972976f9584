import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MembersQueryVariables, MemberStatus } from "../../gql/graphql.ts";
import { useDebouncedValue } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { MembersQuery } from "./member.operations.ts";
import { MembersTable } from "./MembersTable.tsx";

export const MEMBERS_PAGE_SIZE = 25;

const STATUS_FILTERS = ["OFFICIAL", "PROBATIONARY"] as const satisfies readonly MemberStatus[];
type StatusFilter = (typeof STATUS_FILTERS)[number] | "";

interface MembersListProps {
  /** Members of this unit (and by default its subtree); omitted: every member the user may see. */
  orgUnitId?: string | undefined;
}

export function MembersList({ orgUnitId }: MembersListProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const [status, setStatus] = useState<StatusFilter>("");
  const [includeSubtree, setIncludeSubtree] = useState(true);
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);

  // Only the arguments in use, so the request (and the cache key) carries no empty filters.
  const variables: MembersQueryVariables = { first: MEMBERS_PAGE_SIZE };
  if (orgUnitId !== undefined) {
    variables.orgUnitId = orgUnitId;
    variables.includeSubtree = includeSubtree;
  }
  if (search) variables.search = search;
  if (status) variables.status = status;
  const filtered = Boolean(search || status);

  return (
    <div className="members">
      <form
        className="filters"
        role="search"
        aria-label={t("members.filters")}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field field-grow">
          <label htmlFor={`${id}-search`}>{t("members.search")}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={text}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-search-hint`}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={`${id}-search-hint`} className="hint">
            {t("members.searchHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t("members.status")}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => setStatus(event.target.value as StatusFilter)}
          >
            <option value="">{t("members.statusAll")}</option>
            {STATUS_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`enums.memberStatus.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {orgUnitId !== undefined && (
          <div className="field field-checkbox">
            <input
              id={`${id}-subtree`}
              type="checkbox"
              checked={includeSubtree}
              onChange={(event) => setIncludeSubtree(event.target.checked)}
            />
            <label htmlFor={`${id}-subtree`}>{t("members.includeSubtree")}</label>
          </div>
        )}
      </form>
      <MembersResults variables={variables} filtered={filtered} />
    </div>
  );
}

function MembersResults({
  variables,
  filtered,
}: {
  variables: MembersQueryVariables;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(MembersQuery, { variables });

  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("members.loading")}
      isEmpty={(d) => d.members.edges.length === 0}
      empty={filtered ? t("members.emptyFiltered") : t("members.empty")}
    >
      {(d) => (
        <>
          <p className="results-count" role="status">
            {t("members.total", { count: d.members.totalCount })}
          </p>
          <div className="table-container">
            <MembersTable
              members={d.members.edges.map((edge) => edge.node)}
              label={t("members.listLabel")}
            />
          </div>
          {d.members.edges.length < d.members.totalCount && (
            <p className="hint">
              {t("common.showing", {
                shown: d.members.edges.length,
                total: d.members.totalCount,
              })}
            </p>
          )}
          {d.members.pageInfo.hasNextPage && (
            <LoadMore
              onLoadMore={() => fetchMore({ variables: { after: d.members.pageInfo.endCursor } })}
            />
          )}
        </>
      )}
    </QueryState>
  );
}
