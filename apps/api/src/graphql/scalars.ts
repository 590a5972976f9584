import { isIsoDate, isoFromDate, type IsoDate } from "@dangbo/shared";
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

function parseDate(value: unknown): IsoDate {
  if (typeof value !== "string" || !isIsoDate(value)) {
    throw new GraphQLError(
      `Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)?.slice(0, 40)}`,
      {
        extensions: { code: "BAD_USER_INPUT" },
      },
    );
  }
  return value;
}

/** A calendar date without time or zone, `YYYY-MM-DD`. Resolvers receive and return IsoDate strings or Dates. */
export const DateScalar = new GraphQLScalarType<IsoDate, string>({
  name: "Date",
  description: "A calendar date without time of day or time zone, written YYYY-MM-DD.",
  serialize(value) {
    if (value instanceof Date) return isoFromDate(value);
    if (typeof value === "string" && isIsoDate(value)) return value;
    throw new GraphQLError("Date cannot represent this value");
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError("Date must be a string written YYYY-MM-DD", {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    return parseDate(ast.value);
  },
});
