import type { Member, OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "../../graphql/context.ts";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

let api: TestApi;
let P: OrgUnit, D1: OrgUnit, D2: OrgUnit, G1: OrgUnit, C1: OrgUnit, G4: OrgUnit, G7: OrgUnit;
let young: OrgUnit;
let m1: Member, m2: Member, newcomer: Member;
let staffP: Viewer, staffD2: Viewer, leaderP: Viewer, analystP: Viewer, secretaryC1: Viewer;
const award: Record<string, string> = {};

const gql = (query: string, variables: Record<string, unknown>, viewer: Viewer) =>
  api.gql(query, variables, { viewer });

const RECORD = `mutation($input: RecordAwardInput!) { recordAward(input: $input) {
  id kind yearFrom yearTo years span decidedOn recipientName unit { id } member { id } } }`;
const SUMMARY = `query($u: ID!, $year: Int!, $asOf: Date) { awardSummary(unitId: $u, year: $year, asOf: $asOf) {
  year treeDate asOf
  total { unitId awards unitAwards memberAwards flags certificates titles multiYear }
  direct { awards }
  byKind { kind awards unitAwards memberAwards }
  bySubordinate { unitId name awards unitAwards memberAwards flags certificates titles multiYear current } } }`;
const AWARDS = `query($u: ID, $sub: Boolean, $m: ID, $kind: AwardKind, $year: Int, $recipient: AwardRecipient) {
  awards(unitId: $u, includeSubtree: $sub, memberId: $m, kind: $kind, year: $year, recipient: $recipient) {
    totalCount edges { node { id } } } }`;

async function record(key: string, input: Record<string, unknown>, viewer = staffP) {
  const result = await gql(
    RECORD,
    { input: { issuer: "Ban Thường vụ Tỉnh ủy", ...input } },
    viewer,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  award[key] = result.data!.recordAward.id;
  return result.data!.recordAward;
}

const keysOf = (r: { data?: any }) => {
  const byId = Object.fromEntries(Object.entries(award).map(([k, v]) => [v, k]));
  return r.data!.awards.edges.map((e: { node: { id: string } }) => byId[e.node.id]).sort();
};

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh ủy" });
  D1 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Ninh Hải", parent: P });
  D2 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Thuận Bắc", parent: P });
  G1 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng bộ xã Hộ Hải", parent: D1 });
  C1 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 1", parent: G1 });
  G4 = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ xã Bắc Sơn", parent: D2 });
  // G7 was under D2 until June 2024, then moved to D1.
  G7 = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ Công ty Điện lực", parent: D2 });
  await f.moveUnit(G7, D1, "2024-06-01");
  young = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ mới",
    parent: D1,
    validFrom: "2022-01-01",
  });
  m1 = await f.member({ unit: C1, fullName: "Nguyễn Văn Mẫu" });
  m2 = await f.member({ unit: G4, fullName: "Trần Thị Tiêu Biểu" });
  newcomer = await f.member({ unit: C1, fullName: "Lê Văn Mới", admittedOn: "2023-03-01" });
  staffP = viewerOf(await f.user({ unit: P, role: "STAFF" }));
  leaderP = viewerOf(await f.user({ unit: P, role: "LEADER" }));
  analystP = viewerOf(await f.user({ unit: P, role: "ANALYST" }));
  staffD2 = viewerOf(await f.user({ unit: D2, role: "STAFF" }));
  secretaryC1 = viewerOf(await f.user({ unit: C1, role: "SECRETARY" }));

  await record("A1", {
    kind: "GOVERNMENT_FLAG",
    title: "Cờ thi đua của Chính phủ",
    issuer: "Chính phủ",
    decisionNo: "1598/QĐ-TTg",
    decidedOn: "2024-12-27",
    yearFrom: 2024,
    unitId: String(D1.id),
  });
  await record(
    "A2",
    {
      kind: "EXCELLENT_TASKS_TITLE",
      title: "Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ 5 năm liền (2020–2024)",
      decisionNo: "950-QĐ/TU",
      decidedOn: "2025-01-20",
      yearFrom: 2020,
      yearTo: 2024,
      unitId: String(G7.id),
    },
    leaderP,
  );
  await record("A3", {
    kind: "EXCELLENT_TASKS_TITLE",
    decisionNo: "951-QĐ/TU",
    decidedOn: "2025-01-20",
    yearFrom: 2020,
    yearTo: 2024,
    memberId: String(m1.id),
  });
  await record("A4", {
    kind: "STANDING_COMMITTEE_CERTIFICATE",
    decisionNo: "420-QĐ/TU",
    decidedOn: "2024-01-15",
    yearFrom: 2023,
    memberId: String(m2.id),
  });
  await record("A5", {
    kind: "PROVINCE_FLAG",
    issuer: "Ủy ban nhân dân tỉnh",
    decisionNo: "12/QĐ-UBND",
    decidedOn: "2025-12-30",
    yearFrom: 2025,
    unitId: String(G4.id),
  });
  await record("A6", {
    kind: "PEOPLES_COMMITTEE_CERTIFICATE",
    issuer: "Chủ tịch Ủy ban nhân dân tỉnh",
    decisionNo: "30/QĐ-UBND",
    decidedOn: "2025-01-10",
    yearFrom: 2024,
    unitId: String(G1.id),
  });
});
afterAll(() => api.close());

