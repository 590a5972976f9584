import { useQuery } from "@apollo/client/react";
import { useId, useState, type Ref } from "react";
import { useTranslation } from "react-i18next";
import type { OrgUnitKind } from "../../gql/graphql.ts";
import { useDebouncedValue } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { UnitPickerQuery } from "./users.operations.ts";

export interface PickedUnit {
  id: string;
  name: string;
  kind: OrgUnitKind;
}

const RESULTS = 8;
const MIN_LENGTH = 2;

interface UnitPickerProps {
  value: PickedUnit | null;
  onChange: (unit: PickedUnit) => void;
  /** The error next to the field (e.g. the server's "a secretary's unit must be a cell"). */
  error?: string | null | undefined;
  /** Adds the secretary's rule to the hint. */
  forSecretary?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Chooses the unit an account is bound to: a search box over the units the admin may see
 * (names without diacritics work), the results as buttons, the choice shown below.
 */
export function UnitPicker({ value, onChange, error, forSecretary, inputRef }: UnitPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);
  const describedBy = [`${id}-hint`, `${id}-chosen`, error && `${id}-error`]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="field unit-picker">
      <label htmlFor={id}>{t("users.unitPicker.label")}</label>
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
        {t("users.unitPicker.hint")}
        {forSecretary && <> {t("users.unitPicker.secretaryHint")}</>}
      </p>
      <p id={`${id}-chosen`} className="unit-chosen" aria-live="polite">
        {value ? (
          <>
            {t("users.unitPicker.selected", { name: value.name })}{" "}
            <span className="result-meta">({t(`enums.orgUnitKind.${value.kind}`)})</span>
          </>
        ) : (
          t("users.unitPicker.none")
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
  labelId,
  chosenId,
  onPick,
}: {
  search: string;
  labelId: string;
  chosenId: string | undefined;
  onPick: (unit: PickedUnit) => void;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(UnitPickerQuery, {
    variables: { search, first: RESULTS },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("users.unitPicker.loading")}
      isEmpty={(d) => d.orgUnits.edges.length === 0}
      empty={t("users.unitPicker.empty")}
    >
      {(d) => (
        <div className="unit-results">
          <p id={labelId} className="visually-hidden">
            {t("users.unitPicker.resultsLabel")}
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
                      <> · {t("users.unitPicker.parent", { name: node.parent.name })}</>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {d.orgUnits.totalCount > d.orgUnits.edges.length && (
            <p className="hint">
              {t("users.unitPicker.more", {
                count: d.orgUnits.totalCount - d.orgUnits.edges.length,
              })}
            </p>
          )}
        </div>
      )}
    </QueryState>
  );
}
