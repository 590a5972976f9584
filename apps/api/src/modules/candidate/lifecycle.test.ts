import { probationDueDay, rollupDrift, type Member, type OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../graphql/context.ts";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

const NOW = new Date("2026-11-20T03:00:00Z");
let api: TestApi;
let P: OrgUnit, D: OrgUnit, D2: OrgUnit, G: OrgUnit, C1: OrgUnit, C2: OrgUnit, CB: OrgUnit;
let staff: Viewer, secretary: Viewer, leader: Viewer, staffB: Viewer;
let classId: string;

const gql = (query: string, variables: Record<string, unknown> = {}, viewer: Viewer = staff) =>
  api.gql(query, variables, { viewer, now: NOW });

const REGISTER = `mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id stage stageOn cell { id } } }`;
const ADVANCE = `mutation($input: AdvanceCandidateInput!) { advanceCandidate(input: $input) { id stage stageOn memberId closedReason events { stage occurredOn recordedBy } } }`;
const person = (over: Record<string, unknown> = {}) => ({
  fullName: "Đàng Thị Mỹ Linh",
  gender: "FEMALE",
  birthDate: "2001-04-12",
  ethnicity: "Chăm",
  occupation: "WORKER",
  ...over,
});

beforeAll(async () => {
  api = await createTestApi({ now: NOW });
  const { f } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh" });
  D = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện Ninh Phước", parent: P });
  D2 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện Bác Ái", parent: P });
  G = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Xã Phước Dân", parent: D });
  C1 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 1", parent: G, code: "TEST.C1" });
  C2 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 2", parent: G, code: "TEST.C2" });
  CB = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ Trường Bác Ái",
    parent: D2,
    code: "TEST.CB",
  });
  staff = viewerOf(await f.user({ unit: D, role: "STAFF" }));
  staffB = viewerOf(await f.user({ unit: D2, role: "STAFF" }));
  secretary = viewerOf(await f.user({ unit: C1, role: "SECRETARY" }));
  leader = viewerOf(await f.user({ unit: P, role: "LEADER" }));
  const cls = await gql(
    `mutation { createTrainingClass(input: { kind: AWARENESS_CLASS, name: "Lớp bồi dưỡng nhận thức về Đảng khóa 1/2026", organiserUnitId: "${D.id}", startsOn: "2026-03-02", endsOn: "2026-03-06" }) { id } }`,
  );
  classId = cls.data!.createTrainingClass.id;
});
afterAll(() => api.close());

