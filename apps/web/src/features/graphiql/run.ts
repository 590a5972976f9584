import { createContext, useContext, useSyncExternalStore } from "react";

/** A GraphQL response as GraphiQL receives it (only the parts read here). */
export interface ResponseLike {
  data?: unknown;
  errors?: readonly { message?: unknown; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** The last operation GraphiQL ran (introspection aside) and what came back. */
export interface LastRun {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
  response: ResponseLike | null;
  /** The request failed before a GraphQL response came back (network, not JSON). */
  failure: string | null;
}

/** What the API reports in `extensions.cost` (apps/api/src/graphql/limits.ts). */
export interface CostReport {
  requested: number;
  limit: number | null;
  remaining: number | null;
  budgetPerMinute: number | null;
}

/** A request refused by the API's limits, with what it says about the refusal. */
export type LimitRefusal =
  | { code: "QUERY_TOO_COMPLEX"; cost: number | null; maxCost: number | null; message: string }
  | {
      code: "RATE_LIMITED";
      cost: number | null;
      remaining: number | null;
      retryAfterSeconds: number | null;
      message: string;
    };

const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

export function costOf(response: ResponseLike | null | undefined): CostReport | null {
  const cost = response?.extensions?.["cost"];
  if (typeof cost !== "object" || cost === null) return null;
  const c = cost as Record<string, unknown>;
  const requested = num(c["requested"]);
  if (requested === null) return null;
  return {
    requested,
    limit: num(c["limit"]),
    remaining: num(c["remaining"]),
    budgetPerMinute: num(c["budgetPerMinute"]),
  };
}

/** The first error's code, if any. */
export function errorCodeOf(response: ResponseLike | null | undefined): string | null {
  const code = response?.errors?.[0]?.extensions?.["code"];
  return typeof code === "string" ? code : null;
}

/** QUERY_TOO_COMPLEX or RATE_LIMITED, with their figures; null for anything else. */
export function limitRefusal(response: ResponseLike | null | undefined): LimitRefusal | null {
  for (const error of response?.errors ?? []) {
    const ext = error.extensions ?? {};
    const message = typeof error.message === "string" ? error.message : "";
    if (ext["code"] === "QUERY_TOO_COMPLEX")
      return {
        code: "QUERY_TOO_COMPLEX",
        cost: num(ext["cost"]),
        maxCost: num(ext["maxCost"]),
        message,
      };
    if (ext["code"] === "RATE_LIMITED")
      return {
        code: "RATE_LIMITED",
        cost: num(ext["cost"]),
        remaining: num(ext["remaining"]),
        retryAfterSeconds: num(ext["retryAfterSeconds"]),
        message,
      };
  }
  return null;
}

/** Holds the last run for the page, the export panel and the cost line. */
export interface RunStore {
  get(): LastRun | null;
  set(run: LastRun): void;
  subscribe(listener: () => void): () => void;
}

export function createRunStore(): RunStore {
  let current: LastRun | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(run) {
      current = run;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const RunStoreContext = createContext<RunStore | null>(null);

const nothing = () => null;
const noSubscription = () => () => undefined;

/** The last run, re-rendering when another one completes. */
export function useLastRun(): LastRun | null {
  const store = useContext(RunStoreContext);
  return useSyncExternalStore(store?.subscribe ?? noSubscription, store?.get ?? nothing);
}
