import { Prisma } from "@dangbo/db";
import { foldVietnamese } from "@dangbo/shared";

/** "(row alias) is valid on the date expression `on`" for effective-dated rows [valid_from, valid_to). */
export const validAt = (alias: string, on: Prisma.Sql) =>
  Prisma.sql`${Prisma.raw(alias)}.valid_from <= ${on} AND (${Prisma.raw(alias)}.valid_to IS NULL OR ${Prisma.raw(alias)}.valid_to > ${on})`;

const VIETNAMESE_LOWER = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";
const LETTERS = VIETNAMESE_LOWER + VIETNAMESE_LOWER.toUpperCase();
/** Combining marks (U+0300–U+036F): text typed in decomposed form loses them, as in foldVietnamese. */
const COMBINING = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i)).join("");

/** translate() maps each accented letter to its base letter and drops the combining marks. */
export const FOLD_FROM = LETTERS + COMBINING;
export const FOLD_TO = [...LETTERS].map((c) => foldVietnamese(c)).join("");
if ([...FOLD_TO].length !== [...LETTERS].length)
  throw new Error("every Vietnamese letter must fold to exactly one letter");

/**
 * SQL that folds a text column like foldVietnamese does in TypeScript (no tone marks or hats,
 * đ → d, lower case, collapsed whitespace), computed in the query: good models have no stored
 * folded copy, and this needs neither a schema change nor the unaccent extension. `lower()`
 * only has ASCII left to lower, so it works under any collation (PGlite runs with C).
 */
export function foldSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`btrim(regexp_replace(lower(translate(${column}, ${FOLD_FROM}, ${FOLD_TO})), '\\s+', ' ', 'g'))`;
}
