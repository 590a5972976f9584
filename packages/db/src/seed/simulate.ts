import { ageOn, type IsoDate } from "@dangbo/shared";
import { DEMO_FACTS } from "./facts.ts";
import {
  buildAddressBook,
  probationEndOf,
  dateWithin,
  makePerson,
  recognitionDates,
  type AddressBook,
  type AssignmentRec,
  type ExitKind,
  type MemberRec,
} from "./people.ts";
import { apportion, type Random, type RngFactory } from "./rng.ts";
import { isValidOn, parentOn, TREE_START, type Tree, type UnitNode } from "./tree.ts";
import { addDays, daysInMonth } from "./util.ts";

/** The first year with targets and simulated flows; earlier members are the base population. */
export const FIRST_YEAR = 2020;
const BASE_DATE: IsoDate = `${FIRST_YEAR}-01-01`;

export interface SubPlan {
  node: UnitNode;
  target: number;
  admitted: number;
}

export interface YearPlan {
  year: number;
  provinceTarget: number;
  subs: SubPlan[];
  /** Grassroots organisations of each subordinate on 31 December, with their targets. */
  grassroots: Map<UnitNode, { node: UnitNode; target: number }[]>;
  exits: number;
  transfersIn: number;
  internalMoves: number;
  tempStarts: number;
  tempEnds: number;
}

export interface World {
  tree: Tree;
  book: AddressBook;
  members: MemberRec[];
  plans: Map<number, YearPlan>;
  /** Last simulated year (two beyond today's, for the candidates still in the pipeline). */
  lastYear: number;
}

/** Admissions by month: few in January, peaks around 3 Feb, 19 May, 2 Sep, a year-end push. */
const MONTH_WEIGHTS = [3, 8, 6, 6, 9, 7, 7, 7, 9, 8, 10, 20];

export function admissionDate(r: Random, year: number): IsoDate {
  const month = r.weightedIndex(MONTH_WEIGHTS) + 1;
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const last = daysInMonth(year, month);
  let day: number;
  if (month === 2 && r.chance(0.5)) day = r.int(1, 3);
  else if (month === 5 && r.chance(0.45)) day = r.int(15, 19);
  else if (month === 9 && r.chance(0.4)) day = r.int(1, 2);
  else day = r.int(1, last);
  return `${first.slice(0, 8)}${String(day).padStart(2, "0")}`;
}

function daysInYear(year: number): number {
  return year % 4 === 0 ? 366 : 365;
}

/** Members a grassroots organisation is planned to have (its cells' weights). */
function plannedSize(g: UnitNode): number {
  if (g.holding) return g.weight;
  return g.children.reduce((a, c) => a + (c.holding ? c.weight : 0), 0);
}

function holdingUnitsOf(g: UnitNode): UnitNode[] {
  return g.holding ? [g] : g.children.filter((c) => c.holding);
}

export function subordinatesOn(tree: Tree, date: IsoDate): UnitNode[] {
  return tree.province.children.filter((s) => isValidOn(s, date)).sort((a, b) => a.id - b.id);
}

export function grassrootsUnder(tree: Tree, sub: UnitNode, date: IsoDate): UnitNode[] {
  return tree.grassroots.filter((g) => isValidOn(g, date) && parentOn(g, date) === sub);
}

