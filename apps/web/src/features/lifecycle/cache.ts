import type { ApolloCache } from "@apollo/client";

/**
 * Lists and figures that an admission, a recognition, an exit, a transfer or an import changes:
 * dropped from the cache so that the next page showing them asks the server again.
 */
const FIGURES = [
  "candidates",
  "candidateStageCounts",
  "members",
  "probationDue",
  "reviewSheet",
  "reviewSummary",
  "trainingClasses",
  "dashboardSummary",
  "admissionProgress",
  "admissionTrend",
  "admissionComposition",
  "admissionFunnel",
  "stats",
] as const;

export function evictDevelopmentFigures(cache: ApolloCache): void {
  for (const fieldName of FIGURES) cache.evict({ id: "ROOT_QUERY", fieldName });
  cache.gc();
}
