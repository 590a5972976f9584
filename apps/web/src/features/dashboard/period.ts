/** The years the dashboard offers: targets and admissions are kept from 2020. */
export const FIRST_YEAR = 2020;

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS = [1, 2, 3, 4] as const satisfies readonly Quarter[];

const pad = (n: number) => String(n).padStart(2, "0");

export interface Period {
  year: number;
  quarter: Quarter | null;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Last day of a year or one of its quarters. */
export function periodEnd({ year, quarter }: Period): string {
  const month = quarter ? quarter * 3 : 12;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The tree a dashboard period is computed on, as the API does it: the last day counted — the
 * period's end, or today while the period is running.
 */
export function dashboardTreeDate(period: Period, today: string): string {
  const end = periodEnd(period);
  return today < end ? today : end;
}

/** The tree a year's targets are set on (the API's rule): today during the year, else 31 December. */
export function targetsTreeDate(year: number, today: string): string {
  return yearOf(today) === year ? today : `${year}-12-31`;
}

function parseYear(value: string | null, min: number, max: number): number | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return year >= min && year <= max ? year : undefined;
}

/** `?year=2024&quarter=2` → the period; missing or out-of-range values fall back to the current year. */
export function periodFromSearch(params: URLSearchParams, today: string): Period {
  const current = yearOf(today);
  const year = parseYear(params.get("year"), FIRST_YEAR, current) ?? current;
  const q = Number(params.get("quarter"));
  const quarter = (QUARTERS as readonly number[]).includes(q) ? (q as Quarter) : null;
  return { year, quarter };
}

export function yearFromSearch(params: URLSearchParams, today: string, max: number): number {
  return parseYear(params.get("year"), FIRST_YEAR, max) ?? yearOf(today);
}

/** "?year=2024&quarter=2": the part of an address that keeps a period when drilling down. */
export function periodSearch({ year, quarter }: Period): string {
  return quarter ? `?year=${year}&quarter=${quarter}` : `?year=${year}`;
}

/** The GraphQL variables of a period: `quarter` only when one is chosen. */
export function periodVariables({ year, quarter }: Period): { year: number; quarter?: number } {
  return quarter ? { year, quarter } : { year };
}

export function yearsFrom(first: number, last: number): number[] {
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years;
}
