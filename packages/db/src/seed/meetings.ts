import {
  addMonthsIso,
  type AttendanceStatus,
  type IsoDate,
  type MeetingKind,
} from "@dangbo/shared";
import { personName } from "./names.ts";
import { daysInMonth } from "./util.ts";
import type { AssignmentRec, MemberRec } from "./people.ts";
import type { Random, RngFactory } from "./rng.ts";
import type { World } from "./simulate.ts";
import { isValidOn, type UnitNode } from "./tree.ts";

export const MEETINGS_FROM: IsoDate = "2024-01-01";
/** Attendance detail rows are kept for meetings in the last 24 months before today. */
export const ATTENDANCE_DETAIL_MONTHS = 24;

export interface ThemeRef {
  id: number;
  year: number;
  title: string;
}

export interface DocumentRef {
  id: number;
  number: string;
  title: string;
  issuedOn: IsoDate;
}

export interface MeetingRec {
  id: number;
  unit: UnitNode;
  kind: MeetingKind;
  heldOn: IsoDate;
  /** UTC timestamp "YYYY-MM-DD HH:MM:SS". */
  heldAt: string;
  createdAt: string;
  theme: string;
  studyThemeId: number | null;
  documentId: number | null;
  minutes: string;
  decisions: string;
  guests: string | null;
  qualityRating: number | null;
  present: number;
  excused: number;
  absent: number;
  attendance: { member: MemberRec; status: AttendanceStatus; reason: string | null }[] | null;
  createdByUser: boolean;
}

const EXCUSE_REASONS = [
  "Đi công tác",
  "Ốm",
  "Việc gia đình",
  "Đi học",
  "Trực cơ quan",
  "Đi làm ăn xa",
  "Nằm viện",
];

const GUEST_TITLES = [
  "Ủy viên Ban Thường vụ Đảng ủy",
  "Đảng ủy viên phụ trách chi bộ",
  "Phó Bí thư Thường trực Đảng ủy",
  "Ủy viên Ban Chấp hành Đảng bộ",
];

const REGULAR_MINUTES = [
  "Chi bộ đánh giá kết quả lãnh đạo thực hiện nhiệm vụ chính trị tháng {m}; tình hình tư tưởng của đảng viên ổn định; {n} đảng viên dự họp.",
  "Chi ủy báo cáo kết quả thực hiện nghị quyết tháng {m}, thu đảng phí đầy đủ; đảng viên phát biểu ý kiến đóng góp xây dựng.",
  "Đánh giá việc thực hiện nhiệm vụ được giao, công tác vận động quần chúng và phong trào thi đua tháng {m}.",
  "Chi bộ thông tin thời sự, phổ biến văn bản mới của cấp trên; kiểm điểm việc thực hiện nhiệm vụ của đảng viên tháng {m}.",
];
const REGULAR_DECISIONS = [
  "Thống nhất phương hướng, nhiệm vụ tháng tới; phân công đảng viên phụ trách từng nội dung.",
  "Tập trung hoàn thành chỉ tiêu đã đề ra; tiếp tục bồi dưỡng quần chúng ưu tú để xem xét kết nạp.",
  "Đẩy mạnh phong trào thi đua; giao chi ủy đôn đốc, kiểm tra việc thực hiện.",
  "Nâng cao chất lượng sinh hoạt chi bộ; mỗi đảng viên đăng ký việc làm cụ thể theo chủ đề năm.",
];
const THEMATIC_MINUTES = [
  "Đồng chí bí thư chi bộ trình bày chuyên đề; các đảng viên thảo luận, liên hệ thực tế cơ quan, địa phương.",
  "Chi bộ sinh hoạt chuyên đề; đảng viên phát biểu, đề xuất giải pháp vận dụng vào nhiệm vụ được giao.",
  "Báo cáo viên trình bày chuyên đề, chi bộ thảo luận sôi nổi và thống nhất việc làm cụ thể.",
];
const THEMATIC_DECISIONS = [
  "Mỗi đảng viên xây dựng kế hoạch làm theo gắn với nhiệm vụ chuyên môn.",
  "Chi bộ lựa chọn nội dung đột phá để thực hiện trong quý; đưa vào đánh giá cuối năm.",
  "Tiếp tục học tập, quán triệt; giao chi ủy theo dõi, đánh giá kết quả thực hiện.",
];
const EXTRAORDINARY_THEMES = [
  "Họp bất thường xét đề nghị kết nạp đảng viên",
  "Họp bất thường xem xét công nhận đảng viên chính thức",
  "Họp bất thường triển khai nhiệm vụ đột xuất của cấp trên",
  "Họp bất thường chuẩn bị công tác nhân sự đại hội chi bộ",
];

