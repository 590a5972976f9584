import { useQuery } from "@apollo/client/react";
import { useId, useState, type ReactNode, type Ref } from "react";
import { useTranslation } from "react-i18next";
import type { OrgUnitKind } from "../../gql/graphql.ts";
import { useDebouncedValue } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { EmulationUnitSearchQuery } from "./campaigns.operations.ts";

export interface PickedUnit {
  id: string;
  name: string;
  /** Unknown for the signed-in user's own unit (the session does not carry it). */
  kind?: OrgUnitKind | null | undefined;
}

const RESULTS = 8;
const MIN_LENGTH = 2;

interface SearchBoxProps {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
  /** What is chosen, read out after the hint (e.g. "Đã chọn: …"). */
  chosen: ReactNode;
  chosenIds: readonly string[];
  onPick: (unit: PickedUnit) => void;
}

/** A search box over the units the user may see, with the results as buttons. */
function UnitSearchBox({
  label,
  hint,
  error,
  inputRef,
  chosen,
  chosenIds,
  onPick,
}: SearchBoxProps) {
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
        {hint ?? t("campaigns.unitPicker.hint")}
      </p>
      <div id={`${id}-chosen`} className="unit-chosen" aria-live="polite">
        {chosen}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {search.length >= MIN_LENGTH && (
        <UnitResults
          search={search}
          label={t("campaigns.unitPicker.results", { label })}
          chosenIds={chosenIds}
          onPick={(unit) => {
            onPick(unit);
            setText("");
          }}
        />
      )}
    </div>
  );
}

function UnitResults({
  search,
  label,
  chosenIds,
  onPick,
}: {
  search: string;
  label: string;
  chosenIds: readonly string[];
  onPick: (unit: PickedUnit) => void;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(EmulationUnitSearchQuery, {
    variables: { search, first: RESULTS },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("campaigns.unitPicker.loading")}
      isEmpty={(d) => d.orgUnits.edges.length === 0}
      empty={t("campaigns.unitPicker.empty")}
    >
      {(d) => (
        <div className="unit-results">
          <ul className="result-list" aria-label={label}>
            {d.orgUnits.edges.map(({ node }) => (
              <li key={node.id}>
                <button
                  type="button"
                  className="unit-option"
                  aria-pressed={chosenIds.includes(node.id)}
                  onClick={() => onPick({ id: node.id, name: node.name, kind: node.kind })}
                >
                  <span className="unit-option-name">{node.name}</span>
                  <span className="result-meta">
                    {t(`enums.orgUnitKind.${node.kind}`)}
                    {node.parent && (
                      <> · {t("campaigns.unitPicker.parent", { name: node.parent.name })}</>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {d.orgUnits.totalCount > d.orgUnits.edges.length && (
            <p className="hint">
              {t("campaigns.unitPicker.more", {
                count: d.orgUnits.totalCount - d.orgUnits.edges.length,
              })}
            </p>
          )}
        </div>
      )}
    </QueryState>
  );
}

interface UnitFieldProps {
  label: string;
  hint?: string | undefined;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit | null) => void;
  error?: string | null | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
  /** Offers to clear the choice (optional fields and filters). */
  clearable?: boolean;
  /** Shown when nothing is chosen (default: "Chưa chọn đơn vị"). */
  noneLabel?: string | undefined;
}

/** Chooses one unit. */
export function UnitField({
  label,
  hint,
  value,
  onChange,
  error,
  inputRef,
  clearable = false,
  noneLabel,
}: UnitFieldProps) {
  const { t } = useTranslation();
  return (
    <UnitSearchBox
      label={label}
      hint={hint}
      error={error}
      inputRef={inputRef}
      chosenIds={value ? [value.id] : []}
      onPick={onChange}
      chosen={
        value ? (
          <p className="chosen-line">
            <span>
              {t("campaigns.unitPicker.selected", { name: value.name })}
              {value.kind && (
                <>
                  {" "}
                  <span className="result-meta">({t(`enums.orgUnitKind.${value.kind}`)})</span>
                </>
              )}
            </span>
            {clearable && (
              <button
                type="button"
                className="link-button"
                aria-label={t("campaigns.unitPicker.clearLabel", { label })}
                onClick={() => onChange(null)}
              >
                {t("campaigns.unitPicker.clear")}
              </button>
            )}
          </p>
        ) : (
          <p className="chosen-line">{noneLabel ?? t("campaigns.unitPicker.none")}</p>
        )
      }
    />
  );
}

interface UnitsFieldProps {
  label: string;
  hint?: string | undefined;
  value: readonly PickedUnit[];
  onChange: (units: PickedUnit[]) => void;
  error?: string | null | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}

/** Chooses several units (a campaign's eligible units): the chosen ones as removable chips. */
export function UnitsField({ label, hint, value, onChange, error, inputRef }: UnitsFieldProps) {
  const { t } = useTranslation();
  return (
    <UnitSearchBox
      label={label}
      hint={hint}
      error={error}
      inputRef={inputRef}
      chosenIds={value.map((unit) => unit.id)}
      onPick={(unit) => {
        if (!value.some((u) => u.id === unit.id)) onChange([...value, unit]);
      }}
      chosen={
        value.length === 0 ? (
          <p className="chosen-line">{t("campaigns.unitPicker.noneMany")}</p>
        ) : (
          <ul className="chips" aria-label={t("campaigns.unitPicker.chosenMany", { label })}>
            {value.map((unit) => (
              <li key={unit.id} className="chip">
                <span>{unit.name}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t("campaigns.unitPicker.remove", { name: unit.name })}
                  onClick={() => onChange(value.filter((u) => u.id !== unit.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
