import { createTestDatabase, fixtures, type TestDatabase } from "@dangbo/db/testing";
import { notifyEverythingChanged, type OrgUnit } from "@dangbo/db";
import { todayIso } from "@dangbo/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices, type Services } from "../graphql/context.ts";
import { createServer, type AppServer } from "../server.ts";

/**
 * The in-process caches as a user meets them, over HTTP on a real database (PGlite, and
 * PostgreSQL in CI): figures and sessions are reused, and every kind of change drops them — a
 * write through the API at once, a write by anything else once its notification arrives.
 */
let testDb: TestDatabase;
let server: AppServer;
let services: Services;
let base: string;
let P: OrgUnit, A: OrgUnit, A1: OrgUnit;
const year = Number(todayIso().slice(0, 4));

beforeAll(async () => {
  testDb = await createTestDatabase();
  const f = fixtures(testDb.db);
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh P" });
  A = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện A", parent: P });
  A1 = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ A1", parent: A });
  await f.member({ unit: A1, admittedOn: `${year}-01-10` });
  await f.user({ unit: P, role: "LEADER", username: "leader", password: "leader-password" });
  await f.user({ unit: A, role: "LEADER", username: "district", password: "district-password" });
  services = createServices();
  server = await createServer({ db: testDb.db, services });
  base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
});
afterAll(async () => {
  await server.close();
  await testDb.drop();
});

const post = async (cookie: string, query: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query, variables }),
  });
  return {
    body: (await response.json()) as { data?: any; errors?: { extensions: { code: string } }[] },
    setCookie: response.headers.get("set-cookie"),
  };
};

const signIn = async (username: string, password: string) => {
  const { setCookie } = await post(
    "",
    `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }`,
    { u: username, p: password },
  );
  return setCookie!.split(";")[0]!;
};

const PROGRESS = `query($u: ID!, $y: Int!) { admissionProgress(unitId: $u, year: $y) { unit { admitted target } rows { unitId admitted target } } }`;
const progress = async (cookie: string, unit = P) =>
  (await post(cookie, PROGRESS, { u: String(unit.id), y: year })).body;

describe("figure and session caches", () => {
  it("listen for changes and serve from memory", async () => {
    expect(server.changes?.listening).toBe(true);
    expect(services.figures.serving && services.sessions.serving).toBe(true);
    const cookie = await signIn("leader", "leader-password");
    const [hits, misses] = [services.figures.hits, services.figures.misses];
    const first = await progress(cookie);
    expect(first.data.admissionProgress.unit).toEqual({ admitted: 1, target: 0 });
    expect(await progress(cookie)).toEqual(first);
    expect([services.figures.hits - hits, services.figures.misses - misses]).toEqual([1, 1]);
    expect(services.sessions.hits).toBeGreaterThan(0);
  });

  it("a write through the API is seen by the next request at once", async () => {
    const cookie = await signIn("leader", "leader-password");
    await progress(cookie);
    const set = await post(
      cookie,
      `mutation($y: Int!, $t: [TargetInput!]!) { setAdmissionTargets(year: $y, targets: $t) { target } }`,
      { y: year, t: [{ unitId: String(A.id), target: 7 }] },
    );
    expect(set.body.errors).toBeUndefined();
    // The mutation's answer left only once this instance had its notification: the figures are
    // dropped, the sessions are not (a target is not theirs).
    expect(services.figures.size).toBe(0);
    expect(services.sessions.size).toBeGreaterThan(0);
    const after = await progress(cookie);
    expect(after.data.admissionProgress.rows).toEqual([
      { unitId: String(A.id), admitted: 1, target: 7 },
    ]);
  });

  it("a write by anything else (another instance, an import, psql) is seen once it is notified", async () => {
    const cookie = await signIn("leader", "leader-password");
    const before = await progress(cookie);
    expect(before.data.admissionProgress.unit.admitted).toBe(1);
    await fixtures(testDb.db).member({ unit: A1, admittedOn: `${year}-02-10` });
    await server.changes!.sync();
    const after = await progress(cookie);
    expect(after.data.admissionProgress.unit.admitted).toBe(2);
    expect(after.data.admissionProgress.rows[0].admitted).toBe(2);
  });

  it("a bulk load with triggers off ('anything may have changed') empties both caches", async () => {
    const cookie = await signIn("leader", "leader-password");
    await progress(cookie);
    expect(services.figures.size + services.sessions.size).toBeGreaterThan(1);
    await testDb.db.transaction((sql) => notifyEverythingChanged(sql));
    await server.changes!.sync();
    expect([services.figures.size, services.sessions.size]).toEqual([0, 0]);
  });

  it("keeps figures per viewer's scope: a district leader never gets the province's", async () => {
    const leader = await signIn("leader", "leader-password");
    const district = await signIn("district", "district-password");
    expect((await progress(leader)).data.admissionProgress.unit.admitted).toBe(2);
    const refused = await progress(district);
    expect(refused.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    expect((await progress(district, A)).data.admissionProgress.unit.admitted).toBe(2);
  });

  it("a signed-out session stops working at once", async () => {
    const cookie = await signIn("leader", "leader-password");
    expect((await post(cookie, "{ viewer { username } }")).body.data.viewer).toEqual({
      username: "leader",
    });
    await post(cookie, "mutation { signOut }");
    expect((await post(cookie, "{ viewer { username } }")).body.data.viewer).toBeNull();
    expect((await progress(cookie)).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("an account disabled outside this instance stops working once notified", async () => {
    const cookie = await signIn("district", "district-password");
    expect((await post(cookie, "{ viewer { username } }")).body.data.viewer).not.toBeNull();
    await testDb.db.exec(`UPDATE app_user SET disabled = true WHERE username = 'district'`);
    await server.changes!.sync();
    expect((await post(cookie, "{ viewer { username } }")).body.data.viewer).toBeNull();
  });
});
