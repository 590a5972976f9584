import type { Member, OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../graphql/context.ts";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

const NOW = new Date("2026-11-20T03:00:00Z");
let api: TestApi;
let P: OrgUnit, D1: OrgUnit, D2: OrgUnit, D3: OrgUnit;
let G1: OrgUnit, G2: OrgUnit, G3: OrgUnit, G4: OrgUnit, G5: OrgUnit, C1: OrgUnit, C3: OrgUnit;
let provinceStaff: Viewer, staffA: Viewer, staffB: Viewer, secretaryA: Viewer, leaderA: Viewer;
let m1: Member, m2: Member, m3: Member, outsider: Member, newcomer: Member;
let nq21: string, ct09: string, ownB: string;

const gql = (query: string, variables: Record<string, unknown>, viewer: Viewer) =>
  api.gql(query, variables, { viewer, now: NOW });

const RECORD = `mutation($input: RecordConferenceInput!) { recordConference(input: $input) {
  id kind title heldOn format audience attendeeCount organiser { id } documents { number }
  attendees { id fullName } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateConferenceInput!) { updateConference(id: $id, input: $input) {
  id title attendeeCount attendees { id } documents { number } } }`;
const LIST = `query($u: ID, $sub: Boolean, $kind: ConferenceKind, $d: ID, $from: Date, $to: Date, $first: Int, $after: String) {
  conferences(unitId: $u, includeSubtree: $sub, kind: $kind, documentId: $d, from: $from, to: $to, first: $first, after: $after) {
    totalCount edges { cursor node { id title heldOn } } pageInfo { hasNextPage endCursor } } }`;
const SUMMARY = `query($u: ID!, $y: Int!, $q: Int, $asOf: Date) {
  disseminationSummary(unitId: $u, year: $y, quarter: $q, asOf: $asOf) {
    period { from until treeDate }
    unit { ...row } own { ...row } rows { ...row } } }
  fragment row on DisseminationRow { name current conferences attendees byKind { kind conferences attendees } }`;

async function record(
  organiser: OrgUnit,
  kind: string,
  heldOn: string,
  attendeeCount: number,
  extra: Record<string, unknown> = {},
) {
  const result = await gql(
    RECORD,
    {
      input: {
        kind,
        title: `${kind} ${organiser.name} ${heldOn}`,
        organiserUnitId: String(organiser.id),
        heldOn,
        format: "IN_PERSON",
        audience: kind === "THEMATIC_CONFERENCE" ? "KEY_CADRES" : "CADRES",
        attendeeCount,
        documentIds: kind === "DISSEMINATION" ? [nq21] : [],
        ...extra,
      },
    },
    provinceStaff,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.recordConference as { id: string; title: string };
}

let marchG2: { id: string }, augustG2: { id: string };

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh ủy" });
  D1 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Ninh Hải", parent: P });
  D2 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Ninh Sơn", parent: P });
  D3 = await f.unit({ kind: "BLOCK_COMMITTEE", name: "Đảng ủy Khối Cơ quan", parent: P });
  G1 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng ủy xã Hộ Hải", parent: D1 });
  G2 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng ủy xã Tân Hải", parent: D1 });
  G3 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng ủy xã Lâm Sơn", parent: D2 });
  G4 = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ Sở Nội vụ", parent: D3 });
  G5 = await f.unit({
    kind: "GRASSROOTS_COMMITTEE",
    name: "Đảng ủy xã mới",
    parent: D1,
    validFrom: "2025-07-01",
  });
  C1 = await f.unit({ kind: "CELL", name: "Chi bộ thôn Gò Đền", parent: G1 });
  C3 = await f.unit({ kind: "CELL", name: "Chi bộ thôn Lâm Hòa", parent: G3 });
  // 2024 reorganisation: G2 moves to district 2 on 1 July; the block committee is dissolved on
  // 1 June and its grassroots cell G4 moves to district 2 that day.
  await f.moveUnit(G2, D2, "2024-07-01");
  await f.moveUnit(G4, D2, "2024-06-01");
  await f.dissolveUnit(D3, "2024-06-01");
  m1 = await f.member({ unit: C1, fullName: "Nguyễn Văn An" });
  m2 = await f.member({ unit: C1, fullName: "Trần Thị Bình" });
  m3 = await f.member({ unit: C1, fullName: "Lê Văn Cường" });
  newcomer = await f.member({ unit: C1, fullName: "Võ Thị Mới", admittedOn: "2025-03-01" });
  outsider = await f.member({ unit: C3, fullName: "Phạm Văn Ngoài" });

  provinceStaff = viewerOf(await f.user({ unit: P, role: "STAFF" }));
  staffA = viewerOf(await f.user({ unit: D1, role: "STAFF" }));
  staffB = viewerOf(await f.user({ unit: D2, role: "STAFF" }));
  leaderA = viewerOf(await f.user({ unit: D1, role: "LEADER" }));
  secretaryA = viewerOf(await f.user({ unit: C1, role: "SECRETARY" }));

  const doc = async (input: Record<string, unknown>, viewer = provinceStaff) => {
    const r = await gql(
      `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
      { input },
      viewer,
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.createDocument.id as string;
  };
  nq21 = await doc({ number: "21-NQ/TW", issuedOn: "2022-06-16", title: "Nghị quyết 21" });
  ct09 = await doc({
    number: "09-CT/TU",
    issuedOn: "2026-03-10",
    title: "Chỉ thị 09",
    issuerUnitId: String(P.id),
  });
  ownB = await doc(
    { number: "7-KH/HU", issuedOn: "2023-04-01", title: "Kế hoạch", issuerUnitId: String(D2.id) },
    staffB,
  );

  // 2024, hand-counted below: 8 dissemination conferences for 4,560 cadres and members, 9
  // thematic conferences for 2,940 key cadres, 13 training courses for 540.
  await record(P, "DISSEMINATION", "2023-12-31", 5000); // the year before
  await record(P, "DISSEMINATION", "2024-02-20", 1200);
  await record(P, "DISSEMINATION", "2024-05-10", 1500);
  await record(D1, "DISSEMINATION", "2024-03-05", 800);
  await record(G1, "DISSEMINATION", "2024-04-02", 250);
  marchG2 = await record(G2, "DISSEMINATION", "2024-03-15", 300); // under D1 then
  augustG2 = await record(G2, "DISSEMINATION", "2024-08-20", 210); // under D2 by then
  await record(D3, "DISSEMINATION", "2024-02-01", 200); // dissolved in June
  await record(G4, "DISSEMINATION", "2024-07-10", 100); // under D2 since June
  await record(D1, "DISSEMINATION", "2025-01-01", 999); // the year after
  for (const day of ["01-15", "02-15", "04-15", "10-15", "11-15"])
    await record(P, "THEMATIC_CONFERENCE", `2024-${day}`, 300);
  await record(D1, "THEMATIC_CONFERENCE", "2024-03-20", 350);
  await record(D1, "THEMATIC_CONFERENCE", "2024-09-10", 400);
  await record(D2, "THEMATIC_CONFERENCE", "2024-05-05", 350);
  await record(D2, "THEMATIC_CONFERENCE", "2024-11-05", 340);
  for (let m = 1; m <= 6; m++) await record(P, "TRAINING_COURSE", `2024-0${m}-25`, 50);
  for (let d = 1; d <= 4; d++) await record(D1, "TRAINING_COURSE", `2024-10-0${d}`, 40);
  await record(G1, "TRAINING_COURSE", "2024-06-30", 30);
  await record(G3, "TRAINING_COURSE", "2024-12-01", 25);
  await record(G3, "TRAINING_COURSE", "2024-12-02", 25);
});
afterAll(() => api.close());

const kinds = (d: number, da: number, t: number, ta: number, c: number, ca: number) => [
  { kind: "DISSEMINATION", conferences: d, attendees: da },
  { kind: "THEMATIC_CONFERENCE", conferences: t, attendees: ta },
  { kind: "TRAINING_COURSE", conferences: c, attendees: ca },
];

describe("the dissemination panel", () => {
  it("counts the year's conferences by kind, in total, by the unit itself and per subordinate", async () => {
    const { data, errors } = await gql(SUMMARY, { u: String(P.id), y: 2024 }, provinceStaff);
    expect(errors).toBeUndefined();
    const s = data!.disseminationSummary;
    expect(s.period).toEqual({ from: "2024-01-01", until: "2024-12-31", treeDate: "2024-12-31" });
    expect(s.unit).toEqual({
      name: "Tỉnh ủy",
      current: true,
      conferences: 30,
      attendees: 8040,
      byKind: kinds(8, 4560, 9, 2940, 13, 540),
    });
    expect(s.own).toMatchObject({
      conferences: 13,
      attendees: 4500,
      byKind: kinds(2, 2700, 5, 1500, 6, 300),
    });
    expect(s.rows).toEqual([
      // By name without diacritics: "dang uy khoi…" before "huyen uy…".
      {
        name: "Đảng ủy Khối Cơ quan",
        current: false,
        conferences: 1,
        attendees: 200,
        byKind: kinds(1, 200, 0, 0, 0, 0),
      },
      {
        name: "Huyện ủy Ninh Hải",
        current: true,
        conferences: 10,
        attendees: 2290,
        byKind: kinds(3, 1350, 2, 750, 5, 190),
      },
      {
        name: "Huyện ủy Ninh Sơn",
        current: true,
        conferences: 6,
        attendees: 1050,
        byKind: kinds(2, 310, 2, 690, 2, 50),
      },
    ]);
  });

  it("cuts a quarter and an as-of date, on the tree of the day each conference was held", async () => {
    const q3 = (await gql(SUMMARY, { u: String(P.id), y: 2024, q: 3 }, provinceStaff)).data!
      .disseminationSummary;
    expect(q3.unit.byKind).toEqual(kinds(2, 310, 1, 400, 0, 0));
    expect(
      q3.rows.map((r: { name: string; conferences: number }) => [r.name, r.conferences]),
    ).toEqual([
      ["Huyện ủy Ninh Hải", 1],
      ["Huyện ủy Ninh Sơn", 2],
    ]);
    const firstHalf = (
      await gql(SUMMARY, { u: String(P.id), y: 2024, asOf: "2024-06-30" }, provinceStaff)
    ).data!.disseminationSummary;
    expect(firstHalf.period.until).toBe("2024-06-30");
    expect(firstHalf.unit.byKind[0]).toEqual({
      kind: "DISSEMINATION",
      conferences: 6,
      attendees: 4250,
    });
    const district = (await gql(SUMMARY, { u: String(D1.id), y: 2024 }, staffA)).data!
      .disseminationSummary;
    expect(district.own.byKind).toEqual(kinds(1, 800, 2, 750, 4, 160));
    expect(district.rows).toEqual([
      {
        name: "Đảng ủy xã Hộ Hải",
        current: true,
        conferences: 2,
        attendees: 280,
        byKind: kinds(1, 250, 0, 0, 1, 30),
      },
      {
        name: "Đảng ủy xã Tân Hải",
        current: false,
        conferences: 1,
        attendees: 300,
        byKind: kinds(1, 300, 0, 0, 0, 0),
      },
    ]);
    expect(district.unit.conferences).toBe(10);
  });

  it("keeps callers to their subtree", async () => {
    expect(codes(await gql(SUMMARY, { u: String(P.id), y: 2024 }, staffA))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(SUMMARY, { u: String(D2.id), y: 2024 }, staffA))).toEqual(["NOT_FOUND"]);
    const cell = await gql(SUMMARY, { u: String(C1.id), y: 2024 }, secretaryA);
    expect(cell.data!.disseminationSummary.unit.conferences).toBe(0);
    expect(codes(await gql(SUMMARY, { u: String(P.id), y: 2024, q: 5 }, provinceStaff))).toEqual([
      "BAD_USER_INPUT",
    ]);
  });
});

describe("recording conferences", () => {
  it("records a conference with its documents and named attendees, counted and audited", async () => {
    const result = await gql(
      RECORD,
      {
        input: {
          kind: "DISSEMINATION",
          title: "Hội nghị quán triệt Nghị quyết 21 tại xã Hộ Hải",
          organiserUnitId: String(G1.id),
          heldOn: "2025-09-01",
          format: "MIXED",
          audience: "MEMBERS",
          documentIds: [nq21],
          memberIds: [String(m2.id), String(m1.id)],
        },
      },
      staffA,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordConference).toMatchObject({
      kind: "DISSEMINATION",
      heldOn: "2025-09-01",
      format: "MIXED",
      audience: "MEMBERS",
      attendeeCount: 2,
      organiser: { id: String(G1.id) },
      documents: [{ number: "21-NQ/TW" }],
      attendees: [
        { id: String(m1.id), fullName: "Nguyễn Văn An" },
        { id: String(m2.id), fullName: "Trần Thị Bình" },
      ],
    });
    const id = result.data!.recordConference.id;
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "Conference", entityId: id },
    });
    expect(audit).toMatchObject({ operation: "recordConference", unitId: G1.id });
    expect(audit.after).toMatchObject({ attendeeCount: 2, documentIds: [Number(nq21)] });

    // The list replaced: a derived count follows it; a typed count stays.
    const relisted = await gql(
      UPDATE,
      { id, input: { memberIds: [String(m1.id), String(m2.id), String(m3.id)] } },
      staffA,
    );
    expect(relisted.data!.updateConference.attendeeCount).toBe(3);
    const typed = await gql(UPDATE, { id, input: { attendeeCount: 120 } }, staffA);
    expect(typed.data!.updateConference.attendeeCount).toBe(120);
    const shorter = await gql(UPDATE, { id, input: { memberIds: [String(m1.id)] } }, staffA);
    expect(shorter.data!.updateConference).toMatchObject({
      attendeeCount: 120,
      attendees: [{ id: String(m1.id) }],
    });
    const tooFew = await gql(UPDATE, { id, input: { attendeeCount: 0 } }, staffA);
    expect(tooFew.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "attendeeCount",
    });
    const ops = await api.db.prisma.auditLog.findMany({
      where: { entity: "Conference", entityId: id },
      orderBy: { id: "asc" },
    });
    expect(ops.map((o) => o.operation)).toEqual([
      "recordConference",
      "updateConference",
      "updateConference",
      "updateConference",
    ]);
    expect(ops[1]!.before).toMatchObject({ memberIds: [m1.id, m2.id] });
  });

  it("refuses bad conferences with the field, and writes nothing", async () => {
    const conferences = await api.db.prisma.conference.count();
    const audits = await api.db.prisma.auditLog.count();
    const base = {
      kind: "DISSEMINATION",
      title: "Hội nghị",
      organiserUnitId: String(G1.id),
      heldOn: "2025-06-01",
      format: "IN_PERSON",
      audience: "CADRES",
      attendeeCount: 50,
      documentIds: [nq21],
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ heldOn: "2026-11-21" }, "heldOn"], // tomorrow in Vietnam
      [{ organiserUnitId: String(G5.id) }, "heldOn"], // G5 was created in July 2025
      [{ title: "  " }, "title"],
      [{ documentIds: [] }, "documentIds"],
      [{ documentIds: [ct09] }, "documentIds.0"], // issued in 2026
      [{ documentIds: [nq21, nq21] }, "documentIds.1"],
      [{ documentIds: ["999999"] }, "documentIds.0"],
      [{ documentIds: [ownB] }, "documentIds.0"], // district 2's plan: not readable in district 1
      [{ documentIds: ["x"] }, "documentIds.0"],
      [{ memberIds: [String(outsider.id)] }, "memberIds.0"], // another district's member
      [{ heldOn: "2025-01-10", memberIds: [String(newcomer.id)] }, "memberIds.0"], // not yet admitted
      [{ memberIds: [String(m1.id), String(m1.id)] }, "memberIds.1"],
      [{ memberIds: [String(m1.id), String(m2.id)], attendeeCount: 1 }, "attendeeCount"],
      [{ attendeeCount: null }, "attendeeCount"],
      [{ attendeeCount: -1 }, "attendeeCount"],
    ];
    for (const [override, field] of cases) {
      const result = await gql(RECORD, { input: { ...base, ...override } }, staffA);
      expect(codes(result), JSON.stringify(override)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field, JSON.stringify(override)).toBe(field);
    }
    // A thematic conference or a course needs no document.
    const thematic = await gql(
      RECORD,
      { input: { ...base, kind: "TRAINING_COURSE", documentIds: [], attendeeCount: 0 } },
      staffA,
    );
    expect(thematic.errors).toBeUndefined();
    expect(await api.db.prisma.conference.count()).toBe(conferences + 1);
    expect(await api.db.prisma.auditLog.count()).toBe(audits + 1);
  });

  it("keeps writes and reads to the caller's subtree", async () => {
    const input = {
      kind: "THEMATIC_CONFERENCE",
      title: "Chuyên đề",
      organiserUnitId: String(G1.id),
      heldOn: "2025-06-01",
      format: "ONLINE",
      audience: "KEY_CADRES",
      attendeeCount: 10,
    };
    expect(codes(await gql(RECORD, { input }, staffB))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(RECORD, { input }, leaderA))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(RECORD, { input }, secretaryA))).toEqual(["FORBIDDEN"]);
    expect(
      codes(await gql(RECORD, { input: { ...input, organiserUnitId: "999999" } }, staffA)),
    ).toEqual(["FORBIDDEN"]);
    const one = `query($id: ID!) { conference(id: $id) { title } }`;
    expect(codes(await gql(one, { id: marchG2.id }, staffA))).toEqual([]);
    expect(codes(await gql(one, { id: marchG2.id }, leaderA))).toEqual([]);
    // G2 is district 2's now, and district 2 sees all its past records; district 1 too (it was theirs).
    expect(codes(await gql(one, { id: augustG2.id }, staffB))).toEqual([]);
    expect(codes(await gql(one, { id: marchG2.id }, secretaryA))).toEqual(["NOT_FOUND"]);
    const g3 = await api.db.prisma.conference.findFirstOrThrow({
      where: { organiserUnitId: G3.id },
    });
    expect(codes(await gql(one, { id: String(g3.id) }, staffA))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(UPDATE, { id: String(g3.id), input: { title: "x" } }, staffA))).toEqual([
      "FORBIDDEN",
    ]);
    expect(codes(await gql(LIST, { u: String(D2.id) }, staffA))).toEqual(["NOT_FOUND"]);
    const mine = await gql(LIST, { first: 500 }, staffB);
    const titles = mine.data!.conferences.edges.map(
      (e: { node: { title: string } }) => e.node.title,
    );
    expect(titles.every((t: string) => !t.includes("Ninh Hải") && !t.includes("Hộ Hải"))).toBe(
      true,
    );
  });
});

describe("listing conferences", () => {
  const titles = (r: { data?: any }) =>
    r.data!.conferences.edges.map((e: { node: { title: string } }) => e.node.title);

  it("lists a unit's conferences with its subtree as it was on each day, newest first", async () => {
    const d1 = await gql(
      LIST,
      { u: String(D1.id), kind: "DISSEMINATION", from: "2024-01-01", to: "2024-12-31" },
      provinceStaff,
    );
    expect(titles(d1)).toEqual([
      "DISSEMINATION Đảng ủy xã Hộ Hải 2024-04-02",
      "DISSEMINATION Đảng ủy xã Tân Hải 2024-03-15",
      "DISSEMINATION Huyện ủy Ninh Hải 2024-03-05",
    ]);
    const d2 = await gql(
      LIST,
      { u: String(D2.id), kind: "DISSEMINATION", to: "2024-12-31" },
      provinceStaff,
    );
    expect(titles(d2)).toEqual([
      "DISSEMINATION Đảng ủy xã Tân Hải 2024-08-20",
      "DISSEMINATION Chi bộ Sở Nội vụ 2024-07-10",
    ]);
    const own = await gql(LIST, { u: String(D1.id), sub: false, kind: "TRAINING_COURSE" }, staffA);
    expect(own.data!.conferences.totalCount).toBe(4);
    const byDocument = await gql(
      LIST,
      { u: String(P.id), d: nq21, to: "2024-12-31" },
      provinceStaff,
    );
    expect(byDocument.data!.conferences.totalCount).toBe(9);
    expect(codes(await gql(LIST, { d: ownB }, staffA))).toEqual(["NOT_FOUND"]);
  });

  it("pages with a cursor", async () => {
    const all = await gql(LIST, { u: String(P.id), first: 500 }, provinceStaff);
    const expected = titles(all);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: { data?: any } = await gql(
        LIST,
        { u: String(P.id), first: 7, after },
        provinceStaff,
      );
      seen.push(...titles(page));
      if (!page.data!.conferences.pageInfo.hasNextPage) break;
      after = page.data!.conferences.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(all.data!.conferences.totalCount).toBe(expected.length);
  });
});