describe("from outstanding person to member", () => {
  it("takes a candidate through every stage to admission, and the dashboard counts the new member", async () => {
    const before = await gql(
      `query($u: ID!) { admissionProgress(unitId: $u, year: 2026) { unit { admitted } } }`,
      { u: String(P.id) },
      leader,
    );
    const reg = await gql(
      REGISTER,
      { input: { ...person(), cellId: String(C1.id), registeredOn: "2026-01-15" } },
      secretary,
    );
    expect(reg.errors).toBeUndefined();
    const id = reg.data!.registerCandidate.id;
    const steps: [Record<string, unknown>, Viewer][] = [
      [{ stage: "AWARENESS_CLASS", on: "2026-03-06", trainingClassId: classId }, staff],
      [{ stage: "VERIFICATION", on: "2026-04-01" }, staff],
      [{ stage: "VERIFIED", on: "2026-06-01", result: "Đủ điều kiện" }, staff],
      [{ stage: "PROPOSED", on: "2026-07-01" }, secretary],
      [{ stage: "ADMITTED", on: "2026-09-02", decisionNo: "215-QĐ/HU" }, staff],
    ];
    for (const [step, viewer] of steps) {
      const r = await gql(ADVANCE, { input: { candidateId: id, ...step } }, viewer);
      expect(r.errors, JSON.stringify(step)).toBeUndefined();
    }
    const c = await gql(
      `query($id: ID!) { candidate(id: $id) { stage memberId events { stage occurredOn } } }`,
      { id },
    );
    expect(c.data!.candidate.events.map((e: any) => e.stage)).toEqual([
      "REGISTERED",
      "AWARENESS_CLASS",
      "VERIFICATION",
      "VERIFIED",
      "PROPOSED",
      "ADMITTED",
    ]);
    const member = await gql(
      `query($id: ID!) { member(id: $id) { fullName status admittedOn probationEndsOn unit { id } events { kind decisionNo } } }`,
      { id: c.data!.candidate.memberId },
    );
    expect(member.data!.member).toMatchObject({
      fullName: "Đàng Thị Mỹ Linh",
      status: "PROBATIONARY",
      admittedOn: "2026-09-02",
      probationEndsOn: "2027-09-02",
      unit: { id: String(C1.id) },
    });
    expect(member.data!.member.events).toEqual([{ kind: "ADMITTED", decisionNo: "215-QĐ/HU" }]);
    const after = await gql(
      `query($u: ID!) { admissionProgress(unitId: $u, year: 2026) { unit { admitted } } }`,
      { u: String(P.id) },
      leader,
    );
    expect(after.data!.admissionProgress.unit.admitted).toBe(
      before.data!.admissionProgress.unit.admitted + 1,
    );
    const counts = await gql(
      `query($u: ID!) { orgUnit(id: $u) { memberCounts { probationary } } }`,
      { u: String(C1.id) },
    );
    expect(counts.data!.orgUnit.memberCounts.probationary).toBe(1);
  });

  it("refuses skipped, backwards, early-dated and closed steps, and changes nothing", async () => {
    const reg = await gql(REGISTER, {
      input: {
        ...person({ fullName: "Nguyễn Văn Bảy" }),
        cellId: String(C1.id),
        registeredOn: "2026-05-01",
      },
    });
    const id = reg.data!.registerCandidate.id;
    const eventsBefore = await api.db.prisma.candidateStageEvent.count();
    const bad: [Record<string, unknown>, string, string][] = [
      [{ stage: "VERIFICATION", on: "2026-06-01" }, "stage", "SKIPPED"],
      [
        { stage: "AWARENESS_CLASS", on: "2026-04-30", trainingClassId: classId },
        "on",
        "BEFORE_PREVIOUS",
      ],
      [{ stage: "AWARENESS_CLASS", on: "2026-11-21", trainingClassId: classId }, "on", "FUTURE"],
      [{ stage: "REGISTERED", on: "2026-06-01" }, "stage", "BACKWARDS"],
      [{ stage: "AWARENESS_CLASS", on: "2026-06-01" }, "trainingClassId", ""],
      [{ stage: "REJECTED", on: "2026-06-01" }, "note", ""],
    ];
    for (const [step, field, reason] of bad) {
      const r = await gql(ADVANCE, { input: { candidateId: id, ...step } });
      expect(r.errors![0]!.extensions, JSON.stringify(step)).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
        ...(reason ? { reason } : {}),
      });
    }
    expect(await api.db.prisma.candidateStageEvent.count()).toBe(eventsBefore);
    const withdrawn = await gql(ADVANCE, {
      input: { candidateId: id, stage: "WITHDRAWN", on: "2026-06-01", note: "Chuyển công tác" },
    });
    expect(withdrawn.data!.advanceCandidate).toMatchObject({
      stage: "WITHDRAWN",
      closedReason: "Chuyển công tác",
    });
    const again = await gql(ADVANCE, {
      input: {
        candidateId: id,
        stage: "AWARENESS_CLASS",
        on: "2026-07-01",
        trainingClassId: classId,
      },
    });
    expect(again.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "CLOSED",
    });
  });

  it("leaves classes, verification and admission to the board, and cells to their secretary", async () => {
    const reg = await gql(
      REGISTER,
      {
        input: {
          ...person({ fullName: "Lê Văn Tám" }),
          cellId: String(C1.id),
          registeredOn: "2026-05-01",
        },
      },
      secretary,
    );
    const id = reg.data!.registerCandidate.id;
    expect(
      codes(
        await gql(
          ADVANCE,
          {
            input: {
              candidateId: id,
              stage: "AWARENESS_CLASS",
              on: "2026-06-01",
              trainingClassId: classId,
            },
          },
          secretary,
        ),
      ),
    ).toEqual(["FORBIDDEN"]);
    expect(
      codes(
        await gql(
          REGISTER,
          { input: { ...person(), cellId: String(C2.id), registeredOn: "2026-05-01" } },
          secretary,
        ),
      ),
    ).toEqual(["FORBIDDEN"]);
    expect(
      codes(
        await gql(
          REGISTER,
          { input: { ...person(), cellId: String(C1.id), registeredOn: "2026-05-01" } },
          staffB,
        ),
      ),
    ).toEqual(["FORBIDDEN"]);
    expect(
      codes(await gql(`query($id: ID!) { candidate(id: $id) { id } }`, { id }, staffB)),
    ).toEqual(["NOT_FOUND"]);
    const board = await gql(`query($u: ID!) { candidateStageCounts(unitId: $u) { stage count } }`, {
      u: String(D.id),
    });
    expect(board.data!.candidateStageCounts).toContainEqual({ stage: "REGISTERED", count: 1 });
    const list = await gql(
      `query($u: ID!) { candidates(unitId: $u, stages: [REGISTERED], search: "le van tam") { totalCount } }`,
      { u: String(D.id) },
    );
    expect(list.data!.candidates.totalCount).toBe(1);
  });
});