function clock(r: Random, unit: UnitNode): [number, number] {
  if (unit.profile === "residential") return r.chance(0.8) ? [19, 30] : [14, 0];
  return r.chance(0.7) ? [14, 0] : r.chance(0.6) ? [16, 0] : [8, 0];
}

/** "YYYY-MM-DD HH:MM:SS" in UTC for a local (Asia/Ho_Chi_Minh, UTC+7) time on a date. */
export function localToUtc(date: IsoDate, hour: number, minute: number): string {
  const utc = Date.parse(`${date}T00:00:00Z`) + ((hour - 7) * 60 + minute) * 60_000;
  return new Date(utc).toISOString().replace("T", " ").slice(0, 19);
}

function addMinutes(ts: string, minutes: number): string {
  return new Date(Date.parse(`${ts.replace(" ", "T")}Z`) + minutes * 60_000)
    .toISOString()
    .replace("T", " ")
    .slice(0, 19);
}

function monthsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let m = from.slice(0, 8) + "01"; m <= to; m = addMonthsIso(m, 1)) out.push(m);
  return out;
}

/**
 * Monthly regular and quarterly thematic meetings of every member-holding unit from 2024 to
 * today, with attendance simulated for each member assigned that day: most cells always meet,
 * some skip thematic meetings, a few are irregular; a handful of members miss three or more
 * months in a row. Each unit-month has its own stream so nothing shifts when today moves.
 */
