import {
  compositionStale,
  memberCountHistoryStale,
  rebuildComposition,
  rebuildMemberCountHistory,
  rebuildProbationDue,
  rebuildStructureCounts,
  type OrgUnit,
} from "@dangbo/db";
import { todayIso } from "@dangbo/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

/**
 * A small province with a reorganisation: block K is dissolved on 2025-02-01 and its grassroots
 * cell G moves to district A. Every expectation below is counted by hand from this fixture.
 */
let api: TestApi;
let P: OrgUnit,
  A: OrgUnit,
  B: OrgUnit,
  K: OrgUnit,
  GA: OrgUnit,
  A1: OrgUnit,
  A2: OrgUnit,
  GB: OrgUnit,
  G: OrgUnit;
const ASOF = "2026-11-20";

beforeAll(async () => {
  api = await createTestApi();
  const { f, db } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh P" });
  A = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện A", parent: P });
  B = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện B", parent: P });
  K = await f.unit({ kind: "BLOCK_COMMITTEE", name: "Khối K", parent: P });
  GA = await f.unit({
    kind: "GRASSROOTS_COMMITTEE",
    name: "Xã A",
    parent: A,
    sector: "COMMUNE_WARD",
  });
  A1 = await f.unit({ kind: "CELL", name: "Chi bộ A1", parent: GA, sector: "RESIDENTIAL" });
  A2 = await f.unit({ kind: "CELL", name: "Chi bộ A2", parent: GA, sector: "RESIDENTIAL" });
  GB = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ Trường B",
    parent: B,
    sector: "SCHOOL",
  });
  G = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ Công ty G",
    parent: K,
    sector: "NON_STATE_ENTERPRISE",
  });

  const admit = (unit: OrgUnit, admittedOn: string, extra: Record<string, unknown> = {}) =>
    f.member({ unit, admittedOn, ...extra });
  // 2024: A1 ×3, A2 ×1, GB ×2, G ×2 (under K) = 8
  await admit(A1, "2024-01-10", { gender: "FEMALE", birthDate: "2000-01-01" });
  await admit(A1, "2024-03-05", { gender: "FEMALE", birthDate: "1990-06-01" });
  await admit(A1, "2024-03-20", { birthDate: "1985-01-01" });
  await admit(A2, "2024-12-31", { birthDate: "1970-01-01" });
  await admit(GB, "2024-05-19", {
    occupation: "STUDENT",
    birthDate: "2003-02-02",
    gender: "FEMALE",
  });
  await admit(GB, "2024-05-19", { occupation: "TEACHER", birthDate: "1995-02-02" });
  await admit(G, "2024-06-01", {
    occupation: "ENTERPRISE_EMPLOYEE",
    birthDate: "1999-09-09",
    ethnicity: "Chăm",
  });
  await admit(G, "2024-06-02", { occupation: "ENTERPRISE_EMPLOYEE", birthDate: "1998-09-09" });
  // 2025: G on 15 Jan (still under K), A1 on 10 Feb, G on 10 Mar (now under A) = 3
  await admit(G, "2025-01-15");
  await admit(A1, "2025-02-10");
  await admit(G, "2025-03-10");
  // Probationary, probation ends 2026-12-01 (within 60 days of ASOF), not yet official.
  await admit(A2, "2025-12-01", { officialOn: null });
  // Old official members.
  await admit(A1, "1999-01-01");
  await admit(GB, "1999-01-01");

  await f.moveUnit(G, A, "2025-02-01");
  await f.dissolveUnit(K, "2025-02-01");

  const targets: [OrgUnit, number, number][] = [
    [P, 2024, 10],
    [A, 2024, 4],
    [B, 2024, 2],
    [K, 2024, 4],
    [P, 2025, 6],
    [A, 2025, 4],
    [B, 2025, 1],
    [A, 2026, 5],
    [B, 2026, 3],
    [P, 2026, 7],
  ];
  await db.prisma.admissionTarget.createMany({
    data: targets.map(([u, year, target]) => ({ unitId: u.id, year, target })),
  });

  api.defaultViewer = viewerOf(await f.user({ unit: P, role: "LEADER" }));
});
afterAll(() => api.close());

