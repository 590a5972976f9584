import { GraphQLError } from "graphql";

/** The stable error codes clients rely on (`extensions.code`). */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "RATE_LIMITED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error meant for the user: its message and extensions reach the client unchanged. */
export class UserFacingError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/**
 * Unknown id, or an id outside the caller's subtree: the same error either way, so that a
 * user cannot learn that a record exists by guessing ids.
 */
export function notFound(entity: string, id: string | number): UserFacingError {
  return new UserFacingError(ErrorCode.NOT_FOUND, `${entity} ${id} not found`, {
    entity,
    id: String(id),
  });
}

export function badInput(
  field: string,
  message: string,
  extra: Record<string, unknown> = {},
): UserFacingError {
  return new UserFacingError(ErrorCode.BAD_USER_INPUT, message, { field, ...extra });
}

export function forbidden(
  message = "You may not do this",
  extra: Record<string, unknown> = {},
): UserFacingError {
  return new UserFacingError(ErrorCode.FORBIDDEN, message, extra);
}

export function conflict(message: string, extra: Record<string, unknown> = {}): UserFacingError {
  return new UserFacingError(ErrorCode.CONFLICT, message, extra);
}