export function buildMeetings(
  world: World,
  rngOf: RngFactory,
  today: IsoDate,
  themes: ReadonlyMap<number, ThemeRef>,
  documents: readonly DocumentRef[],
  secretaryCell: UnitNode,
): MeetingRec[] {
  const detailFrom = addMonthsIso(today, -ATTENDANCE_DETAIL_MONTHS);
  const primary = new Map<UnitNode, AssignmentRec[]>();
  for (const m of world.members) {
    for (const a of m.assignments) {
      if (a.temporary) continue;
      const list = primary.get(a.unit);
      if (list) list.push(a);
      else primary.set(a.unit, [a]);
    }
  }
  for (const list of primary.values())
    list.sort((a, b) => a.member.idx - b.member.idx || a.id - b.id);
  const assignedOn = (unit: UnitNode, date: IsoDate): MemberRec[] =>
    (primary.get(unit) ?? [])
      .filter((a) => a.from <= date && (a.to === null || a.to > date))
      .map((a) => a.member);

  const months = monthsBetween(MEETINGS_FROM, today);

  // Members who stay away for three to five months in a row, one streak starting each month.
  const streaks = new Map<MemberRec, Set<string>>();
  const units = world.tree.holding;
  for (const month of months) {
    const r = rngOf(`absentee:${month.slice(0, 7)}`);
    for (let attempt = 0; attempt < 10; attempt++) {
      const unit = units[
        r.weightedIndex(units.map((u) => (isValidOn(u, month) ? u.weight : 0)))
      ] as UnitNode;
      const members = assignedOn(unit, month).filter((m) => !m.protected);
      if (members.length === 0) continue;
      const m = r.pick(members);
      const length = r.int(3, 5);
      const set = streaks.get(m) ?? new Set<string>();
      for (let k = 0; k < length; k++) set.add(addMonthsIso(month, k).slice(0, 7));
      streaks.set(m, set);
      break;
    }
  }

  const documentsBefore = (date: IsoDate) => documents.filter((d) => d.issuedOn < date);
  const meetings: MeetingRec[] = [];
  const guestRng = rngOf("meeting-guests");
  const guestNames = Array.from({ length: 60 }, () =>
    personName(guestRng, "Kinh", guestRng.chance(0.7) ? "MALE" : "FEMALE"),
  );

  for (const unit of units) {
    const c = rngOf(`compliance:${unit.code}`);
    const compliance =
      unit === secretaryCell
        ? "full"
        : c.weighted<"full" | "gaps" | "irregular">([
            ["full", 85],
            ["gaps", 10],
            ["irregular", 5],
          ]);
    const time = clock(c, unit);

    for (const month of months) {
      const r = rngOf(`meetings:${unit.code}:${month.slice(0, 7)}`);
      const year = Number(month.slice(0, 4));
      const monthNo = Number(month.slice(5, 7));
      const last = daysInMonth(year, monthNo);
      const quarterMonth = Math.floor((monthNo - 1) / 3);
      const thematicIndex = rngOf(`thematic:${unit.code}:${year}Q${quarterMonth + 1}`).int(0, 2);

      const plan: { kind: MeetingKind; day: number }[] = [];
      if (!(compliance === "irregular" && r.chance(0.25))) {
        plan.push({ kind: "REGULAR", day: r.chance(0.8) ? r.int(1, 10) : r.int(11, 25) });
      }
      const skipThematic =
        compliance === "gaps" ? r.chance(0.4) : compliance === "irregular" ? r.chance(0.5) : false;
      if ((monthNo - 1) % 3 === thematicIndex && !skipThematic) {
        plan.push({ kind: "THEMATIC", day: r.int(12, Math.min(26, last)) });
      }
      if (r.chance(0.012)) plan.push({ kind: "EXTRAORDINARY", day: r.int(1, last) });

      for (const { kind, day } of plan) {
        const heldOn = `${month.slice(0, 8)}${String(day).padStart(2, "0")}`;
        if (heldOn > today || !isValidOn(unit, heldOn)) continue;
        const [hour, minute] = kind === "EXTRAORDINARY" ? [r.chance(0.5) ? 8 : 14, 0] : time;
        const heldAt = localToUtc(heldOn, hour, minute);
        const late = r.chance(0.1);
        const createdAt = addMinutes(
          heldAt,
          late ? r.int(5, 20) * 1440 + r.int(0, 600) : r.int(60, 1200),
        );
        if (createdAt.slice(0, 10) > today) continue;

        let theme: string;
        let studyThemeId: number | null = null;
        let documentId: number | null = null;
        let minutes: string;
        let decisions: string;
        if (kind === "REGULAR") {
          theme = `Sinh hoạt chi bộ định kỳ tháng ${monthNo}/${year}`;
          minutes = r.pick(REGULAR_MINUTES).replace("{m}", `${monthNo}/${year}`);
          decisions = r.pick(REGULAR_DECISIONS);
        } else if (kind === "THEMATIC") {
          const studyTheme = themes.get(year);
          const docs = documentsBefore(heldOn);
          if (studyTheme && (r.chance(0.6) || docs.length === 0)) {
            theme = `Chuyên đề: ${studyTheme.title}`;
            studyThemeId = studyTheme.id;
          } else {
            const doc = r.pick(docs);
            theme = `Chuyên đề: Học tập, quán triệt ${doc.number} - ${doc.title}`;
            documentId = doc.id;
          }
          minutes = r.pick(THEMATIC_MINUTES);
          decisions = r.pick(THEMATIC_DECISIONS);
        } else {
          theme = r.pick(EXTRAORDINARY_THEMES);
          minutes =
            "Chi bộ họp bất thường theo đề nghị của chi ủy; đảng viên thảo luận và biểu quyết.";
          decisions = "Thống nhất biểu quyết thông qua nội dung cuộc họp.";
        }

        const ar = rngOf(`attendance:${unit.code}:${heldOn}:${kind}`);
        const members = assignedOn(unit, heldOn);
        const monthKey = month.slice(0, 7);
        const rows: { member: MemberRec; status: AttendanceStatus; reason: string | null }[] = [];
        let present = 0;
        let excused = 0;
        let absent = 0;
        for (const member of members) {
          const x = ar.next();
          let status: AttendanceStatus;
          let reason: string | null = null;
          if (streaks.get(member)?.has(monthKey)) status = "ABSENT";
          else if (x < 0.9) status = "PRESENT";
          else if (x < 0.97) {
            status = "EXCUSED";
            reason = EXCUSE_REASONS[Math.floor(ar.next() * EXCUSE_REASONS.length)] as string;
          } else status = "ABSENT";
          if (status === "PRESENT") present++;
          else if (status === "EXCUSED") excused++;
          else absent++;
          rows.push({ member, status, reason });
        }
        minutes = minutes.replace("{n}", String(present));
        const guests = r.chance(0.12)
          ? `Đồng chí ${r.pick(guestNames)}, ${r.pick(GUEST_TITLES)}`
          : null;
        const rated = r.chance(0.4);
        const qualityRating = rated
          ? r.weighted<number>([
              [5, 20],
              [4, 45],
              [3, 25],
              [2, 8],
              [1, 2],
            ])
          : null;
        meetings.push({
          id: 0,
          unit,
          kind,
          heldOn,
          heldAt,
          createdAt,
          theme,
          studyThemeId,
          documentId,
          minutes,
          decisions,
          guests,
          qualityRating,
          present,
          excused,
          absent,
          attendance: heldOn >= detailFrom ? rows : null,
          createdByUser: unit === secretaryCell,
        });
      }
    }
  }
  return meetings;
}
