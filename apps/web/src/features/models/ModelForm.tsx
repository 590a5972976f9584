import { useMutation } from "@apollo/client/react";
import { periodProblem } from "@dangbo/shared";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isIsoDate, provinceToday } from "../campaigns/dates.ts";
import { formErrors } from "../campaigns/errors.ts";
import { TextAreaField, TextField } from "../campaigns/fields.tsx";
import { UnitField, type PickedUnit } from "../campaigns/UnitField.tsx";
import { RecordGoodModelMutation, UpdateGoodModelMutation } from "./models.operations.ts";

const FIELDS = ["unitId", "title", "description", "startsOn", "endsOn", "results"] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

export interface ModelValues {
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  results: string;
}

interface ModelFormProps {
  /** Editing this model (its unit stays); omitted: a new model. */
  model?: ({ id: string } & ModelValues) | undefined;
  unit?: PickedUnit | null | undefined;
  onDone: () => void;
}

/** Records or edits a good model: its unit, title, description, period and results. */
export function ModelForm({ model, unit: initialUnit, onDone }: ModelFormProps) {
  const { t } = useTranslation();
  const editing = model !== undefined;
  const [unit, setUnit] = useState<PickedUnit | null>(initialUnit ?? null);
  const [values, setValues] = useState<ModelValues>(
    model ?? { title: "", description: "", startsOn: provinceToday(), endsOn: "", results: "" },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const refs = {
    unitId: useRef<HTMLInputElement>(null),
    title: useRef<HTMLInputElement>(null),
    description: useRef<HTMLTextAreaElement>(null),
    startsOn: useRef<HTMLInputElement>(null),
    endsOn: useRef<HTMLInputElement>(null),
    results: useRef<HTMLTextAreaElement>(null),
  };
  const [record, recorded] = useMutation(RecordGoodModelMutation, {
    refetchQueries: ["GoodModels"],
  });
  const [update, updated] = useMutation(UpdateGoodModelMutation, {
    refetchQueries: ["GoodModels"],
  });
  const saving = recorded.loading || updated.loading;
  const set = (key: keyof ModelValues, value: string) =>
    setValues((current) => ({ ...current, [key]: value }));

  const show = (found: FieldErrors) => {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const found: FieldErrors = {};
    if (!editing && !unit) found.unitId = t("models.form.missing.unit");
    if (!values.title.trim()) found.title = t("models.form.missing.title");
    if (!isIsoDate(values.startsOn)) found.startsOn = t("models.form.missing.startsOn");
    if (values.endsOn && !isIsoDate(values.endsOn)) found.endsOn = t("models.form.badDate");
    else if (
      values.endsOn &&
      isIsoDate(values.startsOn) &&
      periodProblem({ startsOn: values.startsOn, endsOn: values.endsOn })
    )
      found.endsOn = t("campaigns.serverErrors.endsBeforeStart");
    if (Object.keys(found).length > 0) return show(found);
    setErrors({});
    const input = {
      title: values.title.trim(),
      description: values.description.trim(),
      startsOn: values.startsOn,
      endsOn: values.endsOn || null,
      results: values.results.trim(),
    };
    try {
      if (editing) await update({ variables: { id: model.id, input } });
      else
        await record({
          variables: {
            input: {
              ...input,
              unitId: unit!.id,
              description: input.description || null,
              results: input.results || null,
            },
          },
        });
      onDone();
    } catch (error) {
      const problem = formErrors(t, error, FIELDS);
      if (problem.field) show({ [problem.field]: problem.text });
      else setFormError(problem.text);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form
      className="form"
      noValidate
      aria-label={editing ? t("models.form.editLabel") : t("models.form.createLabel")}
      onSubmit={(event) => void submit(event)}
    >
      {(hasErrors || formError) && (
        <p className="form-error" role="alert">
          {formError ?? t("models.form.notSaved")}
        </p>
      )}
      {!editing && (
        <UnitField
          label={t("models.form.unit")}
          value={unit}
          error={errors.unitId}
          inputRef={refs.unitId}
          onChange={setUnit}
        />
      )}
      <TextField
        label={t("models.form.title")}
        hint={t("models.form.titleHint")}
        value={values.title}
        error={errors.title}
        inputRef={refs.title}
        maxLength={500}
        onChange={(event) => set("title", event.target.value)}
      />
      <TextAreaField
        label={t("models.form.description")}
        value={values.description}
        error={errors.description}
        textareaRef={refs.description}
        maxLength={5000}
        onChange={(event) => set("description", event.target.value)}
      />
      <div className="field-row">
        <TextField
          type="date"
          label={t("models.form.startsOn")}
          value={values.startsOn}
          error={errors.startsOn}
          inputRef={refs.startsOn}
          onChange={(event) => set("startsOn", event.target.value)}
        />
        <TextField
          type="date"
          label={t("models.form.endsOn")}
          hint={t("models.form.endsOnHint")}
          value={values.endsOn}
          min={values.startsOn || undefined}
          error={errors.endsOn}
          inputRef={refs.endsOn}
          onChange={(event) => set("endsOn", event.target.value)}
        />
      </div>
      <TextAreaField
        label={t("models.form.results")}
        hint={t("models.form.resultsHint")}
        value={values.results}
        error={errors.results}
        textareaRef={refs.results}
        maxLength={5000}
        onChange={(event) => set("results", event.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={saving}>
          {saving
            ? t("models.form.saving")
            : editing
              ? t("models.form.save")
              : t("models.form.create")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("models.form.cancel")}
        </button>
      </div>
    </form>
  );
}
