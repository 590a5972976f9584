import type { OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../graphql/context.ts";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

const NOW = new Date("2026-11-20T03:00:00Z");
let api: TestApi;
let P: OrgUnit, D1: OrgUnit, D2: OrgUnit, G1: OrgUnit, G2: OrgUnit, G3: OrgUnit;
let C1: OrgUnit, C2: OrgUnit, C3: OrgUnit, C4: OrgUnit, C5: OrgUnit, C6: OrgUnit;
let provinceStaff: Viewer, provinceAdmin: Viewer, provinceLeader: Viewer;
let staffA: Viewer, secretaryA: Viewer;
let kl01: string, theme2023: number, theme2024: number;

const gql = (query: string, variables: Record<string, unknown>, viewer: Viewer) =>
  api.gql(query, variables, { viewer, now: NOW });

const SET = `mutation($y: Int!, $t: String!, $desc: String, $d: ID) {
  setStudyTheme(year: $y, title: $t, description: $desc, documentId: $d) { id year title description document { number } } }`;
const COVERAGE = `query($u: ID!, $y: Int!, $asOf: Date) { studyThemeCoverage(unitId: $u, year: $y, asOf: $asOf) {
  theme { year title } period { until treeDate }
  total { ...row } rows { ...row } } }
  fragment row on StudyThemeRow { name cells cellsCovered percent meetings }`;

async function ok(query: string, variables: Record<string, unknown>, viewer: Viewer) {
  const result = await gql(query, variables, viewer);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function coverage(unit: OrgUnit, year: number, asOf: string | null, viewer = provinceStaff) {
  return (await ok(COVERAGE, { u: String(unit.id), y: year, asOf }, viewer)).studyThemeCoverage;
}

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh ủy" });
  D1 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Ninh Hải", parent: P });
  D2 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Ninh Sơn", parent: P });
  G1 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng ủy xã Hộ Hải", parent: D1 });
  G2 = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ Trường THPT", parent: D1 });
  G3 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng ủy xã Lâm Sơn", parent: D2 });
  C1 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 1", parent: G1 });
  C2 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 2", parent: G1 });
  C3 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 3", parent: G1 });
  C4 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 4", parent: G1, validFrom: "2024-10-01" });
  C5 = await f.unit({ kind: "CELL", name: "Chi bộ thôn Lâm Hòa", parent: G3 });
  C6 = await f.unit({ kind: "CELL", name: "Chi bộ thôn Tân Hòa", parent: G3 });
  await f.dissolveUnit(C3, "2024-05-01");
  await f.moveUnit(C6, G1, "2024-07-01"); // from district 2 to district 1

  provinceStaff = viewerOf(await f.user({ unit: P, role: "STAFF" }));
  provinceAdmin = viewerOf(await f.user({ unit: P, role: "ADMIN" }));
  provinceLeader = viewerOf(await f.user({ unit: P, role: "LEADER" }));
  staffA = viewerOf(await f.user({ unit: D1, role: "STAFF" }));
  secretaryA = viewerOf(await f.user({ unit: C1, role: "SECRETARY" }));

  kl01 = (
    await ok(
      `mutation { createDocument(input: { number: "01-KL/TW", issuedOn: "2021-05-18", title: "Kết luận 01" }) { id } }`,
      {},
      provinceStaff,
    )
  ).createDocument.id;
  theme2023 = Number(
    (
      await ok(
        SET,
        { y: 2023, t: "Phát huy tinh thần trách nhiệm phục vụ Nhân dân" },
        provinceStaff,
      )
    ).setStudyTheme.id,
  );
  theme2024 = Number(
    (await ok(SET, { y: 2024, t: "Bảy dám", d: kl01 }, provinceAdmin)).setStudyTheme.id,
  );

  const meetings: [OrgUnit, string, "THEMATIC" | "REGULAR", number | null, boolean?][] = [
    [C1, "2024-03-15", "THEMATIC", theme2024],
    [C1, "2024-06-15", "THEMATIC", theme2024], // a second one: one more meeting, not one more cell
    [C2, "2024-04-05", "REGULAR", theme2024], // a regular meeting does not count
    [C2, "2024-07-15", "THEMATIC", theme2024, true], // a draft does not count
    [C2, "2024-08-15", "THEMATIC", null], // another theme
    [C3, "2024-02-15", "THEMATIC", theme2024], // C3 was dissolved in May
    [G2, "2024-09-15", "THEMATIC", theme2024],
    [C5, "2024-05-15", "THEMATIC", theme2023], // last year's theme
    [C5, "2025-01-10", "THEMATIC", theme2024], // the next year
    [C6, "2024-04-10", "THEMATIC", theme2024], // while still in district 2
    [C4, "2024-12-20", "THEMATIC", theme2024],
  ];
  for (const [unit, day, kind, studyThemeId, draft] of meetings)
    await api.db.prisma.meeting.create({
      data: {
        unitId: unit.id,
        kind,
        heldAt: new Date(`${day}T01:00:00Z`),
        heldOn: new Date(day),
        theme: "Học tập chủ đề năm",
        studyThemeId,
        draft: draft ?? false,
      },
    });
});
afterAll(() => api.close());

const row = (
  name: string,
  cells: number,
  cellsCovered: number,
  meetings: number,
  percent: number | null,
) => ({
  name,
  cells,
  cellsCovered,
  meetings,
  percent,
});

