import { useMutation } from "@apollo/client/react";
import { probationEnd } from "@dangbo/shared";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { useDocumentTitle } from "../../ui/hooks.ts";
import { RequireRole } from "../auth/guards.tsx";
import { evictDevelopmentFigures } from "./cache.ts";
import { UnitSearchPicker, type PickedUnit } from "./CellPicker.tsx";
import { provinceToday } from "./dates.ts";
import { badInput, describeBadInput, describeFailure, fieldName } from "./errors.ts";
import { DateField, TextInputField } from "./fields.tsx";
import { TransferInMutation } from "./lifecycle.operations.ts";
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
} from "./person.tsx";
import "./development.css";

const OWN_FIELDS = ["cellId", "on", "admittedOn", "officialOn", "origin", "decisionNo"] as const;
type OwnField = (typeof OWN_FIELDS)[number];
type Errors = Partial<Record<PersonField | OwnField, string>>;

function isOwnField(value: string): value is OwnField {
  return (OWN_FIELDS as readonly string[]).includes(value);
}

/** `/members/transfer-in`: a member arriving from another province. */
export function TransferInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("lifecycle.transferIn.title"));
  return (
    <RequireRole roles={["ADMIN", "STAFF"]}>
      <div className="development narrow-page wide-form">
        <p className="back-link">
          <Link to="/members">{t("lifecycle.member.back")}</Link>
        </p>
        <h1>{t("lifecycle.transferIn.title")}</h1>
        <p className="lead">{t("lifecycle.transferIn.intro")}</p>
        <TransferInForm />
      </div>
    </RequireRole>
  );
}

export function TransferInForm({ today = provinceToday() }: { today?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [person, setPerson] = useState<PersonValues>(emptyPerson);
  const [cell, setCell] = useState<PickedUnit | null>(null);
  const [on, setOn] = useState(today);
  const [admittedOn, setAdmittedOn] = useState("");
  const [officialOn, setOfficialOn] = useState("");
  const [origin, setOrigin] = useState("");
  const [decisionNo, setDecisionNo] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const personRefs = usePersonRefs();
  const refs = {
    cellId: useRef<HTMLInputElement>(null),
    on: useRef<HTMLInputElement>(null),
    admittedOn: useRef<HTMLInputElement>(null),
    officialOn: useRef<HTMLInputElement>(null),
    origin: useRef<HTMLInputElement>(null),
    decisionNo: useRef<HTMLInputElement>(null),
  };
  const [transferIn, { loading }] = useMutation(TransferInMutation, {
    update: (cache) => evictDevelopmentFigures(cache),
  });

  const show = (found: Errors) => {
    setErrors(found);
    const first = PERSON_FIELDS.find((field) => found[field]);
    if (first) return personRefs[first].current?.focus();
    const own = OWN_FIELDS.find((field) => found[field]);
    if (own) refs[own].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    const found: Errors = checkPerson(t, person, today);
    if (!cell) found.cellId = t("lifecycle.transferIn.missing.cellId");
    if (!on) found.on = t("lifecycle.transferIn.missing.on");
    else if (on > today) found.on = t("lifecycle.reasons.FUTURE");
    if (!admittedOn) found.admittedOn = t("lifecycle.transferIn.missing.admittedOn");
    else if (on && admittedOn > on)
      found.admittedOn = t("lifecycle.transferIn.admittedAfterArrival");
    if (officialOn && admittedOn && officialOn < probationEnd(admittedOn))
      found.officialOn = t("lifecycle.transferIn.officialTooEarly", {
        date: format.date(probationEnd(admittedOn)),
      });
    else if (officialOn > today) found.officialOn = t("lifecycle.reasons.FUTURE");
    if (!origin.trim()) found.origin = t("lifecycle.transferIn.missing.origin");
    if (Object.keys(found).length > 0 || !cell) return show(found);
    setErrors({});
    try {
      const { data } = await transferIn({
        variables: {
          input: {
            ...personInput(person),
            cellId: cell.id,
            on,
            admittedOn,
            ...(officialOn ? { officialOn } : {}),
            origin: origin.trim(),
            ...(decisionNo.trim() ? { decisionNo: decisionNo.trim() } : {}),
          },
        },
      });
      if (data) void navigate(`/members/${encodeURIComponent(data.transferIn.id)}`);
    } catch (error) {
      const input = badInput(error);
      const field = input ? fieldName(input.field) : "";
      if (input && (isPersonField(field) || isOwnField(field)))
        show({ [field]: describeBadInput(t, input) });
      else setFailure(input ? describeBadInput(t, input) : describeFailure(t, error));
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      {(hasErrors || failure) && (
        <p className="form-error" role="alert">
          {failure ?? t("lifecycle.notSaved")}
        </p>
      )}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <PersonFields
          values={person}
          onChange={setPerson}
          errors={errors}
          refs={personRefs}
          today={today}
        />
        <fieldset className="fieldset">
          <legend>{t("lifecycle.transferIn.party")}</legend>
          <div className="form-grid">
            <TextInputField
              label={t("lifecycle.transferIn.origin")}
              hint={t("lifecycle.transferIn.originHint")}
              required
              autoComplete="off"
              value={origin}
              error={errors.origin}
              inputRef={refs.origin}
              onChange={(event) => setOrigin(event.target.value)}
            />
            <TextInputField
              label={t("lifecycle.transferIn.decisionNo")}
              autoComplete="off"
              value={decisionNo}
              error={errors.decisionNo}
              inputRef={refs.decisionNo}
              onChange={(event) => setDecisionNo(event.target.value)}
            />
            <DateField
              label={t("lifecycle.transferIn.admittedOn")}
              required
              max={today}
              value={admittedOn}
              error={errors.admittedOn}
              inputRef={refs.admittedOn}
              onChange={(event) => setAdmittedOn(event.target.value)}
            />
            <DateField
              label={t("lifecycle.transferIn.officialOn")}
              hint={t("lifecycle.transferIn.officialOnHint")}
              max={today}
              value={officialOn}
              error={errors.officialOn}
              inputRef={refs.officialOn}
              onChange={(event) => setOfficialOn(event.target.value)}
            />
          </div>
          <UnitSearchPicker
            label={t("lifecycle.transferIn.cell")}
            required
            value={cell}
            onChange={setCell}
            error={errors.cellId}
            inputRef={refs.cellId}
          />
          <DateField
            label={t("lifecycle.transferIn.on")}
            required
            max={today}
            value={on}
            error={errors.on}
            inputRef={refs.on}
            onChange={(event) => setOn(event.target.value)}
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={loading}>
            {loading ? t("lifecycle.saving") : t("lifecycle.transferIn.submit")}
          </button>
        </div>
      </form>
    </>
  );
}
