import type { OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

let api: TestApi;
let P: OrgUnit, A: OrgUnit, B: OrgUnit, K: OrgUnit, A1: OrgUnit, G: OrgUnit;

beforeAll(async () => {
  api = await createTestApi();
  const { f, db } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh" });
  A = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện A", parent: P });
  B = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện B", parent: P });
  K = await f.unit({ kind: "BLOCK_COMMITTEE", name: "Khối K", parent: P });
  A1 = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ A1", parent: A, sector: "SCHOOL" });
  const B1 = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ B1",
    parent: B,
    sector: "COMMUNE_WARD",
  });
  G = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ G",
    parent: K,
    sector: "NON_STATE_ENTERPRISE",
  });
  await f.member({ unit: A1, admittedOn: "2024-02-01", gender: "FEMALE", birthDate: "2000-01-01" });
  await f.member({ unit: A1, admittedOn: "2024-05-19", birthDate: "1980-01-01" });
  await f.member({ unit: B1, admittedOn: "2025-03-03", gender: "FEMALE", birthDate: "1995-01-01" });
  await f.member({ unit: G, admittedOn: "2024-09-02", birthDate: "1990-06-01" });
  await f.member({ unit: G, admittedOn: "2025-01-10", birthDate: "1991-06-01" });
  await f.member({ unit: G, admittedOn: "2025-06-10", birthDate: "2001-06-01" });
  await f.member({ unit: B1, admittedOn: "1995-01-01", birthDate: "1960-01-01" });
  await f.moveUnit(G, A, "2025-02-01");
  await f.dissolveUnit(K, "2025-02-01");
  await db.prisma.meeting.createMany({
    data: [
      {
        unitId: A1.id,
        kind: "REGULAR",
        heldAt: new Date("2025-03-05T02:00:00Z"),
        heldOn: new Date("2025-03-05"),
        presentCount: 2,
        excusedCount: 0,
        absentCount: 0,
      },
      {
        unitId: A1.id,
        kind: "THEMATIC",
        heldAt: new Date("2025-03-20T02:00:00Z"),
        heldOn: new Date("2025-03-20"),
        presentCount: 1,
        excusedCount: 1,
        absentCount: 0,
      },
      {
        unitId: B1.id,
        kind: "REGULAR",
        heldAt: new Date("2025-04-05T02:00:00Z"),
        heldOn: new Date("2025-04-05"),
        presentCount: 1,
        excusedCount: 0,
        absentCount: 1,
      },
    ],
  });
  api.defaultViewer = viewerOf(await f.user({ unit: P, role: "ANALYST" }));
});
afterAll(() => api.close());

const STATS = `query($m: StatsMetric!, $u: ID!, $g: [StatsDimension!]!, $from: Date, $to: Date, $asOf: Date, $d: Int) {
  stats(metric: $m, unitId: $u, groupBy: $g, from: $from, to: $to, asOf: $asOf, unitDepth: $d) { total truncated rows { keys value unit { name } } } }`;
const run = async (v: Record<string, unknown>) => {
  const r = await api.gql(STATS, { u: String(P.id), asOf: "2026-11-20", ...v });
  expect(r.errors).toBeUndefined();
  return r.data!.stats;
};
const table = (s: any) => Object.fromEntries(s.rows.map((r: any) => [r.keys.join("|"), r.value]));

describe("stats", () => {
  it("counts admissions by unit and year, each on the tree of its own day", async () => {
    const s = await run({
      m: "ADMISSIONS",
      g: ["UNIT", "YEAR"],
      from: "2024-01-01",
      to: "2025-12-31",
    });
    expect(s.total).toBe(6);
    expect(table(s)).toEqual({
      [`${A.id}|2024`]: 2,
      [`${K.id}|2024`]: 1,
      [`${K.id}|2025`]: 1, // 10 January 2025: G still under K
      [`${A.id}|2025`]: 1, // 10 June 2025: G under A
      [`${B.id}|2025`]: 1,
    });
    expect(s.rows.find((r: any) => r.keys[0] === String(K.id)).unit.name).toBe("Khối K");
  });

  it("groups by sector, gender and age band at admission", async () => {
    expect(
      table(await run({ m: "ADMISSIONS", g: ["SECTOR"], from: "2024-01-01", to: "2024-12-31" })),
    ).toEqual({ SCHOOL: 2, NON_STATE_ENTERPRISE: 1 });
    expect(
      table(
        await run({
          m: "ADMISSIONS",
          g: ["GENDER", "AGE_BAND"],
          from: "2024-01-01",
          to: "2025-12-31",
        }),
      ),
    ).toEqual({
      "FEMALE|UNDER_30": 1, // born 2000, admitted 2024
      "FEMALE|30_45": 1, // born 1995, admitted March 2025 at 30
      "MALE|30_45": 3,
      "MALE|UNDER_30": 1,
    });
  });

  it("counts members on a date by status and quarter-free dimensions, and refuses meaningless groupings", async () => {
    expect(table(await run({ m: "MEMBERS", g: ["UNIT"] }))).toEqual({
      [`${A.id}`]: 5,
      [`${B.id}`]: 2,
    });
    expect(table(await run({ m: "MEMBERS", g: ["STATUS"], asOf: "2025-07-01" }))).toEqual({
      OFFICIAL: 3,
      PROBATIONARY: 4,
    }); // September 2024's admission is official only from September 2025
    const r = await api.gql(STATS, { m: "MEMBERS", u: String(P.id), g: ["YEAR"] });
    expect(r.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "groupBy.0" });
  });

  it("sums meetings and attendance, and computes attendance rates", async () => {
    expect(
      table(await run({ m: "MEETINGS", g: ["KIND"], from: "2025-01-01", to: "2025-12-31" })),
    ).toEqual({ REGULAR: 2, THEMATIC: 1 });
    expect(
      (await run({ m: "ATTENDANCE", g: [], from: "2025-01-01", to: "2025-12-31" })).total,
    ).toBe(4);
    const rate = await run({
      m: "ATTENDANCE_RATE",
      g: ["MONTH"],
      from: "2025-01-01",
      to: "2025-12-31",
    });
    expect(table(rate)).toEqual({ "2025-03": 75, "2025-04": 50 });
    expect(rate.total).toBe(66.7);
  });

  it("stays inside the caller's subtree", async () => {
    const viewer = viewerOf(await api.f.user({ unit: B, role: "ANALYST" }));
    expect(
      codes(await api.gql(STATS, { m: "ADMISSIONS", u: String(P.id), g: [] }, { viewer })),
    ).toEqual(["NOT_FOUND"]);
    const own = await api.gql(
      STATS,
      { m: "ADMISSIONS", u: String(B.id), g: [], from: "2020-01-01", to: "2026-01-01" },
      { viewer },
    );
    expect(own.data!.stats.total).toBe(1);
  });
});
