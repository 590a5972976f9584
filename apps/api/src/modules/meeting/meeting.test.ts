import type { Member, OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../graphql/context.ts";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

const NOW = new Date("2026-11-20T03:00:00Z"); // 10:00 in Vietnam
let api: TestApi;
let P: OrgUnit, D: OrgUnit, GA: OrgUnit, C1: OrgUnit, C2: OrgUnit, C3: OrgUnit;
let secretary: Viewer, staff: Viewer, leader: Viewer;
let a1: Member, a2: Member, a3: Member, b1: Member, newcomer: Member;

const gql = (
  query: string,
  variables: Record<string, unknown> = {},
  viewer: Viewer | null = secretary,
) => api.gql(query, variables, { viewer, now: NOW });

const LOG = `mutation($input: LogMeetingInput!) { logMeeting(input: $input) {
  id kind heldOn theme draft presentCount excusedCount absentCount editable cell { id }
  attendance { status reason member { id fullName } } } }`;

let keySeq = 0;
const key = () => `test-key-${++keySeq}-${Math.random().toString(36).slice(2, 10)}`;

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh" });
  D = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện", parent: P });
  GA = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Xã An Hải", parent: D });
  C1 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 1", parent: GA });
  C2 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 2", parent: GA });
  C3 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 3", parent: GA, validFrom: "2026-03-10" });
  a1 = await f.member({ unit: C1, fullName: "Nguyễn Văn Một" });
  a2 = await f.member({ unit: C1, fullName: "Trần Thị Hai" });
  a3 = await f.member({
    unit: C1,
    fullName: "Lê Văn Ba",
    admittedOn: "2025-12-20",
    officialOn: null,
  });
  b1 = await f.member({ unit: C2, fullName: "Phạm Văn Bốn" });
  newcomer = await f.member({
    unit: C1,
    fullName: "Võ Thị Mới",
    admittedOn: "2026-10-15",
    officialOn: null,
  });
  secretary = viewerOf(await f.user({ unit: C1, role: "SECRETARY" }));
  staff = viewerOf(await f.user({ unit: D, role: "STAFF" }));
  leader = viewerOf(await f.user({ unit: P, role: "LEADER" }));

  // A year of meetings up to 5 November, written directly (fast), for the compliance and overview
  // tests; they look at 17 November, before anything the other tests log.
  const meetings: {
    unitId: number;
    kind: "REGULAR" | "THEMATIC";
    heldOn: string;
    theme?: string;
    att?: [Member, "PRESENT" | "EXCUSED" | "ABSENT"][];
  }[] = [];
  for (let m = 1; m <= 11; m++) {
    const mm = String(m).padStart(2, "0");
    if (m <= 10)
      meetings.push({
        unitId: C1.id,
        kind: "REGULAR",
        heldOn: `2026-${mm}-${m === 6 ? "20" : "05"}`,
        att:
          m >= 9
            ? [
                [a1, "PRESENT"],
                [a2, "ABSENT"],
              ]
            : [
                [a1, "PRESENT"],
                [a2, "PRESENT"],
              ],
      });
    if (m <= 10 && m !== 4)
      meetings.push({ unitId: C2.id, kind: "REGULAR", heldOn: `2026-${mm}-03` });
    if (m >= 4) meetings.push({ unitId: C3.id, kind: "REGULAR", heldOn: `2026-${mm}-07` });
  }
  meetings.push({
    unitId: C1.id,
    kind: "REGULAR",
    heldOn: "2026-11-05",
    att: [
      [a1, "PRESENT"],
      [a2, "ABSENT"],
      [a3, "EXCUSED"],
    ],
  });
  for (const [unit, quarters] of [
    [C1, [2, 5, 8]],
    [C2, [2, 8]],
    [C3, [5, 8]],
  ] as const) {
    for (const m of quarters)
      meetings.push({
        unitId: unit.id,
        kind: "THEMATIC",
        heldOn: `2026-0${m}-15`,
        theme: `Chuyên đề tháng ${m}`,
      });
  }
  for (const m of meetings) {
    const att = m.att ?? [];
    await api.db.prisma.meeting.create({
      data: {
        unitId: m.unitId,
        kind: m.kind,
        heldAt: new Date(`${m.heldOn}T07:00:00Z`),
        heldOn: new Date(m.heldOn),
        theme: m.theme ?? null,
        presentCount: att.filter((x) => x[1] === "PRESENT").length,
        excusedCount: att.filter((x) => x[1] === "EXCUSED").length,
        absentCount: att.filter((x) => x[1] === "ABSENT").length,
        attendance: {
          createMany: { data: att.map(([member, status]) => ({ memberId: member.id, status })) },
        },
      },
    });
  }
});
afterAll(() => api.close());

