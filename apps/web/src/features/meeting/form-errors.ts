import { CombinedGraphQLErrors } from "@apollo/client/errors";
import type { TFunction } from "i18next";

/** The form's fields that can carry an error, in the order of the form (focus goes to the first). */
export const FORM_FIELDS = [
  "kind",
  "heldAt",
  "theme",
  "minutes",
  "decisions",
  "guests",
  "qualityRating",
  "attendance",
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface FormErrors {
  fields: Partial<Record<FormField, string>>;
  /** Errors of single attendance rows, by member id. */
  rows: Record<string, string>;
  /** A problem that belongs to no field. */
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, rows: {}, form: null };

export function hasErrors(errors: FormErrors): boolean {
  return (
    Object.keys(errors.fields).length > 0 || Object.keys(errors.rows).length > 0 || !!errors.form
  );
}

/**
 * The API explains bad input in English (with `extensions.field`); the messages it is known to
 * send for meetings are recognised and translated, any other is shown as sent.
 */
const KNOWN_MESSAGES = [
  [/cannot be recorded before it is held/i, "future"],
  [/did not exist yet on that date/i, "beforeCell"],
  [/no longer existed on that date/i, "afterCell"],
  [/thematic meeting needs a theme/i, "themeRequired"],
  [/appears twice in the attendance/i, "duplicateMember"],
  [/not a member of the cell on the meeting's date/i, "notMember"],
  [/No such study theme/i, "studyTheme"],
  [/^Invalid qualityRating/i, "qualityRating"],
  [/^Invalid (input\.)?attendance\.\d+\.reason/i, "reasonTooLong"],
] as const;

export function describeServerMessage(t: TFunction, message: string): string {
  for (const [pattern, key] of KNOWN_MESSAGES) {
    if (pattern.test(message)) return t(`meeting.serverErrors.${key}`);
  }
  return message;
}

const FIELD_ALIASES: Record<string, FormField> = {
  heldAt: "heldAt",
  kind: "kind",
  theme: "theme",
  studyThemeId: "theme",
  minutes: "minutes",
  decisions: "decisions",
  guests: "guests",
  qualityRating: "qualityRating",
  attendance: "attendance",
};

/**
 * A BAD_USER_INPUT answer as errors next to the fields: `extensions.field` names the input
 * field ("theme", "input.qualityRating") or an attendance row ("attendance.3.memberId" — the
 * 4th row sent, whose member id `sentMemberIds` gives).
 */
export function errorsFromServer(
  t: TFunction,
  error: unknown,
  sentMemberIds: readonly string[],
): FormErrors {
  if (!CombinedGraphQLErrors.is(error)) return { ...NO_ERRORS, form: t("meeting.form.notSaved") };
  const first = error.errors[0];
  const message = describeServerMessage(t, first?.message ?? "");
  const raw = first?.extensions?.["field"];
  const field = typeof raw === "string" ? raw.replace(/^input\./, "") : "";
  const row = /^attendance\.(\d+)(\.|$)/.exec(field);
  if (row) {
    const memberId = sentMemberIds[Number(row[1])];
    if (memberId !== undefined) return { ...NO_ERRORS, rows: { [memberId]: message } };
    return { ...NO_ERRORS, fields: { attendance: message } };
  }
  const known = FIELD_ALIASES[field];
  if (known) return { ...NO_ERRORS, fields: { [known]: message } };
  return { ...NO_ERRORS, form: message };
}
