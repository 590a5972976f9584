import { createTestDatabase, fixtures, type TestDatabase } from "@dangbo/db/testing";
import { verifyPassword } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type AppServer } from "./server.ts";

// A second database stands in for a streaming replica: same ids, different names, so that the
// answers show which database served them.
let primary: TestDatabase, replica: TestDatabase;
let server: AppServer;
let base: string;

async function signIn(username: string) {
  const r = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation { signIn(username: "${username}", password: "secret-password") { username } }`,
    }),
  });
  return r.headers.get("set-cookie")!.split(";")[0]!;
}
const gql = async (cookie: string, query: string) =>
  (await (
    await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ query }),
    })
  ).json()) as any;

beforeAll(async () => {
  primary = await createTestDatabase();
  replica = await createTestDatabase();
  const p = await fixtures(primary.db).unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh (chính)" });
  const r = await fixtures(replica.db).unit({
    kind: "PROVINCIAL_COMMITTEE",
    name: "Tỉnh (bản sao)",
  });
  expect(r.id).toBe(p.id);
  await fixtures(primary.db).user({ unit: p, role: "ANALYST", username: "phan-tich" });
  await fixtures(primary.db).user({ unit: p, role: "LEADER", username: "lanh-dao" });
  server = await createServer({ db: primary.db, replica: replica.db });
  base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
});
afterAll(async () => {
  await server.close();
  await primary.drop();
  await replica.drop();
});

describe("DATABASE_REPLICA_URL", () => {
  it("serves analysts' reads from the replica and everyone else's from the primary", async () => {
    expect(
      (await gql(await signIn("phan-tich"), "{ rootUnits { name } }")).data.rootUnits[0].name,
    ).toBe("Tỉnh (bản sao)");
    expect(
      (await gql(await signIn("lanh-dao"), "{ rootUnits { name } }")).data.rootUnits[0].name,
    ).toBe("Tỉnh (chính)");
  });

  it("writes an analyst's changes to the primary", async () => {
    const cookie = await signIn("phan-tich");
    const r = await gql(
      cookie,
      'mutation { changePassword(currentPassword: "secret-password", newPassword: "mat-khau-moi-123") }',
    );
    expect(r.errors).toBeUndefined();
    const user = await primary.db.prisma.user.findUniqueOrThrow({
      where: { username: "phan-tich" },
    });
    expect(await verifyPassword("mat-khau-moi-123", user.passwordHash)).toBe(true);
    expect(await primary.db.prisma.auditLog.count({ where: { operation: "changePassword" } })).toBe(
      1,
    );
  });
});