const PROGRESS = `query($unitId: ID!, $year: Int!, $quarter: Int, $asOf: Date) {
  admissionProgress(unitId: $unitId, year: $year, quarter: $quarter, asOf: $asOf) {
    period { from until treeDate }
    unit { unitId name target admitted percent band monthly cumulative probationaryEndingSoon }
    rows { unitId name target admitted percent band current monthly cumulative pace }
    directAdmitted rowsTarget } }`;

const rowOf = (data: any, unit: OrgUnit) =>
  data.admissionProgress.rows.find((r: any) => r.unitId === String(unit.id));

describe("admissionProgress", () => {
  it("counts 2024 on the 2024 tree, with the dissolved block as a row", async () => {
    const { data, errors } = await api.gql(PROGRESS, {
      unitId: String(P.id),
      year: 2024,
      asOf: ASOF,
    });
    expect(errors).toBeUndefined();
    const p = data!.admissionProgress;
    expect(p.period).toEqual({ from: "2024-01-01", until: "2024-12-31", treeDate: "2024-12-31" });
    expect(p.unit).toMatchObject({ target: 10, admitted: 8, percent: 80, band: "MEDIUM" });
    expect(p.rows.map((r: any) => r.name)).toEqual(["Huyện A", "Huyện B", "Khối K"]);
    expect(rowOf(data, A)).toMatchObject({
      target: 4,
      admitted: 4,
      percent: 100,
      band: "MET",
      current: true,
    });
    expect(rowOf(data, B)).toMatchObject({ target: 2, admitted: 2, percent: 100 });
    expect(rowOf(data, K)).toMatchObject({
      target: 4,
      admitted: 2,
      percent: 50,
      band: "MEDIUM",
      current: true,
    });
    expect(p.directAdmitted).toBe(0);
    expect(p.rowsTarget).toBe(10);
    expect(rowOf(data, A).monthly).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(rowOf(data, A).cumulative).toEqual([1, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4]);
    expect(rowOf(data, A).pace[11]).toBe(4);
    expect(rowOf(data, A).pace[2]).toBe(1);
  });

  it("splits 2025 at the reorganisation: G's January admission stays with K, March goes to A", async () => {
    const { data } = await api.gql(PROGRESS, { unitId: String(P.id), year: 2025, asOf: ASOF });
    const p = data!.admissionProgress;
    expect(p.unit).toMatchObject({ admitted: 4, target: 6, percent: 66.7 });
    expect(rowOf(data, A)).toMatchObject({ admitted: 3, target: 4, percent: 75, current: true });
    expect(rowOf(data, K)).toMatchObject({
      admitted: 1,
      target: 0,
      percent: null,
      band: "NONE",
      current: false,
    });
    expect(rowOf(data, B)).toMatchObject({ admitted: 0, target: 1, percent: 0, band: "LOW" });
    expect(p.unit.admitted).toBe(
      p.rows.reduce((s: number, r: any) => s + r.admitted, 0) + p.directAdmitted,
    );
  });

  it("keeps the sums of a unit dissolved in the period: its rows count only what came while they were under it", async () => {
    const { data } = await api.gql(PROGRESS, { unitId: String(K.id), year: 2025, asOf: ASOF });
    const p = data!.admissionProgress;
    expect(p.unit.admitted).toBe(1); // G on 15 January; G's March admission belongs to A
    expect(p.rows.map((r: any) => [r.name, r.admitted, r.current])).toEqual([
      ["Chi bộ Công ty G", 1, false],
    ]);
    expect(p.directAdmitted).toBe(0);
  });

  it("does not change the 2024 figures when the tree changes later", async () => {
    const before = await api.gql(PROGRESS, { unitId: String(P.id), year: 2024, asOf: ASOF });
    const other = await api.f.unit({
      kind: "DISTRICT_COMMITTEE",
      name: "Huyện C",
      parent: P,
      validFrom: "2026-01-01",
    });
    await api.f.moveUnit(GA, other, "2026-06-01");
    const after = await api.gql(PROGRESS, { unitId: String(P.id), year: 2024, asOf: ASOF });
    expect(after.data).toEqual(before.data);
    await api.f.moveUnit(GA, A, "2026-06-02");
  });

  it("drills into a district and a grassroots organisation, keeping the sums", async () => {
    const district = await api.gql(PROGRESS, { unitId: String(A.id), year: 2024, asOf: ASOF });
    expect(district.data!.admissionProgress.rows.map((r: any) => [r.name, r.admitted])).toEqual([
      ["Xã A", 4],
    ]);
    const grassroots = await api.gql(PROGRESS, { unitId: String(GA.id), year: 2024, asOf: ASOF });
    expect(grassroots.data!.admissionProgress.rows.map((r: any) => [r.name, r.admitted])).toEqual([
      ["Chi bộ A1", 3],
      ["Chi bộ A2", 1],
    ]);
    const cell = await api.gql(PROGRESS, { unitId: String(GB.id), year: 2024, asOf: ASOF });
    expect(cell.data!.admissionProgress).toMatchObject({
      rows: [],
      directAdmitted: 2,
      unit: { admitted: 2 },
    });
  });

  it("takes a quarter, and cuts the period at asOf", async () => {
    const q1 = await api.gql(PROGRESS, {
      unitId: String(P.id),
      year: 2025,
      quarter: 1,
      asOf: ASOF,
    });
    expect(q1.data!.admissionProgress.unit.monthly).toEqual([1, 1, 1]);
    expect(q1.data!.admissionProgress.period).toMatchObject({
      from: "2025-01-01",
      until: "2025-03-31",
    });
    const cut = await api.gql(PROGRESS, { unitId: String(P.id), year: 2024, asOf: "2024-03-10" });
    expect(cut.data!.admissionProgress.unit.admitted).toBe(2);
    expect(cut.data!.admissionProgress.period).toMatchObject({
      until: "2024-03-10",
      treeDate: "2024-03-10",
    });
  });

  it("counts probations ending within 60 days", async () => {
    const { data } = await api.gql(PROGRESS, { unitId: String(P.id), year: 2026, asOf: ASOF });
    expect(data!.admissionProgress.unit.probationaryEndingSoon).toBe(1);
    expect(rowOf(data, A).admitted).toBe(0);
  });

  it("rejects bad arguments and unknown or out-of-scope units", async () => {
    expect(
      codes(await api.gql(PROGRESS, { unitId: String(P.id), year: 2024, quarter: 5 })),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await api.gql(PROGRESS, { unitId: String(P.id), year: 1800 }))).toEqual([
      "BAD_USER_INPUT",
    ]);
    expect(
      codes(await api.gql(PROGRESS, { unitId: String(P.id), year: 2026, asOf: "2025-06-01" })),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await api.gql(PROGRESS, { unitId: "99999", year: 2024 }))).toEqual(["NOT_FOUND"]);
    const leaderB = viewerOf(await api.f.user({ unit: B, role: "LEADER" }));
    expect(
      codes(await api.gql(PROGRESS, { unitId: String(A.id), year: 2024 }, { viewer: leaderB })),
    ).toEqual(["NOT_FOUND"]);
    const secretary = viewerOf(await api.f.user({ unit: A1, role: "SECRETARY" }));
    expect(
      codes(await api.gql(PROGRESS, { unitId: String(A1.id), year: 2024 }, { viewer: secretary })),
    ).toEqual(["FORBIDDEN"]);
  });
});

