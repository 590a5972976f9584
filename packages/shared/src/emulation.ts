import { AwardKind } from "./enums.ts";
import type { IsoDate } from "./dates.ts";

/**
 * Rules of emulation and recognition: patriotic emulation campaigns and the projects and tasks
 * units register for them, awards (emulation flags, certificates of merit, titles) for one year
 * or several consecutive years, and the periods of good models. Pure functions; the API turns
 * each problem into a BAD_USER_INPUT on the field named here.
 */

/** A period given by its first and last day, both inclusive (a campaign, a good model). */
export interface InclusivePeriod {
  startsOn: IsoDate;
  /** Last day (inclusive); null for an open-ended good model. */
  endsOn: IsoDate | null;
}

export type PeriodProblem = "ENDS_BEFORE_START";

/** A period must not end before it starts (a one-day period is fine). */
export function periodProblem(period: InclusivePeriod): PeriodProblem | null {
  return period.endsOn !== null && period.endsOn < period.startsOn ? "ENDS_BEFORE_START" : null;
}

/** Whether a date falls within an inclusive period (an open end runs on forever). */
export function activeOn(period: InclusivePeriod, date: IsoDate): boolean {
  return period.startsOn <= date && (period.endsOn === null || date <= period.endsOn);
}

/** Whether two inclusive periods share at least one day. */
export function periodsOverlap(a: InclusivePeriod, b: InclusivePeriod): boolean {
  return (
    (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn)
  );
}

// ───────────────────────────── campaigns and registrations ─────────────────────────────

export interface CampaignRules {
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** Units the campaign is open to (each with its subtree). */
  eligibleUnitIds: readonly number[];
}

export type RegistrationProblem =
  /** The registration date is later than today. */
  | "FUTURE"
  /** Registered before the campaign starts. */
  | "BEFORE_CAMPAIGN"
  /** Registered after the campaign's last day. */
  | "AFTER_CAMPAIGN"
  /** The registering unit did not exist on the registration date. */
  | "UNIT_NOT_EXISTING"
  /** Neither the unit nor any of its superiors (on that date) is open to the campaign. */
  | "NOT_ELIGIBLE";

/**
 * Whether a unit may register a project or task for a campaign on a date. `unitChain` is the
 * unit itself and its superiors on the registration date (empty when the unit did not exist
 * then); the campaign is open to the unit when any of them is among the eligible units.
 */
export function registrationProblem(
  campaign: CampaignRules,
  registeredOn: IsoDate,
  unitChain: readonly number[],
  today: IsoDate,
): RegistrationProblem | null {
  if (registeredOn > today) return "FUTURE";
  if (registeredOn < campaign.startsOn) return "BEFORE_CAMPAIGN";
  if (registeredOn > campaign.endsOn) return "AFTER_CAMPAIGN";
  if (unitChain.length === 0) return "UNIT_NOT_EXISTING";
  return isOpenTo(campaign.eligibleUnitIds, unitChain) ? null : "NOT_ELIGIBLE";
}

/** The campaign is open to a unit when the unit or one of its superiors is eligible. */
export function isOpenTo(
  eligibleUnitIds: readonly number[],
  unitChain: readonly number[],
): boolean {
  const eligible = new Set(eligibleUnitIds);
  return unitChain.some((id) => eligible.has(id));
}

export const PROGRESS_MIN = 0;
export const PROGRESS_MAX = 100;

/** The state of a registration's execution: progress in percent, result text, completion date. */
export interface RegistrationState {
  registeredOn: IsoDate;
  progress: number;
  completedOn: IsoDate | null;
}

export type RegistrationStateProblem =
  /** Progress is not a whole number from 0 to 100. */
  | "PROGRESS_RANGE"
  /** Completed before it was registered. */
  | "COMPLETED_BEFORE_REGISTERED"
  /** A completion date later than today. */
  | "COMPLETED_IN_FUTURE"
  /** A completion date with progress below 100. */
  | "COMPLETED_NOT_FULL"
  /** Progress 100 without a completion date. */
  | "FULL_NOT_COMPLETED";

/**
 * Checks a registration's progress and completion: progress is a whole percent 0–100; a
 * registration is completed exactly when it has a completion date, which is then at 100 %, not
 * before the registration and not in the future. (The result text is free: "Hoàn thành",
 * "Hoàn thành một phần" for a campaign that ended before the work did.)
 */
export function registrationStateProblem(
  state: RegistrationState,
  today: IsoDate,
): RegistrationStateProblem | null {
  if (
    !Number.isInteger(state.progress) ||
    state.progress < PROGRESS_MIN ||
    state.progress > PROGRESS_MAX
  )
    return "PROGRESS_RANGE";
  if (state.completedOn !== null) {
    if (state.completedOn < state.registeredOn) return "COMPLETED_BEFORE_REGISTERED";
    if (state.completedOn > today) return "COMPLETED_IN_FUTURE";
    if (state.progress !== PROGRESS_MAX) return "COMPLETED_NOT_FULL";
  } else if (state.progress === PROGRESS_MAX) return "FULL_NOT_COMPLETED";
  return null;
}

