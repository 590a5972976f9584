import { useQuery } from "@apollo/client/react";
import { useId, useState, type Ref } from "react";
import { useTranslation } from "react-i18next";
import { getFragmentData, type FragmentType } from "../../gql/index.ts";
import type { OrgUnitKind } from "../../gql/graphql.ts";
import { useDebouncedValue } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { CellSearchQuery, PickerUnitFragment, UnitSearchQuery } from "./lifecycle.operations.ts";

export interface PickedUnit {
  id: string;
  name: string;
  kind: OrgUnitKind;
  code: string;
  parentName: string | null;
}

const RESULTS = 8;
const MIN_LENGTH = 2;

interface UnitPickerProps {
  label: string;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit) => void;
  /** cells: only cells (subordinate or grassroots) of the viewer's unit; units: any unit of it. */
  mode?: "cells" | "units";
  error?: string | null | undefined;
  hint?: string | undefined;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement> | undefined;
  /** Units that may not be chosen (e.g. the member's own cell). */
  excludeIds?: readonly string[];
}

/**
 * Chooses a cell (or a unit) of the viewer's subtree: a search box (diacritics optional), the
 * results as buttons with their superior unit and code, the choice shown below.
 */
export function UnitSearchPicker({
  label,
  value,
  onChange,
  mode = "cells",
  error,
  hint,
  required,
  inputRef,
  excludeIds = [],
}: UnitPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);
  const describedBy = [`${id}-hint`, `${id}-chosen`, error && `${id}-error`]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="field unit-picker">
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required-mark" aria-hidden="true">
            {" "}
            *
          </span>
        )}
      </label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches; it must not submit the surrounding form.
          if (event.key === "Enter") event.preventDefault();
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {hint ??
          (mode === "cells" ? t("lifecycle.picker.cellHint") : t("lifecycle.picker.unitHint"))}
      </p>
      <p id={`${id}-chosen`} className="unit-chosen" aria-live="polite">
        {value ? (
          <>
            {t("lifecycle.picker.selected", { name: value.name })}
            {(value.parentName || value.code) && (
              <>
                {" "}
                <span className="result-meta">
                  ({[value.parentName, value.code].filter(Boolean).join(" · ")})
                </span>
              </>
            )}
          </>
        ) : (
          t("lifecycle.picker.none")
        )}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {search.length >= MIN_LENGTH &&
        (mode === "cells" ? (
          <CellResults
            search={search}
            chosenId={value?.id}
            excludeIds={excludeIds}
            onPick={(unit) => {
              onChange(unit);
              setText("");
            }}
          />
        ) : (
          <UnitResults
            search={search}
            chosenId={value?.id}
            excludeIds={excludeIds}
            onPick={(unit) => {
              onChange(unit);
              setText("");
            }}
          />
        ))}
    </div>
  );
}

type Ref0 = FragmentType<typeof PickerUnitFragment>;

interface ResultsProps {
  search: string;
  chosenId: string | undefined;
  excludeIds: readonly string[];
  onPick: (unit: PickedUnit) => void;
}

function CellResults({ search, ...rest }: ResultsProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(CellSearchQuery, {
    variables: { search, first: RESULTS },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("lifecycle.picker.loading")}
      isEmpty={(d) => d.cells.edges.length + d.grassrootsCells.edges.length === 0}
      empty={t("lifecycle.picker.emptyCells")}
    >
      {(d) => (
        <ResultList
          units={[...d.cells.edges, ...d.grassrootsCells.edges].map((edge) => edge.node)}
          more={
            d.cells.totalCount +
            d.grassrootsCells.totalCount -
            d.cells.edges.length -
            d.grassrootsCells.edges.length
          }
          {...rest}
        />
      )}
    </QueryState>
  );
}

function UnitResults({ search, ...rest }: ResultsProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(UnitSearchQuery, {
    variables: { search, first: RESULTS },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("lifecycle.picker.loading")}
      isEmpty={(d) => d.orgUnits.edges.length === 0}
      empty={t("lifecycle.picker.emptyUnits")}
    >
      {(d) => (
        <ResultList
          units={d.orgUnits.edges.map((edge) => edge.node)}
          more={d.orgUnits.totalCount - d.orgUnits.edges.length}
          {...rest}
        />
      )}
    </QueryState>
  );
}

function ResultList({
  units,
  more,
  chosenId,
  excludeIds,
  onPick,
}: {
  units: readonly Ref0[];
  more: number;
} & Omit<ResultsProps, "search">) {
  const { t } = useTranslation();
  const labelId = useId();
  const nodes = units
    .map((ref) => getFragmentData(PickerUnitFragment, ref))
    .filter((unit) => !excludeIds.includes(unit.id));
  return (
    <div className="unit-results">
      <p id={labelId} className="visually-hidden">
        {t("lifecycle.picker.resultsLabel")}
      </p>
      <ul className="result-list" aria-labelledby={labelId}>
        {nodes.map((node) => (
          <li key={node.id}>
            <button
              type="button"
              className="unit-option"
              aria-pressed={node.id === chosenId}
              onClick={() =>
                onPick({
                  id: node.id,
                  name: node.name,
                  kind: node.kind,
                  code: node.code,
                  parentName: node.parent?.name ?? null,
                })
              }
            >
              <span className="unit-option-name">{node.name}</span>
              <span className="result-meta">
                {node.parent && <>{t("lifecycle.picker.parent", { name: node.parent.name })} · </>}
                {node.code}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="hint">{t("lifecycle.picker.more", { count: more })}</p>}
    </div>
  );
}