describe("the other panels", () => {
  it("summarises a unit: members, organisations, admissions, probations, pipeline", async () => {
    await api.db.prisma.candidate.create({
      data: {
        fullName: "Quần Chúng Một",
        nameSearch: "quan chung mot",
        gender: "MALE",
        birthDate: new Date("2001-01-01"),
        ethnicity: "Kinh",
        occupation: "WORKER",
        unitId: A1.id,
        stage: "VERIFIED",
        stageOn: new Date("2026-05-01"),
        registeredOn: new Date("2026-01-10"),
        events: {
          create: [
            { stage: "REGISTERED", occurredOn: new Date("2026-01-10") },
            { stage: "AWARENESS_CLASS", occurredOn: new Date("2026-03-01") },
            { stage: "VERIFIED", occurredOn: new Date("2026-05-01") },
          ],
        },
      },
    });
    const Q = `query($u: ID!, $y: Int!, $a: Date) { dashboardSummary(unitId: $u, year: $y, asOf: $a) {
      members { official probationary total } grassrootsCount cellCount admitted target percent band probationEndingSoon candidatesInPipeline } }`;
    const now = await api.gql(Q, { u: String(P.id), y: 2026, a: ASOF });
    expect(now.errors).toBeUndefined();
    // Members: 14 admitted; A2's 2025-12-01 admission is probationary; all others official by 2026-11-20 except those whose
    // probation ends after it: 2025-12-01 only. G moved with its members; nobody left.
    expect(now.data!.dashboardSummary).toMatchObject({
      members: { total: 14, probationary: 1, official: 13 },
      grassrootsCount: 3, // GA, GB, G (K dissolved)
      cellCount: 4, // A1, A2, GB, G
      admitted: 0,
      target: 7,
      percent: 0,
      probationEndingSoon: 1,
      candidatesInPipeline: 1,
    });
    const past = await api.gql(Q, { u: String(P.id), y: 2024, a: ASOF });
    expect(past.data!.dashboardSummary).toMatchObject({
      admitted: 8,
      target: 10,
      percent: 80,
      grassrootsCount: 3,
      cellCount: 4,
    });
    const beforePipeline = await api.gql(Q, { u: String(P.id), y: 2025, a: "2025-12-31" });
    expect(beforePipeline.data!.dashboardSummary.candidatesInPipeline).toBe(0);
    // Before the candidate's current stage (VERIFIED on 2026-05-01), from its history: still
    // in an awareness class on 2026-04-01 — in the pipeline; at another unit's root, not.
    const midway = await api.gql(Q, { u: String(P.id), y: 2026, a: "2026-04-01" });
    expect(midway.data!.dashboardSummary.candidatesInPipeline).toBe(1);
    const elsewhere = await api.gql(Q, { u: String(G.id), y: 2026, a: "2026-04-01" });
    expect(elsewhere.data!.dashboardSummary.candidatesInPipeline).toBe(0);
  });

  it("reads probations ending soon from the kept tables when they hold the day: the same as counted live", async () => {
    const Q = `query($u: ID!, $y: Int!, $a: Date) {
      dashboardSummary(unitId: $u, year: $y, asOf: $a) { probationEndingSoon }
      admissionProgress(unitId: $u, year: $y, asOf: $a) { unit { probationaryEndingSoon } rows { unitId probationaryEndingSoon } } }`;
    const cases: [OrgUnit, number, string][] = [
      [P, 2026, ASOF],
      [A, 2026, ASOF],
      [P, 2025, ASOF],
      [A, 2025, "2025-11-15"],
      [P, 2024, ASOF],
    ];
    const read = async () => {
      const out: unknown[] = [];
      for (const [unit, y, a] of cases) {
        const r = await api.gql(Q, { u: String(unit.id), y, a });
        expect(r.errors).toBeUndefined();
        out.push(r.data);
      }
      return out;
    };
    // Live first: neither kept table holds these days.
    await api.db.exec(
      `UPDATE rollup_state SET changes = changes + 1 WHERE name = 'member_count_history'`,
    );
    await api.db.exec(`UPDATE rollup_state SET covers_through = NULL WHERE name = 'probation_due'`);
    const live = await read();
    expect((live[0] as any).dashboardSummary.probationEndingSoon).toBe(1);
    expect((live[3] as any).dashboardSummary.probationEndingSoon).toBe(1);
    // Kept: probations by end day for ASOF, the past year-ends, and for 2025-11-15 nothing kept.
    const today = todayIso();
    await api.db.transaction((sql) => rebuildProbationDue(sql, ASOF));
    await api.db.transaction((sql) => rebuildMemberCountHistory(sql, today));
    expect(await read()).toEqual(live);
    const [kept] = await api.db.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM unit_probation_due WHERE unit_id = $1`,
      [P.id],
    );
    expect(kept!.n).toBeGreaterThan(0);
  });

  it("reads grassroots and cell counts from unit_structure_count while fresh: the same as counted live", async () => {
    const Q = `query($u: ID!, $y: Int!) { dashboardSummary(unitId: $u, year: $y, asOf: "${ASOF}") { grassrootsCount cellCount } }`;
    await api.db.transaction((sql) => rebuildStructureCounts(sql));
    const read = async () => {
      const out: unknown[] = [];
      for (const unit of [P, A, B, K, G])
        for (const y of [2024, 2025, 2026]) {
          const r = await api.gql(Q, { u: String(unit.id), y });
          if (unit === K && y > 2024) continue; // dissolved: not found on a later tree
          expect(r.errors).toBeUndefined();
          out.push(r.data!.dashboardSummary);
        }
      return out;
    };
    const kept = await read();
    expect(kept[0]).toEqual({ grassrootsCount: 3, cellCount: 4 });
    await api.db.exec(`UPDATE rollup_state SET changes = changes + 1 WHERE name = 'structure'`);
    expect(await read()).toEqual(kept);
    await api.db.transaction((sql) => rebuildStructureCounts(sql));
  });

  it("reads members on past quarter ends from the kept counts while fresh: the same as counted live", async () => {
    const Q = `query($u: ID!, $y: Int!, $q: Int) { dashboardSummary(unitId: $u, year: $y, quarter: $q, asOf: "${ASOF}") {
      members { official probationary total } probationEndingSoon } }`;
    const today = todayIso();
    await api.db.transaction((sql) => rebuildMemberCountHistory(sql, today));
    expect(await memberCountHistoryStale(api.db, today)).toBe(false);
    const read = async () => {
      const out: unknown[] = [];
      for (const unit of [P, A, B, K, G])
        for (const [y, q] of [
          [2024, null],
          [2025, null],
          [2025, 1],
          [2025, 2],
          [2024, 3],
        ]) {
          const r = await api.gql(Q, { u: String(unit.id), y, q });
          expect(r.errors).toBeUndefined();
          out.push(r.data!.dashboardSummary);
        }
      return out;
    };
    const kept = await read();
    const [row] = await api.db.query<{ n: number }>(
      `SELECT COUNT(DISTINCT counted_on)::int AS n FROM unit_member_count_history
       WHERE counted_on IN ('2024-12-31', '2025-12-31', '2025-03-31', '2025-06-30', '2024-09-30')`,
    );
    expect(row!.n).toBe(5);
    // 2024-12-31: 8 admitted in 2024 and the 2 of 1999; the one admitted that day is probationary.
    expect(kept[0]).toMatchObject({ members: { total: 10 } });
    // Stale (a write could have changed them): counted live, the same figures.
    await api.db.exec(
      `UPDATE rollup_state SET changes = changes + 1 WHERE name = 'member_count_history'`,
    );
    expect(await read()).toEqual(kept);
    await api.db.transaction((sql) => rebuildMemberCountHistory(sql, today));
  });

  it("gives the trend per year, each on its own tree", async () => {
    const { data } = await api.gql(
      `query($u: ID!) { admissionTrend(unitId: $u, fromYear: 2023, toYear: 2025, asOf: "${ASOF}") { year admitted target percent } }`,
      { u: String(P.id) },
    );
    expect(data!.admissionTrend).toEqual([
      { year: 2023, admitted: 0, target: 0, percent: null },
      { year: 2024, admitted: 8, target: 10, percent: 80 },
      { year: 2025, admitted: 4, target: 6, percent: 66.7 },
    ]);
    const k = await api.gql(
      `query($u: ID!) { admissionTrend(unitId: $u, fromYear: 2024, toYear: 2025) { year admitted } }`,
      { u: String(K.id) },
    );
    expect(k.data!.admissionTrend).toEqual([
      { year: 2024, admitted: 2 },
      { year: 2025, admitted: 1 },
    ]);
  });

  it("groups new members by gender, sector, occupation, age band and ethnicity", async () => {
    const Q = `query($u: ID!, $by: CompositionDimension!) { admissionComposition(unitId: $u, year: 2024, asOf: "${ASOF}", by: $by) { key count share } }`;
    const get = async (by: string) =>
      (await api.gql(Q, { u: String(P.id), by })).data!.admissionComposition;
    expect(await get("GENDER")).toEqual([
      { key: "MALE", count: 5, share: 62.5 },
      { key: "FEMALE", count: 3, share: 37.5 },
    ]);
    expect(await get("SECTOR")).toEqual([
      { key: "RESIDENTIAL", count: 4, share: 50 },
      { key: "NON_STATE_ENTERPRISE", count: 2, share: 25 },
      { key: "SCHOOL", count: 2, share: 25 },
    ]);
    expect(await get("AGE_BAND")).toEqual([
      { key: "UNDER_30", count: 5, share: 62.5 },
      { key: "30_45", count: 2, share: 25 },
      { key: "46_60", count: 1, share: 12.5 },
    ]);
    expect((await get("ETHNICITY")).find((s: any) => s.key === "Chăm")).toEqual({
      key: "Chăm",
      count: 1,
      share: 12.5,
    });
    expect((await get("OCCUPATION")).find((s: any) => s.key === "STUDENT")).toMatchObject({
      count: 1,
    });
  });

  it("reads the composition from admission_composition while fresh: the same as counted live", async () => {
    const Q = `query($u: ID!, $y: Int!, $q: Int, $a: Date, $by: CompositionDimension!) {
      admissionComposition(unitId: $u, year: $y, quarter: $q, asOf: $a, by: $by) { key count share } }`;
    const cases: [OrgUnit, number, number | null, string][] = [
      [P, 2024, null, ASOF],
      [P, 2024, 1, ASOF],
      [P, 2024, null, "2024-03-10"], // March cut, an admission later that month: live
      [P, 2024, null, "2024-06-01"], // June cut, one admitted on 2 June: live
      [P, 2024, null, "2024-12-31"],
      [P, 2025, null, ASOF],
      [P, 2025, 1, ASOF],
      [A, 2024, null, ASOF],
      [A, 2025, null, ASOF],
      [A, 2025, null, "2025-03-20"], // March cut, nothing later: from the table
      [B, 2024, null, ASOF],
      [K, 2024, null, ASOF],
      [GA, 2024, null, ASOF], // a grassroots committee: always live
      [P, 2026, null, ASOF],
    ];
    const dimensions = ["GENDER", "SECTOR", "AGE_BAND", "ETHNICITY", "OCCUPATION"];
    const read = async () => {
      const out: unknown[] = [];
      for (const [unit, y, q, a] of cases)
        for (const by of dimensions) {
          const r = await api.gql(Q, { u: String(unit.id), y, q, a, by });
          expect(r.errors).toBeUndefined();
          out.push(r.data!.admissionComposition);
        }
      return out;
    };
    await api.db.exec(`UPDATE rollup_state SET changes = changes + 1 WHERE name = 'composition'`);
    const live = await read();
    expect(live[0]).toEqual([
      { key: "MALE", count: 5, share: 62.5 },
      { key: "FEMALE", count: 3, share: 37.5 },
    ]);
    await api.db.transaction((sql) => rebuildComposition(sql));
    expect(await compositionStale(api.db)).toBe(false);
    const [row] = await api.db.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM admission_composition WHERE unit_id = $1 AND year = 2024`,
      [P.id],
    );
    expect(row!.n).toBeGreaterThan(0);
    expect(await read()).toEqual(live);
    // The stored rows are what is read (a damaged row shows), while fresh.
    await api.db.query(
      `UPDATE admission_composition SET admitted = admitted + 10 WHERE unit_id = $1 AND year = 2024 AND month = 1 AND dimension = 'GENDER'`,
      [P.id],
    );
    // January 2024: one woman, now 11 — FEMALE 13, MALE 5.
    expect((await read())[0]).toEqual([
      { key: "FEMALE", count: 13, share: 72.2 },
      { key: "MALE", count: 5, share: 27.8 },
    ]);
    await api.db.transaction((sql) => rebuildComposition(sql));
    // A member's gender edited: stale, counted live — the new figures.
    const [m] = await api.db.query<{ id: number }>(
      `SELECT e.member_id AS id FROM member_event e WHERE e.kind = 'ADMITTED' AND e.unit_id = $1 ORDER BY e.id LIMIT 1`,
      [A1.id],
    );
    await api.db.query(`UPDATE member SET gender = 'MALE' WHERE id = $1 AND gender = 'FEMALE'`, [
      m!.id,
    ]);
    expect(await compositionStale(api.db)).toBe(true);
    const edited = await read();
    expect(edited[0]).toEqual([
      { key: "MALE", count: 6, share: 75 },
      { key: "FEMALE", count: 2, share: 25 },
    ]);
    await api.db.transaction((sql) => rebuildComposition(sql));
    expect(await read()).toEqual(edited);
    await api.db.query(`UPDATE member SET gender = 'FEMALE' WHERE id = $1`, [m!.id]);
    await api.db.transaction((sql) => rebuildComposition(sql));
    expect(await read()).toEqual(live);
  });

  it("reports the kept figures: how each is kept, whether fresh, when last recomputed", async () => {
    const Q = `{ keptFigures { name tables upkeep fresh refreshedAt coversFrom coversThrough } }`;
    const read = async () => {
      const r = await api.gql(Q);
      expect(r.errors).toBeUndefined();
      return new Map(
        (r.data!.keptFigures as { name: string }[]).map((k) => [
          k.name,
          k as Record<string, unknown>,
        ]),
      );
    };
    const before = Date.now();
    await api.db.transaction((sql) => rebuildComposition(sql));
    const fresh = await read();
    expect([...fresh.keys()]).toEqual([
      "admissions",
      "member_counts",
      "probation_due",
      "composition",
      "member_count_history",
      "structure",
    ]);
    expect(fresh.get("admissions")).toMatchObject({ upkeep: "IN_TRANSACTION", fresh: true });
    const composition = fresh.get("composition")!;
    expect(composition).toMatchObject({
      tables: ["admission_composition", "unit_recognition_month"],
      upkeep: "IN_TRANSACTION",
      fresh: true,
      coversFrom: `${Number(new Date().toISOString().slice(0, 4)) - 5}-01-01`,
    });
    const refreshed = Date.parse(composition.refreshedAt as string);
    expect(refreshed).toBeGreaterThanOrEqual(before - 5_000);
    expect(refreshed).toBeLessThanOrEqual(Date.now() + 5_000);
    // A rarer write makes it stale (the dashboard then counts live) until the next rebuild.
    await api.db.query(`UPDATE org_unit SET sector = sector WHERE id = $1`, [A1.id]);
    expect((await read()).get("composition")).toMatchObject({ fresh: false });
    await api.db.transaction((sql) => rebuildComposition(sql));
    expect((await read()).get("composition")).toMatchObject({ fresh: true });
  });

  it("shows the pipeline funnel with conversions", async () => {
    const { data } = await api.gql(
      `query($u: ID!) { admissionFunnel(unitId: $u, year: 2026, asOf: "${ASOF}") { stage count conversion } }`,
      { u: String(P.id) },
    );
    expect(data!.admissionFunnel).toEqual([
      { stage: "AWARENESS_CLASS", count: 1, conversion: null },
      { stage: "VERIFIED", count: 1, conversion: 100 },
      { stage: "PROPOSED", count: 0, conversion: 0 },
      { stage: "ADMITTED", count: 0, conversion: null },
      // Recognitions in 2026: the 2025 admissions (1-year probation) — A1 10 Feb, G 10 Mar, G 15 Jan.
      { stage: "OFFICIAL", count: 3, conversion: null },
    ]);
  });

  it("reads the funnel's admissions and recognitions from the kept tables while fresh: the same as counted live", async () => {
    const Q = `query($u: ID!, $y: Int!, $q: Int, $a: Date) {
      admissionFunnel(unitId: $u, year: $y, quarter: $q, asOf: $a) { stage count conversion } }`;
    const cases: [OrgUnit, number, number | null, string][] = [
      [P, 2024, null, ASOF],
      [P, 2024, null, "2024-03-10"],
      [P, 2025, null, ASOF],
      [P, 2025, 1, ASOF],
      [P, 2025, null, "2025-01-12"], // January cut, recognitions later that month: live
      [P, 2025, null, "2025-03-25"],
      [P, 2026, null, ASOF],
      [P, 2026, 1, ASOF],
      [A, 2025, null, ASOF],
      [A, 2026, null, ASOF],
      [B, 2025, null, ASOF],
      [K, 2024, null, ASOF],
      [GA, 2025, null, ASOF], // a grassroots committee: always live
    ];
    const read = async () => {
      const out: unknown[] = [];
      for (const [unit, y, q, a] of cases) {
        const r = await api.gql(Q, { u: String(unit.id), y, q, a });
        expect(r.errors).toBeUndefined();
        out.push(r.data!.admissionFunnel);
      }
      return out;
    };
    await api.db.exec(`UPDATE rollup_state SET changes = changes + 1 WHERE name = 'composition'`);
    const live = await read();
    expect((live[6] as { stage: string; count: number }[])[4]).toEqual({
      stage: "OFFICIAL",
      count: 3,
      conversion: null,
    });
    await api.db.transaction((sql) => rebuildComposition(sql));
    const [row] = await api.db.query<{ n: number }>(
      `SELECT COALESCE(SUM(recognised), 0)::int AS n FROM unit_recognition_month WHERE unit_id = $1 AND year = 2026`,
      [P.id],
    );
    expect(row!.n).toBe(3);
    expect(await read()).toEqual(live);
    // The stored rows are what is read while fresh (a damaged row shows).
    await api.db.query(
      `UPDATE unit_recognition_month SET recognised = recognised + 10 WHERE unit_id = $1 AND year = 2026`,
      [P.id],
    );
    const damaged = await read();
    expect((damaged[6] as { count: number }[])[4]!.count).toBeGreaterThan(10);
    await api.db.transaction((sql) => rebuildComposition(sql));
    expect(await read()).toEqual(live);
  });
});

