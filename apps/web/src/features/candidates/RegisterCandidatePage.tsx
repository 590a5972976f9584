import { useMutation } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { RequireRole } from "../auth/guards.tsx";
import { useViewer } from "../auth/ViewerProvider.tsx";
import { evictDevelopmentFigures } from "../lifecycle/cache.ts";
import { UnitSearchPicker, type PickedUnit } from "../lifecycle/CellPicker.tsx";
import { provinceToday } from "../lifecycle/dates.ts";
import { badInput, describeBadInput, describeFailure, fieldName } from "../lifecycle/errors.ts";
import { DateField } from "../lifecycle/fields.tsx";
import {
  checkPerson,
  emptyPerson,
  isPersonField,
  PERSON_FIELDS,
  PersonFields,
  personInput,
  usePersonRefs,
  type PersonField,
  type PersonValues,
} from "../lifecycle/person.tsx";
import { RegisterCandidateMutation } from "./candidates.operations.ts";
import { DEVELOPER_ROLES } from "./stages.ts";
import "../lifecycle/development.css";

type Field = PersonField | "cellId" | "registeredOn";
type Errors = Partial<Record<Field, string>>;

/** `/candidates/new`: registers an outstanding person under a cell of the viewer's unit. */
export function RegisterCandidatePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("candidates.register.title"));
  return (
    <RequireRole roles={DEVELOPER_ROLES}>
      <div className="development narrow-page wide-form">
        <p className="back-link">
          <Link to="/candidates">{t("candidates.detail.back")}</Link>
        </p>
        <h1>{t("candidates.register.title")}</h1>
        <p className="lead">{t("candidates.register.intro")}</p>
        <RegisterCandidateForm />
      </div>
    </RequireRole>
  );
}

export function RegisterCandidateForm({ today = provinceToday() }: { today?: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const formId = useId();
  // A secretary's unit is always a cell (the API's rule): registered there, no choice to make.
  const ownCell: PickedUnit | null =
    viewer?.role === "SECRETARY"
      ? {
          id: viewer.unit.id,
          name: viewer.unit.name,
          kind: "CELL",
          code: "",
          parentName: null,
        }
      : null;
  const [person, setPerson] = useState<PersonValues>(emptyPerson);
  const [cell, setCell] = useState<PickedUnit | null>(ownCell);
  const [registeredOn, setRegisteredOn] = useState(today);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const personRefs = usePersonRefs();
  const cellRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const [register, { loading }] = useMutation(RegisterCandidateMutation, {
    update: (cache) => evictDevelopmentFigures(cache),
  });

  const show = (found: Errors) => {
    setErrors(found);
    const first = PERSON_FIELDS.find((field) => found[field]);
    if (first) personRefs[first].current?.focus();
    else if (found.cellId) cellRef.current?.focus();
    else if (found.registeredOn) dateRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    const found: Errors = checkPerson(t, person, today);
    if (!cell) found.cellId = t("candidates.register.missingCell");
    if (!registeredOn) found.registeredOn = t("candidates.register.missingDate");
    else if (registeredOn > today) found.registeredOn = t("candidates.next.future");
    if (Object.keys(found).length > 0 || !cell) return show(found);
    setErrors({});
    try {
      const { data } = await register({
        variables: { input: { ...personInput(person), cellId: cell.id, registeredOn } },
      });
      if (data) void navigate(`/candidates/${encodeURIComponent(data.registerCandidate.id)}`);
    } catch (error) {
      const input = badInput(error);
      const field = input ? fieldName(input.field) : "";
      if (input && (isPersonField(field) || field === "cellId" || field === "registeredOn"))
        show({ [field]: describeBadInput(t, input) });
      else setFailure(input ? describeBadInput(t, input) : describeFailure(t, error));
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      {(hasErrors || failure) && (
        <p className="form-error" role="alert">
          {failure ?? t("candidates.register.notSaved")}
        </p>
      )}
      <form id={formId} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <PersonFields
          values={person}
          onChange={setPerson}
          errors={errors}
          refs={personRefs}
          today={today}
        />
        <fieldset className="fieldset">
          <legend>{t("candidates.register.development")}</legend>
          {ownCell ? (
            <p>{t("candidates.register.ownCell", { name: ownCell.name })}</p>
          ) : (
            <UnitSearchPicker
              label={t("candidates.register.cell")}
              required
              value={cell}
              onChange={setCell}
              error={errors.cellId}
              inputRef={cellRef}
            />
          )}
          <DateField
            label={t("candidates.register.registeredOn")}
            required
            max={today}
            value={registeredOn}
            error={errors.registeredOn}
            inputRef={dateRef}
            onChange={(event) => setRegisteredOn(event.target.value)}
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={loading}>
            {loading ? t("candidates.register.submitting") : t("candidates.register.submit")}
          </button>
          <Link to="/candidates" className="button button-secondary">
            {t("candidates.register.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}
