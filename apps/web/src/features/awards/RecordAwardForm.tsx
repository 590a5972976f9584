import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AwardKind } from "../../gql/graphql.ts";
import { useFormat } from "../../i18n/format.ts";
import { isIsoDate, provinceToday, yearOf } from "../campaigns/dates.ts";
import { formErrors } from "../campaigns/errors.ts";
import { SelectField, TextField } from "../campaigns/fields.tsx";
import { UnitField, type PickedUnit } from "../campaigns/UnitField.tsx";
import { AwardCampaignsQuery, RecordAwardMutation } from "./awards.operations.ts";
import { MemberField, type PickedMember } from "./MemberField.tsx";
import { AWARD_KINDS, checkSpan, isFlag } from "./span.ts";

const FIELDS = [
  "kind",
  "title",
  "issuer",
  "decisionNo",
  "decidedOn",
  "yearFrom",
  "yearTo",
  "unitId",
  "memberId",
  "campaignId",
] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;
type Recipient = "UNIT" | "MEMBER";

/** Records an emulation flag, certificate of merit or title, for a year or consecutive years. */
export function RecordAwardForm({ onRecorded }: { onRecorded?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const today = provinceToday();
  const [kind, setKind] = useState<AwardKind>("STANDING_COMMITTEE_CERTIFICATE");
  const [title, setTitle] = useState("");
  const [issuer, setIssuer] = useState("");
  const [decisionNo, setDecisionNo] = useState("");
  const [decidedOn, setDecidedOn] = useState(today);
  const [yearFrom, setYearFrom] = useState(String(yearOf(today)));
  const [yearTo, setYearTo] = useState("");
  const [recipient, setRecipient] = useState<Recipient>("UNIT");
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [member, setMember] = useState<PickedMember | null>(null);
  const [campaignId, setCampaignId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const refs = {
    kind: useRef<HTMLSelectElement>(null),
    title: useRef<HTMLInputElement>(null),
    issuer: useRef<HTMLInputElement>(null),
    decisionNo: useRef<HTMLInputElement>(null),
    decidedOn: useRef<HTMLInputElement>(null),
    yearFrom: useRef<HTMLInputElement>(null),
    yearTo: useRef<HTMLInputElement>(null),
    unitId: useRef<HTMLInputElement>(null),
    memberId: useRef<HTMLInputElement>(null),
    campaignId: useRef<HTMLSelectElement>(null),
  };
  const campaigns = useQuery(AwardCampaignsQuery, { variables: { first: 100 } });
  const [record, { loading }] = useMutation(RecordAwardMutation, {
    refetchQueries: ["Awards", "EmulationAwards", "UnitAwards", "MemberAwards"],
  });

  const span = checkSpan({ yearFrom, yearTo, decidedOn }, today, format.language);
  // Problems of the years show under the years; those of the decision date under the date.
  const yearsProblem = span.problem && span.problem.field !== "decidedOn" ? span.problem : null;
  const dateProblem = span.problem?.field === "decidedOn" ? span.problem : null;
  const spanText = span.years
    ? t("awards.form.spanOk", { span: span.years.text })
    : yearsProblem
      ? t(`awards.form.spanProblems.${yearsProblem.problem}`)
      : t("awards.form.spanHint");
  const flagToMember = recipient === "MEMBER" && isFlag(kind);

  // The hint under the years follows what is typed; an earlier refusal of the years is stale.
  const clearYearErrors = () => setErrors(({ yearFrom: _from, yearTo: _to, ...rest }) => rest);

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
    if (!issuer.trim()) found.issuer = t("awards.form.missing.issuer");
    if (!decisionNo.trim()) found.decisionNo = t("awards.form.missing.decisionNo");
    if (!isIsoDate(decidedOn)) found.decidedOn = t("awards.form.missing.decidedOn");
    if (span.empty) found.yearFrom = t("awards.form.missing.yearFrom");
    if (span.problem)
      found[span.problem.field] = t(`awards.form.spanProblems.${span.problem.problem}`);
    if (recipient === "UNIT" && !unit) found.unitId = t("awards.form.missing.unit");
    if (recipient === "MEMBER" && !member) found.memberId = t("awards.form.missing.member");
    if (flagToMember) found.kind = t("campaigns.serverErrors.flagToMember");
    if (Object.keys(found).length > 0 || !span.years) return show(found);
    setErrors({});
    try {
      await record({
        variables: {
          input: {
            kind,
            title: title.trim() || null,
            issuer: issuer.trim(),
            decisionNo: decisionNo.trim(),
            decidedOn,
            yearFrom: span.years.yearFrom,
            yearTo: span.years.yearTo,
            unitId: recipient === "UNIT" ? unit!.id : null,
            memberId: recipient === "MEMBER" ? member!.id : null,
            campaignId: campaignId || null,
          },
        },
      });
      setSaved(
        t("awards.form.saved", {
          kind: t(`awards.kinds.${kind}`),
          name: recipient === "UNIT" ? unit!.name : member!.fullName,
          span: span.years.text,
        }),
      );
      setTitle("");
      setDecisionNo("");
      setUnit(null);
      setMember(null);
      onRecorded?.();
    } catch (error) {
      const problem = formErrors(t, error, FIELDS);
      if (problem.field) show({ [problem.field]: problem.text });
      else setFormError(problem.text);
    }
  };

  const spanInvalidFrom = yearsProblem?.field === "yearFrom" || Boolean(errors.yearFrom);
  const spanInvalidTo = yearsProblem?.field === "yearTo" || Boolean(errors.yearTo);
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <section className="panel form-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("awards.form.title")}</h2>
      {(hasErrors || formError) && (
        <p className="form-error" role="alert">
          {formError ?? t("awards.form.notSaved")}
        </p>
      )}
      {saved && (
        <p className="notice notice-success" role="status">
          {saved}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="fieldset">
          <legend>{t("awards.form.recipient")}</legend>
          <div className="radio-row">
            {(["UNIT", "MEMBER"] as const).map((value) => (
              <div className="field field-checkbox" key={value}>
                <input
                  id={`${id}-recipient-${value}`}
                  type="radio"
                  name={`${id}-recipient`}
                  value={value}
                  checked={recipient === value}
                  onChange={() => setRecipient(value)}
                />
                <label htmlFor={`${id}-recipient-${value}`}>
                  {t(`awards.form.recipients.${value}`)}
                </label>
              </div>
            ))}
          </div>
          {recipient === "UNIT" ? (
            <UnitField
              label={t("awards.form.unit")}
              value={unit}
              error={errors.unitId}
              inputRef={refs.unitId}
              onChange={setUnit}
            />
          ) : (
            <MemberField
              label={t("awards.form.member")}
              value={member}
              error={errors.memberId}
              inputRef={refs.memberId}
              onChange={setMember}
            />
          )}
        </fieldset>
        <SelectField
          label={t("awards.form.kind")}
          hint={recipient === "MEMBER" ? t("awards.form.kindMemberHint") : undefined}
          value={kind}
          error={errors.kind ?? (flagToMember ? t("campaigns.serverErrors.flagToMember") : null)}
          selectRef={refs.kind}
          onChange={(event) => setKind(event.target.value as AwardKind)}
        >
          {AWARD_KINDS.map((value) => (
            <option key={value} value={value} disabled={recipient === "MEMBER" && isFlag(value)}>
              {t(`awards.kinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("awards.form.awardTitle")}
          hint={t("awards.form.awardTitleHint")}
          value={title}
          error={errors.title}
          inputRef={refs.title}
          maxLength={500}
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextField
          label={t("awards.form.issuer")}
          hint={t("awards.form.issuerHint")}
          value={issuer}
          error={errors.issuer}
          inputRef={refs.issuer}
          maxLength={300}
          list={`${id}-issuers`}
          onChange={(event) => setIssuer(event.target.value)}
        />
        <datalist id={`${id}-issuers`}>
          <option value={t("awards.form.issuers.government")} />
          <option value={t("awards.form.issuers.primeMinister")} />
          <option value={t("awards.form.issuers.province")} />
          <option value={t("awards.form.issuers.standingCommittee")} />
          <option value={t("awards.form.issuers.peoplesCommittee")} />
        </datalist>
        <div className="field-row">
          <TextField
            label={t("awards.form.decisionNo")}
            hint={t("awards.form.decisionNoHint")}
            value={decisionNo}
            error={errors.decisionNo}
            inputRef={refs.decisionNo}
            maxLength={100}
            autoCapitalize="characters"
            onChange={(event) => setDecisionNo(event.target.value)}
          />
          <TextField
            type="date"
            label={t("awards.form.decidedOn")}
            value={decidedOn}
            max={today}
            error={
              errors.decidedOn ??
              (dateProblem ? t(`awards.form.spanProblems.${dateProblem.problem}`) : null)
            }
            inputRef={refs.decidedOn}
            onChange={(event) => setDecidedOn(event.target.value)}
          />
        </div>
        <fieldset className="fieldset" aria-describedby={`${id}-span`}>
          <legend>{t("awards.form.years")}</legend>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-from`}>{t("awards.form.yearFrom")}</label>
              <input
                id={`${id}-from`}
                ref={refs.yearFrom}
                type="number"
                inputMode="numeric"
                min={1930}
                max={2100}
                value={yearFrom}
                aria-invalid={spanInvalidFrom ? true : undefined}
                aria-describedby={`${id}-span`}
                onChange={(event) => {
                  setYearFrom(event.target.value);
                  clearYearErrors();
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t("awards.form.yearTo")}</label>
              <input
                id={`${id}-to`}
                ref={refs.yearTo}
                type="number"
                inputMode="numeric"
                min={1930}
                max={2100}
                placeholder={yearFrom}
                value={yearTo}
                aria-invalid={spanInvalidTo ? true : undefined}
                aria-describedby={`${id}-span`}
                onChange={(event) => {
                  setYearTo(event.target.value);
                  clearYearErrors();
                }}
              />
            </div>
          </div>
          <p
            id={`${id}-span`}
            className={yearsProblem ? "field-error" : "hint"}
            aria-live="polite"
            data-testid="award-span"
          >
            {errors.yearFrom && !yearsProblem ? errors.yearFrom : spanText}
          </p>
          {errors.yearTo && !yearsProblem && <p className="field-error">{errors.yearTo}</p>}
        </fieldset>
        <SelectField
          label={t("awards.form.campaign")}
          hint={t("awards.form.campaignHint")}
          value={campaignId}
          error={errors.campaignId}
          selectRef={refs.campaignId}
          onChange={(event) => setCampaignId(event.target.value)}
        >
          <option value="">{t("awards.form.noCampaign")}</option>
          {campaigns.data?.campaigns.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.title}
            </option>
          ))}
        </SelectField>
        {campaigns.error && <p className="hint">{t("awards.form.campaignsUnavailable")}</p>}
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={loading}>
            {loading ? t("awards.form.saving") : t("awards.form.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
