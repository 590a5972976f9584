import { useQuery } from "@apollo/client/react";
import { useId, useState, type Ref } from "react";
import { useTranslation } from "react-i18next";
import type { OrgUnitKind } from "../../gql/graphql.ts";
import { useDebouncedValue } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { UnitSearchQuery } from "./documents.operations.ts";

export interface PickedUnit {
  id: string;
  name: string;
  kind?: OrgUnitKind | undefined;
}

const RESULTS = 8;
const MIN_LENGTH = 2;

interface UnitSearchFieldProps {
  label: string;
  hint?: string | undefined;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit) => void;
  error?: string | null | undefined;
  kind?: OrgUnitKind | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}

/**
 * Chooses a unit within what the user may see: a search box (names without diacritics work),
 * the results as buttons, the choice written below. Keyboard: type, Tab to a result, Enter.
 */
export function UnitSearchField({
  label,
  hint,
  value,
  onChange,
  error,
  kind,
  inputRef,
}: UnitSearchFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);
  const describedBy = [`${id}-hint`, `${id}-chosen`, error && `${id}-error`]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="field unit-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches; it must not submit the whole form.
          if (event.key === "Enter") event.preventDefault();
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {hint ? `${hint} ` : ""}
        {t("documents.unitPicker.hint")}
      </p>
      <p id={`${id}-chosen`} className="unit-chosen" aria-live="polite">
        {value ? (
          <>
            {t("documents.unitPicker.selected", { name: value.name })}
            {value.kind && (
              <>
                {" "}
                <span className="result-meta">({t(`enums.orgUnitKind.${value.kind}`)})</span>
              </>
            )}
          </>
        ) : (
          t("documents.unitPicker.none")
        )}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {search.length >= MIN_LENGTH && (
        <UnitResults
          search={search}
          kind={kind}
          labelId={`${id}-results`}
          chosenId={value?.id}
          onPick={(unit) => {
            onChange(unit);
            setText("");
          }}
        />
      )}
    </div>
  );
}

function UnitResults({
  search,
  kind,
  labelId,
  chosenId,
  onPick,
}: {
  search: string;
  kind: OrgUnitKind | undefined;
  labelId: string;
  chosenId: string | undefined;
  onPick: (unit: PickedUnit) => void;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(UnitSearchQuery, {
    variables: { search, first: RESULTS, ...(kind ? { kind } : {}) },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("documents.unitPicker.loading")}
      isEmpty={(d) => d.orgUnits.edges.length === 0}
      empty={t("documents.unitPicker.empty")}
    >
      {(d) => (
        <div className="unit-results">
          <p id={labelId} className="visually-hidden">
            {t("documents.unitPicker.resultsLabel")}
          </p>
          <ul className="result-list" aria-labelledby={labelId}>
            {d.orgUnits.edges.map(({ node }) => (
              <li key={node.id}>
                <button
                  type="button"
                  className="unit-option"
                  aria-pressed={node.id === chosenId}
                  onClick={() => onPick({ id: node.id, name: node.name, kind: node.kind })}
                >
                  <span className="unit-option-name">{node.name}</span>
                  <span className="result-meta">
                    {t(`enums.orgUnitKind.${node.kind}`)}
                    {node.parent && (
                      <> · {t("documents.unitPicker.parent", { name: node.parent.name })}</>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {d.orgUnits.totalCount > d.orgUnits.edges.length && (
            <p className="hint">
              {t("documents.unitPicker.more", {
                count: d.orgUnits.totalCount - d.orgUnits.edges.length,
              })}
            </p>
          )}
        </div>
      )}
    </QueryState>
  );
}
