import { addDaysIso, isIsoDate, quarterPeriod, yearPeriod, type IsoDate } from "@dangbo/shared";
import { badInput } from "../../graphql/errors.ts";

export interface DashboardPeriod {
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  /** First day counted. */
  from: IsoDate;
  /** Day after the last day counted: the period's end, or the day after `asOf` if earlier. */
  to: IsoDate;
  /** The date the tree and the member counts are taken on: the last day counted. */
  treeDate: IsoDate;
  asOf: IsoDate;
}

/**
 * The period a dashboard figure covers: a year or one of its quarters, cut at `asOf` (a figure
 * "as of 30 September" counts nothing after it). The tree is the one of the last day counted, so
 * a past year is computed on the tree as it was then.
 */
export function dashboardPeriod(
  year: number,
  quarter: number | null | undefined,
  asOf: IsoDate,
): DashboardPeriod {
  if (!Number.isInteger(year) || year < 1930 || year > 2100)
    throw badInput("year", "year must be between 1930 and 2100");
  if (quarter != null && ![1, 2, 3, 4].includes(quarter))
    throw badInput("quarter", "quarter must be 1, 2, 3 or 4");
  if (!isIsoDate(asOf)) throw badInput("asOf", "asOf must be a date");
  const q = (quarter ?? null) as DashboardPeriod["quarter"];
  const full = q ? quarterPeriod(year, q) : yearPeriod(year);
  const dayAfterAsOf = addDaysIso(asOf, 1);
  const to = dayAfterAsOf < full.to ? dayAfterAsOf : full.to;
  if (to <= full.from) throw badInput("asOf", "asOf is before the period starts");
  return { year, quarter: q, from: full.from, to, treeDate: addDaysIso(to, -1), asOf };
}
