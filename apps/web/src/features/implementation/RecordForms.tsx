import { useMutation } from "@apollo/client/react";
import type { PlanKind, ReviewKind } from "@dangbo/shared";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { errorCode } from "../../ui/errors.ts";
import { provinceToday } from "../documents/access.ts";
import { badInput, evictDocumentFigures, translateKnown } from "../documents/errors.ts";
import { InputField, SelectField, TextAreaField } from "../documents/fields.tsx";
import { RecordPlanMutation, RecordReviewMutation } from "./implementation.operations.ts";
import type { RequiredUnit } from "./RequiredUnitsSection.tsx";

const PLAN_KINDS = ["PLAN", "PROGRAMME"] as const satisfies readonly PlanKind[];
const REVIEW_KINDS = ["MID_TERM", "FINAL"] as const satisfies readonly ReviewKind[];

const KNOWN = [
  [/not required/i, "notRequired"],
  [/before the document|in the future|existed|did not exist|outside the unit/i, "dateInvalid"],
] as const;

interface RecordFormProps {
  id: string;
  documentId: string;
  documentIssuedOn: string;
  unit: RequiredUnit;
  onClose: () => void;
  onSaved: (message: string) => void;
  today?: string;
}

/** Where a refused save is explained: on a field, or for the whole form. */
function useServerError() {
  const { t } = useTranslation();
  return (error: unknown): { field: string | null; message: string } => {
    const input = badInput(error);
    if (input) {
      const key = translateKnown(input.message, KNOWN);
      return {
        field: input.field,
        message: key ? t(`implementation.serverErrors.${key}`) : input.message,
      };
    }
    const code = errorCode(error);
    return {
      field: null,
      message:
        code === "FORBIDDEN" ? t("implementation.serverErrors.forbidden") : t(`errors.${code}`),
    };
  };
}

/** Mutations here change the matrix on screen: refetched in place, the rest dropped. */
const REFRESH = {
  update: (cache: Parameters<typeof evictDocumentFigures>[0]) =>
    evictDocumentFigures(cache, ["implementationCoverage"]),
  refetchQueries: ["ImplementationCoverage"],
  awaitRefetchQueries: true,
};

/** Records the programme or plan a required unit issued (again: corrects it). */
export function PlanForm({
  id,
  documentId,
  documentIssuedOn,
  unit,
  onClose,
  onSaved,
  today = provinceToday(),
}: RecordFormProps) {
  const { t } = useTranslation();
  const explain = useServerError();
  const [kind, setKind] = useState<PlanKind>(unit.planKind ?? "PLAN");
  const [issuedOn, setIssuedOn] = useState(unit.planIssuedOn ?? today);
  const [reference, setReference] = useState(unit.planReference ?? "");
  const [errors, setErrors] = useState<{ issuedOn?: string; reference?: string; form?: string }>(
    {},
  );
  const first = useRef<HTMLSelectElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const referenceRef = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const [record, { loading }] = useMutation(RecordPlanMutation, REFRESH);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const found: typeof errors = {};
    if (!issuedOn) found.issuedOn = t("implementation.planForm.missing.issuedOn");
    else if (issuedOn > today) found.issuedOn = t("implementation.planForm.future");
    else if (issuedOn < documentIssuedOn)
      found.issuedOn = t("implementation.planForm.beforeDocument");
    if (!reference.trim()) found.reference = t("implementation.planForm.missing.reference");
    setErrors(found);
    if (found.issuedOn) return dateRef.current?.focus();
    if (found.reference) return referenceRef.current?.focus();
    try {
      await record({
        variables: { documentId, unitId: unit.unitId, kind, issuedOn, reference: reference.trim() },
      });
      onSaved(t("implementation.planForm.saved", { name: unit.name }));
      onClose();
    } catch (error) {
      const { field, message } = explain(error);
      if (field === "issuedOn" || field === "reference") {
        setErrors({ [field]: message });
        (field === "issuedOn" ? dateRef : referenceRef).current?.focus();
      } else setErrors({ form: message });
    }
  };

  return (
    <form
      id={id}
      className="form inline-form"
      noValidate
      aria-label={t("implementation.units.recordPlanFor", { name: unit.name })}
      onSubmit={(event) => void submit(event)}
    >
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <SelectField
        label={t("implementation.planForm.kind")}
        value={kind}
        selectRef={first}
        onChange={(event) => setKind(event.target.value as PlanKind)}
      >
        {PLAN_KINDS.map((value) => (
          <option key={value} value={value}>
            {t(`implementation.planKinds.${value}`)}
          </option>
        ))}
      </SelectField>
      <InputField
        type="date"
        label={t("implementation.planForm.issuedOn")}
        min={documentIssuedOn}
        max={today}
        required
        value={issuedOn}
        error={errors.issuedOn}
        inputRef={dateRef}
        onChange={(event) => setIssuedOn(event.target.value)}
      />
      <InputField
        label={t("implementation.planForm.reference")}
        hint={t("implementation.planForm.referenceHint")}
        required
        autoComplete="off"
        spellCheck={false}
        value={reference}
        error={errors.reference}
        inputRef={referenceRef}
        onChange={(event) => setReference(event.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={loading}>
          {loading ? t("implementation.planForm.submitting") : t("implementation.planForm.submit")}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t("implementation.units.close")}
        </button>
      </div>
    </form>
  );
}

