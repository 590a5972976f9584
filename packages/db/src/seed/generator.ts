import {
  foldVietnamese,
  isIsoDate,
  type IsoDate,
  type MemberEventKind,
  type MemberStatus,
} from "@dangbo/shared";
import type { SqlValue } from "../bulk.ts";
import { buildActivities, type ActivityContext } from "./activities.ts";
import { DOCUMENT_REPLACEMENTS, DOCUMENTS, studyThemeFor } from "./content.ts";
import { DEMO_FACTS, DEMO_USERS } from "./facts.ts";
import { buildMeetings, type DocumentRef, type ThemeRef } from "./meetings.ts";
import { personNationalId, probationEndOf, type MemberRec } from "./people.ts";
import {
  buildPipeline,
  type CandidateRec,
  type StageEventRec,
  type TrainingClassRec,
} from "./pipeline.ts";
import { rngFactory, type RngFactory } from "./rng.ts";
import { cellOn, FIRST_YEAR, provinceCommittee, simulate, type World } from "./simulate.ts";
import { buildTree, subordinateOn, TREE_START, type UnitNode } from "./tree.ts";
import { finalize, key, openAfter, stamp, table, type Dated, type TableData } from "./util.ts";

export const DEFAULT_SEED = 20240101;
/** The earliest `today` the demo supports: 2024 must be a finished year. */
export const EARLIEST_TODAY: IsoDate = "2025-01-01";

export interface GenerateOptions {
  seed?: number;
  today: IsoDate;
  /** The stored hash of the demo password; the generator stays pure (no salt drawn here). */
  passwordHash?: string;
}

export interface SeedData {
  seed: number;
  today: IsoDate;
  /** Tables in insert order (parents before children). */
  tables: TableData[];
}

const EVENT_ORDER: Record<MemberEventKind, number> = {
  ADMITTED: 0,
  TRANSFERRED_IN: 1,
  PROBATION_EXTENDED: 2,
  RECOGNISED_OFFICIAL: 3,
  REMOVED: 4,
  RESIGNED: 5,
  TRANSFERRED_OUT: 6,
  DECEASED: 7,
  MOVED_CELL: 8,
};

interface MemberEventRec extends Dated {
  member: MemberRec;
  kind: MemberEventKind;
  statusAfter: MemberStatus;
  unit: UnitNode;
  decisionNo: string | null;
  reason: string | null;
}

/** The committee that decides on a member event in a cell, and its decision-number suffix. */
function issuerOf(unit: UnitNode, date: IsoDate): { code: string; suffix: string } {
  const sub = subordinateOn(unit, date < TREE_START ? TREE_START : date);
  const def = sub?.sub ?? unit.sub;
  return { code: def?.code ?? "NT", suffix: def?.issuer ?? "TU" };
}

