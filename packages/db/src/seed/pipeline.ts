import { type CandidateStage, type IsoDate, type TrainingKind } from "@dangbo/shared";
import type { SubordinateKey } from "./catalog.ts";
import { makePerson, type MemberRec, type Person } from "./people.ts";
import type { Random, RngFactory } from "./rng.ts";
import { FIRST_YEAR, isActiveOn, subordinatesOn, type World } from "./simulate.ts";
import { isValidOn, subordinateOn, type UnitNode } from "./tree.ts";
import { addDays, dayNumber } from "./util.ts";

export interface TrainingClassRec {
  id: number;
  kind: TrainingKind;
  name: string;
  organiser: UnitNode;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export interface StageEventRec {
  id: number;
  candidate: CandidateRec;
  stage: CandidateStage;
  date: IsoDate;
  trainingClass: TrainingClassRec | null;
  decisionNo: string | null;
  result: string | null;
  note: string | null;
}

export interface CandidateRec {
  idx: number;
  id: number;
  person: Person;
  unit: UnitNode;
  /** The member the candidate became (admitted ones). */
  member: MemberRec | null;
  events: StageEventRec[];
  closedReason: string | null;
}

export interface EnrolmentRec {
  id: number;
  cls: TrainingClassRec;
  candidate: CandidateRec | null;
  member: MemberRec | null;
  /** Whether the person finished the class once it has ended. */
  completes: boolean;
}

export interface Pipeline {
  classes: TrainingClassRec[];
  candidates: CandidateRec[];
  /** Enrolments; completion is decided against today when writing. */
  enrolments: EnrolmentRec[];
}

const ROMAN = ["I", "II", "III", "IV"];

/** Classes every organiser holds in a year: `count` spread over the year. */
function classDates(r: Random, year: number, count: number): IsoDate[] {
  const months =
    count === 1
      ? [r.int(3, 10)]
      : count === 2
        ? [r.int(2, 5), r.int(8, 11)]
        : [r.int(2, 4), r.int(6, 7), r.int(9, 11)];
  return months.map(
    (m) => `${year}-${String(m).padStart(2, "0")}-${String(r.int(3, 24)).padStart(2, "0")}`,
  );
}

/**
 * The development pipeline: party-awareness classes, political theory courses for new members,
 * cadre training; a candidate with a full stage history behind every admission since 2020
 * (and behind the admissions still to come, who are the open pipeline today), plus candidates
 * rejected or withdrawn every year.
 */
export function buildPipeline(world: World, rngOf: RngFactory): Pipeline {
  const { tree } = world;
  const classes: TrainingClassRec[] = [];
  const awareness = new Map<UnitNode, TrainingClassRec[]>();
  const theory = new Map<UnitNode, TrainingClassRec[]>();

  const subsByKey = tree.subs;
  const organiserFor = (unit: UnitNode, date: IsoDate): UnitNode => {
    const sub =
      subordinateOn(unit, date) ??
      (unit.sub ? (subsByKey.get(unit.sub.key) as UnitNode) : tree.province);
    const redirect = sub.sub?.classesAt;
    return redirect ? (subsByKey.get(redirect as SubordinateKey) as UnitNode) : sub;
  };

  for (let year = FIRST_YEAR - 2; year <= world.lastYear; year++) {
    const r = rngOf(`classes:${year}`);
    const subs = subordinatesOn(tree, `${year}-06-30`);
    for (const sub of subs) {
      const def = sub.sub;
      if (!def) continue;
      if (def.awarenessClasses > 0) {
        classDates(r, year, def.awarenessClasses).forEach((startsOn, i) => {
          const cls: TrainingClassRec = {
            id: 0,
            kind: "AWARENESS_CLASS",
            name: `Lớp bồi dưỡng nhận thức về Đảng khóa ${ROMAN[i]}/${year} - ${def.name.replace(/^Đảng bộ /, "")}`,
            organiser: sub,
            startsOn,
            endsOn: addDays(startsOn, 4),
          };
          classes.push(cls);
          awareness.set(sub, [...(awareness.get(sub) ?? []), cls]);
        });
      }
      if (def.classesAt) continue;
      const courses = def.key === "PR" || def.key === "UB" ? 2 : 1;
      classDates(r, year, courses).forEach((startsOn, i) => {
        const cls: TrainingClassRec = {
          id: 0,
          kind: "NEW_MEMBER_THEORY",
          name: `Lớp bồi dưỡng lý luận chính trị cho đảng viên mới khóa ${ROMAN[i]}/${year} - ${def.name.replace(/^Đảng bộ /, "")}`,
          organiser: sub,
          startsOn: addDays(startsOn, 3),
          endsOn: addDays(startsOn, 3 + r.int(5, 7)),
        };
        classes.push(cls);
        theory.set(sub, [...(theory.get(sub) ?? []), cls]);
      });
    }
    const cadreTopics = [
      "Bồi dưỡng nghiệp vụ công tác xây dựng Đảng cho cấp ủy viên cơ sở",
      "Bồi dưỡng kỹ năng, nghiệp vụ cho bí thư chi bộ",
      "Cập nhật kiến thức cho cán bộ lãnh đạo, quản lý",
      "Bồi dưỡng nghiệp vụ công tác kiểm tra, giám sát của Đảng",
    ];
    classDates(r, year, 3).forEach((startsOn, i) => {
      classes.push({
        id: 0,
        kind: "CADRE_TRAINING",
        name: `${cadreTopics[(i + year) % cadreTopics.length]} năm ${year}`,
        organiser: tree.province,
        startsOn,
        endsOn: addDays(startsOn, r.int(3, 10)),
      });
    });
  }

  const candidates: CandidateRec[] = [];
  const enrolments: EnrolmentRec[] = [];

  const allAwareness = classes.filter((c) => c.kind === "AWARENESS_CLASS");
  const pickAwareness = (
    organiser: UnitNode | null,
    desired: IsoDate,
    latest: IsoDate,
  ): TrainingClassRec | null => {
    let best: TrainingClassRec | null = null;
    let bestGap = Infinity;
    const target = dayNumber(desired);
    for (const cls of organiser ? (awareness.get(organiser) ?? []) : allAwareness) {
      if (cls.startsOn > latest) continue;
      const gap = Math.abs(dayNumber(cls.startsOn) - target);
      if (gap < bestGap) {
        best = cls;
        bestGap = gap;
      }
    }
    return best;
  };

  /** The stage dates leading to an admission on `admittedOn`, latest first. */
  const timeline = (r: Random, unit: UnitNode, admittedOn: IsoDate) => {
    const proposed = addDays(admittedOn, -r.int(10, 45));
    const verified = addDays(proposed, -r.int(20, 110));
    const verification = addDays(verified, -r.int(50, 150));
    const desired = addDays(verification, -r.int(10, 90));
    const latest = addDays(verification, -14);
    const organiser = organiserFor(unit, desired);
    // A committee formed recently has no class yet: its grassroots organisations' candidates
    // attended their former committee's.
    const cls =
      pickAwareness(organiser, desired, latest) ??
      pickAwareness(organiserFor(unit, addDays(latest, -365)), desired, latest) ??
      pickAwareness(null, desired, latest);
    const classOn = cls ? cls.startsOn : desired;
    const registered = addDays(classOn, -r.int(60, 330));
    return { registered, cls, classOn, verification, verified, proposed };
  };

  const addCandidate = (
    person: Person,
    unit: UnitNode,
    member: MemberRec | null,
    stages: {
      stage: CandidateStage;
      date: IsoDate;
      cls?: TrainingClassRec | null;
      decisionNo?: string | null;
      result?: string | null;
      note?: string | null;
    }[],
    closedReason: string | null,
    completesClass: boolean,
  ) => {
    const c: CandidateRec = {
      idx: candidates.length,
      id: 0,
      person,
      unit,
      member,
      events: [],
      closedReason,
    };
    for (const s of stages) {
      c.events.push({
        id: 0,
        candidate: c,
        stage: s.stage,
        date: s.date,
        trainingClass: s.cls ?? null,
        decisionNo: s.decisionNo ?? null,
        result: s.result ?? null,
        note: s.note ?? null,
      });
      if (s.stage === "AWARENESS_CLASS" && s.cls) {
        enrolments.push({
          id: 0,
          cls: s.cls,
          candidate: c,
          member: null,
          completes: completesClass,
        });
      }
    }
    candidates.push(c);
  };

  // Every admission since 2020 (including those still ahead of today) has a candidate.
  const admissions = world.members.filter((m) => m.entry === "ADMITTED");
  for (const m of admissions) {
    const r = rngOf(`candidate:${m.idx}`);
    const t = timeline(r, m.entryUnit, m.admittedOn);
    addCandidate(
      m.person,
      m.entryUnit,
      m,
      [
        { stage: "REGISTERED", date: t.registered, note: "Chi bộ giới thiệu quần chúng ưu tú" },
        { stage: "AWARENESS_CLASS", date: t.classOn, cls: t.cls, result: "Hoàn thành" },
        {
          stage: "VERIFICATION",
          date: t.verification,
          note: "Thẩm tra, xác minh lý lịch chính trị",
        },
        { stage: "VERIFIED", date: t.verified, result: "Lý lịch rõ ràng, đủ điều kiện" },
        {
          stage: "PROPOSED",
          date: t.proposed,
          note: "Chi bộ đề nghị kết nạp, cấp ủy cơ sở đồng ý",
        },
        { stage: "ADMITTED", date: m.admittedOn, decisionNo: m.decisionNo },
      ],
      null,
      true,
    );
  }

  // Candidates who did not make it: rejected after verification or a vote, or withdrawn.
  const rejectReasons = [
    "Kết quả thẩm tra lý lịch chưa đạt yêu cầu",
    "Chưa đủ tiêu chuẩn, điều kiện theo quy định",
    "Chi bộ biểu quyết không đủ hai phần ba số đảng viên chính thức tán thành",
    "Vi phạm chính sách dân số và kế hoạch hóa gia đình",
  ];
  const withdrawReasons = [
    "Chuyển công tác ra ngoài tỉnh",
    "Đi học tập, lao động xa địa phương",
    "Hoàn cảnh gia đình khó khăn, xin tạm dừng",
    "Lên đường thực hiện nghĩa vụ quân sự",
  ];
  const order: CandidateStage[] = [
    "REGISTERED",
    "AWARENESS_CLASS",
    "VERIFICATION",
    "VERIFIED",
    "PROPOSED",
  ];
  for (let year = FIRST_YEAR; year <= world.lastYear; year++) {
    const r = rngOf(`rejected:${year}`);
    const count = r.int(7, 10);
    for (let i = 0; i < count; i++) {
      const rejected = r.chance(0.55);
      const reached = rejected
        ? r.weighted<CandidateStage>([
            ["VERIFICATION", 50],
            ["VERIFIED", 20],
            ["PROPOSED", 30],
          ])
        : r.weighted<CandidateStage>([
            ["REGISTERED", 35],
            ["AWARENESS_CLASS", 40],
            ["VERIFICATION", 20],
            ["VERIFIED", 5],
          ]);
      const wouldAdmit = addDays(`${year}-01-01`, r.int(60, 500));
      const earlier = addDays(wouldAdmit, -500);
      const cells = tree.holding.filter((u) => isValidOn(u, wouldAdmit) && isValidOn(u, earlier));
      const unit = cells[r.weightedIndex(cells.map((u) => u.weight))] as UnitNode;
      const t = timeline(r, unit, wouldAdmit);
      const dates: Record<string, IsoDate> = {
        REGISTERED: t.registered,
        AWARENESS_CLASS: t.classOn,
        VERIFICATION: t.verification,
        VERIFIED: t.verified,
        PROPOSED: t.proposed,
      };
      const stages: Parameters<typeof addCandidate>[3] = [];
      for (const stage of order) {
        stages.push({
          stage,
          date: dates[stage] as IsoDate,
          cls: stage === "AWARENESS_CLASS" ? t.cls : null,
          note: stage === "REGISTERED" ? "Chi bộ giới thiệu quần chúng ưu tú" : null,
        });
        if (stage === reached) break;
      }
      const last = (stages[stages.length - 1] as { date: IsoDate }).date;
      const closedOn = addDays(last, reached === "AWARENESS_CLASS" ? r.int(8, 90) : r.int(5, 90));
      const reason = rejected ? r.pick(rejectReasons) : r.pick(withdrawReasons);
      stages.push({ stage: rejected ? "REJECTED" : "WITHDRAWN", date: closedOn, result: reason });
      const person = makePerson(
        r,
        unit,
        last,
        "admission",
        300_000 + (year - FIRST_YEAR) * 1000 + i,
        world.book,
      );
      addCandidate(person, unit, null, stages, reason, rejected || reached !== "AWARENESS_CLASS");
    }
  }

  // New members attend the political theory course of their committee (admitted since 2023).
  for (const m of admissions) {
    if (m.admittedOn < "2023-01-01") continue;
    const earliest = addDays(m.admittedOn, 14);
    const organiser = organiserFor(m.entryUnit, earliest);
    const courses = [...(theory.get(organiser) ?? [])].sort((a, b) =>
      a.startsOn < b.startsOn ? -1 : 1,
    );
    const course = courses.find((c) => c.startsOn >= earliest);
    if (!course) continue;
    const r = rngOf(`theory:${m.idx}`);
    enrolments.push({ id: 0, cls: course, candidate: null, member: m, completes: r.chance(0.95) });
  }

  // Cadre training: civil servants active when the course starts.
  const civilServants = world.members.filter((m) => m.person.occupation === "CIVIL_SERVANT");
  for (const cls of classes) {
    if (cls.kind !== "CADRE_TRAINING") continue;
    const r = rngOf(`cadre-training:${cls.startsOn}:${cls.name}`);
    const pool = civilServants.filter((m) => isActiveOn(m, cls.startsOn));
    const size = r.int(35, 60);
    const chosen = new Set<MemberRec>();
    while (chosen.size < Math.min(size, pool.length)) chosen.add(r.pick(pool));
    for (const m of [...chosen].sort((a, b) => a.idx - b.idx)) {
      enrolments.push({ id: 0, cls, candidate: null, member: m, completes: r.chance(0.97) });
    }
  }

  return { classes, candidates, enrolments };
}
