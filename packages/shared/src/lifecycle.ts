import { addMonthsIso, probationEnd, type IsoDate } from "./dates.ts";
import { CandidateStage, MemberStatus } from "./enums.ts";

/** The development pipeline, in order. REJECTED and WITHDRAWN end it from any open stage. */
export const CANDIDATE_PIPELINE: readonly CandidateStage[] = [
  CandidateStage.REGISTERED,
  CandidateStage.AWARENESS_CLASS,
  CandidateStage.VERIFICATION,
  CandidateStage.VERIFIED,
  CandidateStage.PROPOSED,
  CandidateStage.ADMITTED,
];
export const CLOSED_STAGES: readonly CandidateStage[] = [
  CandidateStage.ADMITTED,
  CandidateStage.REJECTED,
  CandidateStage.WITHDRAWN,
];
export const OPEN_STAGES: readonly CandidateStage[] = CANDIDATE_PIPELINE.filter(
  (s) => !CLOSED_STAGES.includes(s),
);

export type StageProblem = "CLOSED" | "SKIPPED" | "BACKWARDS" | "BEFORE_PREVIOUS" | "FUTURE";

/**
 * Whether a candidate at `current` (reached on `currentOn`) may move to `next` on `on`: only to
 * the next stage of the pipeline (no skipping, no going back), or to REJECTED / WITHDRAWN from
 * an open stage; never dated before the previous stage or after today.
 */
export function stageProblem(
  current: CandidateStage,
  currentOn: IsoDate,
  next: CandidateStage,
  on: IsoDate,
  today: IsoDate,
): StageProblem | null {
  if (CLOSED_STAGES.includes(current)) return "CLOSED";
  if (on > today) return "FUTURE";
  if (on < currentOn) return "BEFORE_PREVIOUS";
  if (next === CandidateStage.REJECTED || next === CandidateStage.WITHDRAWN) return null;
  const from = CANDIDATE_PIPELINE.indexOf(current);
  const to = CANDIDATE_PIPELINE.indexOf(next);
  if (to <= from) return "BACKWARDS";
  if (to > from + 1) return "SKIPPED";
  return null;
}

/** Longest probation extension the Charter allows (in months, in total). */
export const MAX_EXTENSION_MONTHS = 12;

export type RecognitionProblem = "NOT_PROBATIONARY" | "TOO_EARLY" | "FUTURE";

/** Recognition as an official member: for probationary members, not before the end of probation. */
export function recognitionProblem(
  status: MemberStatus,
  admittedOn: IsoDate,
  extensionMonths: number,
  on: IsoDate,
  today: IsoDate,
): RecognitionProblem | null {
  if (status !== MemberStatus.PROBATIONARY) return "NOT_PROBATIONARY";
  if (on > today) return "FUTURE";
  if (on < probationEnd(admittedOn, extensionMonths)) return "TOO_EARLY";
  return null;
}

export type ExtensionProblem = "NOT_PROBATIONARY" | "TOO_LONG" | "NOT_POSITIVE";

export function extensionProblem(
  status: MemberStatus,
  currentExtension: number,
  months: number,
): ExtensionProblem | null {
  if (status !== MemberStatus.PROBATIONARY) return "NOT_PROBATIONARY";
  if (!Number.isInteger(months) || months <= 0) return "NOT_POSITIVE";
  if (currentExtension + months > MAX_EXTENSION_MONTHS) return "TOO_LONG";
  return null;
}

/** Months of extension implied by a probation end date (0 when it is admission + 12 months). */
export function extensionMonthsOf(admittedOn: IsoDate, probationEndsOn: IsoDate): number {
  for (let m = 0; m <= MAX_EXTENSION_MONTHS; m++)
    if (addMonthsIso(admittedOn, 12 + m) >= probationEndsOn) return m;
  return MAX_EXTENSION_MONTHS;
}

export const EXIT_STATUSES = [
  MemberStatus.REMOVED,
  MemberStatus.RESIGNED,
  MemberStatus.TRANSFERRED_OUT,
  MemberStatus.DECEASED,
] as const;
export type ExitStatus = (typeof EXIT_STATUSES)[number];

export type DatedChangeProblem = "NOT_ACTIVE" | "BEFORE_LAST_CHANGE" | "FUTURE";

/**
 * A dated change of an active member (exit, move to another cell): the member must be active,
 * and the date neither in the future nor before the member's last recorded change.
 */
export function datedChangeProblem(
  status: MemberStatus,
  lastChangeOn: IsoDate,
  on: IsoDate,
  today: IsoDate,
): DatedChangeProblem | null {
  if (status !== MemberStatus.PROBATIONARY && status !== MemberStatus.OFFICIAL) return "NOT_ACTIVE";
  if (on > today) return "FUTURE";
  if (on < lastChangeOn) return "BEFORE_LAST_CHANGE";
  return null;
}

export interface AssignmentPeriod {
  from: IsoDate;
  to: IsoDate | null;
}

/**
 * A member belongs to exactly one cell on any date: primary assignments must not overlap
 * (temporary ones may). Returns the index of the first overlapping pair, or -1.
 */
export function firstOverlap(periods: readonly AssignmentPeriod[]): number {
  const sorted = periods.map((p, i) => ({ ...p, i })).sort((a, b) => a.from.localeCompare(b.from));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    if (prev.to === null || prev.to > sorted[k]!.from) return sorted[k]!.i;
  }
  return -1;
}
