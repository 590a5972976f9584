import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AwardKind, AwardRecipient } from "../../gql/graphql.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { LoadMore } from "../../ui/LoadMore.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { RequireRole } from "../auth/guards.tsx";
import { provinceToday, yearOf, yearsDownFrom } from "../campaigns/dates.ts";
import "../campaigns/emulation.css";
import { EMULATION_READERS, RESULT_WRITERS, useHasRole } from "../campaigns/roles.ts";
import { UnitField, type PickedUnit } from "../campaigns/UnitField.tsx";
import { AwardsQuery } from "./awards.operations.ts";
import { AwardsTable } from "./AwardsTable.tsx";
import { RecordAwardForm } from "./RecordAwardForm.tsx";
import { AWARD_KINDS } from "./span.ts";

const PAGE = 25;

/** `/awards`: flags, certificates of merit and titles, by unit, kind and year; the record form. */
export function AwardsPage() {
  return (
    <RequireRole roles={EMULATION_READERS}>
      <Awards />
    </RequireRole>
  );
}

function Awards() {
  const { t } = useTranslation();
  const id = useId();
  const canRecord = useHasRole(RESULT_WRITERS);
  const [recording, setRecording] = useState(false);
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [kind, setKind] = useState<AwardKind | "">("");
  const [year, setYear] = useState("");
  const [recipient, setRecipient] = useState<AwardRecipient | "">("");
  const thisYear = yearOf(provinceToday());
  useDocumentTitle(t("awards.title"));
  const { data, loading, error, refetch, fetchMore } = useQuery(AwardsQuery, {
    variables: {
      unitId: unit?.id ?? null,
      kind: kind || null,
      year: year ? Number(year) : null,
      recipient: recipient || null,
      first: PAGE,
    },
  });

  return (
    <div className="emulation">
      <h1>{t("awards.title")}</h1>
      <p className="lead">{t("awards.intro")}</p>
      <p className="page-actions">
        {canRecord && (
          <button
            type="button"
            className="button"
            aria-expanded={recording}
            onClick={() => setRecording((value) => !value)}
          >
            {recording ? t("awards.closeForm") : t("awards.record")}
          </button>
        )}
        <Link to={`/emulation?year=${year || thisYear}`} className="button button-secondary">
          {t("awards.panelsLink")}
        </Link>
      </p>
      {recording && <RecordAwardForm />}
      <form
        className="filters"
        aria-label={t("awards.filters.label")}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field-grow">
          <UnitField
            label={t("awards.filters.unit")}
            hint={t("awards.filters.unitHint")}
            value={unit}
            onChange={setUnit}
            clearable
            noneLabel={t("awards.filters.allUnits")}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("awards.filters.kind")}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as AwardKind | "")}
          >
            <option value="">{t("awards.filters.allKinds")}</option>
            {AWARD_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`awards.kinds.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t("awards.filters.year")}</label>
          <select
            id={`${id}-year`}
            value={year}
            aria-describedby={`${id}-year-hint`}
            onChange={(event) => setYear(event.target.value)}
          >
            <option value="">{t("awards.filters.allYears")}</option>
            {yearsDownFrom(thisYear, 2010).map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
          <p id={`${id}-year-hint`} className="hint">
            {t("awards.filters.yearHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-recipient`}>{t("awards.filters.recipient")}</label>
          <select
            id={`${id}-recipient`}
            value={recipient}
            onChange={(event) => setRecipient(event.target.value as AwardRecipient | "")}
          >
            <option value="">{t("awards.filters.allRecipients")}</option>
            <option value="UNIT">{t("awards.form.recipients.UNIT")}</option>
            <option value="MEMBER">{t("awards.form.recipients.MEMBER")}</option>
          </select>
        </div>
      </form>
      <QueryState
        loading={loading}
        error={error}
        data={data}
        onRetry={() => refetch()}
        loadingLabel={t("awards.loading")}
        isEmpty={(d) => d.awards.edges.length === 0}
        empty={t("awards.empty")}
      >
        {(d) => (
          <>
            <p className="results-count" aria-live="polite">
              {t("awards.count", { count: d.awards.totalCount })}
            </p>
            <AwardsTable
              awards={d.awards.edges.map((edge) => edge.node)}
              label={t("awards.listLabel")}
              showRecipient
            />
            {d.awards.pageInfo.hasNextPage && (
              <LoadMore
                onLoadMore={() => fetchMore({ variables: { after: d.awards.pageInfo.endCursor } })}
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
