import { useQuery } from "@apollo/client/react";
import { localDate } from "@dangbo/shared";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EthicalStandardsQuery as StandardsData } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import "../campaigns/emulation.css";
import { EMULATION_READERS, EMULATION_WRITERS, useHasRole } from "../campaigns/roles.ts";
import { UnitField, type PickedUnit } from "../campaigns/UnitField.tsx";
import { CountsPanel } from "./CountsPanel.tsx";
import { EthicalStandardsQuery } from "./ethics.operations.ts";
import { StandardForm } from "./StandardForm.tsx";

type Standard = StandardsData["ethicalStandards"]["edges"][number]["node"];

const PAGE = 20;

/** `/ethics`: ethical standards and their action slogans, counted per subordinate. */
export function EthicsPage() {
  return (
    <RequireRole roles={EMULATION_READERS}>
      <Ethics />
    </RequireRole>
  );
}

function Ethics() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const listHeadingId = useId();
  const canWrite = useHasRole(EMULATION_WRITERS);
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [recording, setRecording] = useState(false);
  const unitId = unit?.id ?? viewer?.unit.id ?? "";
  useDocumentTitle(t("ethics.title"));
  const { data, loading, error, refetch, fetchMore } = useQuery(EthicalStandardsQuery, {
    variables: { unitId: unit?.id ?? null, first: PAGE },
  });

  return (
    <div className="emulation">
      <h1>{t("ethics.title")}</h1>
      <p className="lead">{t("ethics.intro")}</p>
      <div className="filters">
        <div className="field-grow">
          <UnitField
            label={t("ethics.filters.unit")}
            hint={t("ethics.filters.unitHint")}
            value={unit}
            onChange={setUnit}
            clearable
            noneLabel={t("ethics.filters.allUnits", { name: viewer?.unit.name ?? "" })}
          />
        </div>
      </div>
      {unitId && (
        <CountsPanel
          key={unitId}
          unitId={unitId}
          onSelectUnit={(row) => setUnit({ id: row.id, name: row.name })}
        />
      )}
      <section aria-labelledby={listHeadingId}>
        <h2 id={listHeadingId}>{t("ethics.list.title")}</h2>
        {canWrite && (
          <p className="page-actions">
            <button
              type="button"
              className="button"
              aria-expanded={recording}
              onClick={() => setRecording((value) => !value)}
            >
              {recording ? t("ethics.closeForm") : t("ethics.record")}
            </button>
          </p>
        )}
        {recording && (
          <div className="panel form-panel">
            <h3>{t("ethics.form.createLabel")}</h3>
            <StandardForm unit={unit} onDone={() => setRecording(false)} />
          </div>
        )}
        <QueryState
          loading={loading}
          error={error}
          data={data}
          onRetry={() => refetch()}
          loadingLabel={t("ethics.list.loading")}
          isEmpty={(d) => d.ethicalStandards.edges.length === 0}
          empty={t("ethics.list.empty")}
        >
          {(d) => (
            <>
              <p className="results-count" aria-live="polite">
                {t("ethics.list.count", { count: d.ethicalStandards.totalCount })}
              </p>
              <ul className="card-list" aria-labelledby={listHeadingId}>
                {d.ethicalStandards.edges.map(({ node }) => (
                  <StandardCard key={node.id} standard={node} canWrite={canWrite} />
                ))}
              </ul>
              {d.ethicalStandards.pageInfo.hasNextPage && (
                <LoadMore
                  onLoadMore={() =>
                    fetchMore({ variables: { after: d.ethicalStandards.pageInfo.endCursor } })
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

function StandardCard({ standard, canWrite }: { standard: Standard; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  return (
    <li className="card">
      <p className="card-meta">
        {standard.unit.name} · {format.date(localDate(new Date(String(standard.createdAt))))}
      </p>
      <h3 className="card-title wrap">{standard.content}</h3>
      {editing ? (
        <StandardForm standard={standard} onDone={() => setEditing(false)} />
      ) : (
        <>
          {standard.slogans.length === 0 ? (
            <p className="hint">{t("ethics.list.noSlogans")}</p>
          ) : (
            <>
              <p className="card-label">{t("ethics.list.slogans")}</p>
              <ul className="slogans">
                {standard.slogans.map((slogan) => (
                  <li key={slogan} className="wrap">
                    {slogan}
                  </li>
                ))}
              </ul>
            </>
          )}
          {canWrite && (
            <button
              type="button"
              className="button button-secondary"
              aria-label={t("ethics.list.editLabel", { content: standard.content })}
              onClick={() => setEditing(true)}
            >
              {t("ethics.list.edit")}
            </button>
          )}
        </>
      )}
    </li>
  );
}