describe("recordAward", () => {
  it("records an award over consecutive years, describes its span, and audits it", async () => {
    const a2 = await gql(
      `query($u: ID!) { orgUnit(id: $u) { awards { id kind yearFrom yearTo years span recipientName title } } }`,
      { u: String(G7.id) },
      staffP,
    );
    expect(a2.data!.orgUnit.awards).toEqual([
      {
        id: award.A2,
        kind: "EXCELLENT_TASKS_TITLE",
        yearFrom: 2020,
        yearTo: 2024,
        years: 5,
        span: "2020–2024 (5 consecutive years)",
        recipientName: "Chi bộ Công ty Điện lực",
        title: "Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ 5 năm liền (2020–2024)",
      },
    ]);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "Award", entityId: award.A3 },
    });
    expect(audit).toMatchObject({ operation: "recordAward", unitId: C1.id });
    expect(audit.after).toMatchObject({ memberId: m1.id, yearFrom: 2020, yearTo: 2024 });
  });

  it("refuses bad awards with the field, and writes nothing", async () => {
    const before = await api.db.prisma.award.count();
    const audits = await api.db.prisma.auditLog.count();
    const base = {
      kind: "EXCELLENT_TASKS_TITLE",
      issuer: "Ban Thường vụ Tỉnh ủy",
      decisionNo: "999-QĐ/TU",
      decidedOn: "2025-01-20",
      yearFrom: 2020,
      yearTo: 2024,
      unitId: String(G1.id),
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ yearFrom: 2025 }, "yearTo"], // reversed
      [{ yearFrom: 2014 }, "yearFrom"], // 11 years
      [{ decidedOn: "2023-12-31" }, "decidedOn"], // before the last year covered
      [{ decidedOn: "2099-01-01" }, "decidedOn"], // in the future
      [{ memberId: String(m1.id) }, "unitId"], // two recipients
      [{ unitId: null }, "unitId"], // none
      [{ kind: "PROVINCE_FLAG", unitId: null, memberId: String(m1.id) }, "memberId"], // a flag to a person
      [
        { unitId: String(young.id), yearFrom: 2020, yearTo: 2021, decidedOn: "2022-01-10" },
        "unitId",
      ], // not yet existing
      [{ unitId: null, memberId: String(newcomer.id), yearTo: 2022 }, "memberId"], // not yet a member
      [{ campaignId: "987654" }, "campaignId"],
      [{ issuer: " " }, "issuer"],
      [{ decisionNo: "" }, "decisionNo"],
      [{ yearFrom: 1800 }, "yearFrom"],
    ];
    for (const [override, field] of cases) {
      const result = await gql(RECORD, { input: { ...base, ...override } }, staffP);
      expect(codes(result), JSON.stringify(override)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field, JSON.stringify(override)).toBe(field);
    }
    const again = await gql(
      RECORD,
      {
        input: {
          kind: "GOVERNMENT_FLAG",
          issuer: "Chính phủ",
          decisionNo: "1598/QĐ-TTg",
          decidedOn: "2024-12-27",
          yearFrom: 2024,
          unitId: String(D1.id),
        },
      },
      staffP,
    );
    expect(codes(again)).toEqual(["CONFLICT"]);
    expect(await api.db.prisma.award.count()).toBe(before);
    expect(await api.db.prisma.auditLog.count()).toBe(audits);
  });

  it("keeps writers to their subtree; analysts and secretaries do not record awards", async () => {
    const input = {
      kind: "STANDING_COMMITTEE_CERTIFICATE",
      issuer: "Ban Thường vụ Huyện ủy",
      decisionNo: "77-QĐ/HU",
      decidedOn: "2025-01-05",
      yearFrom: 2024,
    };
    expect(
      codes(await gql(RECORD, { input: { ...input, unitId: String(G1.id) } }, staffD2)),
    ).toEqual(["FORBIDDEN"]);
    expect(
      codes(await gql(RECORD, { input: { ...input, memberId: String(m1.id) } }, staffD2)),
    ).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(RECORD, { input: { ...input, unitId: "987654" } }, staffD2))).toEqual([
      "FORBIDDEN",
    ]);
    expect(
      codes(await gql(RECORD, { input: { ...input, unitId: String(G4.id) } }, analystP)),
    ).toEqual(["FORBIDDEN"]);
    expect(
      codes(await gql(RECORD, { input: { ...input, unitId: String(C1.id) } }, secretaryC1)),
    ).toEqual(["FORBIDDEN"]);
  });
});

