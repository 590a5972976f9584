import { CombinedGraphQLErrors } from "@apollo/client/errors";
import type { TFunction } from "i18next";
import { errorCode, type ErrorCode } from "../../ui/errors.ts";

/** What the server said about a refused write, with the input field it names (if any). */
export interface ServerProblem {
  code: ErrorCode;
  /** The input field ("input.title" and "title" → "title"; "eligibleUnitIds.2" → "eligibleUnitIds"). */
  field: string | null;
  /** The position in a list field ("slogans.2" → 2). */
  index: number | null;
  /** The server's message (English). */
  message: string;
}

export function serverProblem(error: unknown): ServerProblem {
  const code = errorCode(error);
  if (!CombinedGraphQLErrors.is(error)) return { code, field: null, index: null, message: "" };
  const first = error.errors[0];
  const raw = first?.extensions?.["field"];
  let field: string | null = null;
  let index: number | null = null;
  if (typeof raw === "string" && raw) {
    const parts = raw.replace(/^input\./, "").split(".");
    field = parts[0] ?? null;
    const position = Number(parts[1]);
    index = parts[1] !== undefined && Number.isInteger(position) ? position : null;
  }
  return { code, field, index, message: first?.message ?? "" };
}

/**
 * The API explains refused input in English only (with `extensions.field`), so the messages the
 * emulation module is known to send are recognised and translated; any other is shown as sent.
 */
const KNOWN_MESSAGES = [
  [/cannot be dated in the future/i, "registeredInFuture"],
  [/campaign had not started/i, "beforeCampaign"],
  [/campaign had ended/i, "afterCampaign"],
  [/unit did not exist on that date/i, "unitNotExisting"],
  [/campaign is not open to this unit/i, "notEligible"],
  [/unit in charge must be/i, "responsibleOutside"],
  [/already registered a project with this title/i, "duplicateTitle"],
  [/endsOn must not be before startsOn/i, "endsBeforeStart"],
  [/organiser did not exist/i, "organiserNotExisting"],
  [/opened only to the organiser and units in its subtree/i, "eligibleOutside"],
  [/must be open to at least one unit/i, "eligibleEmpty"],
  [/unit appears twice/i, "eligibleTwice"],
  [/would fall outside the campaign/i, "registrationOutside"],
  [/registered for the campaign must stay open/i, "eligibleRemoved"],
  [/progress must be a whole number/i, "progressRange"],
  [/completed before it was registered/i, "completedBeforeRegistered"],
  [/completedOn cannot be in the future/i, "completedInFuture"],
  [/completed registration is at 100/i, "completedNotFull"],
  [/at 100 % needs its completion date/i, "fullNotCompleted"],
  [/Years must be between/i, "yearRange"],
  [/yearTo must not be before yearFrom/i, "yearsReversed"],
  [/at most 10 consecutive years/i, "spanTooLong"],
  [/decided in or after the last year/i, "decidedBeforeLastYear"],
  [/decidedOn cannot be in the future/i, "decidedInFuture"],
  [/exactly one recipient/i, "recipientCount"],
  [/flags are awarded to units/i, "flagToMember"],
  [/unit did not exist in the years/i, "unitNotInYears"],
  [/not yet a member in the years/i, "memberNotInYears"],
  [/campaignId must be a campaign/i, "campaignUnknown"],
  [/award is already recorded/i, "duplicateAward"],
  [/slogan appears twice/i, "sloganTwice"],
  [/unit no longer exists/i, "unitDissolved"],
  [/must not be blank/i, "blank"],
  [/must be an id returned by the API/i, "unitUnknown"],
] as const;

export type KnownProblem = (typeof KNOWN_MESSAGES)[number][1];

export function knownProblem(message: string): KnownProblem | null {
  for (const [pattern, key] of KNOWN_MESSAGES) if (pattern.test(message)) return key;
  return null;
}

/** The server's explanation in the reader's language (or as sent, when it is not known). */
export function describeProblem(t: TFunction, problem: ServerProblem): string {
  const known = knownProblem(problem.message);
  if (known) return t(`campaigns.serverErrors.${known}`);
  if (problem.code === "BAD_USER_INPUT" && problem.message) return problem.message;
  return describeCode(t, problem.code);
}

/** A refused write without a field: who may do it, a conflict, or the connection. */
export function describeCode(t: TFunction, code: ErrorCode): string {
  if (code === "FORBIDDEN") return t("campaigns.common.forbidden");
  return t(`errors.${code}`);
}

/**
 * Splits a refused write into an error for one of the form's fields (focused by the caller), or
 * one for the whole form.
 */
export function formErrors<F extends string>(
  t: TFunction,
  error: unknown,
  fields: readonly F[],
): { field: F | null; index: number | null; text: string } {
  const problem = serverProblem(error);
  const text = describeProblem(t, problem);
  const field =
    problem.field && (fields as readonly string[]).includes(problem.field)
      ? (problem.field as F)
      : null;
  return { field, index: problem.index, text };
}
