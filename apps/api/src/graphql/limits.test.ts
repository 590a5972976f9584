import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, fixtures, type TestDatabase } from "@dangbo/db/testing";
import { createServer, type AppServer } from "../server.ts";
import { CostBudget, MAX_COST } from "./limits.ts";

let t: TestDatabase;
let server: AppServer;
let base: string;
let cookie = "";

beforeAll(async () => {
  t = await createTestDatabase();
  const f = fixtures(t.db);
  const province = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh" });
  const cell = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ", parent: province });
  await f.member({ unit: cell, fullName: "Nguyễn Văn An" });
  await f.user({
    unit: province,
    role: "ANALYST",
    username: "phan-tich",
    password: "secret-password",
  });
  // A small budget, so that exhausting it is quick: 3 000 points per minute.
  server = await createServer({ db: t.db, costBudget: new CostBudget(3_000) });
  base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
  const r = await post(
    {
      query: 'mutation { signIn(username: "phan-tich", password: "secret-password") { username } }',
    },
    "",
  );
  cookie = r.headers.get("set-cookie")!.split(";")[0]!;
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

function post(body: unknown, withCookie = cookie) {
  return fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: withCookie },
    body: JSON.stringify(body),
  });
}
const json = async (r: Response) => (await r.json()) as any;

describe("limits checked before execution", () => {
  it("reports the cost of each request", async () => {
    const body = await json(
      await post({ query: "{ members(first: 10) { edges { node { fullName unit { name } } } } }" }),
    );
    expect(body.errors).toBeUndefined();
    // members: 1 + first × (node 1 + unit 1); edges do not multiply again; scalars cost 0.
    expect(body.extensions.cost).toMatchObject({ requested: 1 + 10 * (1 + 1), limit: MAX_COST });
    expect(body.extensions.cost.remaining).toBeLessThan(3_000);
  });

  it("computes the cost of a repeated query from the variables it depends on", async () => {
    // The same document (Apollo hands the same parsed object to each request): its cost is
    // remembered, but by `first` and `@include(if:)` variables, which change it.
    const query = `query($n: Int, $withUnit: Boolean!, $text: String!) {
      members(first: $n, filter: { ethnicity: [$text] }) { edges { node { fullName unit @include(if: $withUnit) { name } } } } }`;
    const cost = async (variables: Record<string, unknown>) => {
      const body = await json(await post({ query, variables }));
      expect(body.errors).toBeUndefined();
      return body.extensions.cost.requested as number;
    };
    expect(await cost({ n: 10, withUnit: true, text: "Kinh" })).toBe(1 + 10 * 2);
    expect(await cost({ n: 10, withUnit: true, text: "Chăm" })).toBe(1 + 10 * 2);
    expect(await cost({ n: 30, withUnit: true, text: "Kinh" })).toBe(1 + 30 * 2);
    expect(await cost({ n: 30, withUnit: false, text: "Kinh" })).toBe(1 + 30 * 1);
    expect(await cost({ n: 10, withUnit: true, text: "Kinh" })).toBe(1 + 10 * 2);
  });

  it("refuses a query whose cost is above the maximum, with the computed cost", async () => {
    const q =
      "{ orgUnits(first: 500) { edges { node { children { children { children { name } } } } } } }";
    const body = await json(await post({ query: q }));
    expect(body.errors[0].extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      maxCost: MAX_COST,
    });
    expect(body.errors[0].extensions.cost).toBeGreaterThan(MAX_COST);
    expect(body.data).toBeUndefined();
  });

  it("refuses queries deeper than 10 and with too many aliases", async () => {
    const deep =
      "{ rootUnits { children { children { children { children { children { children { children { children { children { children { name } } } } } } } } } } } }";
    expect((await json(await post({ query: deep }))).errors[0].extensions.code).toBe(
      "GRAPHQL_VALIDATION_FAILED",
    );
    const aliases = `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: viewer { username }`).join(" ")} }`;
    expect((await json(await post({ query: aliases }))).errors[0].extensions.code).toBe(
      "GRAPHQL_VALIDATION_FAILED",
    );
  });

  it("refuses batched requests", async () => {
    const r = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify([
        { query: "{ viewer { username } }" },
        { query: "{ viewer { username } }" },
      ]),
    });
    expect(r.status).toBe(400);
  });

  it("allows introspection only to signed-in users", async () => {
    const q = "{ __schema { queryType { name } } }";
    expect((await json(await post({ query: q }, ""))).errors[0].extensions.code).toBe(
      "UNAUTHENTICATED",
    );
    expect((await json(await post({ query: q }))).data.__schema.queryType.name).toBe("Query");
  });

  it("charges a per-minute budget and says when to retry", async () => {
    const q = "{ members(first: 500) { edges { node { fullName } } } }"; // 1 + 500 = 501 points
    let last: any;
    for (let i = 0; i < 8; i++) last = await json(await post({ query: q }));
    expect(last.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(last.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("automatic persisted queries", () => {
  it("runs a saved query by its hash once the server has seen it", async () => {
    const query = "query SavedReport { viewer { username } }";
    const sha256Hash = (await import("node:crypto"))
      .createHash("sha256")
      .update(query)
      .digest("hex");
    const ext = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = await json(await post({ extensions: ext }));
    expect(unknown.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await json(await post({ query, extensions: ext }));
    expect(registered.data.viewer.username).toBe("phan-tich");
    const byHash = await json(await post({ extensions: ext }));
    expect(byHash.data.viewer.username).toBe("phan-tich");
    const get = await fetch(
      `${base}/graphql?extensions=${encodeURIComponent(JSON.stringify(ext))}`,
      { headers: { cookie, "apollo-require-preflight": "true" } },
    );
    expect((await json(get)).data.viewer.username).toBe("phan-tich");
  });
});

describe("GraphQL over HTTP (graphql-http audits)", () => {
  async function audit(fetchFn: typeof fetch) {
    const results = await Promise.all(
      serverAudits({ url: `${base}/graphql`, fetchFn }).map((a) => a.fn()),
    );
    const passed = results.filter((r) => r.status === "ok").length;
    const failedMust = results.filter((r) => r.status === "error").map((r) => r.name);
    return {
      passed,
      total: results.length,
      failedMust,
      warnings: results.filter((r) => r.status === "warn").length,
    };
  }

  // The audits introspect (__type), which needs a session here; and Apollo's CSRF prevention
  // refuses GETs that carry no preflight header, which the audits do not send.
  const withHeaders =
    (extra: Record<string, string>): typeof fetch =>
    (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), ...extra },
      });

  it("passes every MUST rule for a signed-in client that sends the CSRF preflight header", async () => {
    const result = await audit(withHeaders({ cookie, "apollo-require-preflight": "true" }));
    console.log(
      `graphql-http audits (signed in, preflight header): ${result.passed}/${result.total} ok, ${result.warnings} warnings, MUST failures: ${result.failedMust.join("; ") || "none"}`,
    );
    expect(result.failedMust).toEqual([]);
    const plain = await audit(fetch);
    console.log(
      `graphql-http audits (anonymous, no header): ${plain.passed}/${plain.total} ok, MUST failures: ${plain.failedMust.join("; ") || "none"}`,
    );
  });
});
