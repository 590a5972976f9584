import "reflect-metadata";
import { dateFromIso, isIsoDate, type IsoDate } from "@dangbo/shared";
import { IsOptional } from "class-validator";
import { Field, InputType, registerEnumType } from "type-graphql";
import { badInput } from "./errors.ts";
import { DateScalar } from "./scalars.ts";

export const SortDirection = { ASC: "ASC", DESC: "DESC" } as const;
export type SortDirection = (typeof SortDirection)[keyof typeof SortDirection];
registerEnumType(SortDirection, { name: "SortDirection" });

@InputType({ description: "An inclusive range of dates; either end may be omitted." })
export class DateRange {
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  from?: IsoDate;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  to?: IsoDate;
}

/** A Prisma date filter from a DateRange (undefined when the range is empty). */
export function dateRange(
  range: DateRange | null | undefined,
  field: string,
): { gte?: Date; lte?: Date } | undefined {
  if (!range || (!range.from && !range.to)) return undefined;
  for (const [end, value] of [
    ["from", range.from],
    ["to", range.to],
  ] as const) {
    if (value && !isIsoDate(value))
      throw badInput(`${field}.${end}`, `${field}.${end} must be a date`);
  }
  if (range.from && range.to && range.to < range.from)
    throw badInput(`${field}.to`, `${field}.to is before ${field}.from`);
  return {
    ...(range.from ? { gte: dateFromIso(range.from) } : {}),
    ...(range.to ? { lte: dateFromIso(range.to) } : {}),
  };
}

/** `{ in: values }` for a non-empty list, else undefined. */
export function anyOf<T>(values: readonly T[] | null | undefined): { in: T[] } | undefined {
  return values && values.length > 0 ? { in: [...values] } : undefined;
}

/** Prisma order-by for a sort field plus the id as a tie-breaker (stable cursors). */
export function ordering<F extends string>(column: F, direction: SortDirection | undefined) {
  const dir = direction === "DESC" ? ("desc" as const) : ("asc" as const);
  return [{ [column]: dir } as Record<F, "asc" | "desc">, { id: dir } as { id: "asc" | "desc" }];
}
