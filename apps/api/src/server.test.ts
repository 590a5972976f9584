import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "./testing/harness.ts";

let api: TestApi;
let base: string;
let cookie = "";

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), "dangbo-web-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(
    join(dist, "index.html"),
    "<!doctype html><title>Dangbo</title><div id=root></div>",
  );
  writeFileSync(join(dist, "assets", "app-abc123.js"), "console.log(1)");
  api = await createTestApi({ webDist: dist });
  const province = await api.f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Đảng bộ tỉnh" });
  await api.f.user({
    unit: province,
    role: "LEADER",
    username: "leader",
    password: "leader-password",
  });
  const port = await api.server.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${port}`;
  const signIn = await post({
    query: 'mutation { signIn(username: "leader", password: "leader-password") { username } }',
  });
  cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
});
afterAll(() => api.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("HTTP", () => {
  it("reports health once the database answers", async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("reports readiness: migrations applied, not draining, caches listening for changes", async () => {
    const response = await fetch(`${base}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", draining: false, caches: "on" });
  });

  it("answers GraphQL over POST", async () => {
    const response = await post({ query: "{ rootUnits { name kind } }" });
    expect(response.status).toBe(200);
    // Not hashed for an ETag (POST responses are never revalidated); static files keep theirs.
    expect(response.headers.get("etag")).toBeNull();
    expect(await response.json()).toMatchObject({
      data: { rootUnits: [{ name: "Đảng bộ tỉnh", kind: "PROVINCIAL_COMMITTEE" }] },
      extensions: { cost: { requested: 1 } },
    });
  });

  it("answers queries over GET with a preflight header, and refuses CSRF-able GETs", async () => {
    const url = `${base}/graphql?query=${encodeURIComponent("{ rootUnits { name } }")}`;
    const ok = await fetch(url, { headers: { "apollo-require-preflight": "true", cookie } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).data.rootUnits).toHaveLength(1);
    const simple = await fetch(url, { headers: { cookie } });
    expect(simple.status).toBe(400);
    const mutationViaGet = await fetch(
      `${base}/graphql?query=${encodeURIComponent("mutation { __typename }")}`,
      {
        headers: { "apollo-require-preflight": "true" },
      },
    );
    expect(mutationViaGet.status).toBe(405);
  });

  it("answers malformed requests with a code, never a stack trace", async () => {
    const badJson = await post("{ not json");
    expect(badJson.status).toBe(400);
    const text = await badJson.text();
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(JSON.parse(text).errors[0].extensions.code).toBe("BAD_REQUEST");

    const syntax = await post({ query: "{ rootUnits { " });
    // graphql-armor's token limit parses first and reports syntax errors as validation failures.
    expect(((await syntax.json()) as any).errors[0].extensions.code).toMatch(
      /^GRAPHQL_(PARSE|VALIDATION)_FAILED$/,
    );
    const unknownField = await post({ query: "{ nope }" });
    expect(((await unknownField.json()) as any).errors[0].extensions.code).toBe(
      "GRAPHQL_VALIDATION_FAILED",
    );
    const notFound = await post({ query: '{ orgUnit(id: "77777") { id } }' });
    const body = (await notFound.json()) as any;
    expect(body.errors[0].extensions).toEqual({
      code: "NOT_FOUND",
      entity: "OrgUnit",
      id: "77777",
    });
    expect(JSON.stringify(body)).not.toMatch(/stacktrace/);
  });

  it("refuses anonymous requests with UNAUTHENTICATED", async () => {
    const response = await post({ query: "{ rootUnits { name } }" }, { cookie: "" });
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(body.data).toBeNull();
  });

  it("keeps the session in an httpOnly, SameSite=Strict cookie and ends it on sign-out", async () => {
    const signIn = await post(
      {
        query:
          'mutation { signIn(username: "LEADER", password: "leader-password") { username role } }',
      },
      { cookie: "" },
    );
    const setCookie = signIn.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^dangbo_session=[A-Za-z0-9_-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    const session = setCookie.split(";")[0]!;
    const viewer = await post(
      { query: "{ viewer { username role unit { name } } }" },
      { cookie: session },
    );
    expect(((await viewer.json()) as any).data.viewer).toEqual({
      username: "leader",
      role: "LEADER",
      unit: { name: "Đảng bộ tỉnh" },
    });
    const signOut = await post({ query: "mutation { signOut }" }, { cookie: session });
    expect(signOut.headers.get("set-cookie")).toMatch(/dangbo_session=;.*Max-Age=0/i);
    const after = await post({ query: "{ viewer { username } }" }, { cookie: session });
    expect(((await after.json()) as any).data.viewer).toBeNull();
  });

  it("sets security headers on every response", async () => {
    for (const path of ["/health", "/graphql", "/units/1"]) {
      const response = await fetch(`${base}${path}`, { headers: { accept: "text/html" } });
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("content-security-policy"), path).toContain("default-src 'self'");
      expect(response.headers.get("x-powered-by"), path).toBeNull();
      expect(response.headers.get("x-request-id"), path).toBeTruthy();
    }
  });

  it("serves the SPA for client routes and its hashed assets with long caching", async () => {
    const page = await fetch(`${base}/units/42`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<div id=root>");
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(asset.headers.get("etag")).toBeTruthy();
    const missing = await fetch(`${base}/api/nothing`, { headers: { accept: "application/json" } });
    expect(missing.status).toBe(404);
  });
});
