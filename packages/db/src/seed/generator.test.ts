import { createHash } from "node:crypto";
import {
  addDaysIso,
  daysBetween,
  foldVietnamese,
  percentOfTarget,
  probationEnd,
} from "@dangbo/shared";
import { beforeAll, describe, expect, it } from "vitest";
import type { SqlValue } from "../bulk.ts";
import { DEMO_FACTS, DEMO_USERS } from "./facts.ts";
import { generateDemo, type SeedData } from "./generator.ts";
import { addDays, dayNumber, daysFromTo, isoFromDay } from "./util.ts";

type Row = Record<string, SqlValue>;

function objects(data: SeedData, name: string): Row[] {
  const t = data.tables.find((x) => x.table === name);
  if (!t) throw new Error(`no table ${name}`);
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

function digest(data: SeedData): Record<string, string> {
  return Object.fromEntries(
    data.tables.map((t) => [
      t.table,
      createHash("sha256").update(JSON.stringify(t.rows)).digest("hex"),
    ]),
  );
}

const TODAY = "2026-11-20";
const EARLIER_TODAY = "2025-06-15";
const CUT = "2025-01-01";

/** Date of a row for the "past stays the same" comparison, and the part of it that must not change. */
type PastRule = { date: (r: Row, ctx: Lookup) => string | null; project?: (r: Row) => unknown };
interface Lookup {
  classStart: Map<number, string>;
  conferenceDate: Map<number, string>;
  meetingDate: Map<number, string>;
  standardDate: Map<number, string>;
  campaignStart: Map<number, string>;
}

const clip = (to: SqlValue) => (typeof to === "string" && to < CUT ? to : null);
const pick =
  (...columns: string[]) =>
  (r: Row) =>
    columns.map((c) => r[c]);

const PAST: Record<string, PastRule> = {
  org_unit: {
    date: (r) => r.valid_from as string,
    project: pick(
      "id",
      "code",
      "name",
      "name_search",
      "kind",
      "sector",
      "valid_from",
      "created_at",
    ),
  },
  org_unit_period: {
    date: (r) => r.valid_from as string,
    project: (r) => [r.id, r.unit_id, r.parent_id, r.valid_from, clip(r.valid_to)],
  },
  app_user: { date: () => "2000-01-01" },
  document: { date: (r) => r.issued_on as string },
  study_theme: { date: (r) => `${r.year}-01-01` },
  member: {
    date: (r) => (r.created_at as string).slice(0, 10),
    project: pick(
      "id",
      "code",
      "full_name",
      "name_search",
      "gender",
      "birth_date",
      "ethnicity",
      "occupation",
      "phone",
      "national_id",
      "address",
      "admitted_on",
      "created_at",
    ),
  },
  member_assignment: {
    date: (r) => r.valid_from as string,
    project: (r) => [r.id, r.member_id, r.unit_id, r.valid_from, clip(r.valid_to), r.temporary],
  },
  member_event: { date: (r) => r.effective_on as string },
  admission_target: { date: (r) => `${r.year}-01-01` },
  training_class: { date: (r) => r.starts_on as string },
  candidate: {
    date: (r) => r.registered_on as string,
    project: pick(
      "id",
      "full_name",
      "gender",
      "birth_date",
      "ethnicity",
      "occupation",
      "phone",
      "national_id",
      "address",
      "unit_id",
      "registered_on",
      "created_at",
    ),
  },
  candidate_stage_event: { date: (r) => r.occurred_on as string },
  training_enrolment: { date: (r, x) => x.classStart.get(r.class_id as number) ?? null },
  meeting: { date: (r) => r.held_on as string },
  meeting_attendance: {
    // Detail rows exist for the last 24 months before each today: compare where both have them.
    date: (r, x) => {
      const held = x.meetingDate.get(r.meeting_id as number) as string;
      return held >= addDaysIso(TODAY, -730) ? held : null;
    },
  },
  conference: { date: (r) => r.held_on as string },
  conference_document: { date: (r, x) => x.conferenceDate.get(r.conference_id as number) ?? null },
  conference_attendee: { date: (r, x) => x.conferenceDate.get(r.conference_id as number) ?? null },
  implementation_requirement: { date: (r) => (r.created_at as string).slice(0, 10) },
  implementation_plan: { date: (r) => r.issued_on as string },
  document_review: { date: (r) => r.held_on as string },
  member_evaluation: { date: (r) => `${r.year}-12-31` },
  unit_evaluation: { date: (r) => `${r.year}-12-31` },
  exemplary_commitment: { date: (r) => `${r.year}-02-15` },
  unit_commitment: { date: (r) => `${r.year}-01-01` },
  ethical_standard: { date: (r) => (r.created_at as string).slice(0, 10) },
  action_slogan: { date: (r, x) => x.standardDate.get(r.standard_id as number) ?? null },
  good_model: {
    date: (r) => r.starts_on as string,
    project: pick("id", "unit_id", "title", "description", "starts_on", "results"),
  },
  emulation_campaign: { date: (r) => r.starts_on as string },
  campaign_eligibility: { date: (r, x) => x.campaignStart.get(r.campaign_id as number) ?? null },
  campaign_registration: {
    date: (r) => r.registered_on as string,
    project: pick(
      "id",
      "campaign_id",
      "unit_id",
      "title",
      "description",
      "target",
      "responsible_unit_id",
      "registered_on",
    ),
  },
  award: { date: (r) => r.decided_on as string },
  inspection: { date: (r) => r.started_on as string },
  discipline: { date: (r) => r.decided_on as string },
  congress: { date: (r) => r.held_from as string },
};

function lookup(data: SeedData): Lookup {
  const map = (table: string, column: string) =>
    new Map(objects(data, table).map((r) => [r.id as number, String(r[column]).slice(0, 10)]));
  return {
    classStart: map("training_class", "starts_on"),
    conferenceDate: map("conference", "held_on"),
    meetingDate: map("meeting", "held_on"),
    standardDate: map("ethical_standard", "created_at"),
    campaignStart: map("emulation_campaign", "starts_on"),
  };
}

const lookups = new WeakMap<SeedData, Lookup>();

function past(data: SeedData, table: string): unknown[] {
  const rule = PAST[table] as PastRule;
  let x = lookups.get(data);
  if (!x) lookups.set(data, (x = lookup(data)));
  return objects(data, table)
    .filter((r) => {
      const d = rule.date(r, x);
      return d !== null && d < CUT;
    })
    .map((r) => (rule.project ? rule.project(r) : r));
}

describe("demo generator (pure)", () => {
  let a: SeedData;
  let again: SeedData;
  let earlier: SeedData;

  beforeAll(() => {
    const started = performance.now();
    a = generateDemo({ today: TODAY });
    console.log(`generator: ${Math.round(performance.now() - started)} ms for today ${TODAY}`);
    again = generateDemo({ today: TODAY });
    earlier = generateDemo({ today: EARLIER_TODAY });
  });

  it("is deterministic: the same seed and today give identical rows", () => {
    expect(digest(again)).toEqual(digest(a));
  });

  it("a different seed gives different people", () => {
    const other = generateDemo({ today: TODAY, seed: 7 });
    expect(objects(other, "member")[0]?.full_name).not.toEqual(undefined);
    expect(digest(other).member).not.toEqual(digest(a).member);
    // …but the reported figures hold for any seed.
    const members = objects(other, "member_event").filter(
      (e) => e.kind === "ADMITTED" && String(e.effective_on).startsWith("2024"),
    );
    expect(members).toHaveLength(DEMO_FACTS.admitted);
  });

  it("keeps every row dated before 2025 identical when today moves (2025-06-15 → 2026-11-20)", () => {
    const tables = a.tables.map((t) => t.table).filter((t) => t in PAST);
    expect(tables.length).toBeGreaterThan(30);
    for (const table of tables) {
      const later = past(a, table);
      const before = past(earlier, table);
      expect(later.length, table).toBeGreaterThan(0);
      // Compare the serialised rows first (fast); show a diff only when they differ.
      if (JSON.stringify(later) !== JSON.stringify(before)) expect(later, table).toEqual(before);
    }
  });

  it("writes nothing dated after today", () => {
    const dated: [string, string][] = [
      ["member_event", "effective_on"],
      ["member_assignment", "valid_from"],
      ["meeting", "held_on"],
      ["candidate_stage_event", "occurred_on"],
      ["training_class", "starts_on"],
      ["conference", "held_on"],
      ["award", "decided_on"],
      ["document", "issued_on"],
      ["org_unit", "valid_from"],
    ];
    for (const [table, column] of dated) {
      for (const r of objects(earlier, table))
        expect(String(r[column]) <= EARLIER_TODAY, `${table}.${column}`).toBe(true);
    }
    for (const m of objects(earlier, "meeting"))
      expect((m.created_at as string).slice(0, 10) <= EARLIER_TODAY).toBe(true);
    for (const m of objects(earlier, "member"))
      expect((m.admitted_on as string) <= EARLIER_TODAY).toBe(true);
  });

  it("reproduces the reported 2024 figures", () => {
    const units = new Map(objects(a, "org_unit").map((u) => [u.id as number, u]));
    const periods = objects(a, "org_unit_period");
    const parentOn = (id: number, date: string) =>
      periods.find(
        (p) =>
          p.unit_id === id &&
          (p.valid_from as string) <= date &&
          (p.valid_to === null || (p.valid_to as string) > date),
      )?.parent_id as number | null;
    const codeOf = (id: number) => (units.get(id) as Row).code as string;
    const subordinateOn = (id: number, date: string): string | null => {
      let current: number | null = id;
      while (current !== null) {
        const parent = parentOn(current, date);
        if (parent === 1) return codeOf(current);
        current = parent ?? null;
      }
      return null;
    };
    const admitted = new Map<string, number>();
    for (const e of objects(a, "member_event")) {
      if (e.kind !== "ADMITTED" || !String(e.effective_on).startsWith("2024")) continue;
      const sub = subordinateOn(e.unit_id as number, e.effective_on as string) as string;
      admitted.set(sub, (admitted.get(sub) ?? 0) + 1);
    }
    const targets = new Map(
      objects(a, "admission_target")
        .filter((t) => t.year === 2024)
        .map((t) => [codeOf(t.unit_id as number), t.target as number]),
    );
    for (const s of DEMO_FACTS.subordinates2024) {
      expect(admitted.get(s.code), s.code).toBe(s.admitted);
      expect(targets.get(s.code), s.code).toBe(s.target);
    }
    expect([...admitted.values()].reduce((x, y) => x + y, 0)).toBe(DEMO_FACTS.admitted);
    expect(targets.get("NT")).toBe(DEMO_FACTS.target);
    expect(percentOfTarget(DEMO_FACTS.admitted, DEMO_FACTS.target)).toBe(DEMO_FACTS.percent);

    const on = DEMO_FACTS.activeOn;
    const active = new Set(
      objects(a, "member_assignment")
        .filter(
          (x) =>
            !x.temporary &&
            (x.valid_from as string) <= on &&
            (x.valid_to === null || (x.valid_to as string) > on),
        )
        .map((x) => x.member_id),
    );
    expect(active.size).toBe(DEMO_FACTS.membersEndOf2024);
    const grassroots = objects(a, "org_unit").filter(
      (u) =>
        (u.kind === "GRASSROOTS_COMMITTEE" || u.kind === "GRASSROOTS_CELL") &&
        (u.valid_from as string) <= on &&
        (u.valid_to === null || (u.valid_to as string) > on),
    );
    expect(grassroots).toHaveLength(DEMO_FACTS.grassrootsEndOf2024);
    const holding = objects(a, "org_unit").filter(
      (u) => u.kind === "CELL" || u.kind === "GRASSROOTS_CELL",
    );
    expect(holding.length).toBeGreaterThan(1450);
    expect(holding.length).toBeLessThan(1750);
  });

  it("candidates have strictly increasing stage dates, all before their admission", () => {
    const order = [
      "REGISTERED",
      "AWARENESS_CLASS",
      "VERIFICATION",
      "VERIFIED",
      "PROPOSED",
      "ADMITTED",
      "REJECTED",
      "WITHDRAWN",
    ];
    const events = new Map<number, Row[]>();
    for (const e of objects(a, "candidate_stage_event")) {
      const list = events.get(e.candidate_id as number) ?? [];
      list.push(e);
      events.set(e.candidate_id as number, list);
    }
    const members = new Map(objects(a, "member").map((m) => [m.id as number, m]));
    const candidates = objects(a, "candidate");
    for (const c of candidates) {
      const list = (events.get(c.id as number) ?? []).sort(
        (x, y) => (x.id as number) - (y.id as number),
      );
      expect(list.length).toBeGreaterThan(0);
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1] as Row;
        const cur = list[i] as Row;
        expect(
          (prev.occurred_on as string) < (cur.occurred_on as string),
          `candidate ${c.id}`,
        ).toBe(true);
        expect(order.indexOf(prev.stage as string)).toBeLessThan(
          order.indexOf(cur.stage as string),
        );
      }
      const last = list[list.length - 1] as Row;
      expect(c.stage).toBe(last.stage);
      expect(c.stage_on).toBe(last.occurred_on);
      expect(c.registered_on).toBe((list[0] as Row).occurred_on);
      if (c.stage === "ADMITTED") {
        expect(list.map((e) => e.stage)).toEqual(order.slice(0, 6));
        const member = members.get(c.member_id as number) as Row;
        expect(member.admitted_on).toBe(last.occurred_on);
        expect(last.decision_no).toMatch(/^\d+-QĐ\/\S+$/);
        expect(list[1]?.training_class_id).not.toBeNull();
      } else {
        expect(c.member_id).toBeNull();
      }
      if (c.stage === "REJECTED" || c.stage === "WITHDRAWN") expect(c.closed_reason).toBeTruthy();
    }
    // Every admission since 2025 has its candidate.
    const linked = new Set(candidates.map((c) => c.member_id));
    for (const e of objects(a, "member_event")) {
      if (e.kind === "ADMITTED" && (e.effective_on as string) >= "2025-01-01")
        expect(linked.has(e.member_id)).toBe(true);
    }
    // The open pipeline today.
    const byStage = new Map<string, number>();
    for (const c of candidates)
      byStage.set(c.stage as string, (byStage.get(c.stage as string) ?? 0) + 1);
    expect(byStage.get("REGISTERED")).toBeGreaterThan(200);
    expect(byStage.get("AWARENESS_CLASS")).toBeGreaterThan(250);
    expect(byStage.get("VERIFICATION")).toBeGreaterThan(100);
    expect(byStage.get("VERIFIED")).toBeGreaterThan(80);
    expect(byStage.get("PROPOSED")).toBeGreaterThan(50);
    expect((byStage.get("REJECTED") ?? 0) + (byStage.get("WITHDRAWN") ?? 0)).toBeGreaterThan(30);
  });

  it("follows the probation rule: official 0–40 days after the end of probation, extensions of at most 12 months", () => {
    const events = new Map<number, Row[]>();
    for (const e of objects(a, "member_event")) {
      const list = events.get(e.member_id as number) ?? [];
      list.push(e);
      events.set(e.member_id as number, list);
    }
    let extended = 0;
    for (const m of objects(a, "member")) {
      const list = events.get(m.id as number) ?? [];
      const extension = list.find((e) => e.kind === "PROBATION_EXTENDED");
      const recognition = list.find((e) => e.kind === "RECOGNISED_OFFICIAL");
      const transferredIn = list.some((e) => e.kind === "TRANSFERRED_IN");
      const admitted = m.admitted_on as string;
      if (extension) {
        extended++;
        const months = [6, 12].find((k) => probationEnd(admitted, k) === m.probation_ends_on);
        expect(months, `member ${m.id}`).toBeDefined();
        expect((extension.effective_on as string) >= probationEnd(admitted)).toBe(true);
      } else {
        expect(m.probation_ends_on).toBe(probationEnd(admitted));
      }
      if (recognition) {
        const gap = daysBetween(m.probation_ends_on as string, recognition.effective_on as string);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(40);
        expect(m.official_on).toBe(recognition.effective_on);
        expect(recognition.decision_no).toBeTruthy();
      } else if (!transferredIn) {
        expect(m.official_on).toBeNull();
        if (m.exited_on === null) {
          expect(m.status).toBe("PROBATIONARY");
          // Not yet recognised: the end of probation plus 40 days is still ahead, or just passed.
          expect(daysBetween(m.probation_ends_on as string, TODAY)).toBeLessThanOrEqual(40);
        }
      }
    }
    expect(extended).toBeGreaterThan(0);
  });

  it("keeps members, assignments and events consistent", () => {
    const members = new Map(objects(a, "member").map((m) => [m.id as number, m]));
    const open = new Map<number, Row[]>();
    for (const x of objects(a, "member_assignment")) {
      expect(members.has(x.member_id as number)).toBe(true);
      if (x.valid_to !== null) expect((x.valid_to as string) > (x.valid_from as string)).toBe(true);
      if (!x.temporary && x.valid_to === null)
        open.set(x.member_id as number, [...(open.get(x.member_id as number) ?? []), x]);
    }
    for (const e of objects(a, "member_event"))
      expect(members.has(e.member_id as number)).toBe(true);
    const codes = new Set<string>();
    for (const m of members.values()) {
      codes.add(m.code as string);
      const active = m.status === "OFFICIAL" || m.status === "PROBATIONARY";
      expect(active).toBe(m.exited_on === null);
      const mine = open.get(m.id as number) ?? [];
      expect(mine.length, `member ${m.id}`).toBe(active ? 1 : 0);
      if (active) expect((mine[0] as Row).unit_id).toBe(m.unit_id);
      expect(m.name_search).toBe(foldVietnamese(m.full_name as string));
      expect(m.phone === null || /^09\d{8}$/.test(m.phone as string)).toBe(true);
      expect(m.national_id).toMatch(/^058\d{9}$/);
      expect(m.code).toMatch(/^58\.\d{6}$/);
    }
    expect(codes.size).toBe(members.size);
    const activeNames = [...members.values()]
      .filter((m) => m.exited_on === null)
      .map((m) => m.full_name);
    for (const name of DEMO_FACTS.searchNames) expect(activeNames).toContain(name);
  });

  it("records attendance only for members assigned to the cell that day, matching the counts", () => {
    const byUnit = new Map<number, Row[]>();
    for (const x of objects(a, "member_assignment")) {
      if (x.temporary) continue;
      byUnit.set(x.unit_id as number, [...(byUnit.get(x.unit_id as number) ?? []), x]);
    }
    const meetings = new Map(objects(a, "meeting").map((m) => [m.id as number, m]));
    const tally = new Map<number, [number, number, number]>();
    const t = a.tables.find((x) => x.table === "meeting_attendance");
    for (const [meetingId, memberId, status] of t?.rows ?? []) {
      const m = meetings.get(meetingId as number) as Row;
      const held = m.held_on as string;
      const assigned = (byUnit.get(m.unit_id as number) ?? []).some(
        (x) =>
          x.member_id === memberId &&
          (x.valid_from as string) <= held &&
          (x.valid_to === null || (x.valid_to as string) > held),
      );
      expect(assigned, `meeting ${meetingId} member ${memberId}`).toBe(true);
      const c = tally.get(meetingId as number) ?? [0, 0, 0];
      c[status === "PRESENT" ? 0 : status === "EXCUSED" ? 1 : 2]++;
      tally.set(meetingId as number, c);
    }
    for (const [id, [p, e, x]] of tally) {
      const m = meetings.get(id) as Row;
      expect([m.present_count, m.excused_count, m.absent_count]).toEqual([p, e, x]);
    }
    expect(tally.size).toBeGreaterThan(30_000);
    // Meetings older than 24 months have counts but no detail rows.
    const old = [...meetings.values()].filter((m) => (m.held_on as string) < "2024-06-01");
    expect(old.length).toBeGreaterThan(0);
    for (const m of old) {
      expect(tally.has(m.id as number)).toBe(false);
      expect(
        (m.present_count as number) + (m.excused_count as number) + (m.absent_count as number),
      ).toBeGreaterThan(0);
    }
  });

  it("has grassroots targets adding up to their committee's, except the one deliberate district", () => {
    const units = new Map(objects(a, "org_unit").map((u) => [u.id as number, u]));
    const periods = objects(a, "org_unit_period");
    const targets = objects(a, "admission_target");
    const years = [...new Set(targets.map((t) => t.year as number))].sort();
    expect(years[0]).toBe(2020);
    expect(years[years.length - 1]).toBe(2026);
    const mismatches: string[] = [];
    for (const year of years) {
      const yearEnd = `${year}-12-31`;
      const ofYear = targets.filter((t) => t.year === year);
      const byUnit = new Map(ofYear.map((t) => [t.unit_id as number, t.target as number]));
      const direct = ofYear.filter((t) => {
        const u = units.get(t.unit_id as number) as Row;
        return (
          u.kind === "DISTRICT_COMMITTEE" ||
          u.kind === "BLOCK_COMMITTEE" ||
          u.kind === "DIRECT_COMMITTEE"
        );
      });
      expect(direct.reduce((s, t) => s + (t.target as number), 0)).toBe(byUnit.get(1));
      for (const d of direct) {
        const children = periods.filter(
          (p) =>
            p.parent_id === d.unit_id &&
            (p.valid_from as string) <= yearEnd &&
            (p.valid_to === null || (p.valid_to as string) > yearEnd),
        );
        const sum = children.reduce((s, p) => s + (byUnit.get(p.unit_id as number) ?? 0), 0);
        expect(children.every((p) => byUnit.has(p.unit_id as number))).toBe(true);
        if (sum !== d.target)
          mismatches.push(
            `${year} ${(units.get(d.unit_id as number) as Row).code} ${sum - (d.target as number)}`,
          );
      }
    }
    expect(mismatches).toEqual([
      `2026 ${DEMO_FACTS.mismatchDistrictCode} -${DEMO_FACTS.mismatchShortfall}`,
    ]);
  });

  it("records the 2025 reorganisation as history", () => {
    const units = new Map(objects(a, "org_unit").map((u) => [u.code as string, u]));
    for (const code of DEMO_FACTS.oldBlockCodes)
      expect((units.get(code) as Row).valid_to).toBe(DEMO_FACTS.reorganisedOn);
    for (const code of DEMO_FACTS.newBlockCodes)
      expect((units.get(code) as Row).valid_from).toBe(DEMO_FACTS.reorganisedOn);
    const [mergedCode, intoCode] = DEMO_FACTS.mergedCellCodes;
    const merged = units.get(mergedCode) as Row;
    expect(merged.valid_to).toBe(DEMO_FACTS.mergedOn);
    expect(merged.successor_id).toBe((units.get(intoCode) as Row).id);
    const openInMerged = objects(a, "member_assignment").filter(
      (x) => x.unit_id === merged.id && x.valid_to === null,
    );
    expect(openInMerged).toHaveLength(0);
    const moved = objects(a, "org_unit_period").filter(
      (p) => p.valid_from === DEMO_FACTS.reorganisedOn,
    );
    expect(moved.length).toBe(85 + 2);
    for (const u of DEMO_USERS) expect(units.has(u.unitCode), u.unitCode).toBe(true);
    const secretaryCell = units.get(DEMO_FACTS.secretaryCellCode) as Row;
    expect(secretaryCell.kind).toBe("CELL");
    expect(secretaryCell.sector).toBe("RESIDENTIAL");
  });

  it("refuses a today before 2025 and a malformed date", () => {
    expect(() => generateDemo({ today: "2024-12-31" })).toThrow(/2025-01-01/);
    expect(() => generateDemo({ today: "2025-13-01" })).toThrow(/YYYY-MM-DD/);
  });
});

describe("fast calendar arithmetic", () => {
  it("agrees with the shared date helpers", () => {
    for (let d = dayNumber("1930-01-01"); d < dayNumber("2032-12-31"); d += 17) {
      const iso = isoFromDay(d);
      expect(dayNumber(iso)).toBe(d);
      expect(addDays(iso, 45)).toBe(addDaysIso(iso, 45));
      expect(addDays(iso, -400)).toBe(addDaysIso(iso, -400));
      expect(daysFromTo(iso, "2024-02-29")).toBe(daysBetween(iso, "2024-02-29"));
    }
  });
});
