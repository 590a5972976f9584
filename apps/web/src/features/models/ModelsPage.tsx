import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GoodModelsQuery as ModelsData, Sector } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDebouncedValue, useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import "../campaigns/emulation.css";
import { EMULATION_READERS, EMULATION_WRITERS, useHasRole } from "../campaigns/roles.ts";
import { UnitField, type PickedUnit } from "../campaigns/UnitField.tsx";
import { ModelForm } from "./ModelForm.tsx";
import { GoodModelsQuery } from "./models.operations.ts";

type Model = ModelsData["goodModels"]["edges"][number]["node"];

const PAGE = 20;
const SECTORS = [
  "STATE_AGENCY",
  "PUBLIC_SERVICE",
  "STATE_ENTERPRISE",
  "NON_STATE_ENTERPRISE",
  "COMMUNE_WARD",
  "RESIDENTIAL",
  "SCHOOL",
  "POLICE",
  "MILITARY",
] as const satisfies readonly Sector[];
const STATUSES = ["all", "active", "inactive"] as const;
type Status = (typeof STATUSES)[number];

/** `/models`: good models and breakthroughs, by unit (subtree), sector and words of the title. */
export function ModelsPage() {
  return (
    <RequireRole roles={EMULATION_READERS}>
      <Models />
    </RequireRole>
  );
}

function Models() {
  const { t } = useTranslation();
  const id = useId();
  const listHeadingId = useId();
  const canWrite = useHasRole(EMULATION_WRITERS);
  const [recording, setRecording] = useState(false);
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [sector, setSector] = useState<Sector | "">("");
  const [text, setText] = useState("");
  const [status, setStatus] = useState<Status>("all");
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);
  useDocumentTitle(t("models.title"));
  const { data, loading, error, refetch, fetchMore } = useQuery(GoodModelsQuery, {
    variables: {
      unitId: unit?.id ?? null,
      sector: sector || null,
      search: search || null,
      active: status === "all" ? null : status === "active",
      first: PAGE,
    },
  });

  return (
    <div className="emulation">
      <h1>{t("models.title")}</h1>
      <p className="lead">{t("models.intro")}</p>
      {canWrite && (
        <p className="page-actions">
          <button
            type="button"
            className="button"
            aria-expanded={recording}
            onClick={() => setRecording((value) => !value)}
          >
            {recording ? t("models.closeForm") : t("models.record")}
          </button>
        </p>
      )}
      {recording && (
        <section className="panel form-panel" aria-labelledby={`${id}-form`}>
          <h2 id={`${id}-form`}>{t("models.form.createLabel")}</h2>
          <ModelForm unit={unit} onDone={() => setRecording(false)} />
        </section>
      )}
      <form
        className="filters"
        aria-label={t("models.filters.label")}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field field-grow">
          <label htmlFor={`${id}-search`}>{t("models.filters.search")}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={text}
            aria-describedby={`${id}-search-hint`}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={`${id}-search-hint`} className="hint">
            {t("models.filters.searchHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sector`}>{t("models.filters.sector")}</label>
          <select
            id={`${id}-sector`}
            value={sector}
            onChange={(event) => setSector(event.target.value as Sector | "")}
          >
            <option value="">{t("models.filters.allSectors")}</option>
            {SECTORS.map((value) => (
              <option key={value} value={value}>
                {t(`enums.sector.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t("models.filters.status")}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => setStatus(event.target.value as Status)}
          >
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`models.filters.statuses.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field-grow">
          <UnitField
            label={t("models.filters.unit")}
            hint={t("models.filters.unitHint")}
            value={unit}
            onChange={setUnit}
            clearable
            noneLabel={t("models.filters.allUnits")}
          />
        </div>
      </form>
      <section aria-labelledby={listHeadingId}>
        <h2 id={listHeadingId} className="visually-hidden">
          {t("models.listTitle")}
        </h2>
        <QueryState
          loading={loading}
          error={error}
          data={data}
          onRetry={() => refetch()}
          loadingLabel={t("models.loading")}
          isEmpty={(d) => d.goodModels.edges.length === 0}
          empty={search ? t("models.emptySearch", { search }) : t("models.empty")}
        >
          {(d) => (
            <>
              <p className="results-count" aria-live="polite">
                {t("models.count", { count: d.goodModels.totalCount })}
              </p>
              <ul className="card-list" aria-labelledby={listHeadingId}>
                {d.goodModels.edges.map(({ node }) => (
                  <ModelCard key={node.id} model={node} canWrite={canWrite} />
                ))}
              </ul>
              {d.goodModels.pageInfo.hasNextPage && (
                <LoadMore
                  onLoadMore={() =>
                    fetchMore({ variables: { after: d.goodModels.pageInfo.endCursor } })
                  }
                />
              )}
            </>
          )}
        </QueryState>
      </section>
    </div>
  );
}

function ModelCard({ model, canWrite }: { model: Model; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  return (
    <li className="card">
      <p className="card-meta">
        {model.unit.name} · {t(`enums.sector.${model.sector}`)}
      </p>
      <h3 className="card-title wrap">{model.title}</h3>
      <p className="card-meta">
        <span className={`em-badge em-badge-${model.active ? "active" : "ended"}`}>
          {model.active ? t("models.running") : t("models.notRunning")}
        </span>{" "}
        {model.endsOn
          ? t("models.period", { from: format.date(model.startsOn), to: format.date(model.endsOn) })
          : t("models.periodOpen", { from: format.date(model.startsOn) })}
      </p>
      {editing ? (
        <ModelForm
          model={{
            id: model.id,
            title: model.title,
            description: model.description ?? "",
            startsOn: model.startsOn,
            endsOn: model.endsOn ?? "",
            results: model.results ?? "",
          }}
          onDone={() => setEditing(false)}
        />
      ) : (
        <>
          {model.description && <p className="wrap">{model.description}</p>}
          <p className="card-label">{t("models.results")}</p>
          <p className="wrap">{model.results ?? t("models.noResults")}</p>
          {canWrite && (
            <button
              type="button"
              className="button button-secondary"
              aria-label={t("models.editLabel", { title: model.title })}
              onClick={() => setEditing(true)}
            >
              {t("models.edit")}
            </button>
          )}
        </>
      )}
    </li>
  );
}