describe("logMeeting", () => {
  it("logs a thematic meeting with attendance, counted and audited", async () => {
    const input = {
      idempotencyKey: key(),
      cellId: String(C1.id),
      kind: "THEMATIC",
      heldAt: "2026-11-18T12:30:00Z",
      theme: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
      minutes: "Chi bộ thảo luận…",
      attendance: [
        { memberId: String(a1.id), status: "PRESENT" },
        { memberId: String(a2.id), status: "EXCUSED", reason: "Đi công tác" },
        { memberId: String(newcomer.id), status: "PRESENT" },
      ],
    };
    const { data, errors } = await gql(LOG, { input });
    expect(errors).toBeUndefined();
    expect(data!.logMeeting).toMatchObject({
      kind: "THEMATIC",
      heldOn: "2026-11-18",
      presentCount: 2,
      excusedCount: 1,
      absentCount: 0,
      draft: false,
      editable: true,
      cell: { id: String(C1.id) },
    });
    expect(data!.logMeeting.attendance).toContainEqual({
      status: "EXCUSED",
      reason: "Đi công tác",
      member: { id: String(a2.id), fullName: "Trần Thị Hai" },
    });
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "Meeting", entityId: data!.logMeeting.id },
    });
    expect(audit).toMatchObject({ operation: "logMeeting", unitId: C1.id });
    expect((audit.after as { attendance: unknown[] }).attendance).toHaveLength(3);
  });

  it("is idempotent: the same key twice gives one meeting", async () => {
    const input = {
      idempotencyKey: key(),
      cellId: String(C1.id),
      kind: "EXTRAORDINARY",
      heldAt: "2026-11-19T01:00:00Z",
      attendance: [],
    };
    const first = await gql(LOG, { input });
    const again = await gql(LOG, { input: { ...input, minutes: "retry after a timeout" } });
    expect(again.data!.logMeeting.id).toBe(first.data!.logMeeting.id);
    expect(
      await api.db.prisma.meeting.count({ where: { idempotencyKey: input.idempotencyKey } }),
    ).toBe(1);
    expect(
      await api.db.prisma.auditLog.count({
        where: { entity: "Meeting", entityId: first.data!.logMeeting.id },
      }),
    ).toBe(1);
    const elsewhere = await gql(LOG, { input: { ...input, cellId: String(C2.id) } }, staff);
    expect(codes(elsewhere)).toEqual(["CONFLICT"]);
  });

  it("refuses bad meetings with the field, and writes nothing", async () => {
    const meetingsBefore = await api.db.prisma.meeting.count();
    const auditBefore = await api.db.prisma.auditLog.count();
    const base = {
      cellId: String(C1.id),
      kind: "REGULAR",
      heldAt: "2026-11-10T01:00:00Z",
      attendance: [] as unknown[],
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ heldAt: "2026-11-21T01:00:00Z" }, "heldAt"], // tomorrow in Vietnam
      [{ cellId: String(C3.id), heldAt: "2026-03-01T01:00:00Z" }, "heldAt"], // before C3 existed
      [{ kind: "THEMATIC", theme: "   " }, "theme"],
      [{ attendance: [{ memberId: String(b1.id), status: "PRESENT" }] }, "attendance.0.memberId"], // another cell's member
      [
        {
          attendance: [
            { memberId: String(a1.id), status: "PRESENT" },
            { memberId: String(a1.id), status: "ABSENT" },
          ],
        },
        "attendance.1.memberId",
      ],
      [
        {
          heldAt: "2026-10-10T01:00:00Z",
          attendance: [{ memberId: String(newcomer.id), status: "PRESENT" }],
        },
        "attendance.0.memberId",
      ], // not yet a member
      [{ qualityRating: 9 }, "qualityRating"],
      [{ cellId: String(GA.id) }, "cellId"], // not a cell
      [{ idempotencyKey: "x" }, "idempotencyKey"],
    ];
    for (const [override, field] of cases) {
      const result = await gql(
        LOG,
        { input: { ...base, idempotencyKey: key(), ...override } },
        staff,
      );
      expect(codes(result), JSON.stringify(override)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field, JSON.stringify(override)).toBe(field);
    }
    expect(await api.db.prisma.meeting.count()).toBe(meetingsBefore);
    expect(await api.db.prisma.auditLog.count()).toBe(auditBefore);
  });

  it("keeps a secretary to her own cell", async () => {
    const result = await gql(LOG, {
      input: {
        idempotencyKey: key(),
        cellId: String(C2.id),
        kind: "REGULAR",
        heldAt: "2026-11-10T01:00:00Z",
        attendance: [],
      },
    });
    expect(codes(result)).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(`{ cellOverview(cellId: "${C2.id}") { memberCount } }`))).toEqual([
      "NOT_FOUND",
    ]);
    expect(codes(await gql(`{ meetings(cellId: "${C2.id}") { totalCount } }`))).toEqual([
      "NOT_FOUND",
    ]);
  });

  it("saves a draft without a theme, and finishing it needs one", async () => {
    const draft = await gql(LOG, {
      input: {
        idempotencyKey: key(),
        cellId: String(C1.id),
        kind: "THEMATIC",
        heldAt: "2026-11-19T12:00:00Z",
        draft: true,
        attendance: [],
      },
    });
    expect(draft.data!.logMeeting).toMatchObject({ draft: true, theme: null });
    const id = draft.data!.logMeeting.id;
    const finish = `mutation($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { draft theme } }`;
    const noTheme = await gql(finish, { id, input: { draft: false } });
    expect(noTheme.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "theme",
    });
    const done = await gql(finish, { id, input: { draft: false, theme: "Bảy dám" } });
    expect(done.data!.updateMeeting).toEqual({ draft: false, theme: "Bảy dám" });
  });
});

