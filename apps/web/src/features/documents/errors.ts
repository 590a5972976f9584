import type { ApolloCache } from "@apollo/client";
import { errorExtensions } from "../../ui/form-errors.ts";

/** A BAD_USER_INPUT from the API: the field path without `input.`, its root, problem and message. */
export interface BadInput {
  /** `number`, `replacesIds.2`, `documentIds.0`… */
  path: string;
  /** The input field: `replacesIds` for `replacesIds.2`. */
  field: string;
  /** `extensions.problem` (e.g. the number's DUPLICATE or NO_HYPHEN), when sent. */
  problem: string | null;
  message: string;
}

export function badInput(error: unknown): BadInput | null {
  const extensions = errorExtensions(error);
  if (!extensions || extensions["code"] !== "BAD_USER_INPUT") return null;
  const raw = extensions["field"];
  if (typeof raw !== "string") return null;
  const path = raw.replace(/^input\./, "");
  const problem = extensions["problem"];
  const errors = (error as { errors?: readonly { message?: string }[] }).errors;
  return {
    path,
    field: path.split(".")[0] ?? path,
    problem: typeof problem === "string" ? problem : null,
    message: errors?.[0]?.message ?? (error instanceof Error ? error.message : ""),
  };
}

/** The index in a list field the server refused (`documentIds.2` → 2), or null. */
export function indexOf(input: BadInput): number | null {
  const match = /\.(\d+)$/.exec(input.path);
  return match ? Number(match[1]) : null;
}

/**
 * The API explains most bad input in English only: known messages are recognised and translated
 * (as `auth/input-errors.ts` does); any other is shown as sent.
 */
export function translateKnown<K extends string>(
  message: string,
  known: readonly (readonly [RegExp, K])[],
): K | null {
  for (const [pattern, key] of known) if (pattern.test(message)) return key;
  return null;
}

/** Lists and figures a new document, conference, plan or review changes: asked again when next shown. */
const FIGURES = [
  "document",
  "documents",
  "conference",
  "conferences",
  "disseminationSummary",
  "implementationCoverage",
  "studyThemes",
  "studyThemeCoverage",
] as const;

export type Figure = (typeof FIGURES)[number];

/**
 * Drops them; those shown on the current page are better refetched (`refetchQueries`), which
 * keeps them on screen while they update: name them in `keep`.
 */
export function evictDocumentFigures(cache: ApolloCache, keep: readonly Figure[] = []): void {
  for (const fieldName of FIGURES)
    if (!keep.includes(fieldName)) cache.evict({ id: "ROOT_QUERY", fieldName });
  cache.gc();
}
