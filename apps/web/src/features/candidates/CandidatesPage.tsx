import { useQuery } from "@apollo/client/react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { getFragmentData, type FragmentType } from "../../gql/index.ts";
import type { CandidatesQueryVariables } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDebouncedValue, useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { CandidateBoard } from "./CandidateBoard.tsx";
import { CandidateRowFragment, CandidatesQuery } from "./candidates.operations.ts";
import { StageBadge } from "./StageBadge.tsx";
import { filterVariables, isStage, type CandidateFilters } from "./filters.ts";
import { DEVELOPER_ROLES, STAGE_ORDER } from "./stages.ts";
import "../lifecycle/development.css";

export const CANDIDATES_PAGE_SIZE = 25;

/**
 * Outstanding persons of the viewer's unit (`/candidates`): filters by stage, name and
 * registration date, as a paged list or as a board with a column per stage (`?view=board`).
 * The filters live in the address, so a filtered view can be bookmarked or shared.
 */
export function CandidatesPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const id = useId();
  useDocumentTitle(t("candidates.title"));

  const view = params.get("view") === "board" ? "board" : "list";
  const stages = params.getAll("stage").filter(isStage);
  const registeredFrom = params.get("from") ?? "";
  const registeredTo = params.get("to") ?? "";
  const [text, setText] = useState(params.get("q") ?? "");
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next, { replace: true });
  };
  // The typed name reaches the address once it has settled.
  const lastSearch = useRef(search);
  useEffect(() => {
    if (lastSearch.current === search) return;
    lastSearch.current = search;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (search) next.set("q", search);
        else next.delete("q");
        return next;
      },
      { replace: true },
    );
  }, [search, setParams]);

  if (!viewer) return null;
  const filters: CandidateFilters = { stages, search, registeredFrom, registeredTo };
  const filtered = Boolean(stages.length || search || registeredFrom || registeredTo);
  const invalidRange = Boolean(registeredFrom && registeredTo && registeredFrom > registeredTo);
  const canRegister = DEVELOPER_ROLES.includes(viewer.role);

  return (
    <div className="development">
      <div className="page-head">
        <div>
          <h1>{t("candidates.title")}</h1>
          <p className="lead">{t("candidates.intro", { unit: viewer.unit.name })}</p>
        </div>
        {canRegister && (
          <Link to="/candidates/new" className="button">
            {t("candidates.register.open")}
          </Link>
        )}
      </div>

      <form
        className="filters candidate-filters"
        role="search"
        aria-label={t("candidates.filters.label")}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field field-grow">
          <label htmlFor={`${id}-search`}>{t("candidates.filters.search")}</label>
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
            {t("candidates.filters.searchHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t("candidates.filters.from")}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={registeredFrom}
            aria-invalid={invalidRange || undefined}
            aria-describedby={invalidRange ? `${id}-range` : undefined}
            onChange={(event) =>
              update((next) =>
                event.target.value ? next.set("from", event.target.value) : next.delete("from"),
              )
            }
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t("candidates.filters.to")}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={registeredTo}
            aria-invalid={invalidRange || undefined}
            aria-describedby={invalidRange ? `${id}-range` : undefined}
            onChange={(event) =>
              update((next) =>
                event.target.value ? next.set("to", event.target.value) : next.delete("to"),
              )
            }
          />
        </div>
        {invalidRange && (
          <p id={`${id}-range`} className="field-error filters-error">
            {t("candidates.filters.invalidRange")}
          </p>
        )}
        <fieldset className="fieldset stage-filter">
          <legend>{t("candidates.filters.stages")}</legend>
          <div className="choice-list choice-list-inline">
            {STAGE_ORDER.map((stage) => (
              <div className="field-checkbox" key={stage}>
                <input
                  id={`${id}-stage-${stage}`}
                  type="checkbox"
                  checked={stages.includes(stage)}
                  onChange={(event) =>
                    update((next) => {
                      const chosen = event.target.checked
                        ? [...stages, stage]
                        : stages.filter((s) => s !== stage);
                      next.delete("stage");
                      for (const s of STAGE_ORDER) if (chosen.includes(s)) next.append("stage", s);
                    })
                  }
                />
                <label htmlFor={`${id}-stage-${stage}`}>{t(`candidates.stages.${stage}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {filtered && (
          <div className="filter-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setText("");
                update((next) => {
                  for (const key of ["q", "stage", "from", "to"]) next.delete(key);
                });
              }}
            >
              {t("candidates.filters.clear")}
            </button>
          </div>
        )}
      </form>

      <div className="dev-toggle" role="group" aria-label={t("candidates.view.label")}>
        <button
          type="button"
          className="dev-toggle-button"
          aria-pressed={view === "list"}
          onClick={() => update((next) => next.delete("view"))}
        >
          {t("candidates.view.list")}
        </button>
        <button
          type="button"
          className="dev-toggle-button"
          aria-pressed={view === "board"}
          onClick={() => update((next) => next.set("view", "board"))}
        >
          {t("candidates.view.board")}
        </button>
      </div>

      {invalidRange ? null : view === "board" ? (
        <CandidateBoard unitId={viewer.unit.id} filters={filters} filtered={filtered} />
      ) : (
        <CandidateList
          variables={{ ...filterVariables(viewer.unit.id, filters), first: CANDIDATES_PAGE_SIZE }}
          filtered={filtered}
        />
      )}
    </div>
  );
}

function CandidateList({
  variables,
  filtered,
}: {
  variables: CandidatesQueryVariables;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(CandidatesQuery, { variables });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("candidates.loading")}
      isEmpty={(d) => d.candidates.edges.length === 0}
      empty={filtered ? t("candidates.emptyFiltered") : t("candidates.empty")}
    >
      {(d) => (
        <>
          <p className="results-count" role="status">
            {t("candidates.total", { count: d.candidates.totalCount })}
          </p>
          <div className="table-container">
            <CandidatesTable
              candidates={d.candidates.edges.map((edge) => edge.node)}
              label={t("candidates.listLabel")}
            />
          </div>
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
  );
}

export function CandidatesTable({
  candidates,
  label,
}: {
  candidates: readonly FragmentType<typeof CandidateRowFragment>[];
  label: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = {
    name: t("candidates.columns.name"),
    stage: t("candidates.columns.stage"),
    cell: t("candidates.columns.cell"),
    registeredOn: t("candidates.columns.registeredOn"),
    occupation: t("candidates.columns.occupation"),
  };
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{columns.name}</th>
          <th scope="col">{columns.stage}</th>
          <th scope="col">{columns.cell}</th>
          <th scope="col">{columns.registeredOn}</th>
          <th scope="col">{columns.occupation}</th>
        </tr>
      </thead>
      <tbody>
        {candidates.map((ref) => {
          const c = getFragmentData(CandidateRowFragment, ref);
          return (
            <tr key={c.id}>
              <th scope="row" data-label={columns.name}>
                <Link to={`/candidates/${encodeURIComponent(c.id)}`}>{c.fullName}</Link>
              </th>
              <td data-label={columns.stage}>
                <StageBadge stage={c.stage} />{" "}
                <span className="status-detail">{format.date(c.stageOn)}</span>
              </td>
              <td data-label={columns.cell}>
                {c.cell.name}
                {c.cell.parent && (
                  <>
                    {" "}
                    <span className="result-meta">
                      {t("lifecycle.picker.parent", { name: c.cell.parent.name })}
                    </span>
                  </>
                )}
              </td>
              <td data-label={columns.registeredOn}>{format.date(c.registeredOn)}</td>
              <td data-label={columns.occupation}>{t(`enums.occupation.${c.occupation}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
