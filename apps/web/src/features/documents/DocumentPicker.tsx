import { useQuery } from "@apollo/client/react";
import { useId, useState, type Ref } from "react";
import { useTranslation } from "react-i18next";
import { getFragmentData } from "../../gql/index.ts";
import { useFormat } from "../../i18n/format.ts";
import { useDebouncedValue } from "../../ui/hooks.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { DocumentPickerQuery, DocumentRowFragment } from "./documents.operations.ts";

export interface PickedDocument {
  id: string;
  number: string;
  title: string;
}

const RESULTS = 8;
const MIN_LENGTH = 1;

interface DocumentPickerProps {
  label: string;
  hint?: string | undefined;
  value: readonly PickedDocument[];
  onChange: (documents: PickedDocument[]) => void;
  /** One document only: a pick replaces the choice. */
  single?: boolean;
  /** A document that cannot be chosen (the one being edited). */
  excludeId?: string | undefined;
  error?: string | null | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}

/**
 * Chooses documents from the registry: a search box (number or words of the title, without
 * diacritics), results as buttons, the chosen ones as a list with a Remove button each.
 */
export function DocumentPicker({
  label,
  hint,
  value,
  onChange,
  single = false,
  excludeId,
  error,
  inputRef,
}: DocumentPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const search = useDebouncedValue(text.trim().replace(/\s+/g, " "), 300);
  const describedBy = [`${id}-hint`, `${id}-chosen`, error && `${id}-error`]
    .filter(Boolean)
    .join(" ");
  const chosen = new Set(value.map((d) => d.id));

  return (
    <div className="field document-picker">
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
        {hint ?? t("documents.picker.hint")}
      </p>
      <div id={`${id}-chosen`} aria-live="polite">
        {value.length === 0 ? (
          <p className="unit-chosen">{t("documents.picker.none")}</p>
        ) : (
          <ul className="chip-list" aria-label={t("documents.picker.selectedLabel")}>
            {value.map((document) => (
              <li key={document.id} className="chip">
                <span>
                  <strong>{document.number}</strong>{" "}
                  <span className="chip-meta">{document.title}</span>
                </span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t("documents.picker.remove", { number: document.number })}
                  onClick={() => onChange(value.filter((d) => d.id !== document.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {search.length >= MIN_LENGTH && (
        <DocumentResults
          search={search}
          labelId={`${id}-results`}
          isChosen={(documentId) => chosen.has(documentId)}
          excludeId={excludeId}
          onPick={(document) => {
            if (single) onChange([document]);
            else if (!chosen.has(document.id)) onChange([...value, document]);
            setText("");
          }}
        />
      )}
    </div>
  );
}

function DocumentResults({
  search,
  labelId,
  isChosen,
  excludeId,
  onPick,
}: {
  search: string;
  labelId: string;
  isChosen: (id: string) => boolean;
  excludeId: string | undefined;
  onPick: (document: PickedDocument) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(DocumentPickerQuery, {
    variables: { search, first: RESULTS },
  });
  const rows = (d: NonNullable<typeof data>) =>
    d.documents.edges
      .map(({ node }) => getFragmentData(DocumentRowFragment, node))
      .filter((node) => node.id !== excludeId);
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => refetch()}
      loadingLabel={t("documents.picker.loading")}
      isEmpty={(d) => rows(d).length === 0}
      empty={t("documents.picker.empty")}
    >
      {(d) => (
        <div className="unit-results">
          <p id={labelId} className="visually-hidden">
            {t("documents.picker.resultsLabel")}
          </p>
          <ul className="result-list" aria-labelledby={labelId}>
            {rows(d).map((node) => (
              <li key={node.id}>
                <button
                  type="button"
                  className="unit-option"
                  aria-pressed={isChosen(node.id)}
                  onClick={() => onPick({ id: node.id, number: node.number, title: node.title })}
                >
                  <span className="unit-option-name">{node.number}</span>
                  <span className="result-meta">
                    {t(`documents.kinds.${node.kind}`)} · {format.date(node.issuedOn)} ·{" "}
                    {node.title}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {d.documents.totalCount > d.documents.edges.length && (
            <p className="hint">
              {t("documents.picker.more", {
                count: d.documents.totalCount - d.documents.edges.length,
              })}
            </p>
          )}
        </div>
      )}
    </QueryState>
  );
}