describe("probation and exits", () => {
  let probationer: Member, other: Member, official: Member;
  beforeAll(async () => {
    probationer = await api.f.member({
      unit: C2,
      fullName: "Trần Văn Dự Bị",
      admittedOn: "2025-10-01",
      officialOn: null,
    });
    other = await api.f.member({
      unit: C2,
      fullName: "Phạm Thị Mới",
      admittedOn: "2026-02-01",
      officialOn: null,
    });
    official = await api.f.member({ unit: C2, fullName: "Hồ Văn Lâu", admittedOn: "2000-01-01" });
  });

  it("lists probations ending and flags a missing theory course", async () => {
    const due = await gql(
      `query($u: ID!) { probationDue(unitId: $u, asOf: "2026-09-15") { edges { node { fullName probationEndsOn theoryCourseCompleted theoryCourseOverdue } } } }`,
      { u: String(D.id) },
    );
    expect(due.data!.probationDue.edges.map((e: any) => e.node)).toContainEqual({
      fullName: "Trần Văn Dự Bị",
      probationEndsOn: "2026-10-01",
      theoryCourseCompleted: false,
      theoryCourseOverdue: true,
    });
  });

  it("recognises as official only after probation, as a batch, all or nothing", async () => {
    const RECOGNISE = `mutation($ids: [ID!]!, $on: Date!) { recogniseOfficial(input: { memberIds: $ids, on: $on, decisionNo: "88-QĐ/ĐU" }) { id status officialOn } }`;
    const early = await gql(RECOGNISE, {
      ids: [String(probationer.id), String(other.id)],
      on: "2026-10-05",
    });
    expect(early.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "memberIds.1",
      reason: "TOO_EARLY",
    });
    expect(
      (await api.db.prisma.member.findUniqueOrThrow({ where: { id: probationer.id } })).status,
    ).toBe("PROBATIONARY");
    const ok = await gql(RECOGNISE, { ids: [String(probationer.id)], on: "2026-10-05" });
    expect(ok.data!.recogniseOfficial).toEqual([
      { id: String(probationer.id), status: "OFFICIAL", officialOn: "2026-10-05" },
    ]);
    expect(codes(await gql(RECOGNISE, { ids: [String(official.id)], on: "2026-10-05" }))).toEqual([
      "BAD_USER_INPUT",
    ]);
  });

  it("extends probation by at most 12 months", async () => {
    const EXTEND = `mutation($m: Int!) { extendProbation(input: { memberIds: ["${other.id}"], on: "2026-11-01", months: $m, decisionNo: "9-QĐ/ĐU", reason: "Chưa hoàn thành lớp lý luận" }) { probationEndsOn } }`;
    expect((await gql(EXTEND, { m: 6 })).data!.extendProbation).toEqual([
      { probationEndsOn: "2027-08-01" },
    ]);
    expect((await gql(EXTEND, { m: 7 })).errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "TOO_LONG",
    });
  });

  it("moves a member to another cell keeping history, and records an exit that leaves the counts", async () => {
    const m = await api.f.member({ unit: C1, fullName: "Võ Văn Đi", admittedOn: "2010-01-01" });
    const moved = await gql(
      `mutation { moveMember(input: { memberId: "${m.id}", toCellId: "${C2.id}", on: "2026-06-01" }) { unit { id } assignments { validFrom validTo unit { id } } events { kind } } }`,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.moveMember.assignments).toEqual([
      { validFrom: "2010-01-01", validTo: "2026-06-01", unit: { id: String(C1.id) } },
      { validFrom: "2026-06-01", validTo: null, unit: { id: String(C2.id) } },
    ]);
    expect(moved.data!.moveMember.events.map((e: any) => e.kind)).toContain("MOVED_CELL");
    const count = async (asOf: string) =>
      (
        await gql(
          `query($u: ID!) { orgUnit(id: $u, asOf: "${asOf}") { memberCounts { total } } }`,
          { u: String(C2.id) },
        )
      ).data!.orgUnit.memberCounts.total;
    const before = await count("2026-08-31");
    const exit = await gql(
      `mutation { recordExit(input: { memberIds: ["${m.id}"], on: "2026-09-01", status: DECEASED }) { status exitedOn } }`,
    );
    expect(exit.data!.recordExit).toEqual([{ status: "DECEASED", exitedOn: "2026-09-01" }]);
    expect(await count("2026-08-31")).toBe(before);
    expect(await count("2026-09-01")).toBe(before - 1);
    const early = await gql(
      `mutation { recordExit(input: { memberIds: ["${official.id}"], on: "1999-01-01", status: REMOVED, reason: "Vi phạm" }) { id } }`,
    );
    expect(early.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "BEFORE_LAST_CHANGE",
    });
    const noReason = await gql(
      `mutation { recordExit(input: { memberIds: ["${official.id}"], on: "2026-10-01", status: REMOVED }) { id } }`,
    );
    expect(noReason.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "reason",
    });
    expect(
      codes(
        await gql(
          `mutation { recordExit(input: { memberIds: ["${official.id}"], on: "2026-10-01", status: DECEASED }) { id } }`,
          {},
          staffB,
        ),
      ),
    ).toEqual(["FORBIDDEN"]);
  });

  it("records temporary activity that the host does not count, and a transfer in", async () => {
    const temp = await gql(
      `mutation { startTemporaryActivity(input: { memberId: "${official.id}", cellId: "${C1.id}", on: "2026-03-01" }) { id } }`,
    );
    expect(temp.errors?.[0]?.message).toBeUndefined();
    const host = await gql(
      `query($c: ID!) { cellOverview(cellId: $c, asOf: "2026-04-01") { memberCount members { fullName temporary } } }`,
      { c: String(C1.id) },
    );
    expect(host.data!.cellOverview.members).toContainEqual({
      fullName: "Hồ Văn Lâu",
      temporary: true,
    });
    const inCount = host.data!.cellOverview.members.filter((m: any) => !m.temporary).length;
    expect(host.data!.cellOverview.memberCount).toBe(inCount);
    const t = await gql(
      `mutation($input: TransferInInput!) { transferIn(input: $input) { status admittedOn officialOn events { kind reason } } }`,
      {
        input: {
          ...person({ fullName: "Châu Văn Đến" }),
          cellId: String(C2.id),
          on: "2026-08-01",
          admittedOn: "2015-05-19",
          officialOn: "2016-05-19",
          origin: "Đảng bộ tỉnh Khánh Hòa",
        },
      },
    );
    expect(t.data!.transferIn).toMatchObject({
      status: "OFFICIAL",
      admittedOn: "2015-05-19",
      events: [
        { kind: "TRANSFERRED_IN", reason: "Chuyển sinh hoạt đảng từ Đảng bộ tỉnh Khánh Hòa" },
      ],
    });
  });
});

