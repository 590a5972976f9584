import { GRASSROOTS_KINDS, type OrgUnitKind } from "@dangbo/shared";
import type { TFunction } from "i18next";

export type ImplementationStatus = "ON_TIME" | "LATE" | "OVERDUE" | "PENDING";
export const STATUSES = [
  "ON_TIME",
  "LATE",
  "OVERDUE",
  "PENDING",
] as const satisfies readonly ImplementationStatus[];
/** What the units list shows first: those that have not issued a plan. */
export const NOT_ISSUED: ImplementationStatus[] = ["OVERDUE", "PENDING"];

/**
 * "100% tổ chức cơ sở đảng đã ban hành chương trình, kế hoạch" when every requirement asks the
 * grassroots organisations; otherwise the same about "the required units".
 */
export function headlineText(
  t: TFunction,
  percent: string,
  requirements: readonly { unitKinds: readonly OrgUnitKind[] }[],
): string {
  const grassroots =
    requirements.length > 0 &&
    requirements.every((r) => r.unitKinds.every((kind) => GRASSROOTS_KINDS.includes(kind)));
  return grassroots
    ? t("implementation.headline.grassroots", { percent })
    : t("implementation.headline.units", { percent });
}

export type Band = "full" | "high" | "mid" | "low" | "none";
export const BANDS = ["full", "high", "mid", "low", "none"] as const satisfies readonly Band[];

/** The heat-map's colour band of a share issued. */
export function bandOf(percent: number | null | undefined): Band {
  if (percent === null || percent === undefined) return "none";
  if (percent >= 100) return "full";
  if (percent >= 80) return "high";
  if (percent >= 50) return "mid";
  return "low";
}
