import type { OrgUnit, Prisma } from "@dangbo/db";
import { dateFromIso, type IsoDate } from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden } from "../../graphql/errors.ts";
import { parseId } from "../../graphql/ids.ts";
import type { Tx } from "../audit/audit.service.ts";
import { and, unitScope } from "../committee/committee.access.ts";

/** Trimmed text, or null when blank. */
export function optionalText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed.length === 0 ? null : trimmed;
}

/** Trimmed text that must not be blank. */
export function requiredText(field: string, value: string): string {
  const text = optionalText(value);
  if (text === null) throw badInput(field, `${field} must not be blank`);
  return text;
}

/** An optional text field of an update: undefined keeps the current value, blank clears it. */
export function updatedText(value: string | null | undefined, current: string | null) {
  return value === undefined ? current : optionalText(value);
}

/**
 * The unit a write addresses: in the caller's subtree, or FORBIDDEN (also for unknown ids, so a
 * write cannot probe what exists outside).
 */
export async function writableUnit(
  ctx: Context,
  tx: Tx,
  unitId: number,
  message: string,
): Promise<OrgUnit> {
  const unit = await tx.orgUnit.findFirst({
    where: and<Prisma.OrgUnitWhereInput>({ id: unitId }, unitScope(ctx)),
  });
  if (!unit) throw forbidden(message);
  return unit;
}

/** The unit itself and its superiors on a date, nearest first (empty when it did not exist). */
export async function unitChainOn(tx: Tx, unitId: number, on: IsoDate): Promise<number[]> {
  const date = dateFromIso(on);
  const links = await tx.orgUnitClosure.findMany({
    where: {
      descendantId: unitId,
      validFrom: { lte: date },
      OR: [{ validTo: null }, { validTo: { gt: date } }],
    },
    select: { ancestorId: true },
    orderBy: { depth: "asc" },
  });
  return links.map((l) => l.ancestorId);
}

/** Parses a list of ids, refusing duplicates (field `name.i`). */
export function parseIdList(values: readonly string[], field: string): number[] {
  const seen = new Set<number>();
  return values.map((value, i) => {
    const id = parseId(value, `${field}.${i}`);
    if (seen.has(id)) throw badInput(`${field}.${i}`, "A unit appears twice in the list");
    seen.add(id);
    return id;
  });
}