describe("locking", () => {
  it("locks a meeting after 30 days; staff can unlock it; every change is audited", async () => {
    const old = await api.db.prisma.meeting.findFirstOrThrow({
      where: { unitId: C1.id, heldOn: new Date("2026-09-05") },
    });
    const UPDATE = `mutation($id: ID!) { updateMeeting(id: $id, input: { minutes: "Bổ sung biên bản" }) { minutes } }`;
    const locked = await gql(UPDATE, { id: String(old.id) });
    expect(locked.errors![0]!.extensions).toMatchObject({
      code: "FORBIDDEN",
      reason: "MEETING_LOCKED",
    });
    expect(
      codes(
        await gql(`mutation($id: ID!) { unlockMeeting(id: $id) { id } }`, { id: String(old.id) }),
      ),
    ).toEqual(["FORBIDDEN"]);
    const unlocked = await gql(
      `mutation($id: ID!) { unlockMeeting(id: $id, days: 3) { unlockedUntil editable } }`,
      { id: String(old.id) },
      staff,
    );
    expect(unlocked.data!.unlockMeeting).toEqual({ unlockedUntil: "2026-11-23", editable: true });
    const edited = await gql(UPDATE, { id: String(old.id) });
    expect(edited.data!.updateMeeting.minutes).toBe("Bổ sung biên bản");
    const ops = await api.db.prisma.auditLog.findMany({
      where: { entity: "Meeting", entityId: String(old.id) },
      orderBy: { id: "asc" },
    });
    expect(ops.map((o) => o.operation)).toEqual(["unlockMeeting", "updateMeeting"]);
    expect(ops[1]!.before).toMatchObject({ minutes: null });
    expect(ops[1]!.after).toMatchObject({ minutes: "Bổ sung biên bản" });
  });
});

describe("My cell", () => {
  it("shows members, meetings this year and what is due", async () => {
    const { data, errors } = await gql(
      `query($c: ID!) { cellOverview(cellId: $c, asOf: "2026-11-17") {
      memberCount members { fullName status probationEndsOn temporary }
      due { regularThisMonth thematicThisQuarter probationsEnding { fullName probationEndsOn } absentMembers { fullName months } }
      meetingsThisYear { heldOn kind } cell { name } } }`,
      { c: String(C1.id) },
    );
    expect(errors).toBeUndefined();
    const o = data!.cellOverview;
    expect(o.cell.name).toBe("Chi bộ thôn 1");
    expect(o.memberCount).toBe(4);
    expect(o.members.find((m: any) => m.fullName === "Lê Văn Ba")).toEqual({
      fullName: "Lê Văn Ba",
      status: "PROBATIONARY",
      probationEndsOn: "2026-12-20",
      temporary: false,
    });
    expect(o.due.regularThisMonth).toBe("ON_TIME");
    expect(o.due.probationsEnding).toEqual([
      { fullName: "Lê Văn Ba", probationEndsOn: "2026-12-20" },
    ]);
    expect(o.due.absentMembers).toEqual([{ fullName: "Trần Thị Hai", months: 3 }]);
    expect(
      o.meetingsThisYear.filter((m: any) => m.kind === "REGULAR").length,
    ).toBeGreaterThanOrEqual(11);
    const c2 = await gql(
      `query($c: ID!) { cellOverview(cellId: $c, asOf: "2026-11-17") { due { regularThisMonth thematicThisQuarter } } }`,
      { c: String(C2.id) },
      staff,
    );
    expect(c2.data!.cellOverview.due).toEqual({
      regularThisMonth: "MISSING",
      thematicThisQuarter: "MISSING",
    });
  });
});

