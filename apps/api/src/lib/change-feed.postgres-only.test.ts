import { createTestDatabase, fixtures, type TestDatabase } from "@dangbo/db/testing";
import { LISTENER_APPLICATION_NAME } from "@dangbo/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createServices, type Services } from "../graphql/context.ts";
import { createServer, type AppServer } from "../server.ts";

/**
 * PostgreSQL only (PGlite runs in this process and cannot lose the connection): when the
 * listening connection is lost, the caches stop serving at once — a change could be missed —
 * and come back, empty, once it listens again.
 */
let testDb: TestDatabase;
let server: AppServer;
let services: Services;

beforeAll(async () => {
  testDb = await createTestDatabase("postgres");
  services = createServices();
  server = await createServer({ db: testDb.db, services });
});
afterAll(async () => {
  await server.close();
  await testDb.drop();
});

const until = async (condition: () => boolean, ms = 10_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

it("stops serving when the listening connection is lost and serves again, empty, once back", async () => {
  expect(server.changes!.listening).toBe(true);
  const f = fixtures(testDb.db);
  const unit = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh P" });
  await server.changes!.sync();
  await services.figures.get("k", async () => 1);
  expect(services.figures.size).toBe(1);

  const [killed] = await testDb.db.query<{ n: number }>(
    `SELECT COUNT(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND application_name = $1`,
    [LISTENER_APPLICATION_NAME],
  );
  expect(killed!.n).toBe(1);
  await until(() => !server.changes!.listening);
  expect(services.figures.serving || services.sessions.serving).toBe(false);
  expect(services.figures.size).toBe(0);
  let computed = 0;
  await services.figures.get("k", async () => ++computed);
  await services.figures.get("k", async () => ++computed);
  expect(computed).toBe(2); // nothing kept while deaf

  // A change while nobody listens is never notified; coming back empty covers it.
  await testDb.db.exec(`UPDATE org_unit SET name = 'Tỉnh Q' WHERE id = ${unit.id}`);
  await until(() => server.changes!.listening);
  expect(services.figures.serving && services.sessions.serving).toBe(true);
  expect(services.figures.size).toBe(0);
  await services.figures.get("k", async () => 3);
  expect(services.figures.size).toBe(1);
  await testDb.db.exec(`UPDATE org_unit SET name = 'Tỉnh R' WHERE id = ${unit.id}`);
  await server.changes!.sync();
  expect(services.figures.size).toBe(0); // notified again
});
