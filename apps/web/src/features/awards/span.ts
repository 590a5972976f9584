import {
  awardProblem,
  describeAwardSpan,
  FLAG_KINDS,
  MAX_AWARD_YEAR,
  type AwardKind,
  type AwardProblem,
} from "@dangbo/shared";
import type { Language } from "../../i18n/index.ts";

/** The kinds in the order the form offers them: flags, certificates of merit, titles. */
export const AWARD_KINDS = [
  "GOVERNMENT_FLAG",
  "PRIME_MINISTER_FLAG",
  "PROVINCE_FLAG",
  "STANDING_COMMITTEE_CERTIFICATE",
  "PEOPLES_COMMITTEE_CERTIFICATE",
  "EXCELLENT_TASKS_TITLE",
] as const satisfies readonly AwardKind[];

export function isFlag(kind: AwardKind): boolean {
  return FLAG_KINDS.includes(kind);
}

export type SpanProblem = Extract<
  AwardProblem,
  | "YEAR_RANGE"
  | "YEARS_REVERSED"
  | "SPAN_TOO_LONG"
  | "DECIDED_BEFORE_LAST_YEAR"
  | "DECIDED_IN_FUTURE"
>;

export interface SpanCheck {
  /** No first year yet. */
  empty: boolean;
  /** The years when they are valid, in words: "2024", "5 năm liên tục (2020–2024)". */
  years: { yearFrom: number; yearTo: number; text: string } | null;
  /** What the server would refuse, and the field it concerns. */
  problem: { problem: SpanProblem; field: "yearFrom" | "yearTo" | "decidedOn" } | null;
}

const FIELD_OF: Record<SpanProblem, "yearFrom" | "yearTo" | "decidedOn"> = {
  YEAR_RANGE: "yearFrom",
  YEARS_REVERSED: "yearTo",
  SPAN_TOO_LONG: "yearTo",
  DECIDED_BEFORE_LAST_YEAR: "decidedOn",
  DECIDED_IN_FUTURE: "decidedOn",
};

function parseYear(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : trimmed === "" ? null : NaN;
}

function problemOf(
  yearFrom: number,
  yearTo: number,
  decidedOn: string,
  today: string,
): SpanCheck["problem"] {
  const problem = awardProblem(
    {
      kind: "STANDING_COMMITTEE_CERTIFICATE",
      yearFrom,
      yearTo,
      decidedOn,
      unitId: 1,
      memberId: null,
    },
    today,
  );
  if (!problem || !(problem in FIELD_OF)) return null;
  const known = problem as SpanProblem;
  return { problem: known, field: FIELD_OF[known] };
}

/**
 * The years an award covers, checked as the server will: consecutive years from–to (to empty:
 * one year), at most ten, decided in or after the last year and not in the future. The recipient
 * rules are the form's to check.
 */
export function checkSpan(
  input: { yearFrom: string; yearTo: string; decidedOn: string },
  today: string,
  language: Language,
): SpanCheck {
  const from = parseYear(input.yearFrom);
  if (from === null) return { empty: true, years: null, problem: null };
  const to = parseYear(input.yearTo) ?? from;
  // The years alone first (a decision on the last possible day breaks no rule).
  const lastDay = `${MAX_AWARD_YEAR}-12-31`;
  const yearsProblem = problemOf(from, to, lastDay, lastDay);
  if (yearsProblem) return { empty: false, years: null, problem: yearsProblem };
  const years = { yearFrom: from, yearTo: to, text: describeAwardSpan(from, to, language) };
  const decided = /^\d{4}-\d{2}-\d{2}$/.test(input.decidedOn) ? input.decidedOn : null;
  return {
    empty: false,
    years,
    problem: decided ? problemOf(from, to, decided, today) : null,
  };
}