describe("awardSummary", () => {
  it("counts an award over consecutive years in each year it covers", async () => {
    const totals: number[] = [];
    for (let year = 2019; year <= 2025; year++) {
      const result = await gql(SUMMARY, { u: String(P.id), year, asOf: "2026-06-30" }, leaderP);
      expect(result.errors).toBeUndefined();
      totals.push(result.data!.awardSummary.total.awards);
    }
    // 2020–2022: A2 and A3; 2023: + A4; 2024: A1, A2, A3, A6; 2025: A5.
    expect(totals).toEqual([0, 2, 2, 2, 3, 4, 1]);
  });

  it("breaks a year down by kind and by subordinate, on the tree of that year", async () => {
    const y2024 = (await gql(SUMMARY, { u: String(P.id), year: 2024 }, staffP)).data!.awardSummary;
    expect(y2024.treeDate).toBe("2024-12-31");
    expect(y2024.total).toEqual({
      unitId: String(P.id),
      awards: 4,
      unitAwards: 3,
      memberAwards: 1,
      flags: 1,
      certificates: 1,
      titles: 2,
      multiYear: 2,
    });
    expect(y2024.direct).toEqual({ awards: 0 });
    expect(y2024.byKind).toEqual([
      { kind: "GOVERNMENT_FLAG", awards: 1, unitAwards: 1, memberAwards: 0 },
      { kind: "PRIME_MINISTER_FLAG", awards: 0, unitAwards: 0, memberAwards: 0 },
      { kind: "PROVINCE_FLAG", awards: 0, unitAwards: 0, memberAwards: 0 },
      { kind: "STANDING_COMMITTEE_CERTIFICATE", awards: 0, unitAwards: 0, memberAwards: 0 },
      { kind: "PEOPLES_COMMITTEE_CERTIFICATE", awards: 1, unitAwards: 1, memberAwards: 0 },
      { kind: "EXCELLENT_TASKS_TITLE", awards: 2, unitAwards: 1, memberAwards: 1 },
    ]);
    // In 2024 G7 is under Ninh Hải (moved in June); the district's own flag counts for it too.
    expect(
      y2024.bySubordinate.map((r: any) => [
        r.name,
        r.awards,
        r.unitAwards,
        r.memberAwards,
        r.current,
      ]),
    ).toEqual([
      ["Huyện ủy Ninh Hải", 4, 3, 1, true],
      ["Huyện ủy Thuận Bắc", 0, 0, 0, true],
    ]);
    // In 2023 the same five-year title counts under Thuận Bắc, where G7 then was.
    const y2023 = (await gql(SUMMARY, { u: String(P.id), year: 2023 }, staffP)).data!.awardSummary;
    expect(
      y2023.bySubordinate.map((r: any) => [
        r.name,
        r.awards,
        r.unitAwards,
        r.memberAwards,
        r.certificates,
        r.titles,
      ]),
    ).toEqual([
      ["Huyện ủy Ninh Hải", 1, 0, 1, 0, 1],
      ["Huyện ủy Thuận Bắc", 2, 1, 1, 1, 1],
    ]);
    const d1 = (await gql(SUMMARY, { u: String(D1.id), year: 2024 }, staffP)).data!.awardSummary;
    expect(d1.direct).toEqual({ awards: 1 }); // the Government's flag to the district itself
    expect(d1.bySubordinate.map((r: any) => [r.name, r.awards])).toEqual([
      ["Chi bộ Công ty Điện lực", 1],
      ["Chi bộ mới", 0],
      ["Đảng bộ xã Hộ Hải", 2],
    ]);
  });

  it("counts only awards decided by asOf", async () => {
    const atYearEnd = (
      await gql(SUMMARY, { u: String(P.id), year: 2024, asOf: "2024-12-31" }, staffP)
    ).data!.awardSummary;
    expect(atYearEnd.total.awards).toBe(1); // the flag of 27 December; the titles came in January
    expect(atYearEnd.asOf).toBe("2024-12-31");
    expect(
      codes(await gql(SUMMARY, { u: String(P.id), year: 2024, asOf: "2023-12-31" }, staffP)),
    ).toEqual(["BAD_USER_INPUT"]);
  });

  it("is scoped to the caller's subtree", async () => {
    expect(codes(await gql(SUMMARY, { u: String(D1.id), year: 2024 }, staffD2))).toEqual([
      "NOT_FOUND",
    ]);
    expect(codes(await gql(SUMMARY, { u: String(C1.id), year: 2024 }, secretaryC1))).toEqual([
      "FORBIDDEN",
    ]);
    const d2 = (await gql(SUMMARY, { u: String(D2.id), year: 2023 }, staffD2)).data!.awardSummary;
    expect(d2.total.awards).toBe(2);
  });
});

