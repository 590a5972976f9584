import { CombinedGraphQLErrors, ServerError, ServerParseError } from "@apollo/client/errors";
import { describe, expect, it } from "vitest";
import { errorCode } from "./errors.ts";

function serverError(status: number, body: string) {
  return new ServerError("failed", { response: new Response(body, { status }), bodyText: body });
}

describe("errorCode", () => {
  it("reads extensions.code of GraphQL errors", () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: "no", extensions: { code: "FORBIDDEN" } }],
    });
    expect(errorCode(error)).toBe("FORBIDDEN");
  });

  it("falls back to UNKNOWN for codes the app does not know", () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: "no", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }],
    });
    expect(errorCode(error)).toBe("UNKNOWN");
  });

  it("reads the code from the body of a non-2xx JSON response, else from the status", () => {
    const body = JSON.stringify({
      errors: [{ message: "x", extensions: { code: "BAD_USER_INPUT" } }],
    });
    expect(errorCode(serverError(400, body))).toBe("BAD_USER_INPUT");
    expect(errorCode(serverError(503, "Service Unavailable"))).toBe("SERVICE_UNAVAILABLE");
    expect(errorCode(serverError(502, ""))).toBe("SERVICE_UNAVAILABLE");
    expect(errorCode(serverError(500, ""))).toBe("INTERNAL_SERVER_ERROR");
    expect(errorCode(serverError(401, ""))).toBe("UNAUTHENTICATED");
    expect(errorCode(serverError(429, ""))).toBe("RATE_LIMITED");
  });

  it("treats an unreachable server as SERVICE_UNAVAILABLE", () => {
    expect(errorCode(new TypeError("Failed to fetch"))).toBe("SERVICE_UNAVAILABLE");
    const html = "<html>Bad gateway</html>";
    const parse = new ServerParseError(new SyntaxError("Unexpected token"), {
      response: new Response(html, { status: 200 }),
      bodyText: html,
    });
    expect(errorCode(parse)).toBe("SERVICE_UNAVAILABLE");
    expect(errorCode(new Error("?"))).toBe("UNKNOWN");
  });
});
