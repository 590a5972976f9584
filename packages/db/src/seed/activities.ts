import {
  type Audience,
  type AwardKind,
  type Classification,
  type ConferenceFormat,
  type ConferenceKind,
  type IsoDate,
  type OrgUnitKind,
} from "@dangbo/shared";
import type { SqlValue } from "../bulk.ts";
import {
  ACTION_SLOGANS,
  COMMITMENT_CONTENTS,
  DISCIPLINE_REASONS,
  ETHICAL_STANDARDS,
  EXEMPLARY_CONTENTS,
  GOOD_MODELS,
  INSPECTION_CONCLUSIONS,
  KEY_TASKS,
  type DocumentDef,
} from "./content.ts";
import { DEMO_FACTS } from "./facts.ts";
import type { MemberRec } from "./people.ts";
import type { Random, RngFactory } from "./rng.ts";
import {
  cellOn,
  FIRST_YEAR,
  grassrootsUnder,
  isActiveOn,
  subordinatesOn,
  type World,
} from "./simulate.ts";
import { isValidOn, parentOn, subordinateOn, type Tree, type UnitNode } from "./tree.ts";
import {
  finalize,
  key,
  stamp,
  table,
  type Dated,
  type TableData,
  addDays,
  daysFromTo,
} from "./util.ts";

export interface ActivityContext {
  rngOf: RngFactory;
  today: IsoDate;
  todayYear: number;
  tree: Tree;
  world: World;
  /** Members that exist on today, with their final ids. */
  members: MemberRec[];
  unitIncluded: ReadonlySet<UnitNode>;
  docs: { id: number; def: DocumentDef }[];
}

const GRASSROOTS: readonly OrgUnitKind[] = ["GRASSROOTS_COMMITTEE", "GRASSROOTS_CELL"];
const DIRECT: readonly OrgUnitKind[] = [
  "DISTRICT_COMMITTEE",
  "BLOCK_COMMITTEE",
  "DIRECT_COMMITTEE",
];

function isUnder(unit: UnitNode, ancestor: UnitNode, date: IsoDate): boolean {
  for (let u: UnitNode | null = unit; u; u = parentOn(u, date)) if (u === ancestor) return true;
  return false;
}

function randomDate(r: Random, from: IsoDate, to: IsoDate): IsoDate {
  return addDays(from, r.int(0, Math.max(0, daysFromTo(from, to))));
}

const CLASSIFICATIONS: readonly Classification[] = [
  "EXCELLENT",
  "GOOD",
  "COMPLETED",
  "NOT_COMPLETED",
];

function classify(r: Random, weights: readonly number[]): Classification {
  return CLASSIFICATIONS[r.weightedIndex(weights)] as Classification;
}

const MEMBER_CLASSES = [15, 73, 10, 2];
const UNIT_CLASSES = [20, 65, 13, 2];

