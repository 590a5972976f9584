import { dateFromIso, type IsoDate } from "@dangbo/shared";

/** Prisma `where` fragment: an effective-dated row [validFrom, validTo) is valid on `asOf`. */
export function validOn(asOf: IsoDate) {
  const date = dateFromIso(asOf);
  return { validFrom: { lte: date }, OR: [{ validTo: null }, { validTo: { gt: date } }] };
}
