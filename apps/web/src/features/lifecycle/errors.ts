import type { TFunction } from "i18next";
import { errorCode, type ErrorCode } from "../../ui/errors.ts";
import { errorExtensions } from "../../ui/form-errors.ts";

/** What the API says about bad input: the full field path (`memberIds.2`, `entries.0.memberId`), the reason code, the message. */
export interface BadInput {
  field: string;
  reason: string | null;
  message: string;
}

/** The BAD_USER_INPUT details of an error, or null for any other error. */
export function badInput(error: unknown): BadInput | null {
  const extensions = errorExtensions(error);
  if (!extensions || extensions["code"] !== "BAD_USER_INPUT") return null;
  const field = extensions["field"];
  if (typeof field !== "string") return null;
  const reason = extensions["reason"];
  const message = error instanceof Error ? firstMessage(error) : "";
  return { field, reason: typeof reason === "string" ? reason : null, message };
}

function firstMessage(error: Error): string {
  const errors = (error as { errors?: readonly { message?: string }[] }).errors;
  return errors?.[0]?.message ?? error.message;
}

/** The input field a BAD_USER_INPUT names, without the `input.` prefix type-graphql may add. */
export function fieldName(field: string): string {
  return field.replace(/^input\./, "");
}

/**
 * The index of a batch's member the server refused (`memberIds.2` → 2; `entries.1.memberId` → 1),
 * or null when the error is about the whole batch.
 */
export function rowIndex(field: string, list: "memberIds" | "entries"): number | null {
  const match = new RegExp(`^(?:input\\.)?${list}\\.(\\d+)`).exec(field);
  return match ? Number(match[1]) : null;
}

/** Reason codes the API sends with BAD_USER_INPUT on this area's operations. */
export const REASONS = [
  "SKIPPED",
  "BACKWARDS",
  "BEFORE_PREVIOUS",
  "FUTURE",
  "CLOSED",
  "TOO_EARLY",
  "TOO_LONG",
  "NOT_PROBATIONARY",
  "BEFORE_LAST_CHANGE",
  "NOT_ACTIVE",
  "NOT_POSITIVE",
] as const;
export type Reason = (typeof REASONS)[number];

export function isReason(value: unknown): value is Reason {
  return typeof value === "string" && (REASONS as readonly string[]).includes(value);
}

/** A reason code in words; the server's (English) message when there is no code. */
export function describeBadInput(t: TFunction, input: BadInput): string {
  if (isReason(input.reason)) return t(`lifecycle.reasons.${input.reason}`);
  return input.message;
}

/** Anything else that went wrong with a save, in words. */
export function describeFailure(t: TFunction, error: unknown): string {
  const code: ErrorCode = errorCode(error);
  return t(`lifecycle.failures.${code}`);
}