function planYear(tree: Tree, rngOf: RngFactory, year: number): YearPlan {
  const r = rngOf(`targets:${year}`);
  const yearEnd = `${year}-12-31`;
  const subs = subordinatesOn(tree, yearEnd);
  let targets: number[];
  let admitted: number[];
  if (year === DEMO_FACTS.year) {
    const facts = new Map<string, { target: number; admitted: number }>(
      DEMO_FACTS.subordinates2024.map((s) => [s.code, s]),
    );
    targets = subs.map((s) => (facts.get(s.code) as { target: number }).target);
    admitted = subs.map((s) => (facts.get(s.code) as { admitted: number }).admitted);
  } else {
    const provinceTarget = r.int(780, 830);
    targets = apportion(
      provinceTarget,
      subs.map((s) => (s.sub?.targetShare ?? 1) * r.float(0.92, 1.08)),
    );
    admitted = targets;
    for (let attempt = 0; attempt < 50; attempt++) {
      admitted = targets.map((t) => {
        const band = r.weighted<"normal" | "low" | "high">([
          ["normal", 82],
          ["low", 9],
          ["high", 9],
        ]);
        const ratio =
          band === "normal"
            ? r.float(0.85, 1.15)
            : band === "low"
              ? r.float(0.55, 0.68)
              : r.float(1.45, 1.75);
        return Math.max(1, Math.round(t * ratio));
      });
      const sum = admitted.reduce((a, b) => a + b, 0);
      if (sum >= 790 && sum <= 870) break;
    }
  }
  const grassroots = new Map<UnitNode, { node: UnitNode; target: number }[]>();
  subs.forEach((sub, i) => {
    const list = grassrootsUnder(tree, sub, yearEnd);
    const parts = apportion(
      targets[i] as number,
      list.map((g) => plannedSize(g) * r.float(0.7, 1.3)),
      1,
    );
    grassroots.set(
      sub,
      list.map((node, k) => ({ node, target: parts[k] as number })),
    );
  });
  const flows = rngOf(`flows:${year}`);
  return {
    year,
    provinceTarget: targets.reduce((a, b) => a + b, 0),
    subs: subs.map((node, i) => ({
      node,
      target: targets[i] as number,
      admitted: admitted[i] as number,
    })),
    grassroots,
    exits: flows.int(300, 360),
    transfersIn: flows.int(8, 20),
    internalMoves: flows.int(20, 40),
    tempStarts: flows.int(24, 32),
    tempEnds: flows.int(18, 26),
  };
}

const EXIT_KINDS: readonly (readonly [ExitKind, number])[] = [
  ["DECEASED", 55],
  ["TRANSFERRED_OUT", 30],
  ["REMOVED", 10],
  ["RESIGNED", 5],
];

const OTHER_PROVINCES = [
  "Khánh Hòa",
  "Bình Thuận",
  "Lâm Đồng",
  "Đắk Lắk",
  "Thành phố Hồ Chí Minh",
  "Quảng Ngãi",
  "Bình Định",
  "Phú Yên",
  "Đồng Nai",
];

export function provinceCommittee(name: string): string {
  return name.startsWith("Thành phố") ? `Đảng bộ ${name}` : `Đảng bộ tỉnh ${name}`;
}

export const REMOVAL_REASON = "Sàng lọc, đưa ra khỏi Đảng đảng viên không đủ tư cách";

function exitReason(r: Random, kind: ExitKind): string | null {
  switch (kind) {
    case "DECEASED":
      return "Từ trần";
    case "TRANSFERRED_OUT":
      return `Chuyển sinh hoạt đảng chính thức đến ${provinceCommittee(r.pick(OTHER_PROVINCES))}`;
    case "REMOVED":
      return REMOVAL_REASON;
    case "RESIGNED":
      return r.pick([
        "Xin ra khỏi Đảng vì hoàn cảnh gia đình",
        "Xin ra khỏi Đảng vì lý do sức khỏe",
        "Tự nguyện xin ra khỏi Đảng",
      ]);
  }
}

interface SimEvent {
  date: IsoDate;
  order: number;
  seq: number;
  run: () => void;
}

/**
 * Simulates the province from 2020 to two years after today's year: a base population, then
 * year by year admissions (on the targets), exits, transfers in and between cells, temporary
 * assignments and the 2025 reorganisation. Every year draws from its own streams, so a year's
 * data never depends on how far the simulation runs.
 */
