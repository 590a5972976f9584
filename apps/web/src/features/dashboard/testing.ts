import type { ProgressBand } from "../../gql/graphql.ts";
import { bandOf } from "./bands.ts";

/** Builders for the dashboard's mocked API answers (tests only), figures from the demo province. */

export interface ProgressRowFixture {
  __typename: "AdmissionRow";
  unitId: string;
  name: string;
  kind: string;
  target: number;
  admitted: number;
  percent: number | null;
  band: ProgressBand;
  current: boolean;
  monthly: number[];
  cumulative: number[];
  pace: number[];
}

/** Spreads `admitted` over 12 months (the rest in December) and computes the rest as the API does. */
export function progressRow(
  fields: Pick<ProgressRowFixture, "unitId" | "name" | "target" | "admitted"> &
    Partial<ProgressRowFixture>,
): ProgressRowFixture {
  const { target, admitted } = fields;
  const perMonth = Math.floor(admitted / 12);
  const monthly = Array.from({ length: 12 }, (_, i) =>
    i === 11 ? admitted - perMonth * 11 : perMonth,
  );
  let sum = 0;
  const cumulative = monthly.map((m) => (sum += m));
  const percent = target > 0 ? Math.round((admitted / target) * 1000) / 10 : null;
  return {
    __typename: "AdmissionRow",
    kind: "DISTRICT_COMMITTEE",
    percent,
    band: bandOf(percent),
    current: true,
    monthly,
    cumulative,
    pace: monthly.map((_, i) => Math.round(((target * (i + 1)) / 12) * 10) / 10),
    ...fields,
  };
}

export const PROVINCE = { id: "1", name: "Đảng bộ tỉnh Ninh Thuận" };

export function period(year: number, quarter: number | null = null) {
  const from = quarter ? `${year}-${String(quarter * 3 - 2).padStart(2, "0")}-01` : `${year}-01-01`;
  const until = quarter
    ? `${year}-${String(quarter * 3).padStart(2, "0")}-${quarter === 1 || quarter === 4 ? 31 : 30}`
    : `${year}-12-31`;
  return { __typename: "PeriodInfo", year, quarter, from, until, treeDate: until };
}
