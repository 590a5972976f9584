import type { OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../graphql/context.ts";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

const NOW = new Date("2026-11-20T03:00:00Z");
let api: TestApi;
let P: OrgUnit, D1: OrgUnit, D2: OrgUnit, G1: OrgUnit, C1: OrgUnit, G2: OrgUnit;
let provinceStaff: Viewer, staffA: Viewer, staffB: Viewer, secretaryA: Viewer, leaderA: Viewer;

const gql = (query: string, variables: Record<string, unknown> = {}, viewer: Viewer) =>
  api.gql(query, variables, { viewer, now: NOW });

const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) {
  id number seq kind kindName issuer issuedOn title summary central issuerUnit { id }
  replaces { number } replacedBy { number } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateDocumentInput!) { updateDocument(id: $id, input: $input) {
  id number kind title summary replaces { number } } }`;
const LIST = `query($search: String, $kind: DocumentKind, $issuer: String, $from: Date, $to: Date, $first: Int, $after: String) {
  documents(search: $search, kind: $kind, issuer: $issuer, from: $from, to: $to, first: $first, after: $after) {
    totalCount edges { node { number } } pageInfo { hasNextPage endCursor } } }`;

async function create(input: Record<string, unknown>, viewer: Viewer = provinceStaff) {
  const result = await gql(CREATE, { input }, viewer);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createDocument as { id: string; number: string };
}

async function numbers(variables: Record<string, unknown>, viewer: Viewer = staffA) {
  const result = await gql(LIST, { first: 100, ...variables }, viewer);
  expect(result.errors).toBeUndefined();
  return result.data!.documents.edges.map((e: { node: { number: string } }) => e.node.number);
}

let nq21: { id: string }, ct28: { id: string }, ct05: { id: string }, qd368: { id: string };
let ownA: { id: string }, ownB: { id: string }, qd29: { id: string }, qd24: { id: string };

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh ủy Ninh Thuận" });
  D1 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Ninh Hải", parent: P });
  D2 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Ninh Sơn", parent: P });
  G1 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng ủy xã Hộ Hải", parent: D1 });
  G2 = await f.unit({
    kind: "GRASSROOTS_COMMITTEE",
    name: "Đảng ủy xã Tân Hải",
    parent: D1,
    validFrom: "2024-01-01",
  });
  C1 = await f.unit({ kind: "CELL", name: "Chi bộ thôn Gò Đền", parent: G1 });
  provinceStaff = viewerOf(await f.user({ unit: P, role: "STAFF" }));
  staffA = viewerOf(await f.user({ unit: D1, role: "STAFF" }));
  staffB = viewerOf(await f.user({ unit: D2, role: "STAFF" }));
  leaderA = viewerOf(await f.user({ unit: D1, role: "LEADER" }));
  secretaryA = viewerOf(await f.user({ unit: C1, role: "SECRETARY" }));

  nq21 = await create({
    number: "21-nq/tw",
    issuedOn: "2022-06-16",
    title:
      "Nghị quyết về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới",
  });
  ct28 = await create({
    number: "28-CT/TW",
    issuedOn: "2019-01-21",
    title: "Chỉ thị về nâng cao chất lượng kết nạp đảng viên và rà soát, sàng lọc đảng viên",
  });
  ct05 = await create({
    number: "5-CT/TW",
    issuedOn: "2016-05-15",
    title: "Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  });
  qd368 = await create({
    number: "368-QD/TU",
    issuedOn: "2021-08-12",
    title: "Quy định về trách nhiệm nêu gương của cán bộ, đảng viên trong tỉnh",
    issuerUnitId: String(P.id),
  });
  qd29 = await create({
    number: "29-QĐ/TW",
    issuedOn: "2016-07-25",
    title: "Quy định thi hành Điều lệ Đảng",
  });
  qd24 = await create({
    number: "24-QĐ/TW",
    issuedOn: "2021-07-30",
    title: "Quy định thi hành Điều lệ Đảng",
    replacesIds: [qd29.id],
  });
  ownA = await create(
    {
      number: "12-NQ/HU",
      issuedOn: "2023-03-01",
      title: "Nghị quyết của Huyện ủy Ninh Hải về phát triển đảng viên trong thanh niên",
      issuerUnitId: String(D1.id),
    },
    staffA,
  );
  ownB = await create(
    {
      number: "7-KH/HU",
      issuedOn: "2023-04-01",
      title: "Kế hoạch của Huyện ủy Ninh Sơn thực hiện Nghị quyết 21",
      issuerUnitId: String(D2.id),
    },
    staffB,
  );
});
afterAll(() => api.close());

describe("registering documents", () => {
  it("stores the canonical number, parsed kind and issuer, and audits", async () => {
    const { data, errors } = await gql(
      `query($id: ID!) { document(id: $id) { number seq kind kindName issuer issuedOn central issuerUnit { id } } }`,
      { id: nq21.id },
      provinceStaff,
    );
    expect(errors).toBeUndefined();
    expect(data!.document).toEqual({
      number: "21-NQ/TW",
      seq: 21,
      kind: "NQ",
      kindName: "Nghị quyết",
      issuer: "TW",
      issuedOn: "2022-06-16",
      central: true,
      issuerUnit: null,
    });
    const stored = await api.db.prisma.document.findUniqueOrThrow({
      where: { id: Number(ct05.id) },
    });
    expect(stored).toMatchObject({ number: "05-CT/TW", seq: 5, kind: "CT" });
    expect(stored.titleSearch).toContain("day manh hoc tap va lam theo tu tuong");
    const q = await api.db.prisma.document.findUniqueOrThrow({ where: { id: Number(qd368.id) } });
    expect(q).toMatchObject({ number: "368-QĐ/TU", kind: "QD", issuer: "TU", issuerUnitId: P.id });
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "Document", entityId: nq21.id },
    });
    expect(audit).toMatchObject({ operation: "createDocument", unitId: P.id });
    expect(audit.after).toMatchObject({ number: "21-NQ/TW", replacesIds: [] });
  });

  it("refuses malformed numbers with a message naming what is wrong", async () => {
    const cases: [string, RegExp, string][] = [
      ["21-XX/TW", /"XX" is not a document kind/, "UNKNOWN_KIND"],
      ["21-NQ", /issuer/, "NO_ISSUER"],
      ["NQ/TW", /sequence number/, "NO_SEQUENCE"],
      ["0-NQ/TW", /at least 1/, "SEQUENCE_ZERO"],
      ["12345-NQ/TW", /at most 9999/, "SEQUENCE_TOO_LARGE"],
      ["21-NQ/T1", /contains a digit/, "BAD_ISSUER"],
      ["21 NQ/TW", /hyphen/, "NO_HYPHEN"],
    ];
    for (const [number, message, problem] of cases) {
      const result = await gql(
        CREATE,
        { input: { number, issuedOn: "2024-01-01", title: "Thử" } },
        provinceStaff,
      );
      expect(codes(result), number).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions).toMatchObject({ field: "number", problem });
      expect(result.errors![0]!.message, number).toMatch(message);
    }
  });

  it("refuses a number already registered, whatever its spelling", async () => {
    for (const number of ["05-CT/TW", "5-ct/tw", "005–CT / TW"]) {
      const result = await gql(
        CREATE,
        { input: { number, issuedOn: "2016-05-15", title: "Trùng số" } },
        provinceStaff,
      );
      expect(result.errors![0]!.extensions, number).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "number",
        problem: "DUPLICATE",
      });
      expect(result.errors![0]!.message).toBe("A document numbered 05-CT/TW is already registered");
    }
    const renumber = await gql(
      UPDATE,
      { id: ct28.id, input: { number: "21-NQ/TW" } },
      provinceStaff,
    );
    expect(renumber.errors![0]!.extensions).toMatchObject({
      field: "number",
      problem: "DUPLICATE",
    });
  });

  it("lets every committee number its own documents: unique per issuing unit", async () => {
    const own = (issuerUnitId: number) => ({
      number: "01-NQ/ĐU",
      issuedOn: "2025-03-01",
      title: "Nghị quyết lãnh đạo nhiệm vụ năm 2025",
      issuerUnitId: String(issuerUnitId),
    });
    const first = await create(own(G1.id), staffA);
    const second = await create(own(G2.id), staffA);
    expect(second.number).toBe(first.number);
    expect(second.id).not.toBe(first.id);
    const again = await gql(CREATE, { input: own(G1.id) }, staffA);
    expect(again.errors![0]!.extensions).toMatchObject({ field: "number", problem: "DUPLICATE" });
    // Clean up so the other tests' lists stay as they were.
    await api.db.prisma.document.deleteMany({
      where: { id: { in: [first.id, second.id].map(Number) } },
    });
  });

  it("checks dates, issuers and who registers what", async () => {
    const base = { number: "99-NQ/TW", issuedOn: "2024-01-01", title: "Thử nghiệm" };
    const bad: [Record<string, unknown>, string, Viewer][] = [
      [{ issuedOn: "2026-11-21" }, "issuedOn", provinceStaff], // tomorrow in Vietnam
      [{ title: "   " }, "title", provinceStaff],
      [{ issuerUnitId: String(P.id) }, "issuerUnitId", provinceStaff], // …/TW has no unit
      [{ number: "99-NQ/TU" }, "issuerUnitId", provinceStaff], // …/TU needs the province
      [{ number: "99-NQ/TU", issuerUnitId: String(D1.id) }, "issuerUnitId", staffA],
      [
        { number: "99-NQ/ĐU", issuerUnitId: String(G2.id), issuedOn: "2023-06-01" },
        "issuedOn",
        staffA,
      ],
      [{ issuedOn: "2020-01-01", replacesIds: [nq21.id] }, "replacesIds.0", provinceStaff], // 21-NQ/TW is later
      [{ replacesIds: [ct05.id, ct05.id] }, "replacesIds.1", provinceStaff],
      [{ replacesIds: ["999999"] }, "replacesIds.0", provinceStaff],
    ];
    for (const [override, field, viewer] of bad) {
      const result = await gql(CREATE, { input: { ...base, ...override } }, viewer);
      expect(codes(result), JSON.stringify(override)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field, JSON.stringify(override)).toBe(field);
    }
    const hidden = await gql(
      CREATE,
      {
        input: { ...base, number: "98-NQ/HU", issuerUnitId: String(D1.id), replacesIds: [ownB.id] },
      },
      staffA,
    );
    expect(hidden.errors![0]!.extensions).toMatchObject({ field: "replacesIds.0" });

    const forbidden: [Record<string, unknown>, Viewer][] = [
      [{}, staffA], // the centre's documents are the province's to register
      [{ number: "97-NQ/HU", issuerUnitId: String(D2.id) }, staffA],
      [{ number: "97-NQ/HU", issuerUnitId: String(D1.id) }, secretaryA],
      [{ number: "97-NQ/HU", issuerUnitId: String(D1.id) }, leaderA],
    ];
    for (const [override, viewer] of forbidden)
      expect(codes(await gql(CREATE, { input: { ...base, ...override } }, viewer))).toEqual([
        "FORBIDDEN",
      ]);
    expect(await api.db.prisma.document.count({ where: { number: { startsWith: "9" } } })).toBe(0);
  });

  it("updates a document, keeps the search text in step, and audits before and after", async () => {
    const doc = await create(
      {
        number: "3-HD/HU",
        issuedOn: "2024-02-02",
        title: "Hướng dẫn cũ",
        issuerUnitId: String(D1.id),
      },
      staffA,
    );
    const result = await gql(
      UPDATE,
      {
        id: doc.id,
        input: { number: "03-HĐ/HU", title: "Hướng dẫn sinh hoạt chuyên đề", summary: "Tóm tắt" },
      },
      staffA,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateDocument).toMatchObject({
      number: "03-HD/HU",
      kind: "HD",
      title: "Hướng dẫn sinh hoạt chuyên đề",
      summary: "Tóm tắt",
    });
    expect(await numbers({ search: "sinh hoat chuyen de" })).toContain("03-HD/HU");
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "Document", entityId: doc.id, operation: "updateDocument" },
    });
    expect(audit.before).toMatchObject({ title: "Hướng dẫn cũ", summary: null });
    expect(audit.after).toMatchObject({
      title: "Hướng dẫn sinh hoạt chuyên đề",
      summary: "Tóm tắt",
    });

    // Writes outside: FORBIDDEN — another district's document, or the centre's below the province.
    expect(codes(await gql(UPDATE, { id: doc.id, input: { title: "x" } }, staffB))).toEqual([
      "FORBIDDEN",
    ]);
    expect(codes(await gql(UPDATE, { id: nq21.id, input: { title: "x" } }, staffA))).toEqual([
      "FORBIDDEN",
    ]);
    expect(
      codes(await gql(UPDATE, { id: doc.id, input: { issuerUnitId: String(D2.id) } }, staffA)),
    ).toEqual(["FORBIDDEN"]);
  });

  it("records replacements both ways and refuses cycles", async () => {
    const detail = await gql(
      `query($a: ID!, $b: ID!) { a: document(id: $a) { replaces { number } replacedBy { number } }
        b: document(id: $b) { replaces { number } replacedBy { number } } }`,
      { a: qd24.id, b: qd29.id },
      secretaryA,
    );
    expect(detail.data).toEqual({
      a: { replaces: [{ number: "29-QĐ/TW" }], replacedBy: [] },
      b: { replaces: [], replacedBy: [{ number: "24-QĐ/TW" }] },
    });
    const qd232 = await create({
      number: "232-QĐ/TW",
      issuedOn: "2025-01-20",
      title: "Quy định thi hành Điều lệ Đảng",
      replacesIds: [qd24.id],
    });
    // 29 replacing 232 (same date allowed in principle) would close a cycle 232 → 24 → 29 → 232.
    const sameDay = await gql(
      UPDATE,
      { id: qd29.id, input: { issuedOn: "2025-01-20" } },
      provinceStaff,
    );
    expect(sameDay.errors).toBeUndefined();
    const cycle = await gql(
      UPDATE,
      { id: qd29.id, input: { replacesIds: [qd232.id] } },
      provinceStaff,
    );
    expect(cycle.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "replacesIds",
    });
    const self = await gql(
      UPDATE,
      { id: qd29.id, input: { replacesIds: [qd29.id] } },
      provinceStaff,
    );
    expect(self.errors![0]!.extensions).toMatchObject({ field: "replacesIds.0" });
    await gql(UPDATE, { id: qd29.id, input: { issuedOn: "2016-07-25" } }, provinceStaff);
  });
});

describe("searching the registry", () => {
  it("finds a document by its number in any spelling", async () => {
    for (const search of ["21-nq/tw", "21-NQ/TW", "21 NQ", "21nq", "21-nq", "021-nq/t"])
      expect(await numbers({ search }), search).toContain("21-NQ/TW");
    expect(await numbers({ search: "21 NQ" })).not.toContain("28-CT/TW");
    expect(await numbers({ search: "368-qd/tu" })).toEqual(["368-QĐ/TU"]);
    expect(await numbers({ search: "5-ct/tw" })).toEqual(["05-CT/TW"]);
    expect(await numbers({ search: "QD/TU" })).toEqual(["368-QĐ/TU"]);
    expect((await numbers({ search: "CT/TW" })).sort()).toEqual(["05-CT/TW", "28-CT/TW"]);
  });

  it("finds documents by words of the title without diacritics", async () => {
    expect(await numbers({ search: "to chuc co so dang" })).toEqual(["21-NQ/TW"]);
    expect(await numbers({ search: "TỔ CHỨC cơ sở" })).toEqual(["21-NQ/TW"]);
    expect(await numbers({ search: "sang loc dang vien" })).toEqual(["28-CT/TW"]);
    expect(await numbers({ search: "neu guong" })).toEqual(["368-QĐ/TU"]);
    expect(await numbers({ search: "phong cach Ho Chi Minh" })).toEqual(["05-CT/TW"]);
    expect(await numbers({ search: "khong co tu nay" })).toEqual([]);
  });

  it("filters by kind, issuer and dates, newest first, page by page", async () => {
    const qds = await numbers({ kind: "QD", from: "2016-01-01", to: "2021-12-31" }, provinceStaff);
    expect(qds).toEqual(["368-QĐ/TU", "24-QĐ/TW", "29-QĐ/TW"]);
    expect(await numbers({ issuer: "tu" })).toEqual(["368-QĐ/TU"]);
    expect(codes(await gql(LIST, { issuer: "t" }, staffA))).toEqual(["BAD_USER_INPUT"]);
    const first = await gql(LIST, { first: 2, issuer: "TW" }, staffA);
    const page1 = first.data!.documents;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql(
      LIST,
      { first: 100, issuer: "TW", after: page1.pageInfo.endCursor },
      staffA,
    );
    const all = await numbers({ issuer: "TW" });
    expect([
      ...page1.edges.map((e: { node: { number: string } }) => e.node.number),
      ...second.data!.documents.edges.map((e: { node: { number: string } }) => e.node.number),
    ]).toEqual(all);
    expect(second.data!.documents.totalCount).toBe(all.length);
  });
});

describe("who sees which documents", () => {
  it("shows the centre's, the province's, the committees' above and the subtree's own documents", async () => {
    const a = await numbers({}, staffA);
    expect(a).toEqual(expect.arrayContaining(["21-NQ/TW", "368-QĐ/TU", "12-NQ/HU"]));
    expect(a).not.toContain("07-KH/HU");
    const cell = await numbers({}, secretaryA);
    expect(cell).toEqual(expect.arrayContaining(["21-NQ/TW", "368-QĐ/TU", "12-NQ/HU"]));
    expect(cell).not.toContain("07-KH/HU");
    const b = await numbers({}, staffB);
    expect(b).toContain("07-KH/HU");
    expect(b).not.toContain("12-NQ/HU");
    expect(await numbers({}, provinceStaff)).toEqual(
      expect.arrayContaining(["12-NQ/HU", "07-KH/HU"]),
    );
  });

  it("gives NOT_FOUND for another subtree's document", async () => {
    const q = `query($id: ID!) { document(id: $id) { number } }`;
    expect(codes(await gql(q, { id: ownB.id }, staffA))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(q, { id: ownB.id }, secretaryA))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(q, { id: ownA.id }, staffB))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(q, { id: "999999" }, staffA))).toEqual(["NOT_FOUND"]);
    expect((await gql(q, { id: ownA.id }, secretaryA)).data!.document.number).toBe("12-NQ/HU");
  });
});

describe("a document's page", () => {
  it("shows conferences, requirements, plans, reviews, meetings and study themes, within the caller's subtree", async () => {
    const conference = (organiserUnitId: number, heldOn: string, attendeeCount: number) =>
      gql(
        `mutation($input: RecordConferenceInput!) { recordConference(input: $input) { id } }`,
        {
          input: {
            kind: "DISSEMINATION",
            title: "Hội nghị quán triệt Nghị quyết 21",
            organiserUnitId: String(organiserUnitId),
            heldOn,
            format: "IN_PERSON",
            audience: "CADRES",
            attendeeCount,
            documentIds: [nq21.id],
          },
        },
        provinceStaff,
      );
    for (const [unit, day, n] of [
      [P, "2022-07-01", 500],
      [D1, "2022-07-10", 200],
      [G1, "2022-07-20", 40],
      [D2, "2022-07-15", 300],
    ] as const)
      expect((await conference(unit.id, day, n)).errors).toBeUndefined();
    const req = await gql(
      `mutation($d: ID!, $s: ID!) { setImplementationRequirement(documentId: $d, scopeUnitId: $s, unitKinds: [GRASSROOTS_COMMITTEE, GRASSROOTS_CELL], dueOn: "2022-09-30") { id } }`,
      { d: nq21.id, s: String(P.id) },
      provinceStaff,
    );
    expect(req.errors).toBeUndefined();
    const plan = await gql(
      `mutation($d: ID!, $u: ID!) { recordImplementationPlan(documentId: $d, unitId: $u, kind: PLAN, issuedOn: "2022-08-01", reference: "15-KH/ĐU") { id reference unit { id } } }`,
      { d: nq21.id, u: String(G1.id) },
      staffA,
    );
    expect(plan.errors).toBeUndefined();
    const review = await gql(
      `mutation($d: ID!, $u: ID!) { recordDocumentReview(documentId: $d, unitId: $u, kind: MID_TERM, heldOn: "2024-06-30", summary: "Sơ kết 2 năm") { id kind } }`,
      { d: nq21.id, u: String(G1.id) },
      staffA,
    );
    expect(review.errors).toBeUndefined();
    const theme = await gql(
      `mutation($d: ID!) { setStudyTheme(year: 2024, title: "Bảy dám", documentId: $d) { id year document { number } } }`,
      { d: nq21.id },
      provinceStaff,
    );
    expect(theme.data!.setStudyTheme.document).toEqual({ number: "21-NQ/TW" });
    for (const [day, draft] of [
      ["2024-03-15", false],
      ["2024-06-15", false],
      ["2024-09-15", true],
    ] as const)
      await api.db.prisma.meeting.create({
        data: {
          unitId: C1.id,
          kind: "THEMATIC",
          heldAt: new Date(`${day}T01:00:00Z`),
          heldOn: new Date(day),
          theme: "Nghị quyết 21",
          documentId: Number(nq21.id),
          draft,
        },
      });

    const DETAIL = `query($id: ID!) { document(id: $id) {
      number conferenceCount conferenceAttendees latestConferences { heldOn organiser { name } }
      requirements { dueOn unitKinds scopeUnit { id } scopeUnitName }
      planCount latestPlans { reference unit { name } }
      reviewCount latestReviews { kind heldOn summary unit { name } }
      meetingCount latestMeetings { heldOn }
      studyThemes { year title } } }`;
    const forA = await gql(DETAIL, { id: nq21.id }, staffA);
    expect(forA.errors).toBeUndefined();
    expect(forA.data!.document).toEqual({
      number: "21-NQ/TW",
      conferenceCount: 2,
      conferenceAttendees: 240,
      latestConferences: [
        { heldOn: "2022-07-20", organiser: { name: "Đảng ủy xã Hộ Hải" } },
        { heldOn: "2022-07-10", organiser: { name: "Huyện ủy Ninh Hải" } },
      ],
      requirements: [
        {
          dueOn: "2022-09-30",
          unitKinds: ["GRASSROOTS_COMMITTEE", "GRASSROOTS_CELL"],
          scopeUnit: null, // the province is above district A
          scopeUnitName: "Tỉnh ủy Ninh Thuận",
        },
      ],
      planCount: 1,
      latestPlans: [{ reference: "15-KH/ĐU", unit: { name: "Đảng ủy xã Hộ Hải" } }],
      reviewCount: 1,
      latestReviews: [
        {
          kind: "MID_TERM",
          heldOn: "2024-06-30",
          summary: "Sơ kết 2 năm",
          unit: { name: "Đảng ủy xã Hộ Hải" },
        },
      ],
      meetingCount: 2,
      latestMeetings: [{ heldOn: "2024-06-15" }, { heldOn: "2024-03-15" }],
      studyThemes: [{ year: 2024, title: "Bảy dám" }],
    });
    const forProvince = await gql(DETAIL, { id: nq21.id }, provinceStaff);
    expect(forProvince.data!.document).toMatchObject({
      conferenceCount: 4,
      conferenceAttendees: 1040,
      planCount: 1,
      meetingCount: 2,
    });
    expect(forProvince.data!.document.requirements[0].scopeUnit).toEqual({ id: String(P.id) });
    const forB = await gql(DETAIL, { id: nq21.id }, staffB);
    expect(forB.data!.document).toMatchObject({
      conferenceCount: 1,
      conferenceAttendees: 300,
      planCount: 0,
      reviewCount: 0,
      meetingCount: 0,
      latestMeetings: [],
    });
  });

  it("lists many documents with their counts without a query per document", async () => {
    let queries = 0;
    const original = api.db.prisma.$queryRaw.bind(api.db.prisma);
    (api.db.prisma as { $queryRaw: unknown }).$queryRaw = ((...args: unknown[]) => {
      queries++;
      return (original as (...a: unknown[]) => unknown)(...args);
    }) as typeof original;
    try {
      const result = await gql(
        `{ documents(first: 100) { edges { node { number conferenceCount planCount meetingCount latestConferences { id } latestMeetings { id } } } } }`,
        {},
        provinceStaff,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.documents.edges.length).toBeGreaterThan(8);
    } finally {
      (api.db.prisma as { $queryRaw: unknown }).$queryRaw = original;
    }
    // One statement for the counts and one per "latest" list, whatever the number of documents.
    expect(queries).toBeGreaterThanOrEqual(1);
    expect(queries).toBeLessThanOrEqual(3);
  });
});