describe("awards", () => {
  it("lists awards by unit and subtree, member, kind, recipient and covered year", async () => {
    expect(keysOf(await gql(AWARDS, {}, staffP))).toEqual(["A1", "A2", "A3", "A4", "A5", "A6"]);
    expect(keysOf(await gql(AWARDS, { year: 2022 }, staffP))).toEqual(["A2", "A3"]);
    expect(keysOf(await gql(AWARDS, { u: String(D1.id) }, staffP))).toEqual([
      "A1",
      "A2",
      "A3",
      "A6",
    ]);
    // G7 was in Thuận Bắc's subtree: its award stays in Thuận Bắc's list too.
    expect(keysOf(await gql(AWARDS, { u: String(D2.id) }, staffP))).toEqual(["A2", "A4", "A5"]);
    expect(keysOf(await gql(AWARDS, { u: String(D1.id), sub: false }, staffP))).toEqual(["A1"]);
    expect(keysOf(await gql(AWARDS, { m: String(m1.id) }, staffP))).toEqual(["A3"]);
    expect(keysOf(await gql(AWARDS, { kind: "EXCELLENT_TASKS_TITLE" }, staffP))).toEqual([
      "A2",
      "A3",
    ]);
    expect(keysOf(await gql(AWARDS, { recipient: "MEMBER" }, staffP))).toEqual(["A3", "A4"]);
    const newest = await gql(AWARDS, {}, staffP);
    expect(newest.data!.awards.edges[0].node.id).toBe(award.A5); // newest year first
  });

  it("shows a unit's and a member's awards on their pages, batched", async () => {
    const findMany = vi.spyOn(api.db.prisma.award, "findMany");
    const result = await gql(
      `query($u: ID!) { orgUnit(id: $u) { awards { id } children { name awards { kind span } } } }`,
      { u: String(D1.id) },
      staffP,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.orgUnit.awards).toEqual([{ id: award.A1 }]);
    expect(result.data!.orgUnit.children).toEqual([
      {
        name: "Đảng bộ xã Hộ Hải",
        awards: [{ kind: "PEOPLES_COMMITTEE_CERTIFICATE", span: "2024" }],
      },
      {
        name: "Chi bộ Công ty Điện lực",
        awards: [{ kind: "EXCELLENT_TASKS_TITLE", span: "2020–2024 (5 consecutive years)" }],
      },
      { name: "Chi bộ mới", awards: [] },
    ]);
    expect(findMany).toHaveBeenCalledTimes(2); // the unit, then all its children at once
    findMany.mockRestore();
    const member = await gql(
      `query($id: ID!) { member(id: $id) { awards { kind years recipientName member { id } unit { id } } } }`,
      { id: String(m1.id) },
      secretaryC1,
    );
    expect(member.data!.member.awards).toEqual([
      {
        kind: "EXCELLENT_TASKS_TITLE",
        years: 5,
        recipientName: "Nguyễn Văn Mẫu",
        member: { id: String(m1.id) },
        unit: null,
      },
    ]);
  });

  it("is scoped: outside the subtree nothing shows and units and members are NOT_FOUND", async () => {
    expect(keysOf(await gql(AWARDS, {}, staffD2))).toEqual(["A2", "A4", "A5"]);
    expect(keysOf(await gql(AWARDS, {}, secretaryC1))).toEqual(["A3"]);
    expect(codes(await gql(AWARDS, { u: String(D1.id) }, staffD2))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(AWARDS, { m: String(m1.id) }, staffD2))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(AWARDS, { year: 1800 }, staffP))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("award and deleteAward", () => {
  const ONE = `query($id: ID!) { award(id: $id) { id decisionNo recipientName } }`;
  const DELETE = `mutation($id: ID!, $reason: String!) { deleteAward(id: $id, reason: $reason) }`;

  it("reads one award in scope, NOT_FOUND outside it", async () => {
    const one = await gql(ONE, { id: award.A6 }, staffP);
    expect(one.data!.award).toMatchObject({ id: award.A6, decisionNo: "30/QĐ-UBND" });
    expect(codes(await gql(ONE, { id: award.A6 }, staffD2))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(ONE, { id: "999999" }, staffP))).toEqual(["NOT_FOUND"]);
  });

  it("removes a mistaken award with a reason, audited; refuses outside or without a reason", async () => {
    const mistaken = await record("M1", {
      kind: "PROVINCE_FLAG",
      issuer: "Ủy ban nhân dân tỉnh",
      decisionNo: "77/QĐ-UBND",
      decidedOn: "2025-01-10",
      yearFrom: 2024,
      unitId: String(G1.id),
    });
    const count = await api.db.prisma.award.count();
    // Outside the caller's subtree, blank reason, secretary: nothing changes.
    expect(codes(await gql(DELETE, { id: mistaken.id, reason: "Nhầm" }, staffD2))).toEqual([
      "FORBIDDEN",
    ]);
    const blank = await gql(DELETE, { id: mistaken.id, reason: "  " }, staffP);
    expect(blank.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "reason",
    });
    expect(codes(await gql(DELETE, { id: mistaken.id, reason: "Nhầm" }, secretaryC1))).toEqual([
      "FORBIDDEN",
    ]);
    expect(await api.db.prisma.award.count()).toBe(count);

    const done = await gql(DELETE, { id: mistaken.id, reason: "Ghi nhầm đơn vị" }, staffP);
    expect(done.data).toEqual({ deleteAward: true });
    expect(await api.db.prisma.award.count()).toBe(count - 1);
    expect(codes(await gql(ONE, { id: mistaken.id }, staffP))).toEqual(["NOT_FOUND"]);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "Award", entityId: mistaken.id, operation: "deleteAward" },
    });
    expect(audit).toMatchObject({ unitId: G1.id });
    expect(audit.before).toMatchObject({ decisionNo: "77/QĐ-UBND", unitId: G1.id });
    expect(audit.after).toMatchObject({ deleted: true, reason: "Ghi nhầm đơn vị" });
  });
});