describe("compliance", () => {
  const Q = `query($u: ID!, $q: Int) { meetingCompliance(unitId: $u, year: 2026, quarter: $q, asOf: "2026-11-17") {
    months total { cellsRequired cellsCompliant percent thematicMissing attendanceRate meetings }
    rows { name cellsRequired cellsCompliant percent thematicMissing }
    missingThematic { name } themes { theme meetings } } }`;

  it("evaluates every cell month by month, with cells created mid-period", async () => {
    const { data, errors } = await gql(Q, { u: String(D.id) }, leader);
    expect(errors).toBeUndefined();
    const c = data!.meetingCompliance;
    expect(c.months).toHaveLength(11);
    // C1 complies (June late still counts); C2 missed April, November and its Q2 thematic; C3 owes nothing before April.
    expect(c.rows).toEqual([
      { name: "Xã An Hải", cellsRequired: 3, cellsCompliant: 2, percent: 66.7, thematicMissing: 1 },
    ]);
    // Nobody has held the fourth quarter's thematic meeting by 17 November.
    expect(c.missingThematic.map((x: any) => x.name)).toEqual([
      "Chi bộ thôn 1",
      "Chi bộ thôn 2",
      "Chi bộ thôn 3",
    ]);
    expect(c.themes.length).toBeGreaterThan(0);
  });

  it("shows the heat-map per cell", async () => {
    const { data } = await gql(
      `{ cellCompliance(unitId: "${GA.id}", year: 2026, asOf: "2026-11-17") { totalCount edges { node { name groupName months quarters complies } } } }`,
      {},
      leader,
    );
    const byName = Object.fromEntries(
      data!.cellCompliance.edges.map((e: any) => [e.node.name, e.node]),
    );
    expect(byName["Chi bộ thôn 1"].months).toEqual([
      "ON_TIME",
      "ON_TIME",
      "ON_TIME",
      "ON_TIME",
      "ON_TIME",
      "LATE",
      "ON_TIME",
      "ON_TIME",
      "ON_TIME",
      "ON_TIME",
      "ON_TIME",
    ]);
    expect(byName["Chi bộ thôn 1"].quarters).toEqual(["HELD", "HELD", "HELD", "NOT_REQUIRED"]);
    expect(byName["Chi bộ thôn 2"].months[3]).toBe("MISSING");
    expect(byName["Chi bộ thôn 2"].months[10]).toBe("MISSING");
    expect(byName["Chi bộ thôn 2"].quarters).toEqual(["HELD", "MISSING", "HELD", "NOT_REQUIRED"]);
    expect(byName["Chi bộ thôn 3"].months.slice(0, 3)).toEqual([
      "NOT_REQUIRED",
      "NOT_REQUIRED",
      "NOT_REQUIRED",
    ]);
    expect(byName["Chi bộ thôn 3"].quarters[0]).toBe("NOT_REQUIRED");
    expect(byName["Chi bộ thôn 3"].complies).toBe(true);
    const bad = await gql(
      `{ cellCompliance(unitId: "${GA.id}", year: 2026, asOf: "2026-11-17", onlyNonCompliant: true) { totalCount } }`,
      {},
      leader,
    );
    expect(bad.data!.cellCompliance.totalCount).toBe(1);
  });

  it("covers a whole past year month by month", async () => {
    const { data, errors } = await gql(
      `{ meetingCompliance(unitId: "${GA.id}", year: 2025) { months total { cellsRequired } } }`,
      {},
      leader,
    );
    expect(errors).toBeUndefined();
    expect(data!.meetingCompliance.months).toHaveLength(12);
    expect(data!.meetingCompliance.total.cellsRequired).toBe(2); // C3 did not exist in 2025
  });

  it("takes a quarter", async () => {
    const { data } = await gql(Q, { u: String(GA.id), q: 2 }, leader);
    const c = data!.meetingCompliance;
    expect(c.months).toEqual(["2026-04-01", "2026-05-01", "2026-06-01"]);
    expect(c.total).toMatchObject({ cellsRequired: 3, cellsCompliant: 2, thematicMissing: 1 });
    expect(c.missingThematic.map((x: any) => x.name)).toEqual(["Chi bộ thôn 2"]);
  });
});
