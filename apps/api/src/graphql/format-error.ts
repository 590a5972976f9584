import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import type { Logger } from "../log.ts";
import { ErrorCode } from "./errors.ts";

/** Codes whose message is written for the client and passes through unchanged. */
const PASS_THROUGH = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.CONFLICT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.SERVICE_UNAVAILABLE,
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "QUERY_TOO_COMPLEX",
]);

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function firstViolation(
  errors: ValidationErrorLike[],
  path: string[] = [],
): { field: string; message: string } | null {
  for (const error of errors) {
    const here = [...path, error.property];
    if (error.constraints && Object.keys(error.constraints).length > 0) {
      return { field: here.join("."), message: Object.values(error.constraints)[0]! };
    }
    const nested = firstViolation(error.children ?? [], here);
    if (nested) return nested;
  }
  return null;
}

function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}

const CONNECTION_FAILURE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|terminating connection|the database system is (starting up|shutting down)|Can't reach database|timeout exceeded when trying to connect|P1001|P1017/i;

/**
 * Every error leaves with a stable `extensions.code`. Errors written for users pass through;
 * validation errors name the field; anything unexpected becomes INTERNAL_SERVER_ERROR with an
 * id that is logged with the details — never a stack trace, SQL or an internal message.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? "");
    const original = originalOf(error) as {
      extensions?: Record<string, unknown>;
      message?: string;
      name?: string;
    };
    const base = {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
    };

    const validationErrors = (original?.extensions?.validationErrors ??
      (formatted.extensions?.validationErrors as unknown)) as ValidationErrorLike[] | undefined;
    if (code === ErrorCode.BAD_USER_INPUT && Array.isArray(validationErrors)) {
      const violation = firstViolation(validationErrors);
      return {
        ...base,
        message: violation ? `Invalid ${violation.field}: ${violation.message}` : formatted.message,
        extensions: { code, field: violation?.field },
      };
    }
    if (code === "UNAUTHORIZED") {
      return { ...base, message: "You may not do this", extensions: { code: ErrorCode.FORBIDDEN } };
    }
    if (PASS_THROUGH.has(code)) {
      const {
        stacktrace: _stack,
        exception: _exception,
        ...extensions
      } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return { ...base, extensions: { ...extensions, code } };
    }

    const errorId = randomUUID();
    const message = original?.message ?? formatted.message;
    if (CONNECTION_FAILURE.test(String(message))) {
      logger.warn({ errorId, err: original, path: formatted.path }, "database unavailable");
      return {
        ...base,
        message: "The database is temporarily unavailable; try again shortly",
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, errorId },
      };
    }
    logger.error({ errorId, err: original, path: formatted.path, code }, "unexpected error");
    return {
      ...base,
      message: `Internal error (reference ${errorId})`,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId },
    };
  };
}
