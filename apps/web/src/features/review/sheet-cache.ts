import type { ApolloCache } from "@apollo/client";
import type { FragmentType } from "../../gql/index.ts";
import { ReviewSheetFieldsFragment, ReviewSheetQuery } from "./review.operations.ts";

/** A saved sheet replaces the one on screen (a ReviewSheet has no id the cache could follow). */
export function storeSheet(
  cache: ApolloCache,
  cellId: string,
  year: number,
  sheet: FragmentType<typeof ReviewSheetFieldsFragment> | undefined,
): void {
  if (!sheet) return;
  cache.updateQuery({ query: ReviewSheetQuery, variables: { cellId, year } }, (existing) =>
    existing ? { ...existing, reviewSheet: sheet } : existing,
  );
  cache.evict({ id: "ROOT_QUERY", fieldName: "reviewSummary" });
}