describe("study theme coverage", () => {
  it("counts the cells of the tree date that held a thematic meeting on the year's theme", async () => {
    const c = await coverage(P, 2024, "2024-12-31");
    expect(c.theme).toEqual({ year: 2024, title: "Bảy dám" });
    expect(c.period).toEqual({ until: "2024-12-31", treeDate: "2024-12-31" });
    // District 1: C1 (2 meetings), C2 (none that count), C4, C6 (moved in, studied it in April),
    // the grassroots cell G2. District 2: C5 (last year's theme only). C3 was dissolved.
    expect(c.total).toEqual(row("Tỉnh ủy", 6, 4, 5, 66.7));
    expect(c.rows).toEqual([
      row("Huyện ủy Ninh Hải", 5, 4, 5, 80),
      row("Huyện ủy Ninh Sơn", 1, 0, 0, 0),
    ]);
  });

  it("cuts at asOf, on the tree of that day", async () => {
    const december = await coverage(P, 2024, "2024-12-01");
    expect(december.rows[0]).toEqual(row("Huyện ủy Ninh Hải", 5, 3, 4, 60));
    const june = await coverage(P, 2024, "2024-06-30");
    // C6 was still in district 2; C4 did not exist; C3 was gone.
    expect(june.total).toEqual(row("Tỉnh ủy", 5, 2, 3, 40));
    expect(june.rows).toEqual([
      row("Huyện ủy Ninh Hải", 3, 1, 2, 33.3),
      row("Huyện ủy Ninh Sơn", 2, 1, 1, 50),
    ]);
  });

  it("rows are the direct subordinates; a cell queried directly is its own row", async () => {
    const district = await coverage(D1, 2024, "2024-12-31", staffA);
    expect(district.rows).toEqual([
      row("Chi bộ Trường THPT", 1, 1, 1, 100),
      row("Đảng ủy xã Hộ Hải", 4, 3, 4, 75),
    ]);
    const cell = await coverage(C1, 2024, "2024-12-31", secretaryA);
    expect(cell.total).toEqual(row("Chi bộ thôn 1", 1, 1, 2, 100));
    expect(cell.rows).toEqual([row("Chi bộ thôn 1", 1, 1, 2, 100)]);
    expect(codes(await gql(COVERAGE, { u: String(D2.id), y: 2024 }, staffA))).toEqual([
      "NOT_FOUND",
    ]);
    expect(codes(await gql(COVERAGE, { u: String(G1.id), y: 2024 }, secretaryA))).toEqual([
      "NOT_FOUND",
    ]);
  });

  it("a year without a theme covers nothing", async () => {
    const c = await coverage(P, 2022, null);
    expect(c.theme).toBeNull();
    expect(c.total).toMatchObject({ cellsCovered: 0, meetings: 0 });
    expect(c.total.cells).toBeGreaterThan(0);
  });
});

describe("setting the study theme", () => {
  it("is the province's: one per year, setting it again changes it, audited", async () => {
    const first = await ok(
      SET,
      { y: 2030, t: "Chủ đề 2030", desc: "Mô tả", d: kl01 },
      provinceStaff,
    );
    expect(first.setStudyTheme).toMatchObject({
      year: 2030,
      title: "Chủ đề 2030",
      description: "Mô tả",
      document: { number: "01-KL/TW" },
    });
    const again = await ok(SET, { y: 2030, t: "  Chủ đề mới  " }, provinceAdmin);
    expect(again.setStudyTheme).toEqual({
      id: first.setStudyTheme.id,
      year: 2030,
      title: "Chủ đề mới",
      description: null,
      document: null,
    });
    const audits = await api.db.prisma.auditLog.findMany({
      where: { entity: "StudyTheme", entityId: first.setStudyTheme.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.operation)).toEqual(["setStudyTheme", "setStudyTheme"]);
    expect(audits[1]!.before).toMatchObject({ title: "Chủ đề 2030" });
    expect(audits[1]!.after).toMatchObject({ title: "Chủ đề mới" });
    const list = await ok(`{ studyThemes { year title document { number } } }`, {}, secretaryA);
    expect(list.studyThemes.slice(0, 3)).toEqual([
      { year: 2030, title: "Chủ đề mới", document: null },
      { year: 2024, title: "Bảy dám", document: { number: "01-KL/TW" } },
      { year: 2023, title: "Phát huy tinh thần trách nhiệm phục vụ Nhân dân", document: null },
    ]);
  });

  it("refuses other units, other roles and bad input", async () => {
    expect(codes(await gql(SET, { y: 2031, t: "x" }, staffA))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(SET, { y: 2031, t: "x" }, provinceLeader))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(SET, { y: 2031, t: "x" }, secretaryA))).toEqual(["FORBIDDEN"]);
    for (const [variables, field] of [
      [{ y: 2031, t: "   " }, "title"],
      [{ y: 1999, t: "x" }, "year"],
      [{ y: 2031, t: "x", d: "abc" }, "documentId"],
    ] as const) {
      const result = await gql(SET, variables, provinceStaff);
      expect(result.errors![0]!.extensions, JSON.stringify(variables)).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
      });
    }
    expect(codes(await gql(SET, { y: 2031, t: "x", d: "999999" }, provinceStaff))).toEqual([
      "NOT_FOUND",
    ]);
    expect(await api.db.prisma.studyTheme.count({ where: { year: 2031 } })).toBe(0);
  });
});
