import { useMutation } from "@apollo/client/react";
import { registrationProblem, type IsoDate } from "@dangbo/shared";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { RegisterForCampaignMutation } from "./campaigns.operations.ts";
import { isIsoDate, provinceToday } from "./dates.ts";
import { formErrors } from "./errors.ts";
import { TextAreaField, TextField } from "./fields.tsx";
import { UnitField, type PickedUnit } from "./UnitField.tsx";

const FIELDS = [
  "unitId",
  "title",
  "description",
  "target",
  "responsibleUnitId",
  "registeredOn",
] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

export interface RegistrationCampaign {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
}

/** The date a registration gets by default: today, or the campaign's last day if it has ended. */
export function defaultRegistrationDate(campaign: RegistrationCampaign, today: IsoDate): string {
  return campaign.endsOn < today ? campaign.endsOn : today;
}

/**
 * Registers a project or task of a unit for a campaign. The server decides whether the campaign
 * is open to the unit; its refusals land on the field they concern.
 */
export function RegistrationForm({
  campaign,
  onRegistered,
}: {
  campaign: RegistrationCampaign;
  onRegistered?: (title: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const today = provinceToday();
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [target, setTarget] = useState("");
  const [responsible, setResponsible] = useState<PickedUnit | null>(null);
  const [registeredOn, setRegisteredOn] = useState(defaultRegistrationDate(campaign, today));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const refs = {
    unitId: useRef<HTMLInputElement>(null),
    title: useRef<HTMLInputElement>(null),
    description: useRef<HTMLTextAreaElement>(null),
    target: useRef<HTMLInputElement>(null),
    responsibleUnitId: useRef<HTMLInputElement>(null),
    registeredOn: useRef<HTMLInputElement>(null),
  };
  const [register, { loading }] = useMutation(RegisterForCampaignMutation, {
    refetchQueries: ["CampaignRegistrations", "CampaignProgress", "Campaign"],
  });

  const show = (found: FieldErrors) => {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    setSaved(null);
    const found: FieldErrors = {};
    if (!unit) found.unitId = t("campaigns.register.missing.unit");
    if (!title.trim()) found.title = t("campaigns.register.missing.title");
    if (!isIsoDate(registeredOn)) found.registeredOn = t("campaigns.register.missing.date");
    else {
      // The date rules the server applies too (the unit's eligibility is the server's to check).
      const problem = registrationProblem(
        { startsOn: campaign.startsOn, endsOn: campaign.endsOn, eligibleUnitIds: [0] },
        registeredOn,
        [0],
        today,
      );
      if (problem === "FUTURE") found.registeredOn = t("campaigns.serverErrors.registeredInFuture");
      if (problem === "BEFORE_CAMPAIGN")
        found.registeredOn = t("campaigns.serverErrors.beforeCampaign");
      if (problem === "AFTER_CAMPAIGN")
        found.registeredOn = t("campaigns.serverErrors.afterCampaign");
    }
    if (Object.keys(found).length > 0 || !unit) return show(found);
    setErrors({});
    try {
      await register({
        variables: {
          input: {
            campaignId: campaign.id,
            unitId: unit.id,
            title: title.trim(),
            description: description.trim() || null,
            target: target.trim() || null,
            responsibleUnitId: responsible?.id ?? null,
            registeredOn,
          },
        },
      });
      const done = t("campaigns.register.saved", { title: title.trim(), unit: unit.name });
      setSaved(done);
      setTitle("");
      setDescription("");
      setTarget("");
      setResponsible(null);
      onRegistered?.(title.trim());
    } catch (error) {
      const problem = formErrors(t, error, FIELDS);
      if (problem.field) show({ [problem.field]: problem.text });
      else setFormError(problem.text);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  const lastDay = campaign.endsOn < today ? campaign.endsOn : today;
  return (
    <section className="panel form-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("campaigns.register.title")}</h2>
      <p className="hint">{t("campaigns.register.intro")}</p>
      {(hasErrors || formError) && (
        <p className="form-error" role="alert">
          {formError ?? t("campaigns.register.notSaved")}
        </p>
      )}
      {saved && (
        <p className="notice notice-success" role="status">
          {saved}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <UnitField
          label={t("campaigns.register.unit")}
          hint={t("campaigns.register.unitHint")}
          value={unit}
          error={errors.unitId}
          inputRef={refs.unitId}
          onChange={setUnit}
        />
        <TextField
          label={t("campaigns.register.projectTitle")}
          hint={t("campaigns.register.projectTitleHint")}
          value={title}
          error={errors.title}
          inputRef={refs.title}
          maxLength={500}
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextAreaField
          label={t("campaigns.register.description")}
          value={description}
          error={errors.description}
          textareaRef={refs.description}
          maxLength={5000}
          onChange={(event) => setDescription(event.target.value)}
        />
        <TextField
          label={t("campaigns.register.target")}
          hint={t("campaigns.register.targetHint")}
          value={target}
          error={errors.target}
          inputRef={refs.target}
          maxLength={500}
          onChange={(event) => setTarget(event.target.value)}
        />
        <UnitField
          label={t("campaigns.register.responsible")}
          hint={t("campaigns.register.responsibleHint")}
          value={responsible}
          error={errors.responsibleUnitId}
          inputRef={refs.responsibleUnitId}
          onChange={setResponsible}
          clearable
          noneLabel={t("campaigns.register.responsibleNone")}
        />
        <TextField
          type="date"
          label={t("campaigns.register.date")}
          hint={t("campaigns.register.dateHint")}
          value={registeredOn}
          min={campaign.startsOn}
          max={lastDay}
          error={errors.registeredOn}
          inputRef={refs.registeredOn}
          onChange={(event) => setRegisteredOn(event.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={loading}>
            {loading ? t("campaigns.register.saving") : t("campaigns.register.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
