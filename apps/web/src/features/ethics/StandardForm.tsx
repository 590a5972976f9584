import { useMutation } from "@apollo/client/react";
import { foldVietnamese } from "@dangbo/shared";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formErrors } from "../campaigns/errors.ts";
import { TextAreaField } from "../campaigns/fields.tsx";
import { UnitField, type PickedUnit } from "../campaigns/UnitField.tsx";
import {
  RecordEthicalStandardMutation,
  UpdateEthicalStandardMutation,
} from "./ethics.operations.ts";

/** The API's limit on slogans per standard. */
const SLOGANS_MAX = 20;

const FIELDS = ["unitId", "content", "slogans"] as const;
type Field = (typeof FIELDS)[number];

interface StandardFormProps {
  /** Editing this standard (its unit stays); omitted: a new standard. */
  standard?: { id: string; content: string; slogans: readonly string[] } | undefined;
  /** The unit a new standard starts with. */
  unit?: PickedUnit | null | undefined;
  onDone: () => void;
}

/** Records or edits an ethical standard and the action slogans derived from it. */
export function StandardForm({ standard, unit: initialUnit, onDone }: StandardFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const editing = standard !== undefined;
  const [unit, setUnit] = useState<PickedUnit | null>(initialUnit ?? null);
  const [content, setContent] = useState(standard?.content ?? "");
  const [slogans, setSlogans] = useState<string[]>(
    standard && standard.slogans.length > 0 ? [...standard.slogans] : [""],
  );
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [sloganError, setSloganError] = useState<{ index: number; text: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const unitRef = useRef<HTMLInputElement>(null);
  const contentRef = useRef<HTMLTextAreaElement>(null);
  const sloganRefs = useRef<(HTMLInputElement | null)[]>([]);
  const refetchQueries = ["EthicalStandards", "EthicalStandardCounts"];
  const [record, recorded] = useMutation(RecordEthicalStandardMutation, { refetchQueries });
  const [update, updated] = useMutation(UpdateEthicalStandardMutation, { refetchQueries });
  const saving = recorded.loading || updated.loading;

  const focusSlogan = (index: number) => sloganRefs.current[index]?.focus();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    setSloganError(null);
    const found: Partial<Record<Field, string>> = {};
    if (!editing && !unit) found.unitId = t("ethics.form.missing.unit");
    if (!content.trim()) found.content = t("ethics.form.missing.content");
    setErrors(found);
    if (found.unitId) return unitRef.current?.focus();
    if (found.content) return contentRef.current?.focus();
    // Empty rows are left out; a slogan written twice (ignoring case and accents) is refused.
    const kept = slogans.map((s, index) => ({ text: s.trim(), index })).filter((s) => s.text);
    const seen = new Map<string, number>();
    for (const slogan of kept) {
      const folded = foldVietnamese(slogan.text);
      if (seen.has(folded)) {
        setSloganError({ index: slogan.index, text: t("campaigns.serverErrors.sloganTwice") });
        return focusSlogan(slogan.index);
      }
      seen.set(folded, slogan.index);
    }
    const texts = kept.map((s) => s.text);
    try {
      if (editing) {
        await update({
          variables: { id: standard.id, input: { content: content.trim(), slogans: texts } },
        });
      } else {
        await record({
          variables: { input: { unitId: unit!.id, content: content.trim(), slogans: texts } },
        });
      }
      onDone();
    } catch (error) {
      const problem = formErrors(t, error, FIELDS);
      if (problem.field === "slogans" && problem.index !== null) {
        // The server counts the slogans it was sent: map back to the row on screen.
        const row = kept[problem.index]?.index ?? 0;
        setSloganError({ index: row, text: problem.text });
        focusSlogan(row);
      } else if (problem.field === "unitId") {
        setErrors({ unitId: problem.text });
        unitRef.current?.focus();
      } else if (problem.field === "content") {
        setErrors({ content: problem.text });
        contentRef.current?.focus();
      } else setFormError(problem.text);
    }
  };

  const hasErrors = Object.keys(errors).length > 0 || sloganError !== null;
  return (
    <form
      className="form"
      noValidate
      aria-label={editing ? t("ethics.form.editLabel") : t("ethics.form.createLabel")}
      onSubmit={(event) => void submit(event)}
    >
      {(hasErrors || formError) && (
        <p className="form-error" role="alert">
          {formError ?? t("ethics.form.notSaved")}
        </p>
      )}
      {!editing && (
        <UnitField
          label={t("ethics.form.unit")}
          value={unit}
          error={errors.unitId}
          inputRef={unitRef}
          onChange={setUnit}
        />
      )}
      <TextAreaField
        label={t("ethics.form.content")}
        hint={t("ethics.form.contentHint")}
        value={content}
        error={errors.content}
        textareaRef={contentRef}
        maxLength={2000}
        onChange={(event) => setContent(event.target.value)}
      />
      <fieldset className="fieldset">
        <legend>{t("ethics.form.slogans")}</legend>
        <p className="hint">{t("ethics.form.slogansHint", { max: SLOGANS_MAX })}</p>
        <ol className="slogan-inputs">
          {slogans.map((slogan, index) => {
            const inputId = `${id}-slogan-${index}`;
            const error = sloganError?.index === index ? sloganError.text : null;
            return (
              <li key={index}>
                <div className="field">
                  <label htmlFor={inputId}>{t("ethics.form.slogan", { n: index + 1 })}</label>
                  <div className="inline-input">
                    <input
                      id={inputId}
                      ref={(element) => {
                        sloganRefs.current[index] = element;
                      }}
                      type="text"
                      value={slogan}
                      maxLength={500}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${inputId}-error` : undefined}
                      onChange={(event) =>
                        setSlogans((list) =>
                          list.map((s, i) => (i === index ? event.target.value : s)),
                        )
                      }
                    />
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t("ethics.form.removeSlogan", { n: index + 1 })}
                      onClick={() => {
                        setSlogans((list) => list.filter((_, i) => i !== index));
                        setSloganError(null);
                      }}
                    >
                      {t("ethics.form.remove")}
                    </button>
                  </div>
                  {error && (
                    <p id={`${inputId}-error`} className="field-error">
                      {error}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        {slogans.length < SLOGANS_MAX && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setSlogans((list) => [...list, ""]);
              // Focus the new row once it is drawn.
              setTimeout(() => focusSlogan(slogans.length), 0);
            }}
          >
            {t("ethics.form.addSlogan")}
          </button>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={saving}>
          {saving
            ? t("ethics.form.saving")
            : editing
              ? t("ethics.form.save")
              : t("ethics.form.create")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("ethics.form.cancel")}
        </button>
      </div>
    </form>
  );
}