describe("the month cut by asOf", () => {
  it("takes it from the rollup when nothing is admitted later that month, else counts it live — the same figures", async () => {
    const { f } = api;
    const Q = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh Q" });
    const D = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện D", parent: Q });
    const C = await f.unit({
      kind: "GRASSROOTS_CELL",
      name: "Chi bộ C",
      parent: D,
      sector: "SCHOOL",
    });
    const viewer = viewerOf(await f.user({ unit: Q, role: "LEADER" }));
    await f.member({ unit: C, admittedOn: "2026-03-02" });
    await f.member({ unit: C, admittedOn: "2026-03-10" });
    const figures = async (asOf: string) => {
      const { data } = await api.gql(
        `query($u: ID!, $a: Date) {
          admissionProgress(unitId: $u, year: 2026, asOf: $a) { unit { admitted monthly } rows { admitted } }
          dashboardSummary(unitId: $u, year: 2026, asOf: $a) { admitted }
          admissionTrend(unitId: $u, fromYear: 2026, toYear: 2026, asOf: $a) { admitted }
        }`,
        { u: String(Q.id), a: asOf },
        { viewer },
      );
      return {
        progress: data!.admissionProgress.unit.admitted,
        march: data!.admissionProgress.unit.monthly[2],
        row: data!.admissionProgress.rows[0].admitted,
        summary: data!.dashboardSummary.admitted,
        trend: data!.admissionTrend[0].admitted,
      };
    };
    // 5 March: the 10 March admission is in March's rollup row but after asOf — counted live.
    expect(await figures("2026-03-05")).toEqual({
      progress: 1,
      march: 1,
      row: 1,
      summary: 1,
      trend: 1,
    });
    // 20 March: nothing later in March, the rollup row is complete.
    expect(await figures("2026-03-20")).toEqual({
      progress: 2,
      march: 2,
      row: 2,
      summary: 2,
      trend: 2,
    });
    // The last day of the month and the first of the next (no cut month).
    expect((await figures("2026-03-31")).summary).toBe(2);
    expect((await figures("2026-04-01")).summary).toBe(2);
  });
});