/** A share in percent with one decimal (completion rates, average progress); null for 0 of 0. */
export function percentOf(part: number, whole: number): number | null {
  if (!Number.isFinite(whole) || whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

// ───────────────────────────── awards ─────────────────────────────

/** Emulation flags go to collectives (units), never to one person. */
export const FLAG_KINDS: readonly AwardKind[] = [
  AwardKind.GOVERNMENT_FLAG,
  AwardKind.PRIME_MINISTER_FLAG,
  AwardKind.PROVINCE_FLAG,
];
export const CERTIFICATE_KINDS: readonly AwardKind[] = [
  AwardKind.STANDING_COMMITTEE_CERTIFICATE,
  AwardKind.PEOPLES_COMMITTEE_CERTIFICATE,
];
export const TITLE_KINDS: readonly AwardKind[] = [AwardKind.EXCELLENT_TASKS_TITLE];

/** The longest run of consecutive years one award may cover (the reports know 1, 2, 3 and 5). */
export const MAX_AWARD_SPAN_YEARS = 10;
export const MIN_AWARD_YEAR = 1930;
export const MAX_AWARD_YEAR = 2100;

export interface AwardRules {
  kind: AwardKind;
  yearFrom: number;
  yearTo: number;
  decidedOn: IsoDate;
  unitId: number | null;
  memberId: number | null;
}

export type AwardProblem =
  /** A year outside 1930–2100 or not a whole number. */
  | "YEAR_RANGE"
  /** yearTo is before yearFrom. */
  | "YEARS_REVERSED"
  /** More than MAX_AWARD_SPAN_YEARS consecutive years. */
  | "SPAN_TOO_LONG"
  /** Decided before the last year it recognises began. */
  | "DECIDED_BEFORE_LAST_YEAR"
  /** Decided on a date later than today. */
  | "DECIDED_IN_FUTURE"
  /** Neither a unit nor a member, or both. */
  | "RECIPIENT_COUNT"
  /** An emulation flag to a member. */
  | "FLAG_TO_MEMBER";

/**
 * Checks an award: a run of consecutive years yearFrom..yearTo (inclusive: "five consecutive
 * years 2020–2024" is 2020, 2021, 2022, 2023, 2024), at most MAX_AWARD_SPAN_YEARS long; decided
 * in or after the last year it covers (a flag for 2024 may be decided on 27 December 2024, a
 * title for 2020–2024 in January 2025), never in the future; exactly one recipient, a unit or a
 * member; emulation flags only to units.
 */
export function awardProblem(award: AwardRules, today: IsoDate): AwardProblem | null {
  for (const year of [award.yearFrom, award.yearTo])
    if (!Number.isInteger(year) || year < MIN_AWARD_YEAR || year > MAX_AWARD_YEAR)
      return "YEAR_RANGE";
  if (award.yearTo < award.yearFrom) return "YEARS_REVERSED";
  if (awardSpanYears(award.yearFrom, award.yearTo) > MAX_AWARD_SPAN_YEARS) return "SPAN_TOO_LONG";
  if (Number(award.decidedOn.slice(0, 4)) < award.yearTo) return "DECIDED_BEFORE_LAST_YEAR";
  if (award.decidedOn > today) return "DECIDED_IN_FUTURE";
  if ((award.unitId === null) === (award.memberId === null)) return "RECIPIENT_COUNT";
  if (award.memberId !== null && FLAG_KINDS.includes(award.kind)) return "FLAG_TO_MEMBER";
  return null;
}

/** Number of years in the inclusive span (2020–2024: 5). */
export function awardSpanYears(yearFrom: number, yearTo: number): number {
  return yearTo - yearFrom + 1;
}

/** Every year the award covers, in order (2020–2024: [2020, 2021, 2022, 2023, 2024]). */
export function awardYears(yearFrom: number, yearTo: number): number[] {
  return Array.from(
    { length: Math.max(0, awardSpanYears(yearFrom, yearTo)) },
    (_, i) => yearFrom + i,
  );
}

/** An award counts in every year of its span: the 2020–2024 title counts in 2020 … 2024. */
export function awardCoversYear(
  award: { yearFrom: number; yearTo: number },
  year: number,
): boolean {
  return award.yearFrom <= year && year <= award.yearTo;
}

/**
 * The span in words: "2024" for one year, "2020–2024 (5 consecutive years)" in English,
 * "5 năm liên tục (2020–2024)" in Vietnamese.
 */
export function describeAwardSpan(
  yearFrom: number,
  yearTo: number,
  lang: "en" | "vi" = "en",
): string {
  if (yearFrom === yearTo) return String(yearFrom);
  const n = awardSpanYears(yearFrom, yearTo);
  return lang === "vi"
    ? `${n} năm liên tục (${yearFrom}–${yearTo})`
    : `${yearFrom}–${yearTo} (${n} consecutive years)`;
}
