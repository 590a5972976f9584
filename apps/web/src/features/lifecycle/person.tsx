import { Gender, Occupation } from "@dangbo/shared";
import type { TFunction } from "i18next";
import { useId, useRef, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { Gender as GenderValue, Occupation as OccupationValue } from "../../gql/graphql.ts";
import { DateField, SelectField, TextInputField } from "./fields.tsx";

export const PERSON_FIELDS = [
  "fullName",
  "gender",
  "birthDate",
  "ethnicity",
  "occupation",
  "phone",
  "nationalId",
  "address",
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export interface PersonValues {
  fullName: string;
  gender: GenderValue | "";
  birthDate: string;
  ethnicity: string;
  occupation: OccupationValue | "";
  phone: string;
  nationalId: string;
  address: string;
}

export function emptyPerson(): PersonValues {
  return {
    fullName: "",
    gender: "",
    birthDate: "",
    ethnicity: "Kinh",
    occupation: "",
    phone: "",
    nationalId: "",
    address: "",
  };
}

/** Ethnic groups of the province, offered as suggestions (any other may be typed). */
const ETHNICITIES = ["Kinh", "Chăm", "Raglai", "Cơ Ho", "Hoa", "Nùng", "Tày"];

/** The checks the API makes too, so most mistakes are shown before anything is sent. */
export function checkPerson(
  t: TFunction,
  values: PersonValues,
  today: string,
): Partial<Record<PersonField, string>> {
  const errors: Partial<Record<PersonField, string>> = {};
  if (values.fullName.trim().replace(/\s+/g, " ").length < 2)
    errors.fullName = t("lifecycle.person.missing.fullName");
  if (!values.gender) errors.gender = t("lifecycle.person.missing.gender");
  if (!values.birthDate) errors.birthDate = t("lifecycle.person.missing.birthDate");
  else if (values.birthDate > today || values.birthDate < "1900-01-01")
    errors.birthDate = t("lifecycle.person.birthDateImplausible");
  if (!values.ethnicity.trim()) errors.ethnicity = t("lifecycle.person.missing.ethnicity");
  if (!values.occupation) errors.occupation = t("lifecycle.person.missing.occupation");
  if (values.nationalId.trim() && !/^\d{12}$/.test(values.nationalId.trim()))
    errors.nationalId = t("lifecycle.person.nationalIdFormat");
  if (values.phone.trim() && !/^[0-9+ .-]{8,20}$/.test(values.phone.trim()))
    errors.phone = t("lifecycle.person.phoneFormat");
  return errors;
}

/** The person part of RegisterCandidateInput / TransferInInput (after checkPerson passed). */
export function personInput(values: PersonValues) {
  return {
    fullName: values.fullName.trim().replace(/\s+/g, " "),
    gender: values.gender as GenderValue,
    birthDate: values.birthDate,
    ethnicity: values.ethnicity.trim(),
    occupation: values.occupation as OccupationValue,
    phone: values.phone.trim() || null,
    nationalId: values.nationalId.trim() || null,
    address: values.address.trim() || null,
  };
}

export function isPersonField(value: string): value is PersonField {
  return (PERSON_FIELDS as readonly string[]).includes(value);
}

export interface PersonFieldRefs {
  fullName: RefObject<HTMLInputElement | null>;
  gender: RefObject<HTMLSelectElement | null>;
  birthDate: RefObject<HTMLInputElement | null>;
  ethnicity: RefObject<HTMLInputElement | null>;
  occupation: RefObject<HTMLSelectElement | null>;
  phone: RefObject<HTMLInputElement | null>;
  nationalId: RefObject<HTMLInputElement | null>;
  address: RefObject<HTMLInputElement | null>;
}

/** Name, gender, birth date, ethnicity, occupation and the optional contact details. */
export function PersonFields({
  values,
  onChange,
  errors,
  refs,
  today,
}: {
  values: PersonValues;
  onChange: (values: PersonValues) => void;
  errors: Partial<Record<PersonField, string | undefined>>;
  refs: PersonFieldRefs;
  today: string;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const set = <K extends PersonField>(key: K, value: PersonValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <fieldset className="fieldset">
      <legend>{t("lifecycle.person.legend")}</legend>
      <div className="form-grid">
        <TextInputField
          label={t("lifecycle.person.fullName")}
          required
          autoComplete="off"
          value={values.fullName}
          error={errors.fullName}
          inputRef={refs.fullName}
          onChange={(event) => set("fullName", event.target.value)}
        />
        <SelectField
          label={t("lifecycle.person.gender")}
          required
          value={values.gender}
          error={errors.gender}
          selectRef={refs.gender}
          onChange={(event) => set("gender", event.target.value as GenderValue | "")}
        >
          <option value="">{t("lifecycle.person.choose")}</option>
          {Object.values(Gender).map((gender) => (
            <option key={gender} value={gender}>
              {t(`enums.gender.${gender}`)}
            </option>
          ))}
        </SelectField>
        <DateField
          label={t("lifecycle.person.birthDate")}
          required
          max={today}
          value={values.birthDate}
          error={errors.birthDate}
          inputRef={refs.birthDate}
          onChange={(event) => set("birthDate", event.target.value)}
        />
        <TextInputField
          label={t("lifecycle.person.ethnicity")}
          required
          list={listId}
          autoComplete="off"
          value={values.ethnicity}
          error={errors.ethnicity}
          inputRef={refs.ethnicity}
          onChange={(event) => set("ethnicity", event.target.value)}
        />
        <datalist id={listId}>
          {ETHNICITIES.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <SelectField
          label={t("lifecycle.person.occupation")}
          required
          value={values.occupation}
          error={errors.occupation}
          selectRef={refs.occupation}
          onChange={(event) => set("occupation", event.target.value as OccupationValue | "")}
        >
          <option value="">{t("lifecycle.person.choose")}</option>
          {Object.values(Occupation).map((occupation) => (
            <option key={occupation} value={occupation}>
              {t(`enums.occupation.${occupation}`)}
            </option>
          ))}
        </SelectField>
        <TextInputField
          label={t("lifecycle.person.phone")}
          type="tel"
          autoComplete="off"
          value={values.phone}
          error={errors.phone}
          inputRef={refs.phone}
          onChange={(event) => set("phone", event.target.value)}
        />
        <TextInputField
          label={t("lifecycle.person.nationalId")}
          hint={t("lifecycle.person.nationalIdHint")}
          inputMode="numeric"
          autoComplete="off"
          value={values.nationalId}
          error={errors.nationalId}
          inputRef={refs.nationalId}
          onChange={(event) => set("nationalId", event.target.value)}
        />
        <TextInputField
          label={t("lifecycle.person.address")}
          autoComplete="off"
          value={values.address}
          error={errors.address}
          inputRef={refs.address}
          onChange={(event) => set("address", event.target.value)}
        />
      </div>
    </fieldset>
  );
}

/** Refs for PersonFields, to focus the first field in error. */
export function usePersonRefs(): PersonFieldRefs {
  return {
    fullName: useRef<HTMLInputElement>(null),
    gender: useRef<HTMLSelectElement>(null),
    birthDate: useRef<HTMLInputElement>(null),
    ethnicity: useRef<HTMLInputElement>(null),
    occupation: useRef<HTMLSelectElement>(null),
    phone: useRef<HTMLInputElement>(null),
    nationalId: useRef<HTMLInputElement>(null),
    address: useRef<HTMLInputElement>(null),
  };
}
