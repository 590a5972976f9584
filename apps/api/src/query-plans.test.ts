import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dangbo/db/testing";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("hot statements planned once (QueryOptions.genericPlan)", () => {
  const mode = async (options: { name?: string; genericPlan?: boolean }) =>
    (
      await t.db.query<{ mode: string }>(
        "SELECT current_setting('plan_cache_mode') AS mode",
        [],
        options,
      )
    )[0]!.mode;

  it("run on connections that keep a generic plan on PostgreSQL, and only those statements", async () => {
    const generic = await mode({ name: "test_plan_mode", genericPlan: true });
    expect(generic).toBe(t.engine === "postgres" ? "force_generic_plan" : "auto");
    expect(await mode({ name: "test_plan_mode_custom" })).toBe("auto");
    expect(await mode({})).toBe("auto");
    // Prisma's statements keep the default too.
    const [row] = await t.db.prisma.$queryRaw<{ mode: string }[]>`
      SELECT current_setting('plan_cache_mode') AS mode`;
    expect(row!.mode).toBe("auto");
  });

  it("give the same rows with any parameter values (a generic plan is still exact)", async () => {
    const sql = "SELECT g FROM generate_series(1, $1::int) g WHERE g % $2::int = 0 ORDER BY g";
    for (const [n, k] of [
      [10, 2],
      [10, 3],
      [1, 5],
    ] as const) {
      const rows = await t.db.query<{ g: number }>(sql, [n, k], {
        name: "test_plan_series",
        genericPlan: true,
      });
      const expected = Array.from({ length: n }, (_, i) => i + 1).filter((g) => g % k === 0);
      expect(rows.map((r) => r.g)).toEqual(expected);
    }
  });
});
