import { CombinedGraphQLErrors } from "@apollo/client/errors";

/** The `extensions` of the first GraphQL error, if the error is one. */
export function errorExtensions(error: unknown): Record<string, unknown> | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  return error.errors[0]?.extensions;
}

export interface InputError {
  /** The input field the server names in `extensions.field` ("input.unitId" → "unitId"). */
  field: string;
  /** The server's message (English). */
  message: string;
}

/** A BAD_USER_INPUT error that names its field, else null. */
export function inputError(error: unknown): InputError | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const first = error.errors[0];
  const field = first?.extensions?.["field"];
  if (first?.extensions?.["code"] !== "BAD_USER_INPUT" || typeof field !== "string") return null;
  return { field: field.split(".").pop() ?? field, message: first.message };
}