export function simulate(tree: Tree, rngOf: RngFactory, lastYear: number): World {
  const book = buildAddressBook(tree.units);
  const plans = new Map<number, YearPlan>();
  for (let y = FIRST_YEAR; y <= lastYear; y++) plans.set(y, planYear(tree, rngOf, y));

  const members: MemberRec[] = [];
  const active: MemberRec[] = [];
  const position = new Map<MemberRec, number>();
  const cellMembers = new Map<UnitNode, Set<MemberRec>>();
  const tempHolders = new Set<MemberRec>();
  let assignmentSeq = 0;

  const newMember = (
    rec: Omit<
      MemberRec,
      "idx" | "id" | "assignments" | "current" | "temp" | "protected" | "decisionNo" | "exit"
    >,
  ): MemberRec => {
    const m: MemberRec = {
      ...rec,
      idx: members.length,
      id: 0,
      assignments: [],
      current: null,
      temp: null,
      protected: false,
      decisionNo: null,
      exit: null,
    };
    members.push(m);
    return m;
  };
  const open = (m: MemberRec, unit: UnitNode, from: IsoDate, temporary: boolean): AssignmentRec => {
    const a: AssignmentRec = { id: ++assignmentSeq, member: m, unit, from, to: null, temporary };
    m.assignments.push(a);
    if (temporary) {
      m.temp = a;
      tempHolders.add(m);
    } else {
      m.current = a;
      let set = cellMembers.get(unit);
      if (!set) cellMembers.set(unit, (set = new Set()));
      set.add(m);
    }
    return a;
  };
  const close = (a: AssignmentRec, date: IsoDate) => {
    a.to = date;
    const m = a.member;
    if (a.temporary) {
      m.temp = null;
      tempHolders.delete(m);
    } else {
      m.current = null;
      cellMembers.get(a.unit)?.delete(m);
    }
  };
  const activate = (m: MemberRec) => {
    position.set(m, active.length);
    active.push(m);
  };
  const deactivate = (m: MemberRec) => {
    const pos = position.get(m) as number;
    const last = active.pop() as MemberRec;
    if (last !== m) {
      active[pos] = last;
      position.set(last, pos);
    }
    position.delete(m);
  };

  // ── the base population: members admitted before 2020 ──
  let flowsTo2024 = 0;
  for (let y = FIRST_YEAR; y <= DEMO_FACTS.year; y++) {
    const p = plans.get(y) as YearPlan;
    flowsTo2024 += p.subs.reduce((a, s) => a + s.admitted, 0) + p.transfersIn - p.exits;
  }
  const baseSize = DEMO_FACTS.membersEndOf2024 - flowsTo2024;
  const baseCells = tree.holding.filter((u) => isValidOn(u, BASE_DATE));
  const baseCounts = apportion(
    baseSize,
    baseCells.map((u) => u.weight),
  );
  const rb = rngOf("members:base");
  baseCells.forEach((cell, i) => {
    for (let k = 0; k < (baseCounts[i] as number); k++) {
      const person = makePerson(rb, cell, BASE_DATE, "base", members.length + 1, book);
      const age = ageOn(person.birthDate, BASE_DATE);
      const admittedAge = rb.int(18, Math.max(19, Math.min(45, age - 1)));
      let admittedOn = dateWithin(rb, addDays(person.birthDate, admittedAge * 365), 300);
      if (admittedOn < "1965-01-01") admittedOn = dateWithin(rb, "1965-01-01", 3650);
      if (admittedOn > "2019-12-31") admittedOn = dateWithin(rb, "2019-01-01", 365);
      const recognition = recognitionDates(rb, admittedOn, false);
      const m = newMember({
        person,
        entry: "BASE",
        entryDate: admittedOn,
        admittedOn,
        entryUnit: cell,
        ...recognition,
      });
      open(m, cell, admittedOn > TREE_START ? admittedOn : TREE_START, false);
      activate(m);
    }
  });
  // The demo secretary's cell: fixed people that the search tests and the demo rely on.
  const secretaryCell = tree.byCode.get(DEMO_FACTS.secretaryCellCode) as UnitNode;
  const fixed: [string, "MALE" | "FEMALE"][] = [
    ["Nguyễn Văn An", "MALE"],
    ["Nguyễn Văn Ánh", "MALE"],
    ["Lê Thị Thu Hà", "FEMALE"],
  ];
  [...(cellMembers.get(secretaryCell) ?? [])].slice(0, fixed.length).forEach((m, i) => {
    const [name, gender] = fixed[i] as [string, "MALE" | "FEMALE"];
    m.person = { ...m.person, fullName: name, gender, ethnicity: "Kinh" };
    m.protected = true;
  });
  // A few members working away keep a temporary assignment where they live.
  const residential = tree.holding.filter((u) => u.profile === "residential");
  for (const m of active) {
    if (!m.protected && rb.chance(0.005)) {
      const host = rb.pick(residential);
      if (host.grassroots !== m.current?.unit.grassroots && isValidOn(host, BASE_DATE)) {
        open(m, host, dateWithin(rb, "2018-01-01", 700), true);
      }
    }
  }

  const holdingByArea = new Map<string, UnitNode[]>();
  for (const u of tree.holding) {
    const key = u.sub?.key ?? "province";
    holdingByArea.set(key, [...(holdingByArea.get(key) ?? []), u]);
  }

  const pickCell = (r: Random, candidates: readonly UnitNode[], date: IsoDate): UnitNode | null => {
    const valid = candidates.filter((u) => isValidOn(u, date));
    if (valid.length === 0) return null;
    return valid[r.weightedIndex(valid.map((u) => Math.max(u.weight, 8)))] as UnitNode;
  };

  const eligible = (m: MemberRec, date: IsoDate) =>
    !m.protected && m.current !== null && m.current.from < date;

  const pickActive = (
    r: Random,
    date: IsoDate,
    accept: (m: MemberRec) => number,
  ): MemberRec | null => {
    for (let t = 0; t < 500; t++) {
      const m = active[Math.floor(r.next() * active.length)] as MemberRec;
      if (eligible(m, date) && r.next() < accept(m)) return m;
    }
    const start = Math.floor(r.next() * active.length);
    for (let k = 0; k < active.length; k++) {
      const m = active[(start + k) % active.length] as MemberRec;
      if (eligible(m, date)) return m;
    }
    return null;
  };

  // ── year by year ──
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    const plan = plans.get(year) as YearPlan;
    const events: SimEvent[] = [];
    let seq = 0;
    const push = (date: IsoDate, order: number, run: () => void) =>
      events.push({ date, order, seq: seq++, run });
    const yearStart = `${year}-01-01`;
    const days = daysInYear(year);

    // Admissions, on each subordinate's result.
    const ra = rngOf(`admissions:${year}`);
    for (const sub of plan.subs) {
      const list = plan.grassroots.get(sub.node) ?? [];
      const counts = apportion(
        sub.admitted,
        list.map((g) => g.target * ra.float(0.5, 1.5)),
      );
      list.forEach(({ node: g }, k) => {
        const period = g.periods.find(
          (p) => p.from <= `${year}-12-31` && (p.to === null || p.to > `${year}-12-31`),
        );
        const earliest = period && period.from > yearStart ? period.from : yearStart;
        for (let i = 0; i < (counts[k] as number); i++) {
          let date = admissionDate(ra, year);
          if (date < earliest) date = addDays(earliest, ra.int(0, 27));
          const cell = pickCell(ra, holdingUnitsOf(g), date) ?? (holdingUnitsOf(g)[0] as UnitNode);
          const person = makePerson(ra, cell, date, "admission", members.length + 1, book);
          const m = newMember({
            person,
            entry: "ADMITTED",
            entryDate: date,
            admittedOn: date,
            entryUnit: cell,
            ...recognitionDates(ra, date, ra.chance(0.01)),
          });
          push(date, 1, () => {
            open(m, cell, date, false);
            activate(m);
          });
        }
      });
    }

    // Members arriving from other provinces.
    const rt = rngOf(`transfers-in:${year}`);
    for (let i = 0; i < plan.transfersIn; i++) {
      const date = dateWithin(rt, yearStart, days);
      const cell = pickCell(rt, tree.holding, date) as UnitNode;
      const person = makePerson(rt, cell, date, "base", members.length + 1, book);
      const age = ageOn(person.birthDate, date);
      const admittedOn = dateWithin(
        rt,
        addDays(person.birthDate, rt.int(19, Math.max(20, age - 3)) * 365),
        200,
      );
      const safeAdmitted =
        admittedOn < addDays(date, -800) ? admittedOn : addDays(date, -800 - rt.int(0, 900));
      const m = newMember({
        person,
        entry: "TRANSFERRED_IN",
        entryDate: date,
        admittedOn: safeAdmitted,
        entryUnit: cell,
        extensionMonths: 0,
        extendedOn: null,
        officialOn: addDays(probationEndOf(safeAdmitted), rt.int(0, 40)),
      });
      m.origin = rt.pick(OTHER_PROVINCES);
      push(date, 1, () => {
        open(m, cell, date, false);
        activate(m);
      });
    }

    // Exits.
    const re = rngOf(`exits:${year}`);
    const pickExit = rngOf(`exit-picks:${year}`);
    for (let i = 0; i < plan.exits; i++) {
      const date = dateWithin(re, yearStart, days);
      const kind = re.weighted(EXIT_KINDS);
      const reason = exitReason(re, kind);
      push(date, 4, () => {
        const accept = (m: MemberRec): number => {
          const age = ageOn(m.person.birthDate, date);
          switch (kind) {
            case "DECEASED":
              return age >= 80 ? 1 : age >= 70 ? 0.55 : age >= 60 ? 0.2 : age >= 45 ? 0.04 : 0.01;
            case "TRANSFERRED_OUT":
              return age < 45 ? 1 : age < 60 ? 0.35 : 0.03;
            case "REMOVED":
              return age < 60 ? 1 : 0.25;
            case "RESIGNED":
              return 1;
          }
        };
        const m = pickActive(pickExit, date, accept);
        if (!m) return;
        m.exit = { kind, date, reason, unit: (m.current as AssignmentRec).unit };
        close(m.current as AssignmentRec, date);
        if (m.temp) close(m.temp, date);
        deactivate(m);
      });
    }

    // Transfers between cells of the province.
    const rm = rngOf(`moves:${year}`);
    const pickMove = rngOf(`move-picks:${year}`);
    for (let i = 0; i < plan.internalMoves; i++) {
      const date = dateWithin(rm, yearStart, days);
      const nearby = rm.chance(0.8);
      push(date, 2, () => {
        const m = pickActive(pickMove, date, () => 1);
        if (!m) return;
        const from = (m.current as AssignmentRec).unit;
        const pool = nearby
          ? (holdingByArea.get(from.sub?.key ?? "province") ?? tree.holding)
          : tree.holding;
        const to = pickCell(pickMove, pool, date);
        if (!to || to === from) return;
        close(m.current as AssignmentRec, date);
        open(m, to, date, false);
      });
    }

    // Temporary assignments of members working away from home.
    const rtmp = rngOf(`temporary:${year}`);
    for (let i = 0; i < plan.tempStarts; i++) {
      const date = dateWithin(rtmp, yearStart, days);
      push(date, 3, () => {
        const m = pickActive(rtmp, date, (x) => (x.temp ? 0 : 1));
        if (!m || m.temp) return;
        const host = pickCell(rtmp, residential, date);
        if (!host || host.grassroots === m.current?.unit.grassroots) return;
        open(m, host, date, true);
      });
    }
    for (let i = 0; i < plan.tempEnds; i++) {
      const date = dateWithin(rtmp, yearStart, days);
      push(date, 3, () => {
        const holders = [...tempHolders].filter(
          (m) => (m.temp as AssignmentRec).from < date && !m.protected,
        );
        if (holders.length === 0) return;
        close(rtmp.pick(holders).temp as AssignmentRec, date);
      });
    }

    // 2025: a new cell gets members from its sister cells; two ward cells merge.
    if (year === 2025) {
      const rs = rngOf("restructure:2025");
      const newCell = tree.units.find(
        (u) => u.kind === "CELL" && u.validFrom === "2025-03-01",
      ) as UnitNode;
      push(newCell.validFrom, 0, () => {
        const sisters = (newCell.grassroots as UnitNode).children.filter(
          (c) => c !== newCell && c.holding,
        );
        const movable = sisters
          .flatMap((c) => [...(cellMembers.get(c) ?? [])])
          .filter((m) => eligible(m, newCell.validFrom));
        rs.shuffle(movable);
        for (const m of movable.slice(0, 9)) {
          close(m.current as AssignmentRec, newCell.validFrom);
          open(m, newCell, newCell.validFrom, false);
        }
      });
      const merged = tree.byCode.get(DEMO_FACTS.mergedCellCodes[0]) as UnitNode;
      const into = merged.successor as UnitNode;
      const on = merged.validTo as IsoDate;
      push(on, 0, () => {
        for (const m of [...(cellMembers.get(merged) ?? [])]) {
          close(m.current as AssignmentRec, on);
          open(m, into, on, false);
        }
        for (const m of [...tempHolders]) {
          if (m.temp?.unit === merged) {
            close(m.temp, on);
            open(m, into, on, true);
          }
        }
      });
    }

    events.sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order || a.seq - b.seq,
    );
    for (const e of events) e.run();
  }

  return { tree, book, members, plans, lastYear };
}

/** Whether a member has a primary (non-temporary) assignment covering the date. */
export function isActiveOn(m: MemberRec, date: IsoDate): boolean {
  for (const a of m.assignments) {
    if (!a.temporary && a.from <= date && (a.to === null || a.to > date)) return true;
  }
  return false;
}

/** The cell of a member's primary assignment on a date (the last one before it otherwise). */
export function cellOn(m: MemberRec, date: IsoDate): UnitNode {
  let best: AssignmentRec | null = null;
  for (const a of m.assignments) {
    if (a.temporary || a.from > date) continue;
    if (a.to === null || a.to > date) return a.unit;
    if (!best || a.from >= best.from) best = a;
  }
  return (best ?? (m.assignments[0] as AssignmentRec)).unit;
}