/** Every event of every simulated member (before cutting at today), with decision numbers. */
function memberEvents(world: World, rngOf: RngFactory): MemberEventRec[] {
  const events: MemberEventRec[] = [];
  const push = (
    m: MemberRec,
    kind: MemberEventKind,
    date: IsoDate,
    statusAfter: MemberStatus,
    unit: UnitNode,
    reason: string | null = null,
  ) => {
    const e: MemberEventRec = {
      id: 0,
      date,
      key: key(m.idx, EVENT_ORDER[kind]),
      member: m,
      kind,
      statusAfter,
      unit,
      decisionNo: null,
      reason,
    };
    events.push(e);
    return e;
  };
  for (const m of world.members) {
    const exit = m.exit;
    if (m.entry === "TRANSFERRED_IN") {
      push(
        m,
        "TRANSFERRED_IN",
        m.entryDate,
        "OFFICIAL",
        m.entryUnit,
        `Chuyển sinh hoạt đảng từ ${provinceCommittee(m.origin ?? "Khánh Hòa")}`,
      );
    } else {
      push(m, "ADMITTED", m.admittedOn, "PROBATIONARY", m.entryUnit);
      if (m.extendedOn && (!exit || exit.date > m.extendedOn)) {
        push(
          m,
          "PROBATION_EXTENDED",
          m.extendedOn,
          "PROBATIONARY",
          cellOn(m, m.extendedOn),
          `Chưa đủ điều kiện công nhận đảng viên chính thức, kéo dài thời gian dự bị ${m.extensionMonths} tháng`,
        );
      }
      if (!exit || exit.date > m.officialOn) {
        push(m, "RECOGNISED_OFFICIAL", m.officialOn, "OFFICIAL", cellOn(m, m.officialOn));
      }
    }
    // Moves between cells of the province (including members moved by a cell merger).
    for (const a of m.assignments) {
      if (a.temporary || a.from <= m.entryDate) continue;
      push(m, "MOVED_CELL", a.from, m.officialOn <= a.from ? "OFFICIAL" : "PROBATIONARY", a.unit);
    }
    if (exit) push(m, exit.kind, exit.date, exit.kind, exit.unit, exit.reason);
  }
  // Decision numbers of each issuing committee run through the year in date order.
  const decided = events
    .filter(
      (e) =>
        e.kind === "ADMITTED" ||
        e.kind === "RECOGNISED_OFFICIAL" ||
        e.kind === "PROBATION_EXTENDED" ||
        e.kind === "REMOVED",
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1));
  const counters = new Map<string, { next: number; r: ReturnType<RngFactory> }>();
  for (const e of decided) {
    const issuer = issuerOf(e.unit, e.date);
    const counterKey = `${issuer.code}:${e.date.slice(0, 4)}`;
    let counter = counters.get(counterKey);
    if (!counter) {
      const r = rngOf(`decisions:${counterKey}`);
      counter = { next: r.int(5, 40), r };
      counters.set(counterKey, counter);
    }
    e.decisionNo = `${counter.next}-QĐ/${issuer.suffix}`;
    counter.next += counter.r.int(1, 3);
    if (e.kind === "ADMITTED") e.member.decisionNo = e.decisionNo;
  }
  return events;
}

export function memberCode(id: number): string {
  return `58.${String((id * 7919 + 12_345) % 1_000_000).padStart(6, "0")}`;
}

/**
 * Generates the whole demo province, in memory, as rows per table. Pure and deterministic:
 * the same seed and today give the same rows; rows dated before the current year stay the
 * same when today moves forward.
 */
