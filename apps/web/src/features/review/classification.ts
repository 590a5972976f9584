import { Classification } from "@dangbo/shared";

/** Best first, as the review's form lists them. */
export const CLASSIFICATIONS: readonly Classification[] = [
  Classification.EXCELLENT,
  Classification.GOOD,
  Classification.COMPLETED,
  Classification.NOT_COMPLETED,
];

export function isClassification(value: string): value is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(value);
}

/** Who enters reviews and commitments (the API's setReviews / setCommitments roles). */
export const REVIEWER_ROLES = ["ADMIN", "STAFF", "SECRETARY"] as const;
/** Who reads the summaries (the API's reviewSummary roles). */
export const SUMMARY_ROLES = ["ADMIN", "LEADER", "STAFF", "ANALYST"] as const;

export const FIRST_REVIEW_YEAR = 2020;

export function reviewYears(current: number): number[] {
  const years: number[] = [];
  for (let year = current; year >= FIRST_REVIEW_YEAR; year--) years.push(year);
  return years;
}

export function yearParam(value: string | null, current: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= FIRST_REVIEW_YEAR && year <= current ? year : current;
}

export function reviewPath(cellId: string, year: number): string {
  return `/review/${encodeURIComponent(cellId)}?year=${year}`;
}
