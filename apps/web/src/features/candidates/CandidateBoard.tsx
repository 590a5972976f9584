import { useQuery } from "@apollo/client/react";
import type { CandidateStage } from "@dangbo/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { getFragmentData } from "../../gql/index.ts";
import { useFormat } from "../../i18n/format.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { EmptyState, QueryState } from "../../ui/QueryState.tsx";
import {
  CandidateRowFragment,
  CandidatesQuery,
  CandidateStageCountsQuery,
} from "./candidates.operations.ts";
import { filterVariables, type CandidateFilters } from "./filters.ts";
import { STAGE_ORDER } from "./stages.ts";

/** Cards per column before "Load more". */
export const BOARD_COLUMN_SIZE = 10;

/**
 * The pipeline as a board: one column per stage, headed by the stage's count in the unit's
 * subtree (candidateStageCounts); each column lists its candidates (candidates(stages: [X])).
 */
export function CandidateBoard({
  unitId,
  filters,
  filtered,
}: {
  unitId: string;
  filters: CandidateFilters;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(CandidateStageCountsQuery, {
    variables: { unitId },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("candidates.board.loading")}
      isEmpty={(d) => d.candidateStageCounts.every((c) => c.count === 0)}
      empty={t("candidates.empty")}
    >
      {(d) => {
        const counts = new Map(d.candidateStageCounts.map((c) => [c.stage, c.count]));
        const stages = STAGE_ORDER.filter(
          (stage) => filters.stages.length === 0 || filters.stages.includes(stage),
        );
        return (
          <div className="board" role="list" aria-label={t("candidates.board.label")}>
            {stages.map((stage) => (
              <BoardColumn
                key={stage}
                unitId={unitId}
                stage={stage}
                count={counts.get(stage) ?? 0}
                filters={filters}
                filtered={filtered}
              />
            ))}
          </div>
        );
      }}
    </QueryState>
  );
}

function BoardColumn({
  unitId,
  stage,
  count,
  filters,
  filtered,
}: {
  unitId: string;
  stage: CandidateStage;
  count: number;
  filters: CandidateFilters;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const skip = count === 0;
  const { data, loading, error, refetch, fetchMore } = useQuery(CandidatesQuery, {
    variables: {
      ...filterVariables(unitId, filters),
      stages: [stage],
      first: BOARD_COLUMN_SIZE,
    },
    skip,
  });
  const shown = data?.candidates.totalCount;
  return (
    <section
      role="listitem"
      className={`board-column stage-${stage.toLowerCase()}`}
      aria-labelledby={headingId}
      data-stage={stage}
    >
      <h2 id={headingId} className="board-column-head">
        <span>{t(`candidates.stages.${stage}`)}</span>{" "}
        <span className="board-count">
          {filtered && shown !== undefined
            ? t("candidates.board.filteredCount", {
                shown: format.number(shown),
                count: format.number(count),
              })
            : format.number(count)}
        </span>
      </h2>
      {skip ? (
        <EmptyState>{t("candidates.board.emptyColumn")}</EmptyState>
      ) : (
        <QueryState
          loading={loading}
          error={error}
          data={data}
          onRetry={() => refetch()}
          loadingLabel={t("candidates.loading")}
          isEmpty={(d) => d.candidates.edges.length === 0}
          empty={t("candidates.board.emptyColumnFiltered")}
        >
          {(d) => (
            <>
              <ul className="board-cards">
                {d.candidates.edges.map(({ node }) => {
                  const c = getFragmentData(CandidateRowFragment, node);
                  return (
                    <li key={c.id} className="board-card">
                      <Link to={`/candidates/${encodeURIComponent(c.id)}`}>{c.fullName}</Link>
                      <span className="result-meta">
                        {c.cell.name}
                        {c.cell.parent && ` · ${c.cell.parent.name}`}
                      </span>
                      <span className="result-meta">
                        {t("candidates.board.since", { date: format.date(c.stageOn) })}
                      </span>
                    </li>
                  );
                })}
              </ul>
              {d.candidates.pageInfo.hasNextPage && (
                <LoadMore
                  onLoadMore={() =>
                    fetchMore({ variables: { after: d.candidates.pageInfo.endCursor } })
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
