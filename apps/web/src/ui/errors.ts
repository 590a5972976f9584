import { CombinedGraphQLErrors, ServerError, ServerParseError } from "@apollo/client/errors";

/** The `extensions.code` values the API sends, plus UNKNOWN for anything else. */
export const ERROR_CODES = [
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "RATE_LIMITED",
  "INTERNAL_SERVER_ERROR",
  "SERVICE_UNAVAILABLE",
  "UNKNOWN",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

function knownCode(value: unknown): ErrorCode | undefined {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value)
    ? (value as ErrorCode)
    : undefined;
}

function codeFromBody(bodyText: string): ErrorCode | undefined {
  try {
    const body = JSON.parse(bodyText) as { errors?: { extensions?: { code?: unknown } }[] };
    return knownCode(body.errors?.[0]?.extensions?.code);
  } catch {
    return undefined;
  }
}

function codeFromStatus(status: number): ErrorCode {
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 429) return "RATE_LIMITED";
  if (status === 502 || status === 503 || status === 504) return "SERVICE_UNAVAILABLE";
  if (status >= 500) return "INTERNAL_SERVER_ERROR";
  return "UNKNOWN";
}

/** What went wrong, as one code the UI can explain (see `errors.*` in the translations). */
export function errorCode(error: unknown): ErrorCode {
  if (CombinedGraphQLErrors.is(error)) {
    return knownCode(error.errors[0]?.extensions?.["code"]) ?? "UNKNOWN";
  }
  if (ServerError.is(error)) {
    return codeFromBody(error.bodyText) ?? codeFromStatus(error.statusCode);
  }
  // An HTML page instead of JSON: a proxy or gateway answered, not the API.
  if (ServerParseError.is(error)) return "SERVICE_UNAVAILABLE";
  // fetch() rejects with a TypeError when the network or the server is down.
  if (error instanceof TypeError) return "SERVICE_UNAVAILABLE";
  return "UNKNOWN";
}