/** Records a unit's mid-term (sơ kết) or final (tổng kết) review of the document. */
export function ReviewForm({
  id,
  documentId,
  documentIssuedOn,
  unit,
  onClose,
  onSaved,
  today = provinceToday(),
}: RecordFormProps) {
  const { t } = useTranslation();
  const explain = useServerError();
  const [kind, setKind] = useState<ReviewKind>(unit.midTermReviewOn ? "FINAL" : "MID_TERM");
  const [heldOn, setHeldOn] = useState(today);
  const [summary, setSummary] = useState("");
  const [errors, setErrors] = useState<{ heldOn?: string; summary?: string; form?: string }>({});
  const first = useRef<HTMLSelectElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const [record, { loading }] = useMutation(RecordReviewMutation, REFRESH);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const found: typeof errors = {};
    if (!heldOn) found.heldOn = t("implementation.reviewForm.missing.heldOn");
    else if (heldOn > today) found.heldOn = t("implementation.planForm.future");
    else if (heldOn < documentIssuedOn) found.heldOn = t("implementation.planForm.beforeDocument");
    setErrors(found);
    if (found.heldOn) return dateRef.current?.focus();
    try {
      await record({
        variables: {
          documentId,
          unitId: unit.unitId,
          kind,
          heldOn,
          ...(summary.trim() ? { summary: summary.trim() } : {}),
        },
      });
      onSaved(
        t("implementation.reviewForm.saved", {
          kind: t(`implementation.reviewKinds.${kind}`),
          name: unit.name,
        }),
      );
      onClose();
    } catch (error) {
      const { field, message } = explain(error);
      if (field === "heldOn" || field === "summary") {
        setErrors({ [field]: message });
        if (field === "heldOn") dateRef.current?.focus();
      } else setErrors({ form: message });
    }
  };

  return (
    <form
      id={id}
      className="form inline-form"
      noValidate
      aria-label={t("implementation.units.recordReviewFor", { name: unit.name })}
      onSubmit={(event) => void submit(event)}
    >
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <SelectField
        label={t("implementation.reviewForm.kind")}
        value={kind}
        selectRef={first}
        onChange={(event) => setKind(event.target.value as ReviewKind)}
      >
        {REVIEW_KINDS.map((value) => (
          <option key={value} value={value}>
            {t(`implementation.reviewKinds.${value}`)}
          </option>
        ))}
      </SelectField>
      <InputField
        type="date"
        label={t("implementation.reviewForm.heldOn")}
        min={documentIssuedOn}
        max={today}
        required
        value={heldOn}
        error={errors.heldOn}
        inputRef={dateRef}
        onChange={(event) => setHeldOn(event.target.value)}
      />
      <TextAreaField
        label={t("implementation.reviewForm.summary")}
        value={summary}
        error={errors.summary}
        rows={3}
        onChange={(event) => setSummary(event.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={loading}>
          {loading
            ? t("implementation.reviewForm.submitting")
            : t("implementation.reviewForm.submit")}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t("implementation.units.close")}
        </button>
      </div>
    </form>
  );
}