export function generateDemo(options: GenerateOptions): SeedData {
  const seed = options.seed ?? DEFAULT_SEED;
  const today = options.today;
  if (!isIsoDate(today)) throw new RangeError(`today must be a date YYYY-MM-DD, got "${today}"`);
  if (today < EARLIEST_TODAY)
    throw new RangeError(
      `today must be on or after ${EARLIEST_TODAY} (2024 must be a finished year), got ${today}`,
    );
  const todayYear = Number(today.slice(0, 4));
  const rngOf = rngFactory(seed);

  const tree = buildTree(rngOf);
  const world = simulate(tree, rngOf, todayYear + 2);
  const allEvents = memberEvents(world, rngOf);
  const pipeline = buildPipeline(world, rngOf);

  const tables: TableData[] = [];

  // ── the tree ──
  const units = tree.units.filter((u) => u.validFrom <= today);
  const unitIncluded = new Set(units);
  tables.push(
    table(
      "org_unit",
      [
        "id",
        "code",
        "name",
        "name_search",
        "kind",
        "sector",
        "parent_id",
        "valid_from",
        "valid_to",
        "successor_id",
        "created_at",
        "updated_at",
      ],
      units.map((u) => {
        const validTo = openAfter(u.validTo, today);
        const periods = u.periods.filter((p) => p.from <= today);
        const parent = (periods[periods.length - 1] ?? u.periods[0])?.parent ?? null;
        const lastChange = periods.reduce((d, p) => (p.from > d ? p.from : d), u.validFrom);
        return [
          u.id,
          u.code,
          u.name,
          foldVietnamese(u.name),
          u.kind,
          u.sector,
          parent?.id ?? null,
          u.validFrom,
          validTo,
          validTo && u.successor && unitIncluded.has(u.successor) ? u.successor.id : null,
          stamp(u.validFrom),
          stamp(validTo && validTo > lastChange ? validTo : lastChange),
        ];
      }),
    ),
  );
  const periods = finalize(
    units.flatMap((u) =>
      u.periods.map((p) => ({ id: 0, date: p.from, key: key(u.id), unit: u, p })),
    ),
    today,
  );
  tables.push(
    table(
      "org_unit_period",
      ["id", "unit_id", "parent_id", "valid_from", "valid_to"],
      periods.map((x) => [
        x.id,
        x.unit.id,
        x.p.parent?.id ?? null,
        x.p.from,
        openAfter(x.p.to, today),
      ]),
    ),
  );

  // ── accounts ──
  const passwordHash = options.passwordHash ?? "!demo-password-not-set";
  tables.push(
    table(
      "app_user",
      [
        "id",
        "username",
        "display_name",
        "password_hash",
        "role",
        "unit_id",
        "pii",
        "disabled",
        "created_at",
        "updated_at",
      ],
      DEMO_USERS.map((u, i) => {
        const unit = tree.byCode.get(u.unitCode) as UnitNode;
        return [
          i + 1,
          u.username,
          u.displayName,
          passwordHash,
          u.role,
          unit.id,
          u.pii,
          false,
          stamp("2024-01-02"),
          stamp("2024-01-02"),
        ];
      }),
    ),
  );
  const secretaryUserId = DEMO_USERS.findIndex((u) => u.role === "SECRETARY") + 1;

  // ── documents and study themes ──
  const docs = finalize(
    DOCUMENTS.map((d) => ({ id: 0, date: d.issuedOn, key: key(d.number), def: d })),
    today,
  );
  tables.push(
    table(
      "document",
      [
        "id",
        "number",
        "seq",
        "kind",
        "issuer",
        "issued_on",
        "title",
        "title_search",
        "summary",
        "issuer_unit_id",
        "created_at",
      ],
      docs.map(({ id, def }) => [
        id,
        def.number,
        def.seq,
        def.kind,
        def.issuer,
        def.issuedOn,
        def.title,
        foldVietnamese(def.title),
        def.summary,
        def.issuer === "TU" ? tree.province.id : null,
        stamp(def.issuedOn, 3),
      ]),
    ),
  );
  const docByNumber = new Map(docs.map((d) => [d.def.number, d]));
  const replacements: [number, number][] = [];
  for (const [doc, replaced] of DOCUMENT_REPLACEMENTS) {
    const a = docByNumber.get(doc);
    const b = docByNumber.get(replaced);
    if (a && b) replacements.push([a.id, b.id]);
  }
  tables.push(table("document_replacement", ["document_id", "replaces_id"], replacements));

  const themes = new Map<number, ThemeRef>();
  const themeRows: SqlValue[][] = [];
  const themeDoc = docByNumber.get("01-KL/TW");
  for (let year = 2021; year <= todayYear; year++) {
    const t = studyThemeFor(year);
    const id = themeRows.length + 1;
    themes.set(year, { id, year, title: t.title });
    themeRows.push([id, year, t.title, t.description, themeDoc?.id ?? null]);
  }
  tables.push(
    table("study_theme", ["id", "year", "title", "description", "document_id"], themeRows),
  );

  // ── members ──
  const members = world.members
    .filter((m) => m.entryDate <= today)
    .sort((a, b) =>
      a.entryDate < b.entryDate ? -1 : a.entryDate > b.entryDate ? 1 : a.idx - b.idx,
    );
  members.forEach((m, i) => {
    m.id = i + 1;
  });
  // Events in date order, then by member id (ids are stable for the past, see finalize).
  const events = allEvents.filter((e) => e.date <= today);
  events.sort((a, b) =>
    a.date < b.date
      ? -1
      : a.date > b.date
        ? 1
        : a.member.id - b.member.id || EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind],
  );
  events.forEach((e, i) => {
    e.id = i + 1;
  });
  const eventsOf = new Map<MemberRec, MemberEventRec[]>();
  for (const e of events) {
    const list = eventsOf.get(e.member);
    if (list) list.push(e);
    else eventsOf.set(e.member, [e]);
  }
  tables.push(
    table(
      "member",
      [
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
        "status",
        "unit_id",
        "admitted_on",
        "probation_ends_on",
        "official_on",
        "exited_on",
        "created_at",
        "updated_at",
      ],
      members.map((m) => {
        const mine = eventsOf.get(m) ?? [];
        const last = mine[mine.length - 1] as MemberEventRec;
        const extended = mine.some((e) => e.kind === "PROBATION_EXTENDED");
        const recognised = mine.find((e) => e.kind === "RECOGNISED_OFFICIAL");
        const exited = m.exit && m.exit.date <= today ? m.exit.date : null;
        const primaries = m.assignments.filter((a) => !a.temporary && a.from <= today);
        const current = primaries[primaries.length - 1] ?? m.assignments[0];
        return [
          m.id,
          memberCode(m.id),
          m.person.fullName,
          foldVietnamese(m.person.fullName),
          m.person.gender,
          m.person.birthDate,
          m.person.ethnicity,
          m.person.occupation,
          m.person.phone,
          personNationalId(m.person),
          m.person.address,
          last.statusAfter,
          (current as { unit: UnitNode }).unit.id,
          m.admittedOn,
          probationEndOf(m.admittedOn, extended ? m.extensionMonths : 0),
          m.entry === "TRANSFERRED_IN" ? m.officialOn : (recognised?.date ?? null),
          exited,
          m.entry === "BASE" ? stamp("2019-12-20", 1) : stamp(m.entryDate, 3, today),
          stamp(last.date, 3, today),
        ];
      }),
    ),
  );
  const assignments = members
    .flatMap((m) => m.assignments)
    .filter((a) => a.from <= today)
    .sort((a, b) =>
      a.from < b.from ? -1 : a.from > b.from ? 1 : a.member.id - b.member.id || a.id - b.id,
    );
  tables.push(
    table(
      "member_assignment",
      ["id", "member_id", "unit_id", "valid_from", "valid_to", "temporary"],
      assignments.map((a, i) => [
        i + 1,
        a.member.id,
        a.unit.id,
        a.from,
        openAfter(a.to, today),
        a.temporary,
      ]),
    ),
  );
  tables.push(
    table(
      "member_event",
      [
        "id",
        "member_id",
        "kind",
        "effective_on",
        "status_after",
        "unit_id",
        "decision_no",
        "reason",
        "recorded_by_id",
        "created_at",
      ],
      events.map((e) => [
        e.id,
        e.member.id,
        e.kind,
        e.date,
        e.statusAfter,
        e.unit.id,
        e.decisionNo,
        e.reason,
        null,
        stamp(e.date, 3, today),
      ]),
    ),
  );

  // ── admission targets ──
  const targetRows: SqlValue[][] = [];
  for (let year = FIRST_YEAR; year <= todayYear; year++) {
    const plan = world.plans.get(year);
    if (!plan) continue;
    const updatedAt = stamp(`${year}-01-10`, 2, today);
    targetRows.push([0, tree.province.id, year, plan.provinceTarget, null, updatedAt]);
    for (const sub of plan.subs) {
      if (!unitIncluded.has(sub.node)) continue;
      targetRows.push([0, sub.node.id, year, sub.target, null, updatedAt]);
      const list = (plan.grassroots.get(sub.node) ?? []).map((g) => ({ ...g }));
      if (year === todayYear && sub.node.code === DEMO_FACTS.mismatchDistrictCode) {
        // Deliberately: this district's grassroots targets add up to 3 less than its own.
        for (let k = 0; k < DEMO_FACTS.mismatchShortfall; k++) {
          const biggest = list.reduce((a, b) => (b.target > a.target ? b : a));
          biggest.target -= 1;
        }
      }
      for (const g of list) targetRows.push([0, g.node.id, year, g.target, null, updatedAt]);
    }
  }
  targetRows.sort(
    (a, b) => (a[2] as number) - (b[2] as number) || (a[1] as number) - (b[1] as number),
  );
  targetRows.forEach((r, i) => {
    r[0] = i + 1;
  });
  tables.push(
    table(
      "admission_target",
      ["id", "unit_id", "year", "target", "updated_by_id", "updated_at"],
      targetRows,
    ),
  );

  // ── development pipeline ──
  const classes = finalize(
    pipeline.classes.map((c) =>
      Object.assign(c, { date: c.startsOn, key: key(c.kind, c.organiser.id, c.name) }),
    ),
    today,
  );
  const classIncluded = new Set<TrainingClassRec>(classes);
  tables.push(
    table(
      "training_class",
      ["id", "kind", "name", "organiser_unit_id", "starts_on", "ends_on", "created_at"],
      classes.map((c) => [
        c.id,
        c.kind,
        c.name,
        c.organiser.id,
        c.startsOn,
        c.endsOn,
        stamp(c.startsOn, 1),
      ]),
    ),
  );
  const candidates: (CandidateRec & Dated)[] = finalize(
    pipeline.candidates.map((c) =>
      Object.assign(c, { date: (c.events[0] as StageEventRec).date, key: key(c.idx) }),
    ),
    today,
  );
  const stageOrder = [
    "REGISTERED",
    "AWARENESS_CLASS",
    "VERIFICATION",
    "VERIFIED",
    "PROPOSED",
    "ADMITTED",
    "REJECTED",
    "WITHDRAWN",
  ];
  const stageEvents = candidates
    .flatMap((c) => c.events.filter((e) => e.date <= today))
    .sort(
      (a, b) =>
        (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
        a.candidate.id - b.candidate.id ||
        stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage),
    );
  stageEvents.forEach((e, i) => {
    e.id = i + 1;
  });
  tables.push(
    table(
      "candidate",
      [
        "id",
        "full_name",
        "name_search",
        "gender",
        "birth_date",
        "ethnicity",
        "occupation",
        "phone",
        "national_id",
        "address",
        "unit_id",
        "stage",
        "stage_on",
        "registered_on",
        "closed_reason",
        "member_id",
        "created_at",
        "updated_at",
      ],
      candidates.map((c) => {
        const seen = c.events.filter((e) => e.date <= today);
        const last = seen[seen.length - 1] as StageEventRec;
        const admitted =
          last.stage === "ADMITTED" && c.member && c.member.id > 0 && c.member.entryDate <= today;
        const closed = last.stage === "REJECTED" || last.stage === "WITHDRAWN";
        return [
          c.id,
          c.person.fullName,
          foldVietnamese(c.person.fullName),
          c.person.gender,
          c.person.birthDate,
          c.person.ethnicity,
          c.person.occupation,
          c.person.phone,
          personNationalId(c.person),
          c.person.address,
          c.unit.id,
          last.stage,
          last.date,
          c.date,
          closed ? c.closedReason : null,
          admitted ? (c.member as MemberRec).id : null,
          stamp(c.date, 2),
          stamp(last.date, 2),
        ];
      }),
    ),
  );
  tables.push(
    table(
      "candidate_stage_event",
      [
        "id",
        "candidate_id",
        "stage",
        "occurred_on",
        "training_class_id",
        "decision_no",
        "result",
        "note",
        "recorded_by_id",
        "created_at",
      ],
      stageEvents.map((e) => [
        e.id,
        e.candidate.id,
        e.stage,
        e.date,
        e.trainingClass && classIncluded.has(e.trainingClass) ? e.trainingClass.id : null,
        e.decisionNo,
        e.result,
        e.note,
        null,
        stamp(e.date, 4),
      ]),
    ),
  );
  const candidateIncluded = new Set<CandidateRec>(candidates);
  const enrolments = pipeline.enrolments
    .filter(
      (e) =>
        classIncluded.has(e.cls) &&
        (e.candidate
          ? candidateIncluded.has(e.candidate)
          : e.member !== null && e.member.id > 0 && e.member.entryDate <= today),
    )
    .sort(
      (a, b) =>
        (a.cls.startsOn < b.cls.startsOn ? -1 : a.cls.startsOn > b.cls.startsOn ? 1 : 0) ||
        a.cls.id - b.cls.id ||
        (a.candidate ? 0 : 1) - (b.candidate ? 0 : 1) ||
        (a.candidate?.id ?? 0) - (b.candidate?.id ?? 0) ||
        (a.member?.id ?? 0) - (b.member?.id ?? 0),
    );
  tables.push(
    table(
      "training_enrolment",
      ["id", "class_id", "candidate_id", "member_id", "completed", "completed_on"],
      enrolments.map((e, i) => {
        const completed = e.completes && e.cls.endsOn <= today;
        return [
          i + 1,
          e.cls.id,
          e.candidate?.id ?? null,
          e.member?.id ?? null,
          completed,
          completed ? e.cls.endsOn : null,
        ];
      }),
    ),
  );

  // ── meetings ──
  const docRefs: DocumentRef[] = docs.map((d) => ({
    id: d.id,
    number: d.def.number,
    title: d.def.title,
    issuedOn: d.def.issuedOn,
  }));
  const secretaryCell = tree.byCode.get(DEMO_FACTS.secretaryCellCode) as UnitNode;
  const meetingKindOrder = { REGULAR: 0, THEMATIC: 1, EXTRAORDINARY: 2 } as const;
  const meetings = buildMeetings(world, rngOf, today, themes, docRefs, secretaryCell).sort(
    (a, b) =>
      (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0) ||
      a.unit.id - b.unit.id ||
      meetingKindOrder[a.kind] - meetingKindOrder[b.kind],
  );
  meetings.forEach((m, i) => {
    m.id = i + 1;
  });
  tables.push(
    table(
      "meeting",
      [
        "id",
        "unit_id",
        "kind",
        "held_at",
        "held_on",
        "theme",
        "study_theme_id",
        "document_id",
        "minutes",
        "decisions",
        "guests",
        "quality_rating",
        "draft",
        "idempotency_key",
        "present_count",
        "excused_count",
        "absent_count",
        "unlocked_until",
        "created_by_id",
        "created_at",
        "updated_at",
      ],
      meetings.map((m) => [
        m.id,
        m.unit.id,
        m.kind,
        m.heldAt,
        m.heldOn,
        m.theme,
        m.studyThemeId,
        m.documentId,
        m.minutes,
        m.decisions,
        m.guests,
        m.qualityRating,
        false,
        null,
        m.present,
        m.excused,
        m.absent,
        null,
        m.createdByUser ? secretaryUserId : null,
        m.createdAt,
        m.createdAt,
      ]),
    ),
  );
  const attendanceRows: SqlValue[][] = [];
  for (const m of meetings) {
    if (!m.attendance) continue;
    for (const a of m.attendance) attendanceRows.push([m.id, a.member.id, a.status, a.reason]);
  }
  tables.push(
    table("meeting_attendance", ["meeting_id", "member_id", "status", "reason"], attendanceRows),
  );

  // ── everything else ──
  const context: ActivityContext = {
    rngOf,
    today,
    todayYear,
    tree,
    world,
    members,
    unitIncluded,
    docs: docs.map((d) => ({ id: d.id, def: d.def })),
  };
  tables.push(...buildActivities(context));

  return { seed, today, tables };
}