describe("annual review and commitments", () => {
  it("enters a whole cell's classifications at once, one per member and year, and sums them by unit", async () => {
    const sheet = await gql(
      `query($c: ID!) { reviewSheet(cellId: $c, year: 2025) { rows { memberId fullName classification } } }`,
      { c: String(C2.id) },
    );
    const rows = sheet.data!.reviewSheet.rows;
    expect(rows.length).toBeGreaterThan(0);
    const entries = rows.map((r: any, i: number) => ({
      memberId: r.memberId,
      classification: i === 0 ? "EXCELLENT" : "GOOD",
    }));
    const set = await gql(
      `mutation($c: ID!, $e: [ReviewEntryInput!]!) { setReviews(cellId: $c, year: 2025, entries: $e, unitClassification: GOOD) { unitClassification rows { classification } } }`,
      { c: String(C2.id), e: entries },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setReviews.unitClassification).toBe("GOOD");
    const dup = await gql(
      `mutation($c: ID!, $e: [ReviewEntryInput!]!) { setReviews(cellId: $c, year: 2025, entries: $e) { year } }`,
      { c: String(C2.id), e: [entries[0], entries[0]] },
    );
    expect(dup.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "entries.1.memberId",
    });
    const stranger = await api.f.member({ unit: CB });
    const wrong = await gql(
      `mutation($c: ID!, $e: [ReviewEntryInput!]!) { setReviews(cellId: $c, year: 2025, entries: $e) { year } }`,
      { c: String(C2.id), e: [{ memberId: String(stranger.id), classification: "GOOD" }] },
    );
    expect(wrong.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "entries.0.memberId",
    });
    const commit = await gql(
      `mutation($c: ID!, $e: [CommitmentEntryInput!]!) { setCommitments(cellId: $c, year: 2025, entries: $e) { rows { committed keyLeader } } }`,
      {
        c: String(C2.id),
        e: [{ memberId: rows[0].memberId, content: "Gương mẫu đi đầu", keyLeader: true }],
      },
    );
    expect(commit.errors).toBeUndefined();
    const summary = await gql(
      `query($u: ID!) { reviewSummary(unitId: $u, year: 2025) { name excellent good reviewed commitments keyLeaderCommitments } }`,
      { u: String(D.id) },
      leader,
    );
    expect(summary.data!.reviewSummary[0]).toMatchObject({
      name: "Huyện Ninh Phước",
      excellent: 1,
      good: rows.length - 1,
      commitments: 1,
      keyLeaderCommitments: 1,
    });
  });
});

