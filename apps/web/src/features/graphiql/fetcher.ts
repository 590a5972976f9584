import { createGraphiQLFetcher, type Fetcher } from "@graphiql/toolkit";
import { reportSessionEnded } from "../auth/session-events.ts";
import { errorCodeOf, type ResponseLike, type RunStore } from "./run.ts";

const INTROSPECTION = "IntrospectionQuery";

function isResponse(value: unknown): value is ResponseLike {
  return (
    typeof value === "object" &&
    value !== null &&
    ("data" in value || "errors" in value || "extensions" in value)
  );
}

/**
 * GraphiQL's requests: POST JSON to /graphql with the session cookie. The JSON content type
 * satisfies the API's CSRF prevention; no incremental delivery (the API answers in one
 * piece), so every answer is one response object the page can read. Each answer (the
 * schema's introspection aside) is kept in `store` for the cost line and the export panel;
 * an UNAUTHENTICATED answer ends the session as it does for the rest of the app.
 */
export function createDangboFetcher(
  store: RunStore,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Fetcher {
  const base = createGraphiQLFetcher({
    url: "/graphql",
    enableIncrementalDelivery: false,
    fetch: (input, init) => fetchImpl(input, { ...init, credentials: "same-origin" }),
  });
  return async (params, options) => {
    const introspection = params.operationName === INTROSPECTION;
    const run = {
      query: params.query,
      variables: (params.variables ?? {}) as Record<string, unknown>,
      operationName: params.operationName ?? null,
    };
    let result: Awaited<ReturnType<Fetcher>>;
    try {
      result = await base(params, options);
    } catch (error) {
      if (!introspection) {
        store.set({
          ...run,
          response: null,
          failure: error instanceof Error ? error.message : String(error),
        });
      }
      throw error;
    }
    if (isResponse(result)) {
      if (errorCodeOf(result) === "UNAUTHENTICATED") reportSessionEnded();
      if (!introspection) store.set({ ...run, response: result, failure: null });
    }
    return result;
  };
}
