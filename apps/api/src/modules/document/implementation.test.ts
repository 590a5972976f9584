import type { OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../graphql/context.ts";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

const NOW = new Date("2026-11-20T03:00:00Z");
let api: TestApi;
let P: OrgUnit, D1: OrgUnit, D2: OrgUnit, C1: OrgUnit;
let G1: OrgUnit, G2: OrgUnit, G3: OrgUnit, G4: OrgUnit, G5: OrgUnit, G6: OrgUnit, G7: OrgUnit;
let provinceStaff: Viewer, staffA: Viewer, staffB: Viewer, leaderA: Viewer, secretaryA: Viewer;
let nq21: string, nq12: string, ownB: string;

const gql = (query: string, variables: Record<string, unknown>, viewer: Viewer) =>
  api.gql(query, variables, { viewer, now: NOW });

const REQUIRE = `mutation($d: ID!, $s: ID!, $k: [OrgUnitKind!]!, $due: Date!) {
  setImplementationRequirement(documentId: $d, scopeUnitId: $s, unitKinds: $k, dueOn: $due) {
    id unitKinds dueOn document { number } scopeUnit { id } } }`;
const PLAN = `mutation($d: ID!, $u: ID!, $on: Date!, $ref: String!, $kind: PlanKind! = PLAN) {
  recordImplementationPlan(documentId: $d, unitId: $u, kind: $kind, issuedOn: $on, reference: $ref) {
    id kind issuedOn reference unit { id } document { number } } }`;
const REVIEW = `mutation($d: ID!, $u: ID!, $k: ReviewKind!, $on: Date!, $s: String) {
  recordDocumentReview(documentId: $d, unitId: $u, kind: $k, heldOn: $on, summary: $s) { id kind heldOn summary } }`;
const COVERAGE = `query($d: ID!, $u: ID!, $asOf: Date, $status: [ImplementationStatus!], $first: Int, $after: String) {
  implementationCoverage(documentId: $d, unitId: $u, asOf: $asOf, status: $status, first: $first, after: $after) {
    asOf document { number } unit { id } requirements { dueOn }
    total { ...row } rows { ...row }
    units { totalCount pageInfo { hasNextPage endCursor } edges { node {
      name status dueOn groupName planIssuedOn planReference planKind daysLate disseminatedOn
      midTermReviewOn finalReviewOn dissolvedOn unit { id } } } } } }
  fragment row on CoverageRow { name required issued onTime late overdue pending disseminated
    midTermReviewed finalReviewed percent onTimePercent disseminatedPercent }`;

async function ok(query: string, variables: Record<string, unknown>, viewer: Viewer) {
  const result = await gql(query, variables, viewer);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function coverage(
  unit: OrgUnit,
  asOf: string | null,
  viewer: Viewer = provinceStaff,
  extra: Record<string, unknown> = {},
  document = nq21,
) {
  return (await ok(COVERAGE, { d: document, u: String(unit.id), asOf, ...extra }, viewer))
    .implementationCoverage;
}

const row = (
  name: string,
  counts: Partial<
    Record<
      | "required"
      | "issued"
      | "onTime"
      | "late"
      | "overdue"
      | "pending"
      | "disseminated"
      | "midTermReviewed"
      | "finalReviewed",
      number
    >
  >,
) => expect.objectContaining({ name, ...counts });

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh ủy" });
  D1 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Ninh Hải", parent: P });
  D2 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Ninh Sơn", parent: P });
  G1 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng ủy xã Hộ Hải", parent: D1 });
  C1 = await f.unit({ kind: "CELL", name: "Chi bộ thôn Gò Đền", parent: G1 });
  G2 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng ủy xã Nhơn Hải", parent: D1 });
  G3 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng ủy xã Phương Hải", parent: D1 });
  G4 = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ Trường THPT Ninh Hải",
    parent: D1,
    validFrom: "2023-01-10",
  });
  G5 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng ủy xã Lâm Sơn", parent: D2 });
  G6 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng ủy xã Lương Sơn", parent: D2 });
  G7 = await f.unit({
    kind: "GRASSROOTS_COMMITTEE",
    name: "Đảng ủy xã Quảng Sơn",
    parent: D2,
    validFrom: "2025-02-01",
  });
  await f.dissolveUnit(G2, "2022-08-01"); // before the due date: never required
  await f.dissolveUnit(G3, "2023-03-01"); // after it: still owed its plan
  await f.moveUnit(G6, D1, "2023-06-01"); // district 2 → district 1

  provinceStaff = viewerOf(await f.user({ unit: P, role: "STAFF" }));
  staffA = viewerOf(await f.user({ unit: D1, role: "STAFF" }));
  staffB = viewerOf(await f.user({ unit: D2, role: "ADMIN" }));
  leaderA = viewerOf(await f.user({ unit: D1, role: "LEADER" }));
  secretaryA = viewerOf(await f.user({ unit: C1, role: "SECRETARY" }));

  const doc = async (input: Record<string, unknown>, viewer = provinceStaff) =>
    (
      await ok(
        `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
        { input },
        viewer,
      )
    ).createDocument.id as string;
  nq21 = await doc({ number: "21-NQ/TW", issuedOn: "2022-06-16", title: "Nghị quyết 21" });
  nq12 = await doc({
    number: "12-NQ/TU",
    issuedOn: "2022-09-15",
    title: "Nghị quyết 12 của Tỉnh ủy",
    issuerUnitId: String(P.id),
  });
  ownB = await doc(
    { number: "7-KH/HU", issuedOn: "2023-04-01", title: "Kế hoạch", issuerUnitId: String(D2.id) },
    staffB,
  );

  // 21-NQ/TW of 16 June 2022: every grassroots organisation of the province issues a plan by
  // 30 September 2022 (106 days).
  await ok(
    REQUIRE,
    {
      d: nq21,
      s: String(P.id),
      k: ["GRASSROOTS_COMMITTEE", "GRASSROOTS_CELL"],
      due: "2022-09-30",
    },
    provinceStaff,
  );
  // 12-NQ/TU: the province's grassroots committees, by the end of 2022.
  await ok(
    REQUIRE,
    { d: nq12, s: String(P.id), k: ["GRASSROOTS_COMMITTEE"], due: "2022-12-31" },
    provinceStaff,
  );
  await ok(PLAN, { d: nq21, u: String(G1.id), on: "2022-08-01", ref: "15-KH/ĐU" }, staffA);
  await ok(PLAN, { d: nq21, u: String(G3.id), on: "2022-10-15", ref: "22-KH/ĐU" }, staffA); // 15 days late
  await ok(PLAN, { d: nq21, u: String(G5.id), on: "2022-09-30", ref: "9-KH/ĐU" }, staffB); // on the day
  await ok(PLAN, { d: nq21, u: String(G4.id), on: "2023-03-01", ref: "3-KH/CB" }, staffA); // due 26 April 2023
  const conference = (unit: OrgUnit, heldOn: string) =>
    ok(
      `mutation($input: RecordConferenceInput!) { recordConference(input: $input) { id } }`,
      {
        input: {
          kind: "DISSEMINATION",
          title: "Quán triệt Nghị quyết 21",
          organiserUnitId: String(unit.id),
          heldOn,
          format: "IN_PERSON",
          audience: "MEMBERS",
          attendeeCount: 60,
          documentIds: [nq21],
        },
      },
      provinceStaff,
    );
  await conference(G1, "2022-07-20");
  await conference(G5, "2022-12-01");
  await conference(D1, "2022-07-01"); // the district's own: D1 is not required
  await ok(REVIEW, { d: nq21, u: String(G1.id), k: "MID_TERM", on: "2024-06-30" }, staffA);
  await ok(REVIEW, { d: nq21, u: String(G5.id), k: "FINAL", on: "2025-12-01" }, staffB);
});
afterAll(() => api.close());

describe("the implementation matrix", () => {
  it("counts required units on a date, with units dissolved after the due date and created after it", async () => {
    const c = await coverage(P, "2024-01-01");
    expect(c.document).toEqual({ number: "21-NQ/TW" });
    expect(c.requirements).toEqual([{ dueOn: "2022-09-30" }]);
    // Required: G1, G3 (dissolved after the due date), G4 (created after it), G6 (moved to
    // district 1), G5. Not G2 (dissolved before the due date), nor G7 (created in 2025).
    expect(c.total).toEqual({
      name: "Tỉnh ủy",
      required: 5,
      issued: 4,
      onTime: 3,
      late: 1,
      overdue: 1,
      pending: 0,
      disseminated: 2,
      midTermReviewed: 0, // held on 30 June 2024, after asOf
      finalReviewed: 0,
      percent: 80,
      onTimePercent: 60,
      disseminatedPercent: 40,
    });
    expect(c.rows).toEqual([
      row("Huyện ủy Ninh Hải", {
        required: 4,
        issued: 3,
        onTime: 2,
        late: 1,
        overdue: 1,
        disseminated: 1,
      }),
      row("Huyện ủy Ninh Sơn", { required: 1, issued: 1, onTime: 1, overdue: 0, disseminated: 1 }),
    ]);
    expect(c.rows[0].percent).toBe(75);
    expect(c.units.totalCount).toBe(1);
    expect(c.units.edges[0].node).toEqual({
      name: "Đảng ủy xã Lương Sơn",
      status: "OVERDUE",
      dueOn: "2022-09-30",
      groupName: "Huyện ủy Ninh Hải",
      planIssuedOn: null,
      planReference: null,
      planKind: null,
      daysLate: null,
      disseminatedOn: null,
      midTermReviewOn: null,
      finalReviewOn: null,
      dissolvedOn: null,
      unit: { id: String(G6.id) },
    });
  });

  it("flags late plans with the days late, and lists plans, dissemination and reviews per unit", async () => {
    const c = await coverage(P, "2024-12-31", provinceStaff, { status: ["ON_TIME", "LATE"] });
    const units = c.units.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(units.map((u: { name: string }) => u.name)).toEqual([
      "Chi bộ Trường THPT Ninh Hải",
      "Đảng ủy xã Hộ Hải",
      "Đảng ủy xã Phương Hải",
      "Đảng ủy xã Lâm Sơn",
    ]);
    expect(units[0]).toMatchObject({
      status: "ON_TIME",
      dueOn: "2023-04-26",
      planIssuedOn: "2023-03-01",
    });
    expect(units[1]).toMatchObject({
      status: "ON_TIME",
      planKind: "PLAN",
      planReference: "15-KH/ĐU",
      disseminatedOn: "2022-07-20",
      midTermReviewOn: "2024-06-30",
    });
    expect(units[2]).toMatchObject({
      status: "LATE",
      daysLate: 15,
      planIssuedOn: "2022-10-15",
      dissolvedOn: "2023-03-01",
      groupName: "Huyện ủy Ninh Hải",
    });
    expect(units[3]).toMatchObject({ status: "ON_TIME", groupName: "Huyện ủy Ninh Sơn" });
    // Pages of the list.
    const first = await coverage(P, "2024-12-31", provinceStaff, {
      status: ["ON_TIME", "LATE"],
      first: 3,
    });
    expect(first.units.pageInfo.hasNextPage).toBe(true);
    const next = await coverage(P, "2024-12-31", provinceStaff, {
      status: ["ON_TIME", "LATE"],
      first: 3,
      after: first.units.pageInfo.endCursor,
    });
    expect(next.units.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      "Đảng ủy xã Lâm Sơn",
    ]);
    expect(next.units.pageInfo.hasNextPage).toBe(false);
  });

  it("uses the tree of the as-of date: before the move, before the creation", async () => {
    const c = await coverage(P, "2023-01-01");
    // G6 was still in district 2; G4 did not exist yet; G3 still existed.
    expect(c.total).toMatchObject({ required: 4, issued: 3, onTime: 2, late: 1, overdue: 1 });
    expect(c.rows).toEqual([
      row("Huyện ủy Ninh Hải", { required: 2, issued: 2, late: 1 }),
      row("Huyện ủy Ninh Sơn", { required: 2, issued: 1, overdue: 1 }),
    ]);
  });

  it("before the due date: plans not yet issued are pending, units already dissolved are not required", async () => {
    const mid = await coverage(P, "2022-09-15");
    expect(mid.total).toMatchObject({
      required: 4,
      issued: 1,
      onTime: 1,
      pending: 3,
      overdue: 0,
      percent: 25,
    });
    const early = await coverage(P, "2022-07-15");
    // G2 still existed on 15 July 2022 (it was dissolved on 1 August, before the due date).
    expect(early.total).toMatchObject({ required: 5, issued: 0, pending: 5, disseminated: 0 });
    expect(early.units.edges.map((e: { node: { name: string } }) => e.node.name)).toContain(
      "Đảng ủy xã Nhơn Hải",
    );
  });

  it("requires a unit created after the due date within the same number of days", async () => {
    const c = await coverage(P, null); // today: 20 November 2026
    expect(c.asOf).toBe("2026-11-20");
    expect(c.total).toMatchObject({
      required: 6,
      issued: 4,
      overdue: 2,
      midTermReviewed: 1,
      finalReviewed: 1,
      percent: 66.7,
    });
    const missing = c.units.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(
      missing.map((u: { name: string; status: string; dueOn: string }) => [
        u.name,
        u.status,
        u.dueOn,
      ]),
    ).toEqual([
      ["Đảng ủy xã Lương Sơn", "OVERDUE", "2022-09-30"],
      ["Đảng ủy xã Quảng Sơn", "OVERDUE", "2025-05-18"], // created 1 Feb 2025 + 106 days
    ]);
    const before = await coverage(P, "2025-03-01");
    expect(
      before.units.edges.find(
        (e: { node: { name: string } }) => e.node.name === "Đảng ủy xã Quảng Sơn",
      ).node.status,
    ).toBe("PENDING");
  });

  it("shows a district its own subtree, one row per grassroots organisation", async () => {
    const c = await coverage(D1, "2024-01-01", staffA);
    expect(c.total).toMatchObject({ name: "Huyện ủy Ninh Hải", required: 4, issued: 3 });
    expect(
      c.rows.map((r: { name: string; required: number; issued: number }) => [
        r.name,
        r.required,
        r.issued,
      ]),
    ).toEqual([
      ["Chi bộ Trường THPT Ninh Hải", 1, 1],
      ["Đảng ủy xã Hộ Hải", 1, 1],
      ["Đảng ủy xã Lương Sơn", 1, 0],
      ["Đảng ủy xã Phương Hải", 1, 1],
    ]);
    expect(codes(await gql(COVERAGE, { d: nq21, u: String(P.id) }, staffA))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(COVERAGE, { d: nq21, u: String(D2.id) }, staffA))).toEqual([
      "NOT_FOUND",
    ]);
    expect(codes(await gql(COVERAGE, { d: ownB, u: String(D1.id) }, staffA))).toEqual([
      "NOT_FOUND",
    ]);
    const cell = await coverage(C1, null, secretaryA);
    expect(cell.total).toMatchObject({ required: 0, percent: null });
    expect(cell.rows).toEqual([]);
    // A grassroots organisation queried directly is its own row.
    const g1 = await coverage(G1, "2024-01-01", staffA);
    expect(g1.rows).toEqual([row("Đảng ủy xã Hộ Hải", { required: 1, issued: 1 })]);
  });

  it("combines overlapping requirements: kinds add up, the earliest due date wins", async () => {
    const district = await ok(
      REQUIRE,
      { d: nq12, s: String(D1.id), k: ["CELL"], due: "2023-01-31" },
      staffA,
    );
    const c1 = await coverage(D1, "2024-01-01", staffA, {}, nq12);
    // Committees G1, G3, G6 (the province's requirement) and cell C1 (the district's).
    expect(c1.total.required).toBe(4);
    // Setting the district's requirement again changes it: the grassroots cell G4 joins.
    const again = await ok(
      REQUIRE,
      { d: nq12, s: String(D1.id), k: ["CELL", "GRASSROOTS_CELL"], due: "2023-01-31" },
      staffA,
    );
    expect(again.setImplementationRequirement.id).toBe(district.setImplementationRequirement.id);
    expect(
      await api.db.prisma.implementationRequirement.count({ where: { documentId: Number(nq12) } }),
    ).toBe(2);
    const c2 = await coverage(D1, "2024-01-01", staffA, { status: ["OVERDUE"] }, nq12);
    expect(c2.total.required).toBe(5);
    const g4 = c2.units.edges.find(
      (e: { node: { name: string } }) => e.node.name === "Chi bộ Trường THPT Ninh Hải",
    );
    expect(g4.node.dueOn).toBe("2023-01-31");
    // District 2 sees the province's requirement only, and its own units.
    const b = await coverage(D2, "2024-01-01", staffB, {}, nq12);
    expect(b.requirements).toEqual([{ dueOn: "2022-12-31" }]);
    expect(b.total.required).toBe(1);
    const audits = await api.db.prisma.auditLog.findMany({
      where: {
        entity: "ImplementationRequirement",
        entityId: district.setImplementationRequirement.id,
      },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.operation)).toEqual([
      "setImplementationRequirement",
      "setImplementationRequirement",
    ]);
    expect(audits[1]!.before).toMatchObject({ unitKinds: ["CELL"] });
    expect(audits[1]!.after).toMatchObject({ unitKinds: ["CELL", "GRASSROOTS_CELL"] });
  });
});

describe("recording requirements, plans and reviews", () => {
  it("refuses bad requirements and keeps them to the caller's subtree", async () => {
    const base = { d: nq21, s: String(D1.id), k: ["CELL"], due: "2023-01-01" };
    const bad: [Record<string, unknown>, string][] = [
      [{ due: "2022-06-15" }, "dueOn"],
      [{ k: ["CELL", "CELL"] }, "unitKinds"],
      [{ k: [] }, "unitKinds"],
    ];
    for (const [override, field] of bad) {
      const result = await gql(REQUIRE, { ...base, ...override }, staffA);
      expect(result.errors![0]!.extensions, JSON.stringify(override)).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
      });
    }
    expect(codes(await gql(REQUIRE, base, staffB))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(REQUIRE, base, leaderA))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(REQUIRE, { ...base, s: String(P.id) }, staffA))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(REQUIRE, { ...base, d: ownB }, staffA))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(REQUIRE, { ...base, d: "999999" }, staffA))).toEqual(["NOT_FOUND"]);
    expect(
      await api.db.prisma.implementationRequirement.count({
        where: { documentId: Number(nq21), scopeUnitId: D1.id },
      }),
    ).toBe(0);
  });

  it("refuses plans of units that are not required, or dated wrongly", async () => {
    const plans = await api.db.prisma.implementationPlan.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ u: String(G2.id), on: "2022-07-01" }, "unitId"], // dissolved before the due date
      [{ u: String(C1.id) }, "unitId"], // a cell: not a required kind
      [{ u: String(D1.id) }, "unitId"], // the district itself
      [{ on: "2022-06-15" }, "issuedOn"], // before the resolution
      [{ on: "2026-11-21" }, "issuedOn"], // tomorrow
      [{ u: String(G4.id), on: "2022-12-01" }, "issuedOn"], // before G4 existed
      [{ u: String(G3.id), on: "2023-03-01" }, "issuedOn"], // the day G3 was dissolved
      [{ ref: "   " }, "reference"],
      [{ ref: "" }, "reference"],
      [{ kind: "MEMO" }, ""],
    ];
    for (const [override, field] of cases) {
      const result = await gql(
        PLAN,
        { d: nq21, u: String(G6.id), on: "2024-02-01", ref: "1-KH/ĐU", ...override },
        staffA,
      );
      if (field === "") {
        expect(result.errors, JSON.stringify(override)).toBeDefined();
        continue;
      }
      expect(result.errors![0]!.extensions, JSON.stringify(override)).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
      });
    }
    expect(
      codes(await gql(PLAN, { d: nq21, u: String(G1.id), on: "2022-08-01", ref: "x" }, staffB)),
    ).toEqual(["FORBIDDEN"]);
    expect(
      codes(await gql(PLAN, { d: nq21, u: String(G6.id), on: "2024-02-01", ref: "x" }, secretaryA)),
    ).toEqual(["FORBIDDEN"]);
    expect(await api.db.prisma.implementationPlan.count()).toBe(plans);
  });

  it("records a plan once per unit: recording again corrects it, audited", async () => {
    const first = await ok(
      PLAN,
      { d: nq12, u: String(G5.id), on: "2022-11-01", ref: "30-KH/ĐU", kind: "PROGRAMME" },
      staffB,
    );
    const again = await ok(
      PLAN,
      { d: nq12, u: String(G5.id), on: "2022-11-02", ref: "31-KH/ĐU" },
      staffB,
    );
    expect(again.recordImplementationPlan).toMatchObject({
      id: first.recordImplementationPlan.id,
      kind: "PLAN",
      issuedOn: "2022-11-02",
      reference: "31-KH/ĐU",
      document: { number: "12-NQ/TU" },
    });
    const audits = await api.db.prisma.auditLog.findMany({
      where: { entity: "ImplementationPlan", entityId: first.recordImplementationPlan.id },
      orderBy: { id: "asc" },
    });
    expect(audits).toHaveLength(2);
    expect(audits[1]!.before).toMatchObject({ reference: "30-KH/ĐU" });
    expect(audits[1]!.after).toMatchObject({ reference: "31-KH/ĐU", unitId: G5.id });
  });

  it("records one review of each kind per unit, within the unit's subtree and dates", async () => {
    const mid = await ok(
      REVIEW,
      { d: nq12, u: String(G5.id), k: "MID_TERM", on: "2024-01-15", s: "Sơ kết" },
      staffB,
    );
    const again = await ok(
      REVIEW,
      { d: nq12, u: String(G5.id), k: "MID_TERM", on: "2024-01-20" },
      staffB,
    );
    expect(again.recordDocumentReview).toEqual({
      id: mid.recordDocumentReview.id,
      kind: "MID_TERM",
      heldOn: "2024-01-20",
      summary: null,
    });
    const final = await ok(
      REVIEW,
      { d: nq12, u: String(G5.id), k: "FINAL", on: "2025-12-20" },
      staffB,
    );
    expect(final.recordDocumentReview.id).not.toBe(mid.recordDocumentReview.id);
    const bad: [Record<string, unknown>, string][] = [
      [{ on: "2022-09-01" }, "heldOn"], // before 12-NQ/TU
      [{ on: "2026-12-01" }, "heldOn"],
      [{ u: String(G7.id), on: "2024-01-01" }, "heldOn"], // before G7 existed
    ];
    for (const [override, field] of bad)
      expect(
        (
          await gql(
            REVIEW,
            { d: nq12, u: String(G5.id), k: "FINAL", on: "2025-01-01", ...override },
            staffB,
          )
        ).errors![0]!.extensions,
      ).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(
      codes(await gql(REVIEW, { d: nq12, u: String(G5.id), k: "FINAL", on: "2025-01-01" }, staffA)),
    ).toEqual(["FORBIDDEN"]);
    expect(
      await api.db.prisma.documentReview.count({
        where: { documentId: Number(nq12), unitId: G5.id },
      }),
    ).toBe(2);
  });
});