describe("import", () => {
  const file = [
    "Họ và tên;Giới tính;Ngày sinh;Dân tộc;Nghề nghiệp;Mã chi bộ;Ngày vào Đảng;Ngày chính thức;Số CCCD",
    "Nguyễn Thị Nhập;Nữ;12/03/1990;Kinh;Giáo viên;TEST.C1;19/05/2015;19/05/2016;058190001111",
    "Trần Văn Hai;Nam;01/01/1985;Chăm;Nông dân;TEST.C2;03/02/2010;;",
    "Thiếu Ngày;Nam;;Kinh;Công nhân;TEST.C1;03/02/2010;;",
    "Sai Chi Bộ;Nam;01/01/1980;Kinh;Công nhân;TEST.CB;03/02/2010;;",
    "Ngày Lộn;Nữ;01/01/1980;Kinh;Công nhân;TEST.C1;03/02/2010;01/01/2010;",
    "Nguyễn Thị Nhập;Nữ;12/03/1990;Kinh;Giáo viên;TEST.C1;19/05/2015;;",
  ].join("\n");
  const input = (over: Record<string, unknown> = {}) => ({
    unitId: String(D.id),
    kind: "MEMBERS",
    filename: "dang-vien.csv",
    contentBase64: Buffer.from(file).toString("base64"),
    ...over,
  });

  it("previews row by row without writing", async () => {
    const before = await api.db.prisma.member.count();
    const p = await gql(
      `mutation($i: ImportInput!) { previewImport(input: $i) { totalRows validRows invalidRows issues { line field message } sample { fullName cellCode } } }`,
      { i: input() },
    );
    expect(p.errors).toBeUndefined();
    expect(p.data!.previewImport).toMatchObject({ totalRows: 6, validRows: 2, invalidRows: 4 });
    const issues = p.data!.previewImport.issues.map((x: any) => [x.line, x.field]);
    expect(issues).toEqual([
      [4, "birthDate"],
      [5, "cellCode"],
      [6, "officialOn"],
      [7, "fullName"],
    ]);
    expect(await api.db.prisma.member.count()).toBe(before);
  });

  it("imports the valid rows in one transaction, audited, and then sees them as duplicates", async () => {
    const before = await api.db.prisma.member.count();
    const r = await gql(
      `mutation($i: ImportInput!) { commitImport(input: $i) { imported skipped } }`,
      { i: input() },
    );
    expect(r.data!.commitImport).toEqual({ imported: 2, skipped: 4 });
    expect(await api.db.prisma.member.count()).toBe(before + 2);
    const imported = await api.db.prisma.member.findFirstOrThrow({
      where: { fullName: "Nguyễn Thị Nhập" },
    });
    expect(imported).toMatchObject({ status: "OFFICIAL", nationalId: "058190001111" });
    expect(
      await api.db.prisma.auditLog.count({
        where: { operation: "commitImport", entity: "Member" },
      }),
    ).toBe(2);
    const again = await gql(
      `mutation($i: ImportInput!) { previewImport(input: $i) { validRows issues { line message } } }`,
      { i: input() },
    );
    expect(again.data!.previewImport.validRows).toBe(0);
  });

  it("refuses unreadable files and files without the required columns, and other units", async () => {
    const noCols = await gql(
      `mutation($i: ImportInput!) { previewImport(input: $i) { totalRows } }`,
      { i: input({ contentBase64: Buffer.from("a;b\n1;2").toString("base64") }) },
    );
    expect(noCols.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "contentBase64",
    });
    const pdf = await gql(`mutation($i: ImportInput!) { previewImport(input: $i) { totalRows } }`, {
      i: input({ filename: "x.pdf" }),
    });
    expect(pdf.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filename" });
    expect(
      codes(
        await gql(`mutation($i: ImportInput!) { previewImport(input: $i) { totalRows } }`, {
          i: input({ unitId: String(D2.id) }),
        }),
      ),
    ).toEqual(["FORBIDDEN"]);
  });
});

describe("derived data", () => {
  it("stays equal to a live aggregate after admissions, recognitions, extensions, moves, exits, transfers and imports", async () => {
    expect(await rollupDrift(api.db, "2026-11-20")).toEqual([]);
    // Probations by end day were kept through every one of those writes (not left stale).
    expect(await probationDueDay(api.db)).toBe("2026-11-20");
    const [due] = await api.db.query<{ n: number }>(
      `SELECT COALESCE(SUM(members), 0)::int AS n FROM unit_probation_due WHERE unit_id = $1`,
      [D.id],
    );
    expect(due!.n).toBeGreaterThan(0);
  });
});
