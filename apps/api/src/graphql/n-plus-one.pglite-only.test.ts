import { pgliteOf } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, viewerOf, type TestApi } from "../testing/harness.ts";

/**
 * No query per row: a nested query's number of SQL statements must not grow with the number of
 * rows it returns. Counted at the embedded database's driver (every statement goes through it).
 */
let api: TestApi;
let statements = 0;

async function build(cells: number, membersPerCell: number) {
  const { f } = api;
  const province = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: `Tỉnh ${cells}` });
  const gr = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Xã", parent: province });
  for (let c = 0; c < cells; c++) {
    const cell = await f.unit({ kind: "CELL", name: `Chi bộ ${c}`, parent: gr });
    const members = [];
    for (let m = 0; m < membersPerCell; m++) members.push(await f.member({ unit: cell }));
    for (const day of ["2026-01-05", "2026-02-05"]) {
      await api.db.prisma.meeting.create({
        data: {
          unitId: cell.id,
          kind: "REGULAR",
          heldAt: new Date(`${day}T02:00:00Z`),
          heldOn: new Date(day),
          attendance: {
            createMany: {
              data: members.map((m) => ({ memberId: m.id, status: "PRESENT" as const })),
            },
          },
        },
      });
    }
  }
  return viewerOf(await f.user({ unit: province, role: "ANALYST", pii: true }));
}

const NESTED = `{ rootUnits { name children { name memberCounts { total } children { name memberCounts { official }
  meetings(from: "2026-01-01", to: "2026-12-31", first: 2) { kind attendance { status member { fullName unit { name } } } } } } } }`;

async function count(
  viewer: Parameters<TestApi["gql"]>[2] extends infer O
    ? O extends { viewer?: infer V }
      ? V
      : never
    : never,
) {
  statements = 0;
  const result = await api.gql(NESTED, {}, { viewer, now: new Date("2026-06-01T00:00:00Z") });
  expect(result.errors?.[0]?.message).toBeUndefined();
  return { statements, rows: JSON.stringify(result.data).length };
}

beforeAll(async () => {
  api = await createTestApi();
  const pglite = pgliteOf(api.db)!;
  const query = pglite.query.bind(pglite);
  const exec = pglite.exec.bind(pglite);
  pglite.query = ((...args: Parameters<typeof query>) => {
    statements++;
    return query(...args);
  }) as typeof query;
  pglite.exec = ((...args: Parameters<typeof exec>) => {
    statements++;
    return exec(...args);
  }) as typeof exec;
});
afterAll(() => api.close());

describe("nested queries", () => {
  it("run the same number of statements for 2 cells × 2 members as for 8 cells × 6 members", async () => {
    const small = await count(await build(2, 2));
    const large = await count(await build(8, 6));
    console.log(
      `units → cells → meetings → attendance → members: ${small.statements} statements for 2×2, ${large.statements} for 8×6`,
    );
    expect(large.rows).toBeGreaterThan(small.rows * 5);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(20);
  });
});