export function buildActivities(ctx: ActivityContext): TableData[] {
  const { rngOf, today, todayYear, tree } = ctx;
  const tables: TableData[] = [];
  const activeCache = new Map<IsoDate, MemberRec[]>();
  const activeOn = (date: IsoDate): MemberRec[] => {
    let list = activeCache.get(date);
    if (!list) {
      list = ctx.members.filter((m) => isActiveOn(m, date));
      activeCache.set(date, list);
    }
    return list;
  };
  const docByNumber = new Map(ctx.docs.map((d) => [d.def.number, d]));
  const docsBefore = (date: IsoDate) => ctx.docs.filter((d) => d.def.issuedOn < date);
  const included = (u: UnitNode) => ctx.unitIncluded.has(u);
  const lastFinishedYear = todayYear - 1;

  // ── conferences ──
  interface ConferenceRec extends Dated {
    kind: ConferenceKind;
    title: string;
    organiser: UnitNode;
    format: ConferenceFormat;
    audience: Audience;
    attendees: number;
    documents: number[];
    list: boolean;
  }
  const conferences: ConferenceRec[] = [];
  const thematicTopics = [
    "Tình hình thế giới, khu vực và những vấn đề đặt ra đối với Việt Nam",
    "Chuyển đổi số trong công tác xây dựng Đảng",
    "Bảo vệ nền tảng tư tưởng của Đảng trên không gian mạng",
    "Kinh tế tuần hoàn, năng lượng tái tạo và phát triển bền vững của tỉnh",
    "Công tác dân vận trong tình hình mới",
    "Kỹ năng lãnh đạo, quản lý cho cán bộ chủ chốt",
    "Phòng, chống tham nhũng, tiêu cực",
    "Sắp xếp tổ chức bộ máy tinh gọn, hiệu lực, hiệu quả",
    "Văn hóa công vụ và đạo đức công vụ",
  ];
  const trainingTopics = [
    "nghiệp vụ công tác tổ chức, đảng viên",
    "nghiệp vụ công tác văn phòng cấp ủy",
    "nghiệp vụ công tác kiểm tra, giám sát",
    "nghiệp vụ công tác tuyên giáo",
    "kỹ năng tổ chức sinh hoạt chi bộ",
    "quản lý đảng viên bằng phần mềm",
  ];
  const kindWord: Record<string, string> = {
    NQ: "Nghị quyết",
    CT: "Chỉ thị",
    KL: "Kết luận",
    QD: "Quy định",
    HD: "Hướng dẫn",
    KH: "Kế hoạch",
    TB: "Thông báo",
  };
  for (let year = FIRST_YEAR; year <= todayYear; year++) {
    const organisers = [...subordinatesOn(tree, `${year}-12-31`), tree.province];
    for (const org of organisers) {
      const r = rngOf(`conferences:${org.code}:${year}`);
      const isKcq = org.code === "NT.KCQ";
      const isProvince = org === tree.province;
      const isDistrict = org.kind === "DISTRICT_COMMITTEE";
      const counts: Record<ConferenceKind, number> = isKcq
        ? {
            DISSEMINATION: year === 2024 ? 8 : r.int(7, 9),
            THEMATIC_CONFERENCE: year === 2024 ? 9 : r.int(8, 10),
            TRAINING_COURSE: year === 2024 ? 13 : r.int(10, 14),
          }
        : isProvince
          ? { DISSEMINATION: r.int(2, 3), THEMATIC_CONFERENCE: 1, TRAINING_COURSE: 0 }
          : org.code === "NT.UB"
            ? {
                DISSEMINATION: r.int(6, 8),
                THEMATIC_CONFERENCE: r.int(4, 6),
                TRAINING_COURSE: r.int(6, 9),
              }
            : org.code === "NT.CQD"
              ? {
                  DISSEMINATION: r.int(4, 6),
                  THEMATIC_CONFERENCE: r.int(3, 5),
                  TRAINING_COURSE: r.int(4, 6),
                }
              : isDistrict
                ? {
                    DISSEMINATION: r.int(4, 6),
                    THEMATIC_CONFERENCE: r.int(1, 3),
                    TRAINING_COURSE: r.int(2, 4),
                  }
                : {
                    DISSEMINATION: r.int(2, 4),
                    THEMATIC_CONFERENCE: r.int(1, 2),
                    TRAINING_COURSE: r.int(1, 3),
                  };
      const from = org.validFrom > `${year}-01-01` ? addDays(org.validFrom, 14) : `${year}-01-15`;
      const to =
        org.validTo && org.validTo <= `${year}-12-31` ? addDays(org.validTo, -1) : `${year}-12-20`;
      for (const kind of ["DISSEMINATION", "THEMATIC_CONFERENCE", "TRAINING_COURSE"] as const) {
        const n = counts[kind];
        let sizes: number[];
        if (isKcq && kind === "DISSEMINATION") {
          const total = year === 2024 ? 4560 : r.int(4000, 4800);
          sizes = spread(r, total, n);
        } else if (isKcq && kind === "THEMATIC_CONFERENCE") {
          const total = year === 2024 ? 2950 : r.int(2500, 3000);
          sizes = spread(r, total, n);
        } else {
          sizes = Array.from({ length: n }, () =>
            kind === "DISSEMINATION"
              ? isProvince
                ? r.int(3000, 6000)
                : isDistrict
                  ? r.int(300, 900)
                  : r.int(100, 500)
              : kind === "THEMATIC_CONFERENCE"
                ? r.int(60, 250)
                : r.int(40, 120),
          );
        }
        for (let i = 0; i < n; i++) {
          const heldOn = randomDate(r, from, to);
          const docPool = docsBefore(heldOn);
          const recent = docPool.filter((d) => daysFromTo(d.def.issuedOn, heldOn) < 500);
          let title: string;
          const documents: number[] = [];
          if (kind === "DISSEMINATION") {
            const doc =
              recent.length > 0 ? r.pick(recent) : docPool.length > 0 ? r.pick(docPool) : null;
            if (doc) {
              documents.push(doc.id);
              title = `Hội nghị học tập, quán triệt và triển khai thực hiện ${kindWord[doc.def.kind]} số ${doc.def.number}`;
              const other = r.chance(0.3) ? r.pick(docPool) : null;
              if (other && other.id !== doc.id) documents.push(other.id);
            } else title = `Hội nghị quán triệt nhiệm vụ công tác xây dựng Đảng năm ${year}`;
            if (isProvince) title = `${title} (trực tuyến toàn tỉnh)`;
          } else if (kind === "THEMATIC_CONFERENCE") {
            title = `Hội nghị chuyên đề cập nhật kiến thức cho cán bộ chủ chốt: ${r.pick(thematicTopics)}`;
            if (r.chance(0.3) && recent.length > 0) documents.push(r.pick(recent).id);
          } else {
            title = `Lớp bồi dưỡng ${r.pick(trainingTopics)} năm ${year}`;
          }
          conferences.push({
            id: 0,
            date: heldOn,
            key: key(org.id, kind, i),
            kind,
            title,
            organiser: org,
            format: isProvince
              ? r.pick<ConferenceFormat>(["ONLINE", "MIXED"])
              : r.weighted<ConferenceFormat>([
                  ["IN_PERSON", 55],
                  ["MIXED", 30],
                  ["ONLINE", 15],
                ]),
            audience:
              kind === "THEMATIC_CONFERENCE"
                ? "KEY_CADRES"
                : kind === "TRAINING_COURSE"
                  ? "CADRES"
                  : r.chance(0.6)
                    ? "CADRES"
                    : "MEMBERS",
            attendees: sizes[i] as number,
            documents: [...new Set(documents)],
            list:
              (isKcq && year === 2024 && kind === "THEMATIC_CONFERENCE" && i < 2) ||
              (org.code === DEMO_FACTS.cityCode &&
                year >= 2025 &&
                kind === "DISSEMINATION" &&
                i === 0),
          });
        }
      }
    }
  }
  const finalConferences = finalize(conferences, today);
  const attendeeRows: SqlValue[][] = [];
  for (const c of finalConferences) {
    if (!c.list) continue;
    const r = rngOf(`conference-attendees:${c.organiser.code}:${c.date}`);
    const pool = activeOn(c.date).filter(
      (m) => subordinateOn(cellOn(m, c.date), c.date) === c.organiser,
    );
    const chosen = new Set<MemberRec>();
    const size = Math.min(pool.length, Math.min(c.attendees, 400));
    while (chosen.size < size) chosen.add(r.pick(pool));
    c.attendees = chosen.size;
    for (const m of [...chosen].sort((a, b) => a.id - b.id)) attendeeRows.push([c.id, m.id]);
  }
  tables.push(
    table(
      "conference",
      [
        "id",
        "kind",
        "title",
        "organiser_unit_id",
        "held_on",
        "format",
        "audience",
        "attendee_count",
        "created_at",
      ],
      finalConferences.map((c) => [
        c.id,
        c.kind,
        c.title,
        c.organiser.id,
        c.date,
        c.format,
        c.audience,
        c.attendees,
        stamp(c.date, 10, today),
      ]),
    ),
  );
  tables.push(
    table(
      "conference_document",
      ["conference_id", "document_id"],
      finalConferences.flatMap((c) => c.documents.map((d) => [c.id, d])),
    ),
  );
  tables.push(table("conference_attendee", ["conference_id", "member_id"], attendeeRows));

  // ── implementation of documents ──
  interface RequirementRec extends Dated {
    doc: { id: number; def: DocumentDef };
    scope: UnitNode;
    kinds: readonly OrgUnitKind[];
    dueOn: IsoDate;
    partial: boolean;
  }
  const kcq = tree.subs.get("KCQ") as UnitNode;
  const requirementDefs: [string, UnitNode, readonly OrgUnitKind[], IsoDate, boolean][] = [
    ["28-CT/TW", tree.province, DIRECT, "2019-04-30", false],
    ["21-KL/TW", tree.province, DIRECT, "2022-01-31", false],
    ["21-NQ/TW", tree.province, GRASSROOTS, "2022-09-30", false],
    ["12-NQ/TU", tree.province, GRASSROOTS, "2022-12-31", false],
    ["138-QĐ/TW", kcq, GRASSROOTS, "2024-03-31", false],
    ["09-CT/TU", tree.province, GRASSROOTS, "2026-06-30", true],
  ];
  const requirements = finalize<RequirementRec>(
    requirementDefs.flatMap(([number, scope, kinds, dueOn, partial]) => {
      const doc = docByNumber.get(number);
      return doc
        ? [
            {
              id: 0,
              date: addDays(doc.def.issuedOn, 10),
              key: key(number),
              doc,
              scope,
              kinds,
              dueOn,
              partial,
            },
          ]
        : [];
    }),
    today,
  );
  tables.push(
    table(
      "implementation_requirement",
      ["id", "document_id", "scope_unit_id", "unit_kinds", "due_on", "created_at"],
      requirements.map((q) => [
        q.id,
        q.doc.id,
        q.scope.id,
        `{${q.kinds.join(",")}}`,
        q.dueOn,
        stamp(q.date, 2),
      ]),
    ),
  );
  interface PlanRec extends Dated {
    doc: number;
    unit: UnitNode;
    kind: "PROGRAMME" | "PLAN";
    reference: string;
  }
  const plans: PlanRec[] = [];
  for (const q of requirements) {
    const r = rngOf(`plans:${q.doc.def.number}`);
    const units = tree.units.filter(
      (u) =>
        q.kinds.includes(u.kind) &&
        isValidOn(u, q.dueOn) &&
        isUnder(u, q.scope, q.dueOn) &&
        u !== q.scope,
    );
    const window = Math.max(5, daysFromTo(q.doc.def.issuedOn, q.dueOn) - 3);
    for (const u of units) {
      if (q.partial && r.chance(0.2)) continue;
      const late = q.partial && r.chance(0.15);
      const issuedOn = late
        ? addDays(q.dueOn, r.int(5, 90))
        : addDays(q.doc.def.issuedOn, r.int(7, window));
      const programme = DIRECT.includes(u.kind) && q.doc.def.kind === "NQ";
      const suffix =
        u.kind === "GRASSROOTS_CELL"
          ? "CB"
          : u.kind === "GRASSROOTS_COMMITTEE"
            ? "ĐU"
            : (u.sub?.issuer ?? "ĐU");
      plans.push({
        id: 0,
        date: issuedOn,
        key: key(q.doc.id, u.id),
        doc: q.doc.id,
        unit: u,
        kind: programme ? "PROGRAMME" : "PLAN",
        reference: `${r.int(1, 180)}-${programme ? "CTr" : "KH"}/${suffix}`,
      });
    }
  }
  const finalPlans = finalize(plans, today);
  tables.push(
    table(
      "implementation_plan",
      ["id", "document_id", "unit_id", "kind", "issued_on", "reference", "created_at"],
      finalPlans.map((p) => [
        p.id,
        p.doc,
        p.unit.id,
        p.kind,
        p.date,
        p.reference,
        stamp(p.date, 3),
      ]),
    ),
  );
  interface ReviewRec extends Dated {
    doc: number;
    unit: UnitNode;
    kind: "MID_TERM" | "FINAL";
    summary: string;
  }
  const reviews: ReviewRec[] = [];
  const reviewDefs: [string, "MID_TERM" | "FINAL", IsoDate, IsoDate, number, string][] = [
    [
      "05-CT/TW",
      "FINAL",
      "2021-03-01",
      "2021-05-15",
      0,
      "Tổng kết 5 năm thực hiện Chỉ thị số 05-CT/TW",
    ],
    [
      "21-NQ/TW",
      "MID_TERM",
      "2024-06-01",
      "2024-10-15",
      30,
      "Sơ kết 2 năm thực hiện Nghị quyết số 21-NQ/TW",
    ],
    [
      "28-CT/TW",
      "FINAL",
      "2024-01-15",
      "2024-05-30",
      0,
      "Tổng kết 5 năm thực hiện Chỉ thị số 28-CT/TW",
    ],
  ];
  for (const [number, kind, from, to, grassroots, title] of reviewDefs) {
    const doc = docByNumber.get(number);
    if (!doc) continue;
    const r = rngOf(`reviews:${number}`);
    const subs = subordinatesOn(tree, from);
    const chosen = r.shuffle(tree.grassroots.filter((g) => isValidOn(g, to))).slice(0, grassroots);
    for (const u of [...subs, ...chosen]) {
      const heldOn = randomDate(r, from, to);
      reviews.push({
        id: 0,
        date: heldOn,
        key: key(doc.id, u.id),
        doc: doc.id,
        unit: u,
        kind,
        summary: `${title}: ${r.pick([
          "các chỉ tiêu cơ bản đạt và vượt",
          "chất lượng sinh hoạt chi bộ chuyển biến rõ nét",
          "còn một số hạn chế trong tạo nguồn phát triển đảng viên",
          "công tác rà soát, sàng lọc đảng viên được thực hiện nghiêm túc",
        ])}.`,
      });
    }
  }
  tables.push(
    table(
      "document_review",
      ["id", "document_id", "unit_id", "kind", "held_on", "summary"],
      finalize(reviews, today).map((v) => [v.id, v.doc, v.unit.id, v.kind, v.date, v.summary]),
    ),
  );

  // ── annual reviews: members and grassroots organisations ──
  const evaluationRows: SqlValue[][] = [];
  const evaluations = new Map<string, Classification>();
  for (let year = FIRST_YEAR; year <= lastFinishedYear; year++) {
    const yearEnd = `${year}-12-31`;
    const r = rngOf(`member-evaluation:${year}`);
    for (const m of activeOn(yearEnd)) {
      const c = classify(r, MEMBER_CLASSES);
      evaluations.set(`${m.id}:${year}`, c);
      evaluationRows.push([0, m.id, year, c, cellOn(m, yearEnd).id]);
    }
  }
  evaluationRows.forEach((row, i) => {
    row[0] = i + 1;
  });
  tables.push(
    table(
      "member_evaluation",
      ["id", "member_id", "year", "classification", "unit_id"],
      evaluationRows,
    ),
  );
  const unitEvaluationRows: SqlValue[][] = [];
  for (let year = FIRST_YEAR; year <= lastFinishedYear; year++) {
    const r = rngOf(`unit-evaluation:${year}`);
    for (const g of tree.grassroots) {
      if (!isValidOn(g, `${year}-12-31`)) continue;
      unitEvaluationRows.push([
        unitEvaluationRows.length + 1,
        g.id,
        year,
        classify(r, UNIT_CLASSES),
      ]);
    }
  }
  tables.push(
    table("unit_evaluation", ["id", "unit_id", "year", "classification"], unitEvaluationRows),
  );

  // Exemplary commitments, registered each February, for the years since 2024.
  const commitmentRows: SqlValue[][] = [];
  for (let year = 2024; year <= todayYear; year++) {
    const registeredOn = `${year}-02-15`;
    if (registeredOn > today) continue;
    const r = rngOf(`exemplary:${year}`);
    for (const m of activeOn(registeredOn)) {
      const keyLeader = ((m.idx * 2_654_435_761) >>> 0) % 100 < 13;
      const outcome =
        year <= lastFinishedYear ? (evaluations.get(`${m.id}:${year}`) ?? null) : null;
      commitmentRows.push([
        commitmentRows.length + 1,
        m.id,
        year,
        keyLeader,
        r.pick(EXEMPLARY_CONTENTS),
        outcome,
      ]);
    }
  }
  tables.push(
    table(
      "exemplary_commitment",
      ["id", "member_id", "year", "key_leader", "content", "outcome"],
      commitmentRows,
    ),
  );

  // Commitments signed with the provincial standing committee, and the province's key tasks.
  const unitCommitmentRows: SqlValue[][] = [];
  for (let year = FIRST_YEAR; year <= todayYear + 1; year++) {
    const r = rngOf(`unit-commitments:${year}`);
    if (year >= 2021) {
      const tasks = r.shuffle([...KEY_TASKS]).slice(0, 9);
      for (const task of tasks)
        unitCommitmentRows.push([
          0,
          tree.province.id,
          year,
          "KEY_TASK",
          task,
          year <= lastFinishedYear,
        ]);
    }
    if (year > todayYear) continue;
    for (const sub of subordinatesOn(tree, `${year}-12-31`)) {
      if (!included(sub)) continue;
      const contents = COMMITMENT_CONTENTS.slice(0, 4);
      const missed = year <= lastFinishedYear && r.chance(0.08) ? r.int(0, 3) : -1;
      contents.forEach((content, i) =>
        unitCommitmentRows.push([
          0,
          sub.id,
          year,
          "COMMITMENT",
          content.replace("{y}", String(year)),
          year <= lastFinishedYear && i !== missed,
        ]),
      );
    }
  }
  unitCommitmentRows.forEach((row, i) => {
    row[0] = i + 1;
  });
  tables.push(
    table(
      "unit_commitment",
      ["id", "unit_id", "year", "kind", "content", "completed"],
      unitCommitmentRows,
    ),
  );

  // Ethical standards and action slogans of about 200 grassroots organisations.
  {
    const r = rngOf("ethical-standards");
    const units = r
      .shuffle(tree.grassroots.filter((g) => isValidOn(g, "2023-12-31")))
      .slice(0, 200);
    interface StandardRec extends Dated {
      unit: UnitNode;
      content: string;
      slogans: string[];
    }
    const standards: StandardRec[] = [];
    for (const u of units) {
      const n = r.chance(0.3) ? 2 : 1;
      const contents = r.shuffle([...ETHICAL_STANDARDS]).slice(0, n);
      contents.forEach((content, i) =>
        standards.push({
          id: 0,
          date: randomDate(r, "2021-03-01", "2023-12-15"),
          key: key(u.id, i),
          unit: u,
          content,
          slogans: r.shuffle([...ACTION_SLOGANS]).slice(0, r.int(1, 3)),
        }),
      );
    }
    const final = finalize(standards, today);
    tables.push(
      table(
        "ethical_standard",
        ["id", "unit_id", "content", "created_at"],
        final.map((s) => [s.id, s.unit.id, s.content, stamp(s.date, 3)]),
      ),
    );
    const slogans: SqlValue[][] = [];
    for (const s of final)
      for (const text of s.slogans) slogans.push([slogans.length + 1, s.id, text]);
    tables.push(table("action_slogan", ["id", "standard_id", "text"], slogans));
  }

  // Good models ("Dân vận khéo" …).
  {
    const r = rngOf("good-models");
    interface ModelRec extends Dated {
      unit: UnitNode;
      title: string;
      description: string;
      endsOn: IsoDate | null;
      results: string;
    }
    const models: ModelRec[] = [];
    for (let i = 0; i < 42; i++) {
      const startsOn = randomDate(r, "2020-03-01", "2026-06-30");
      const pool = tree.grassroots.filter(
        (g) => isValidOn(g, startsOn) && (i % 2 === 0 ? g.profile === "commune" : true),
      );
      const unit = r.pick(pool);
      const [title, description] = r.pick(GOOD_MODELS) as [string, string];
      const place = unit.commune ? ` tại ${unit.commune.type} ${unit.commune.name}` : "";
      const end = r.chance(0.3) ? addDays(startsOn, r.int(365, 1100)) : null;
      models.push({
        id: 0,
        date: startsOn,
        key: key(i),
        unit,
        title: `Mô hình "${title}"${place}`,
        description,
        endsOn: end && end <= today ? end : null,
        results: `Đã nhân rộng ra ${r.int(2, 15)} đơn vị; ${r.int(60, 1500)} lượt người dân tham gia, hưởng lợi.`,
      });
    }
    tables.push(
      table(
        "good_model",
        ["id", "unit_id", "title", "description", "starts_on", "ends_on", "results"],
        finalize(models, today).map((m) => [
          m.id,
          m.unit.id,
          m.title,
          m.description,
          m.date,
          m.endsOn,
          m.results,
        ]),
      ),
    );
  }

  // ── emulation campaigns, registrations and awards ──
  interface CampaignRec extends Dated {
    title: string;
    theme: string;
    occasion: string | null;
    endsOn: IsoDate;
    eligible: UnitNode[];
  }
  const currentCampaignStart = todayYear === 2025 ? "2025-03-01" : `${todayYear}-01-15`;
  const campaigns = finalize<CampaignRec>(
    [
      {
        id: 0,
        date: "2020-06-01",
        key: key(1),
        title: "Phong trào thi đua yêu nước giai đoạn 2020–2025",
        theme:
          "Đoàn kết, sáng tạo, thi đua thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV",
        occasion: null,
        endsOn: "2025-06-30",
        eligible: [tree.province],
      },
      {
        id: 0,
        date: "2024-10-01",
        key: key(2),
        title:
          "Thi đua lập thành tích chào mừng 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)",
        theme: "Thi đua lập thành tích chào mừng kỷ niệm 95 năm Ngày thành lập Đảng",
        occasion: "95 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        endsOn: "2025-02-03",
        eligible: subordinatesOn(tree, "2024-10-01"),
      },
      {
        id: 0,
        date: currentCampaignStart,
        key: key(3),
        title:
          todayYear === 2025
            ? "Thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp, nhiệm kỳ 2025–2030"
            : `Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm ${todayYear}`,
        theme:
          todayYear === 2025
            ? "Đại hội Đảng bộ các cấp thành công tốt đẹp"
            : `Đoàn kết, kỷ cương, hoàn thành toàn diện nhiệm vụ năm ${todayYear}`,
        occasion: todayYear === 2025 ? "Đại hội Đảng bộ các cấp nhiệm kỳ 2025–2030" : null,
        endsOn: `${todayYear}-12-31`,
        eligible: [tree.province],
      },
    ],
    today,
  );
  tables.push(
    table(
      "emulation_campaign",
      [
        "id",
        "title",
        "theme",
        "occasion",
        "starts_on",
        "ends_on",
        "organiser_unit_id",
        "created_at",
      ],
      campaigns.map((c) => [
        c.id,
        c.title,
        c.theme,
        c.occasion,
        c.date,
        c.endsOn,
        tree.province.id,
        stamp(c.date, 2),
      ]),
    ),
  );
  tables.push(
    table(
      "campaign_eligibility",
      ["campaign_id", "unit_id"],
      campaigns.flatMap((c) => c.eligible.map((u) => [c.id, u.id])),
    ),
  );
  {
    interface RegistrationRec extends Dated {
      campaign: CampaignRec;
      unit: UnitNode;
      title: string;
      description: string;
      target: string;
      responsible: UnitNode | null;
      progress: number;
      result: string | null;
      completedOn: IsoDate | null;
    }
    const projects = [
      [
        "Công trình",
        "Bê tông hóa {n} km đường giao thông nông thôn",
        "Hoàn thành và đưa vào sử dụng",
      ],
      ["Phần việc", "Chỉnh trang khuôn viên cơ quan xanh - sạch - đẹp", "100% cán bộ tham gia"],
      [
        "Đề tài",
        "Ứng dụng phần mềm quản lý đảng viên, sinh hoạt chi bộ trên môi trường số",
        "Triển khai tại 100% chi bộ",
      ],
      ["Phần việc", "Vận động xây dựng {n} nhà đại đoàn kết cho hộ nghèo", "Bàn giao đúng hạn"],
      ["Công trình", "Thắp sáng {n} km đường quê", "Đưa vào sử dụng"],
      ["Phần việc", "Kết nạp vượt chỉ tiêu đảng viên được giao", "Đạt trên 100% chỉ tiêu"],
      ["Mô hình", "Chi bộ 4 tốt, đảng bộ cơ sở 4 tốt", "Được cấp trên công nhận"],
    ] as const;
    const regs: RegistrationRec[] = [];
    const plan: [number, number][] = [
      [0, 80],
      [1, 30],
      [2, 40],
    ];
    for (const [index, count] of plan) {
      const c = campaigns[index];
      if (!c) continue;
      const r = rngOf(`registrations:${c.key}:${c.date.slice(0, 4)}`);
      const pool = tree.grassroots.filter((g) => isValidOn(g, c.date) && included(g));
      for (let i = 0; i < count; i++) {
        const unit = r.pick(pool);
        const registeredOn = addDays(c.date, r.int(3, 60));
        const [form, template, target] = r.pick(projects);
        const what = template.replace("{n}", String(r.int(1, 12)));
        const title = `${form}: ${what}`;
        const span = Math.max(1, daysFromTo(registeredOn, c.endsOn));
        const finished = c.endsOn <= today;
        const elapsed = Math.min(1, Math.max(0, daysFromTo(registeredOn, today) / span));
        // Draw everything whatever today is, so that earlier rows never shift.
        const fullyDone = r.chance(0.9);
        const partly = r.int(70, 95);
        const pace = r.float(0.7, 1.2);
        const finishedOn = randomDate(r, addDays(registeredOn, Math.floor(span * 0.5)), c.endsOn);
        const done = finished
          ? fullyDone
            ? 100
            : partly
          : Math.min(100, Math.round(elapsed * 100 * pace));
        const completedOn = done === 100 ? finishedOn : null;
        regs.push({
          id: 0,
          date: registeredOn,
          key: key(c.key, i),
          campaign: c,
          unit,
          title,
          description: `${what} - do ${unit.name} đăng ký thực hiện`,
          target,
          responsible: parentOn(unit, registeredOn),
          progress: done,
          result: done === 100 ? "Hoàn thành" : finished ? "Hoàn thành một phần" : null,
          completedOn: completedOn && completedOn <= today ? completedOn : null,
        });
      }
    }
    tables.push(
      table(
        "campaign_registration",
        [
          "id",
          "campaign_id",
          "unit_id",
          "title",
          "description",
          "target",
          "responsible_unit_id",
          "progress",
          "result",
          "completed_on",
          "registered_on",
        ],
        finalize(regs, today).map((g) => [
          g.id,
          g.campaign.id,
          g.unit.id,
          g.title,
          g.description,
          g.target,
          g.responsible?.id ?? null,
          g.completedOn ? 100 : Math.min(g.progress, 99),
          g.completedOn ? g.result : g.result === "Hoàn thành" ? null : g.result,
          g.completedOn,
          g.date,
        ]),
      ),
    );
  }
  {
    interface AwardRec extends Dated {
      kind: AwardKind;
      title: string;
      issuer: string;
      decisionNo: string;
      yearFrom: number;
      yearTo: number;
      unit: UnitNode | null;
      member: MemberRec | null;
      campaign: number | null;
    }
    const awards: AwardRec[] = [];
    const campaignId = (n: number) => campaigns.find((c) => c.key === key(n))?.id ?? null;
    const add = (a: Omit<AwardRec, "id" | "key"> & { seq: number }) => {
      const { seq, ...rest } = a;
      awards.push({ ...rest, id: 0, key: key(a.kind, seq) });
    };
    for (let year = FIRST_YEAR; year <= lastFinishedYear; year++) {
      const r = rngOf(`awards:${year}`);
      const decidedOn = `${year + 1}-01-${String(r.int(8, 25)).padStart(2, "0")}`;
      const yearEnd = `${year}-12-31`;
      const grassroots = tree.grassroots.filter((g) => isValidOn(g, yearEnd));
      const subs = subordinatesOn(tree, yearEnd);
      for (let i = 0; i < 4; i++) {
        add({
          seq: year * 100 + i,
          date: decidedOn,
          kind: "PROVINCE_FLAG",
          title: "Cờ thi đua của Ủy ban nhân dân tỉnh",
          issuer: "Ủy ban nhân dân tỉnh",
          decisionNo: `${r.int(10, 300)}/QĐ-UBND`,
          yearFrom: year,
          yearTo: year,
          unit: r.pick(grassroots),
          member: null,
          campaign: campaignId(1),
        });
      }
      const active = activeOn(yearEnd);
      for (let i = 0; i < 10; i++) {
        add({
          seq: year * 100 + 10 + i,
          date: decidedOn,
          kind: i < 6 ? "STANDING_COMMITTEE_CERTIFICATE" : "PEOPLES_COMMITTEE_CERTIFICATE",
          title:
            i < 6
              ? "Bằng khen của Ban Thường vụ Tỉnh ủy"
              : "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
          issuer: i < 6 ? "Ban Thường vụ Tỉnh ủy" : "Chủ tịch Ủy ban nhân dân tỉnh",
          decisionNo: i < 6 ? `${r.int(100, 900)}-QĐ/TU` : `${r.int(10, 300)}/QĐ-UBND`,
          yearFrom: year,
          yearTo: year,
          unit: null,
          member: r.pick(active),
          campaign: null,
        });
      }
      if (year === 2024) {
        add({
          seq: year * 100 + 50,
          date: "2024-12-27",
          kind: "GOVERNMENT_FLAG",
          title: "Cờ thi đua của Chính phủ",
          issuer: "Chính phủ",
          decisionNo: "1598/QĐ-TTg",
          yearFrom: 2024,
          yearTo: 2024,
          unit: tree.subs.get("KCQ") as UnitNode,
          member: null,
          campaign: campaignId(1),
        });
        add({
          seq: year * 100 + 51,
          date: "2024-12-27",
          kind: "PRIME_MINISTER_FLAG",
          title: "Cờ thi đua của Thủ tướng Chính phủ",
          issuer: "Thủ tướng Chính phủ",
          decisionNo: "1602/QĐ-TTg",
          yearFrom: 2024,
          yearTo: 2024,
          unit: tree.subs.get("CA") as UnitNode,
          member: null,
          campaign: campaignId(1),
        });
        // Five consecutive years 2020–2024.
        const five = r.shuffle([...grassroots]).slice(0, 10);
        five.forEach((g, i) =>
          add({
            seq: year * 100 + 60 + i,
            date: "2025-01-20",
            kind: "EXCELLENT_TASKS_TITLE",
            title: "Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ 5 năm liền (2020–2024)",
            issuer: "Ban Thường vụ Tỉnh ủy",
            decisionNo: `${r.int(900, 999)}-QĐ/TU`,
            yearFrom: 2020,
            yearTo: 2024,
            unit: g,
            member: null,
            campaign: campaignId(1),
          }),
        );
        const activeNow = new Set(active);
        const steady = activeOn("2020-01-01").filter((m) => activeNow.has(m));
        for (let i = 0; i < 15; i++) {
          add({
            seq: year * 100 + 80 + i,
            date: "2025-01-20",
            kind: "EXCELLENT_TASKS_TITLE",
            title: "Đảng viên hoàn thành xuất sắc nhiệm vụ tiêu biểu 5 năm liền (2020–2024)",
            issuer: "Ban Thường vụ Tỉnh ủy",
            decisionNo: `${r.int(900, 999)}-QĐ/TU`,
            yearFrom: 2020,
            yearTo: 2024,
            unit: null,
            member: r.pick(steady),
            campaign: campaignId(1),
          });
        }
        for (const [i, s] of subs.slice(0, 5).entries()) {
          add({
            seq: year * 100 + 70 + i,
            date: "2025-02-03",
            kind: "STANDING_COMMITTEE_CERTIFICATE",
            title:
              "Bằng khen thành tích xuất sắc trong đợt thi đua chào mừng 95 năm Ngày thành lập Đảng",
            issuer: "Ban Thường vụ Tỉnh ủy",
            decisionNo: `${r.int(1000, 1100)}-QĐ/TU`,
            yearFrom: 2025,
            yearTo: 2025,
            unit: s,
            member: null,
            campaign: campaignId(2),
          });
        }
      }
    }
    tables.push(
      table(
        "award",
        [
          "id",
          "kind",
          "title",
          "issuer",
          "decision_no",
          "decided_on",
          "year_from",
          "year_to",
          "unit_id",
          "member_id",
          "campaign_id",
        ],
        finalize(awards, today).map((a) => [
          a.id,
          a.kind,
          a.title,
          a.issuer,
          a.decisionNo,
          a.date,
          a.yearFrom,
          a.yearTo,
          a.unit?.id ?? null,
          a.member?.id ?? null,
          a.campaign,
        ]),
      ),
    );
  }

  // ── inspection and discipline ──
  {
    interface InspectionRec extends Dated {
      kind: "INSPECTION" | "SUPERVISION" | "THEMATIC_SUPERVISION";
      subject: UnitNode;
      inspector: UnitNode;
      concludedOn: IsoDate | null;
      conclusion: string | null;
    }
    const inspections: InspectionRec[] = [];
    for (let year = FIRST_YEAR; year <= todayYear; year++) {
      const r = rngOf(`inspections:${year}`);
      for (let i = 0; i < 4; i++) {
        const startedOn = randomDate(r, `${year}-02-01`, `${year}-11-15`);
        const subs = subordinatesOn(tree, startedOn);
        const byProvince = r.chance(0.3);
        const inspector = byProvince ? tree.province : r.pick(subs);
        const subject = byProvince
          ? r.pick(subs)
          : r.pick(grassrootsUnder(tree, inspector, startedOn));
        const concludedOn = addDays(startedOn, r.int(30, 75));
        inspections.push({
          id: 0,
          date: startedOn,
          key: key(year, i),
          kind: r.weighted([
            ["INSPECTION", 45],
            ["SUPERVISION", 35],
            ["THEMATIC_SUPERVISION", 20],
          ]),
          subject,
          inspector,
          concludedOn: concludedOn <= today ? concludedOn : null,
          conclusion: concludedOn <= today ? r.pick(INSPECTION_CONCLUSIONS) : null,
        });
      }
    }
    tables.push(
      table(
        "inspection",
        [
          "id",
          "kind",
          "subject_unit_id",
          "inspector_unit_id",
          "started_on",
          "concluded_on",
          "conclusion",
        ],
        finalize(inspections, today).map((x) => [
          x.id,
          x.kind,
          x.subject.id,
          x.inspector.id,
          x.date,
          x.concludedOn,
          x.conclusion,
        ]),
      ),
    );

    interface DisciplineRec extends Dated {
      form: "REPRIMAND" | "WARNING" | "DISMISSAL" | "EXPULSION";
      member: MemberRec | null;
      unit: UnitNode | null;
      decisionNo: string;
      reason: string;
    }
    const disciplines: DisciplineRec[] = [];
    for (let year = FIRST_YEAR; year <= todayYear; year++) {
      const r = rngOf(`discipline:${year}`);
      for (let i = 0; i < 3; i++) {
        const decidedOn = randomDate(r, `${year}-02-01`, `${year}-12-15`);
        const form = r.weighted<DisciplineRec["form"]>([
          ["REPRIMAND", 55],
          ["WARNING", 35],
          ["DISMISSAL", 10],
        ]);
        if (decidedOn > today) continue;
        // Members are in entry order: those who existed on the day are a prefix, whatever today is.
        const existed = ctx.members.filter((m) => m.entryDate <= decidedOn);
        let member = r.pick(existed);
        while (!isActiveOn(member, decidedOn)) member = r.pick(existed);
        disciplines.push({
          id: 0,
          date: decidedOn,
          key: key(year, i),
          form,
          member,
          unit: null,
          decisionNo: `${r.int(5, 120)}-QĐ/UBKT${(member.entryUnit.sub?.issuer ?? "TU").replace(/^ĐU/, "")}`,
          reason: r.pick(DISCIPLINE_REASONS),
        });
      }
      // Expulsions are the screened-out members removed that year.
      const removed = ctx.members.filter(
        (m) => m.exit?.kind === "REMOVED" && m.exit.date.startsWith(String(year)),
      );
      if (removed.length > 0 && year < 2025) {
        const m = r.pick(removed);
        const exit = m.exit as { date: IsoDate };
        disciplines.push({
          id: 0,
          date: addDays(exit.date, -r.int(3, 20)),
          key: key(year, 9),
          form: "EXPULSION",
          member: m,
          unit: null,
          decisionNo: `${r.int(5, 120)}-QĐ/UBKTTU`,
          reason: "Vi phạm nghiêm trọng quy định về những điều đảng viên không được làm",
        });
      }
      if (year === 2022 || year === 2024) {
        const g = r.pick(tree.grassroots.filter((u) => isValidOn(u, `${year}-06-30`)));
        disciplines.push({
          id: 0,
          date: `${year}-09-${String(r.int(5, 25)).padStart(2, "0")}`,
          key: key(year, 10),
          form: "REPRIMAND",
          member: null,
          unit: g,
          decisionNo: `${r.int(5, 120)}-QĐ/UBKTTU`,
          reason: "Buông lỏng lãnh đạo, để đảng viên vi phạm kéo dài",
        });
      }
    }
    tables.push(
      table(
        "discipline",
        ["id", "form", "member_id", "unit_id", "decided_on", "decision_no", "reason"],
        finalize(disciplines, today).map((d) => [
          d.id,
          d.form,
          d.member?.id ?? null,
          d.unit?.id ?? null,
          d.date,
          d.decisionNo,
          d.reason,
        ]),
      ),
    );
  }

  // ── congresses: the 2020–2025 term (province and direct subordinates), then 2025–2030 ──
  {
    interface CongressRec extends Dated {
      unit: UnitNode;
      term: string;
      heldTo: IsoDate;
      delegates: number | null;
      notes: string;
    }
    const congresses: CongressRec[] = [];
    const r = rngOf("congresses");
    for (const sub of subordinatesOn(tree, "2020-06-30")) {
      const from = randomDate(r, "2020-06-01", "2020-08-20");
      congresses.push({
        id: 0,
        date: from,
        key: key(sub.id, 2020),
        unit: sub,
        term: "2020-2025",
        heldTo: addDays(from, 2),
        delegates: r.int(150, 300),
        notes: `Đại hội đại biểu ${sub.name}, nhiệm kỳ 2020–2025`,
      });
    }
    congresses.push({
      id: 0,
      date: "2020-10-13",
      key: key(tree.province.id, 2020),
      unit: tree.province,
      term: "2020-2025",
      heldTo: "2020-10-15",
      delegates: 300,
      notes: "Đại hội đại biểu Đảng bộ tỉnh Ninh Thuận lần thứ XIV, nhiệm kỳ 2020–2025",
    });
    for (const g of tree.grassroots) {
      const from = randomDate(r, "2025-03-10", "2025-05-31");
      if (!isValidOn(g, from)) continue;
      const big = g.kind === "GRASSROOTS_COMMITTEE" && g.profile === "commune";
      congresses.push({
        id: 0,
        date: from,
        key: key(g.id, 2025),
        unit: g,
        term: "2025-2030",
        heldTo: addDays(from, big ? 1 : 0),
        delegates: big ? r.int(80, 150) : null,
        notes: `${big ? "Đại hội đại biểu" : "Đại hội"} ${g.name}, nhiệm kỳ 2025–2030`,
      });
    }
    for (const sub of subordinatesOn(tree, "2025-07-01")) {
      const from = randomDate(r, "2025-06-10", "2025-08-25");
      const first = sub.validFrom >= "2025-01-01";
      congresses.push({
        id: 0,
        date: from,
        key: key(sub.id, 2025),
        unit: sub,
        term: "2025-2030",
        heldTo: addDays(from, 2),
        delegates: r.int(150, 300),
        notes: `Đại hội đại biểu ${sub.name}${first ? " lần thứ I" : ""}, nhiệm kỳ 2025–2030`,
      });
    }
    congresses.push({
      id: 0,
      date: "2025-10-14",
      key: key(tree.province.id, 2025),
      unit: tree.province,
      term: "2025-2030",
      heldTo: "2025-10-16",
      delegates: 320,
      notes: "Đại hội đại biểu Đảng bộ tỉnh Ninh Thuận lần thứ XV, nhiệm kỳ 2025–2030",
    });
    tables.push(
      table(
        "congress",
        ["id", "unit_id", "term", "held_from", "held_to", "delegates", "notes"],
        finalize(congresses, today).map((c) => [
          c.id,
          c.unit.id,
          c.term,
          c.date,
          c.heldTo <= today ? c.heldTo : null,
          c.delegates,
          c.notes,
        ]),
      ),
    );
  }

  return tables;
}

/** Splits a total into `n` sizes around the average (they add up exactly). */
function spread(r: Random, total: number, n: number): number[] {
  const weights = Array.from({ length: n }, () => r.float(0.6, 1.4));
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((w / sum) * total));
  parts[0] = (parts[0] as number) + total - parts.reduce((a, b) => a + b, 0);
  return parts;
}
