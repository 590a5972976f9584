import { useQuery } from "@apollo/client/react";
import { useId, useState, type Ref } from "react";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { AwardMemberSearchQuery } from "./awards.operations.ts";

export interface PickedMember {
  id: string;
  fullName: string;
  unitName: string;
}

const RESULTS = 8;
const MIN_LENGTH = 2;

/** Chooses a member the user may see, by name (diacritics optional). */
export function MemberField({
  label,
  value,
  onChange,
  error,
  inputRef,
}: {
  label: string;
  value: PickedMember | null;
  onChange: (member: PickedMember) => void;
  error?: string | null | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}) {
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
          if (event.key === "Enter") event.preventDefault();
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {t("awards.memberPicker.hint")}
      </p>
      <p id={`${id}-chosen`} className="unit-chosen" aria-live="polite">
        {value
          ? t("awards.memberPicker.selected", { name: value.fullName, unit: value.unitName })
          : t("awards.memberPicker.none")}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {search.length >= MIN_LENGTH && (
        <MemberResults
          search={search}
          label={t("awards.memberPicker.results")}
          chosenId={value?.id}
          onPick={(member) => {
            onChange(member);
            setText("");
          }}
        />
      )}
    </div>
  );
}

function MemberResults({
  search,
  label,
  chosenId,
  onPick,
}: {
  search: string;
  label: string;
  chosenId: string | undefined;
  onPick: (member: PickedMember) => void;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(AwardMemberSearchQuery, {
    variables: { search, first: RESULTS },
  });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("awards.memberPicker.loading")}
      isEmpty={(d) => d.members.edges.length === 0}
      empty={t("awards.memberPicker.empty")}
    >
      {(d) => (
        <div className="unit-results">
          <ul className="result-list" aria-label={label}>
            {d.members.edges.map(({ node }) => (
              <li key={node.id}>
                <button
                  type="button"
                  className="unit-option"
                  aria-pressed={node.id === chosenId}
                  onClick={() =>
                    onPick({ id: node.id, fullName: node.fullName, unitName: node.unit.name })
                  }
                >
                  <span className="unit-option-name">{node.fullName}</span>
                  <span className="result-meta">
                    {t(`enums.memberStatus.${node.status}`)} · {node.unit.name}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {d.members.totalCount > d.members.edges.length && (
            <p className="hint">
              {t("awards.memberPicker.more", {
                count: d.members.totalCount - d.members.edges.length,
              })}
            </p>
          )}
        </div>
      )}
    </QueryState>
  );
}
