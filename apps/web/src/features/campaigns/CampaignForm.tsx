import { useMutation } from "@apollo/client/react";
import { periodProblem } from "@dangbo/shared";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { CreateCampaignMutation, UpdateCampaignMutation } from "./campaigns.operations.ts";
import { isIsoDate } from "./dates.ts";
import { formErrors } from "./errors.ts";
import { TextAreaField, TextField } from "./fields.tsx";
import { UnitField, UnitsField, type PickedUnit } from "./UnitField.tsx";

const FIELDS = [
  "title",
  "theme",
  "occasion",
  "startsOn",
  "endsOn",
  "organiserUnitId",
  "eligibleUnitIds",
] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

export interface CampaignValues {
  title: string;
  theme: string;
  occasion: string;
  startsOn: string;
  endsOn: string;
  organiser: PickedUnit | null;
  eligible: PickedUnit[];
}

interface CampaignFormProps {
  /** Editing this campaign (its organiser cannot change); omitted: a new campaign. */
  campaignId?: string | undefined;
  initial: CampaignValues;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

/** Creates or edits a campaign. Nothing typed is lost when the server refuses it. */
export function CampaignForm({ campaignId, initial, onSaved, onCancel }: CampaignFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const editing = campaignId !== undefined;
  const [values, setValues] = useState<CampaignValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const refs = {
    title: useRef<HTMLInputElement>(null),
    theme: useRef<HTMLTextAreaElement>(null),
    occasion: useRef<HTMLInputElement>(null),
    startsOn: useRef<HTMLInputElement>(null),
    endsOn: useRef<HTMLInputElement>(null),
    organiserUnitId: useRef<HTMLInputElement>(null),
    eligibleUnitIds: useRef<HTMLInputElement>(null),
  };
  const [create, created] = useMutation(CreateCampaignMutation, { refetchQueries: ["Campaigns"] });
  const [update, updated] = useMutation(UpdateCampaignMutation, {
    refetchQueries: ["Campaigns", "CampaignProgress"],
  });
  const saving = created.loading || updated.loading;
  const set = <K extends keyof CampaignValues>(key: K, value: CampaignValues[K]) =>
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
    if (!values.title.trim()) found.title = t("campaigns.form.missing.title");
    if (!values.theme.trim()) found.theme = t("campaigns.form.missing.theme");
    if (!isIsoDate(values.startsOn)) found.startsOn = t("campaigns.form.missing.startsOn");
    if (!isIsoDate(values.endsOn)) found.endsOn = t("campaigns.form.missing.endsOn");
    else if (
      isIsoDate(values.startsOn) &&
      periodProblem({ startsOn: values.startsOn, endsOn: values.endsOn })
    )
      found.endsOn = t("campaigns.serverErrors.endsBeforeStart");
    if (!editing && !values.organiser)
      found.organiserUnitId = t("campaigns.form.missing.organiser");
    if (values.eligible.length === 0) found.eligibleUnitIds = t("campaigns.form.missing.eligible");
    if (Object.keys(found).length > 0) return show(found);
    setErrors({});

    const common = {
      title: values.title.trim(),
      theme: values.theme.trim(),
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      eligibleUnitIds: values.eligible.map((unit) => unit.id),
    };
    try {
      if (editing) {
        await update({
          variables: { id: campaignId, input: { ...common, occasion: values.occasion.trim() } },
        });
        onSaved(campaignId);
      } else {
        const result = await create({
          variables: {
            input: {
              ...common,
              occasion: values.occasion.trim() || null,
              organiserUnitId: values.organiser!.id,
            },
          },
        });
        if (result.data) onSaved(result.data.createCampaign.id);
      }
    } catch (error) {
      const problem = formErrors(t, error, FIELDS);
      if (problem.field) show({ [problem.field]: problem.text });
      else setFormError(problem.text);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <section className="panel form-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {editing ? t("campaigns.form.editTitle") : t("campaigns.form.createTitle")}
      </h2>
      {(hasErrors || formError) && (
        <p className="form-error" role="alert">
          {formError ?? t("campaigns.form.notSaved")}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label={t("campaigns.form.title")}
          value={values.title}
          error={errors.title}
          inputRef={refs.title}
          maxLength={500}
          onChange={(event) => set("title", event.target.value)}
        />
        <TextAreaField
          label={t("campaigns.form.theme")}
          value={values.theme}
          error={errors.theme}
          textareaRef={refs.theme}
          maxLength={5000}
          onChange={(event) => set("theme", event.target.value)}
        />
        <TextField
          label={t("campaigns.form.occasion")}
          hint={t("campaigns.form.occasionHint")}
          value={values.occasion}
          error={errors.occasion}
          inputRef={refs.occasion}
          maxLength={500}
          onChange={(event) => set("occasion", event.target.value)}
        />
        <div className="field-row">
          <TextField
            type="date"
            label={t("campaigns.form.startsOn")}
            value={values.startsOn}
            error={errors.startsOn}
            inputRef={refs.startsOn}
            onChange={(event) => set("startsOn", event.target.value)}
          />
          <TextField
            type="date"
            label={t("campaigns.form.endsOn")}
            hint={t("campaigns.form.endsOnHint")}
            value={values.endsOn}
            min={values.startsOn || undefined}
            error={errors.endsOn}
            inputRef={refs.endsOn}
            onChange={(event) => set("endsOn", event.target.value)}
          />
        </div>
        {editing ? (
          <div className="field">
            <span className="field-label">{t("campaigns.form.organiser")}</span>
            <p className="static-value">{values.organiser?.name}</p>
            <p className="hint">{t("campaigns.form.organiserFixed")}</p>
          </div>
        ) : (
          <UnitField
            label={t("campaigns.form.organiser")}
            hint={t("campaigns.form.organiserHint")}
            value={values.organiser}
            error={errors.organiserUnitId}
            inputRef={refs.organiserUnitId}
            onChange={(unit) => {
              // A new organiser: the campaign is open to it unless other units were chosen.
              const onlyOrganiser =
                values.eligible.length === 0 ||
                (values.eligible.length === 1 && values.eligible[0]!.id === values.organiser?.id);
              setValues((current) => ({
                ...current,
                organiser: unit,
                eligible: onlyOrganiser && unit ? [unit] : current.eligible,
              }));
            }}
          />
        )}
        <UnitsField
          label={t("campaigns.form.eligible")}
          hint={t("campaigns.form.eligibleHint")}
          value={values.eligible}
          error={errors.eligibleUnitIds}
          inputRef={refs.eligibleUnitIds}
          onChange={(units) => set("eligible", units)}
        />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={saving}>
            {saving
              ? t("campaigns.form.saving")
              : editing
                ? t("campaigns.form.saveChanges")
                : t("campaigns.form.create")}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t("campaigns.form.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
