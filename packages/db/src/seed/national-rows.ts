import { foldVietnamese, type Gender, type Occupation } from "@dangbo/shared";
import type { Profile } from "./catalog.ts";
import { studyThemeFor } from "./content.ts";
import {
  ethnicName,
  PROVINCE_ETHNIC_MIX,
  REGION_ETHNIC_MIX,
  THEMATIC_TOPICS,
  type EthnicLabel,
} from "./national-catalog.ts";
import {
  NATIONAL_FIRST_YEAR,
  NATIONAL_TREE_START,
  cellAdmitted,
  type NCell,
  type NProvince,
  type NationalPlan,
} from "./national-plan.ts";
import type { Random, RngFactory } from "./rng.ts";
import { dayNumber, daysInMonth } from "./util.ts";

/**
 * Rows of the national seed as PostgreSQL COPY text (tab-separated, \N for NULL), produced
 * in chunks by generators so that no table is ever held in memory: members are generated cell
 * by cell from per-cell PRNG streams and written out as they come.
 *
 * Each cell has two streams: `dates` (who was admitted when) and `people` (names, births,
 * jobs, …). The member table replays both; assignments, events and meetings replay only the
 * cheap `dates` stream, so every table agrees on every member without keeping them.
 */

export interface CopyTable {
  table: string;
  columns: readonly string[];
  /** Rows the generator will produce when known in advance (for progress lines). */
  expected: number | null;
  chunks(progress: (rows: number) => void): Generator<string | Buffer>;
}

/** Lines per chunk handed to the COPY stream (~0.5–1 MB). */
const CHUNK_LINES = 4_000;

/** Text-format COPY escaping: every generated text goes through here once, not per member. */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : value;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Probation ends 12 months after admission (date-fns: 29 Feb + 12 months = 28 Feb). */
export function probationEndIso(admitted: string): string {
  const year = Number(admitted.slice(0, 4)) + 1;
  const rest = admitted.slice(4);
  return rest === "-02-29" ? `${year}-02-28` : `${year}${rest}`;
}

// ───────────────────────────── calendars ─────────────────────────────

/** Admissions cluster around the party's anniversaries (3 Feb, 19 May, 2 Sep) and year end. */
const MONTH_WEIGHTS = [6, 10, 8, 7, 10, 8, 7, 8, 10, 7, 8, 11];

interface YearCalendar {
  start: number;
  length: number;
  /** Cumulative month weights and each month's first day and length. */
  cumulative: number[];
  monthStart: number[];
  monthLength: number[];
}

export class Calendar {
  readonly todayDay: number;
  readonly treeStartDay: number;
  private readonly years = new Map<number, YearCalendar>();

  constructor(readonly today: string) {
    this.todayDay = dayNumber(today);
    this.treeStartDay = dayNumber(NATIONAL_TREE_START);
  }

  year(y: number): YearCalendar {
    let c = this.years.get(y);
    if (!c) {
      const start = dayNumber(`${y}-01-01`);
      const cumulative: number[] = [];
      const monthStart: number[] = [];
      const monthLength: number[] = [];
      let sum = 0;
      let day = start;
      for (let m = 1; m <= 12; m++) {
        sum += MONTH_WEIGHTS[m - 1] as number;
        cumulative.push(sum);
        monthStart.push(day);
        monthLength.push(daysInMonth(y, m));
        day += daysInMonth(y, m);
      }
      c = { start, length: day - start, cumulative, monthStart, monthLength };
      this.years.set(y, c);
    }
    return c;
  }

  /** A day in year `y`, by the month weights; in today's year, a day up to today. */
  admissionDay(r: Random, y: number): number {
    const c = this.year(y);
    if (c.start + c.length > this.todayDay) {
      return c.start + Math.floor(r.next() * (this.todayDay - c.start + 1));
    }
    const x = r.next() * (c.cumulative[11] as number);
    let m = 0;
    while (x >= (c.cumulative[m] as number)) m++;
    return (c.monthStart[m] as number) + Math.floor(r.next() * (c.monthLength[m] as number));
  }
}

/** Day numbers of the admissions of a cell's members, in member order (base first, then by year). */
export class AdmissionDays {
  days = new Int32Array(1024);
  count = 0;
  base = 0;

  constructor(
    private readonly plan: NationalPlan,
    private readonly calendar: Calendar,
    private readonly rngOf: RngFactory,
  ) {}

  fill(cell: NCell): void {
    const r = this.rngOf(`national:dates:${cell.code}`);
    if (cell.members > this.days.length) this.days = new Int32Array(cell.members * 2);
    let k = 0;
    for (let i = 0; i < cell.base; i++) {
      // Members admitted 1965–2019, more of them recently (older members have died).
      const year = 2019 - Math.floor(54 * r.next() ** 1.6);
      const c = this.calendar.year(year);
      this.days[k++] = c.start + Math.floor(r.next() * c.length);
    }
    this.plan.years.forEach((year, y) => {
      const n = cellAdmitted(this.plan, cell, y);
      for (let i = 0; i < n; i++) this.days[k++] = this.calendar.admissionDay(r, year);
    });
    this.count = k;
    this.base = cell.base;
  }
}

// ───────────────────────────── people ─────────────────────────────

interface NamePool {
  names: Buffer[];
  folded: Buffer[];
}

/** Names drawn once per ethnic group and gender (tens of thousands), then picked per member. */
class Names {
  private readonly pools = new Map<string, NamePool>();
  constructor(private readonly rngOf: RngFactory) {}

  pool(label: EthnicLabel, gender: Gender): NamePool {
    const key = `${label}:${gender}`;
    let pool = this.pools.get(key);
    if (!pool) {
      const r = this.rngOf(`national:names:${key}`);
      const size = label === "Kinh" ? 24_000 : 3_000;
      const names: Buffer[] = [];
      const folded: Buffer[] = [];
      for (let i = 0; i < size; i++) {
        const name = copyText(ethnicName(r, label, gender));
        names.push(Buffer.from(name, "utf8"));
        folded.push(Buffer.from(foldVietnamese(name), "utf8"));
      }
      pool = { names, folded };
      this.pools.set(key, pool);
    }
    return pool;
  }
}

interface Mix {
  labels: EthnicLabel[];
  cumulative: number[];
}

function mixOf(entries: readonly (readonly [EthnicLabel, number])[]): Mix {
  let sum = 0;
  return {
    labels: entries.map((e) => e[0]),
    cumulative: entries.map((e) => (sum += e[1])),
  };
}

function pickCumulative<T>(r: Random, values: readonly T[], cumulative: readonly number[]): T {
  const x = r.next() * (cumulative[cumulative.length - 1] as number);
  let i = 0;
  while (x >= (cumulative[i] as number)) i++;
  return values[i] as T;
}

type OccupationTable = { values: Occupation[]; cumulative: number[] };

function table(entries: readonly (readonly [Occupation, number])[]): OccupationTable {
  let sum = 0;
  const kept = entries.filter((e) => e[1] > 0);
  return { values: kept.map((e) => e[0]), cumulative: kept.map((e) => (sum += e[1])) };
}

const OFFICE = table([
  ["CIVIL_SERVANT", 88],
  ["OTHER", 12],
]);
const ENTERPRISE = table([
  ["ENTERPRISE_EMPLOYEE", 70],
  ["WORKER", 30],
]);
const ARMED = table([
  ["ARMED_FORCES", 95],
  ["CIVIL_SERVANT", 5],
]);
const TEACHING = table([
  ["TEACHER", 85],
  ["CIVIL_SERVANT", 15],
]);
const COLLEGE_NEW = table([
  ["TEACHER", 60],
  ["STUDENT", 30],
  ["CIVIL_SERVANT", 10],
]);
const HEALTH = table([
  ["HEALTH_WORKER", 80],
  ["CIVIL_SERVANT", 20],
]);
const MEDIA = table([
  ["CIVIL_SERVANT", 70],
  ["OTHER", 30],
]);
const RETIRED = table([
  ["RETIRED", 85],
  ["FARMER", 8],
  ["OTHER", 7],
]);
const RURAL = table([
  ["FARMER", 45],
  ["WORKER", 18],
  ["OTHER", 17],
  ["ENTERPRISE_EMPLOYEE", 10],
  ["TEACHER", 5],
  ["HEALTH_WORKER", 3],
  ["STUDENT", 2],
]);
const URBAN = table([
  ["FARMER", 4],
  ["WORKER", 22],
  ["OTHER", 28],
  ["ENTERPRISE_EMPLOYEE", 30],
  ["TEACHER", 7],
  ["HEALTH_WORKER", 5],
  ["STUDENT", 4],
]);

function occupationTable(
  profile: Profile,
  rural: boolean,
  age: number,
  recent: boolean,
): OccupationTable {
  switch (profile) {
    case "residential":
      if (age >= 60) return RETIRED;
      return rural ? RURAL : URBAN;
    case "commune":
    case "agency":
    case "mass":
      return OFFICE;
    case "health":
      return HEALTH;
    case "school":
    case "highschool":
      return TEACHING;
    case "college":
      return recent ? COLLEGE_NEW : TEACHING;
    case "media":
      return MEDIA;
    case "bank":
    case "stateEnterprise":
    case "privateEnterprise":
      return ENTERPRISE;
    case "police":
    case "borderGuard":
    case "military":
      return ARMED;
  }
}

const FEMALE_SHARE: Record<Profile, number> = {
  residential: 0.4,
  commune: 0.35,
  agency: 0.45,
  mass: 0.55,
  health: 0.62,
  school: 0.72,
  highschool: 0.6,
  college: 0.5,
  media: 0.45,
  bank: 0.55,
  stateEnterprise: 0.3,
  privateEnterprise: 0.4,
  police: 0.14,
  borderGuard: 0.05,
  military: 0.08,
};

const PHONE_PREFIXES = ["09", "09", "03", "08", "07"];

// ───────────────────────────── the tables ─────────────────────────────

export interface NationalRowsContext {
  plan: NationalPlan;
  rngOf: RngFactory;
  passwordHash: string;
}

const stamp = (iso: string, hour: string) => `${iso} ${hour}:00:00`;

function* chunked(rows: Iterable<string>, progress: (rows: number) => void): Generator<string> {
  let parts: string[] = [];
  let count = 0;
  for (const row of rows) {
    parts.push(row);
    if (parts.length >= CHUNK_LINES) {
      count += parts.length;
      yield parts.join("");
      parts = [];
      progress(count);
    }
  }
  if (parts.length > 0) {
    count += parts.length;
    yield parts.join("");
    progress(count);
  }
}

export function unitTables(ctx: NationalRowsContext): CopyTable[] {
  const { plan } = ctx;
  const created = stamp(NATIONAL_TREE_START, "01");
  return [
    {
      table: "org_unit",
      columns: [
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
      expected: plan.units.length,
      chunks: (progress) =>
        chunked(
          (function* () {
            for (const u of plan.units) {
              const name = copyText(u.name);
              yield `${u.id}\t${copyText(u.code)}\t${name}\t${foldVietnamese(name)}\t${u.kind}\t${u.sector}\t${u.parentId ?? "\\N"}\t${NATIONAL_TREE_START}\t\\N\t\\N\t${created}\t${created}\n`;
            }
          })(),
          progress,
        ),
    },
    {
      table: "org_unit_period",
      columns: ["id", "unit_id", "parent_id", "valid_from", "valid_to"],
      expected: plan.units.length,
      chunks: (progress) =>
        chunked(
          (function* () {
            for (const u of plan.units) {
              yield `${u.id}\t${u.id}\t${u.parentId ?? "\\N"}\t${NATIONAL_TREE_START}\t\\N\n`;
            }
          })(),
          progress,
        ),
    },
  ];
}

/** The demo accounts of the national scale; every one signs in with the password "demo". */
export const NATIONAL_USERS = [
  { username: "admin", role: "ADMIN", unit: "TW", pii: true, displayName: "Quản trị hệ thống" },
  { username: "leader", role: "LEADER", unit: "TW", pii: true, displayName: "Nguyễn Văn Thành" },
  { username: "analyst", role: "ANALYST", unit: "TW", pii: false, displayName: "Trần Quốc Bảo" },
  {
    username: "leader-nt",
    role: "LEADER",
    unit: "NT",
    pii: true,
    displayName: "Lê Minh Khoa",
  },
] as const;

export function smallTables(ctx: NationalRowsContext): CopyTable[] {
  const { plan } = ctx;
  const byCode = new Map(
    plan.units
      .filter((u) => u.parentId === null || u.parentId === plan.rootId)
      .map((u) => [u.code, u.id]),
  );
  const users = NATIONAL_USERS.map((u) => ({
    ...u,
    // leader-nt's province when it is generated, else the first province of the plan.
    unitId: byCode.get(u.unit) ?? (plan.provinces[0]?.unitId as number),
  }));
  const themes = plan.years.filter((y) => y >= 2021);
  return [
    {
      table: "app_user",
      columns: [
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
      expected: users.length,
      chunks: (progress) =>
        chunked(
          users.map(
            (u, i) =>
              `${i + 1}\t${u.username}\t${copyText(u.displayName)}\t${copyText(ctx.passwordHash)}\t${u.role}\t${u.unitId}\t${u.pii ? "t" : "f"}\tf\t${stamp("2024-01-02", "02")}\t${stamp("2024-01-02", "02")}\n`,
          ),
          progress,
        ),
    },
    {
      table: "study_theme",
      columns: ["id", "year", "title", "description", "document_id"],
      expected: themes.length,
      chunks: (progress) =>
        chunked(
          themes.map((year, i) => {
            const t = studyThemeFor(year);
            return `${i + 1}\t${year}\t${copyText(t.title)}\t${copyText(t.description)}\t\\N\n`;
          }),
          progress,
        ),
    },
    {
      table: "admission_target",
      columns: ["id", "unit_id", "year", "target", "updated_by_id", "updated_at"],
      expected: null,
      chunks: (progress) =>
        chunked(
          (function* () {
            let id = 0;
            for (let y = 0; y < plan.years.length; y++) {
              const year = plan.years[y] as number;
              const at = stamp(`${year}-01-10`, "02");
              const perProvince = plan.provinces.map((p) => {
                let sum = 0;
                for (let c = p.committeeFrom; c < p.committeeTo; c++)
                  sum += plan.committees[c]?.targets[y] as number;
                return sum;
              });
              const national = perProvince.reduce((a, b) => a + b, 0);
              yield `${++id}\t${plan.rootId}\t${year}\t${national}\t\\N\t${at}\n`;
              for (let p = 0; p < plan.provinces.length; p++) {
                const province = plan.provinces[p]!;
                yield `${++id}\t${province.unitId}\t${year}\t${perProvince[p]}\t\\N\t${at}\n`;
                for (let c = province.committeeFrom; c < province.committeeTo; c++) {
                  const committee = plan.committees[c]!;
                  yield `${++id}\t${committee.unitId}\t${year}\t${committee.targets[y]}\t\\N\t${at}\n`;
                }
              }
            }
          })(),
          progress,
        ),
    },
  ];
}

// ───────────────────────────── a byte writer for the big tables ─────────────────────────────

/** Scratch result of `civil`: the calendar date of a day number. */
let cy = 0;
let cm = 0;
let cd = 0;

/** Day number → (cy, cm, cd), Howard Hinnant's algorithm (as util.ts, without a string). */
function civil(days: number): void {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  cd = doy - Math.floor((153 * mp + 2) / 5) + 1;
  cm = mp < 10 ? mp + 3 : mp - 9;
  cy = yoe + era * 400 + (cm <= 2 ? 1 : 0);
}

const CHUNK_BYTES = 1 << 20;
const SLACK = 64 * 1024;

/**
 * Writes COPY text straight into buffers of ~1 MB: numbers and dates digit by digit, fixed
 * texts as pre-encoded bytes. Building 5.5M lines as JavaScript strings and joining them spent
 * most of the time in the garbage collector; this writes each byte once.
 */
export class CopyWriter {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES + SLACK);
  private pos = 0;
  rows = 0;

  get full(): boolean {
    return this.pos >= CHUNK_BYTES;
  }

  /** The bytes written so far (a new buffer takes over). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES + SLACK);
    this.pos = 0;
    return out;
  }

  get empty(): boolean {
    return this.pos === 0;
  }

  text(value: string): this {
    this.pos += this.buf.write(value, this.pos, "utf8");
    return this;
  }

  bytes(value: Uint8Array): this {
    this.buf.set(value, this.pos);
    this.pos += value.length;
    return this;
  }

  /** A non-negative integer. */
  int(n: number): this {
    let len = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) len++;
    return this.padded(n, len);
  }

  /** A non-negative integer with leading zeros to `width` digits. */
  padded(n: number, width: number): this {
    let p = this.pos + width;
    for (let k = 0; k < width; k++) {
      this.buf[--p] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.pos += width;
    return this;
  }

  /** YYYY-MM-DD of a calendar date. */
  ymd(y: number, m: number, d: number): this {
    this.padded(y, 4);
    this.buf[this.pos++] = 45;
    this.padded(m, 2);
    this.buf[this.pos++] = 45;
    return this.padded(d, 2);
  }

  /** YYYY-MM-DD of a day number. */
  day(days: number): this {
    civil(days);
    return this.ymd(cy, cm, cd);
  }

  tab(): this {
    this.buf[this.pos++] = 9;
    return this;
  }

  nul(): this {
    this.buf[this.pos++] = 92;
    this.buf[this.pos++] = 78;
    return this;
  }

  end(): void {
    this.buf[this.pos++] = 10;
    this.rows++;
  }
}

const bytes = (text: string): Buffer => Buffer.from(copyText(text), "utf8");
/** COPY syntax itself (tabs, \N): not escaped. */
const raw = (copy: string): Buffer => Buffer.from(copy, "utf8");

/** Chunks of a writer-driven generator: `emit` writes rows and returns at a chunk boundary. */
function* written(
  progress: (rows: number) => void,
  body: (w: CopyWriter) => Generator<void>,
): Generator<Buffer> {
  const w = new CopyWriter();
  for (const _ of body(w)) {
    yield w.take();
    progress(w.rows);
  }
  if (!w.empty) {
    yield w.take();
    progress(w.rows);
  }
}

/** The three member tables and the meetings, each a pass over every cell. */
export function memberTables(ctx: NationalRowsContext): CopyTable[] {
  const { plan, rngOf } = ctx;
  const calendar = new Calendar(plan.today);
  const todayDay = calendar.todayDay;
  const todayKey = Number(plan.today.replace(/-/g, ""));
  const firstRecentDay = dayNumber(`${NATIONAL_FIRST_YEAR}-01-01`);
  const names = new Names(rngOf);
  const mixes = plan.provinces.map((p) =>
    mixOf(PROVINCE_ETHNIC_MIX[p.def.code] ?? REGION_ETHNIC_MIX[p.def.region]),
  );
  const labelBytes = new Map<string, Buffer>();
  const labelOf = (label: string) => {
    let b = labelBytes.get(label);
    if (!b) labelBytes.set(label, (b = bytes(label)));
    return b;
  };
  const occupationBytes = new Map<string, Buffer>();
  const occupationOf = (o: string) => {
    let b = occupationBytes.get(o);
    if (!b) occupationBytes.set(o, (b = bytes(o)));
    return b;
  };
  const MALE = bytes("MALE");
  const FEMALE = bytes("FEMALE");
  const OFFICIAL = bytes("OFFICIAL");
  const PROBATIONARY = bytes("PROBATIONARY");
  const ADMITTED = bytes("ADMITTED");
  const RECOGNISED = bytes("RECOGNISED_OFFICIAL");
  const AT_3 = bytes(" 03:00:00");
  const BASE_CREATED = bytes("2019-12-20 01:00:00");
  const HOUSE = bytes("Số ");
  const COMMA = bytes(", ");
  const QD = bytes("-QĐ/");
  const PHONES = PHONE_PREFIXES.map(bytes);
  const TREE_START = bytes(NATIONAL_TREE_START);
  const NO_OPEN_END = raw("\\N\tf");
  const treeStartDay = calendar.treeStartDay;

  /** First member id of each cell (ids run province by province, cell by cell). */
  const firstMemberId = new Int32Array(plan.cells.length + 1);
  firstMemberId[0] = 1;
  plan.cells.forEach((c, i) => {
    firstMemberId[i + 1] = (firstMemberId[i] as number) + c.members;
  });

  return [
    {
      table: "member",
      columns: [
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
      expected: plan.totalMembers,
      chunks: (progress) =>
        written(progress, function* (w) {
          const days = new AdmissionDays(plan, calendar, rngOf);
          for (let pi = 0; pi < plan.provinces.length; pi++) {
            const province = plan.provinces[pi] as NProvince;
            const gso = bytes(province.def.gso);
            const mix = mixes[pi] as Mix;
            let serial = 0;
            for (let ci = province.cellFrom; ci < province.cellTo; ci++) {
              const cell = plan.cells[ci] as NCell;
              days.fill(cell);
              const r = rngOf(`national:people:${cell.code}`);
              const femaleShare = FEMALE_SHARE[cell.profile];
              const address = bytes(cell.address);
              let id = firstMemberId[ci] as number;
              for (let i = 0; i < days.count; i++, id++) {
                serial++;
                const recent = i >= days.base;
                const admittedDay = days.days[i] as number;
                const female = r.next() < femaleShare + (recent ? 0.06 : 0);
                const ageAtAdmission = recent
                  ? 18 +
                    Math.floor(r.next() * 6) +
                    Math.floor(r.next() * 6) +
                    Math.floor(r.next() * 5)
                  : 18 +
                    Math.floor(r.next() * 8) +
                    Math.floor(r.next() * 8) +
                    Math.floor(r.next() * 7);
                const birthDay =
                  admittedDay -
                  ageAtAdmission * 365 -
                  (ageAtAdmission >> 2) -
                  Math.floor(r.next() * 365);
                const age = Math.floor((todayDay - birthDay) / 365.25);
                const label = pickCumulative(r, mix.labels, mix.cumulative);
                const pool = names.pool(label, female ? "FEMALE" : "MALE");
                const n = Math.floor(r.next() * pool.names.length);
                const occupations = occupationTable(cell.profile, cell.rural, age, recent);
                const occupation = pickCumulative(r, occupations.values, occupations.cumulative);

                // id, code, full_name, name_search, gender
                w.int(id).tab().bytes(gso).text(".").padded(serial, 6).tab();
                w.bytes(pool.names[n] as Buffer)
                  .tab()
                  .bytes(pool.folded[n] as Buffer)
                  .tab();
                w.bytes(female ? FEMALE : MALE).tab();
                // birth_date, ethnicity, occupation, phone
                civil(birthDay);
                const birthYear = cy;
                w.ymd(cy, cm, cd)
                  .tab()
                  .bytes(labelOf(label))
                  .tab()
                  .bytes(occupationOf(occupation))
                  .tab();
                if (r.next() < 0.85) {
                  w.bytes(PHONES[Math.floor(r.next() * PHONES.length)] as Buffer).padded(
                    Math.floor(r.next() * 100_000_000),
                    8,
                  );
                } else w.nul();
                // national_id: 0 + province code, century and gender digit, year of birth, serial
                w.tab()
                  .text("0")
                  .bytes(gso)
                  .int((birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0));
                w.padded(birthYear % 100, 2)
                  .padded((serial * 7919 + 104_729) % 1_000_000, 6)
                  .tab();
                // address, status, unit_id
                if (r.next() < 0.35)
                  w.bytes(HOUSE)
                    .int(1 + Math.floor(r.next() * 250))
                    .bytes(COMMA);
                w.bytes(address).tab();
                civil(admittedDay);
                const ay = cy;
                const am = cm;
                const ad = cd;
                const pd = am === 2 && ad === 29 ? 28 : ad;
                const official = (ay + 1) * 10000 + am * 100 + pd <= todayKey;
                w.bytes(official ? OFFICIAL : PROBATIONARY)
                  .tab()
                  .int(cell.unitId)
                  .tab();
                // admitted_on, probation_ends_on, official_on, exited_on, created_at, updated_at
                w.ymd(ay, am, ad)
                  .tab()
                  .ymd(ay + 1, am, pd)
                  .tab();
                if (official) w.ymd(ay + 1, am, pd);
                else w.nul();
                w.tab().nul().tab();
                if (recent) {
                  w.ymd(ay, am, ad).bytes(AT_3).tab();
                  if (official) w.ymd(ay + 1, am, pd);
                  else w.ymd(ay, am, ad);
                  w.bytes(AT_3);
                } else w.bytes(BASE_CREATED).tab().bytes(BASE_CREATED);
                w.end();
                if (w.full) yield;
              }
            }
          }
        }),
    },
    {
      table: "member_assignment",
      columns: ["id", "member_id", "unit_id", "valid_from", "valid_to", "temporary"],
      expected: plan.totalMembers,
      chunks: (progress) =>
        written(progress, function* (w) {
          const days = new AdmissionDays(plan, calendar, rngOf);
          for (let ci = 0; ci < plan.cells.length; ci++) {
            const cell = plan.cells[ci] as NCell;
            days.fill(cell);
            let id = firstMemberId[ci] as number;
            for (let i = 0; i < days.count; i++, id++) {
              const day = days.days[i] as number;
              // One primary assignment per member, from its admission (or the tree's start); its id is the member's.
              w.int(id).tab().int(id).tab().int(cell.unitId).tab();
              if (day > treeStartDay) w.day(day);
              else w.bytes(TREE_START);
              w.tab().bytes(NO_OPEN_END).end();
              if (w.full) yield;
            }
          }
        }),
    },
    {
      table: "member_event",
      columns: [
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
      // Every member's ADMITTED event (in the admitting cell), and RECOGNISED_OFFICIAL for
      // members admitted since NATIONAL_FIRST_YEAR once their probation has ended. Older members
      // have official_on set but no recognition event (optional history: ~4M rows saved).
      expected: null,
      chunks: (progress) =>
        written(progress, function* (w) {
          const days = new AdmissionDays(plan, calendar, rngOf);
          const issuers = plan.committees.map((c) => bytes(c.issuer));
          // Decision numbers run per deciding committee and year (in generation order).
          const counters = new Map<number, number>();
          const decision = (committee: number, year: number) => {
            const key = committee * 4096 + (year - 1900);
            const next = counters.get(key) ?? 1 + ((committee * 131 + year * 17) % 40);
            counters.set(key, next + 1);
            w.int(next)
              .bytes(QD)
              .bytes(issuers[committee] as Buffer);
          };
          let eventId = 0;
          for (let ci = 0; ci < plan.cells.length; ci++) {
            const cell = plan.cells[ci] as NCell;
            days.fill(cell);
            let id = firstMemberId[ci] as number;
            for (let i = 0; i < days.count; i++, id++) {
              const day = days.days[i] as number;
              civil(day);
              const ay = cy;
              const am = cm;
              const ad = cd;
              w.int(++eventId).tab().int(id).tab().bytes(ADMITTED).tab().ymd(ay, am, ad).tab();
              w.bytes(PROBATIONARY).tab().int(cell.unitId).tab();
              decision(cell.committee, ay);
              w.tab().nul().tab().nul().tab().ymd(ay, am, ad).bytes(AT_3).end();
              if (day >= firstRecentDay) {
                const pd = am === 2 && ad === 29 ? 28 : ad;
                if ((ay + 1) * 10000 + am * 100 + pd <= todayKey) {
                  w.int(++eventId).tab().int(id).tab().bytes(RECOGNISED).tab();
                  w.ymd(ay + 1, am, pd)
                    .tab()
                    .bytes(OFFICIAL)
                    .tab()
                    .int(cell.unitId)
                    .tab();
                  decision(cell.committee, ay + 1);
                  w.tab()
                    .nul()
                    .tab()
                    .nul()
                    .tab()
                    .ymd(ay + 1, am, pd)
                    .bytes(AT_3)
                    .end();
                }
              }
              if (w.full) yield;
            }
          }
        }),
    },
    meetingTable(ctx, calendar),
  ];
}

/**
 * Monthly regular and quarterly thematic meetings of every cell over the last
 * `scale.meetingMonths` months and today's month, up to today, with present / excused / absent
 * counts from the cell's members on the day. No meeting_attendance rows: at ~30 members a
 * meeting they would be ~85M rows for the national tree; the counts carry the rates.
 * About 5% of cells skip some thematic meetings and 2% meet irregularly, so compliance views
 * have something to show.
 */
function meetingTable(ctx: NationalRowsContext, calendar: Calendar): CopyTable {
  const { plan, rngOf } = ctx;
  const todayDay = calendar.todayDay;
  const todayYear = plan.todayYear;
  const todayMonth = Number(plan.today.slice(5, 7));
  const ROMAN = ["I", "II", "III", "IV"];
  const studyThemes = new Map<number, { id: number; title: string }>();
  plan.years
    .filter((y) => y >= 2021)
    .forEach((year, i) => studyThemes.set(year, { id: i + 1, title: studyThemeFor(year).title }));
  const months: {
    start: number;
    length: number;
    month: number;
    regular: Buffer;
    study: { id: number; theme: Buffer } | null;
    topics: Buffer[];
  }[] = [];
  for (let k = plan.scale.meetingMonths; k >= 0; k--) {
    let month = todayMonth - k;
    let year = todayYear;
    while (month < 1) {
      month += 12;
      year -= 1;
    }
    const study = studyThemes.get(year);
    const quarter = ROMAN[Math.floor((month - 1) / 3)];
    months.push({
      start: dayNumber(`${year}-${pad2(month)}-01`),
      length: daysInMonth(year, month),
      month,
      regular: bytes(`Sinh hoạt chi bộ định kỳ tháng ${month}/${year}`),
      study: study ? { id: study.id, theme: bytes(`Chuyên đề: ${study.title}`) } : null,
      topics: THEMATIC_TOPICS.map((t) => bytes(`Chuyên đề quý ${quarter}/${year}: ${t}`)),
    });
  }
  const REGULAR = bytes("REGULAR");
  const THEMATIC = bytes("THEMATIC");
  const TIMES = ["19:30", "14:00", "08:00"].map((t) => bytes(` ${t}:00+07`));
  const AT_15 = bytes(" 15:00:00");
  const MIDDLE = raw("\\N\t\\N\t\\N\t\\N\t");
  const DRAFT = raw("f\t\\N\t");
  const TAIL = raw("\\N\t\\N\t");
  return {
    table: "meeting",
    columns: [
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
    expected: null,
    chunks: (progress) =>
      written(progress, function* (w) {
        const days = new AdmissionDays(plan, calendar, rngOf);
        let meetingId = 0;
        for (const cell of plan.cells) {
          days.fill(cell);
          const r = rngOf(`national:meetings:${cell.code}`);
          const compliance = r.next();
          const skipsThematic = compliance < 0.05;
          const irregular = compliance >= 0.05 && compliance < 0.07;
          const usualDay =
            r.next() < 0.8 ? 1 + Math.floor(r.next() * 10) : 11 + Math.floor(r.next() * 10);
          const thematicMonth = r.next() < 0.6 ? 2 : Math.floor(r.next() * 3);
          const time =
            cell.profile === "residential"
              ? TIMES[r.next() < 0.8 ? 0 : 1]
              : TIMES[r.next() < 0.7 ? 1 : 2];
          const meet = (kind: Buffer, day: number, theme: Buffer, themeId: number | null) => {
            let present = 0;
            let excused = 0;
            let absent = 0;
            for (let i = 0; i < days.count; i++) {
              if ((days.days[i] as number) > day) continue;
              const x = r.next();
              if (x < 0.9) present++;
              else if (x < 0.97) excused++;
              else absent++;
            }
            civil(day);
            const y = cy;
            const m = cm;
            const d = cd;
            w.int(++meetingId).tab().int(cell.unitId).tab().bytes(kind).tab();
            w.ymd(y, m, d)
              .bytes(time as Buffer)
              .tab()
              .ymd(y, m, d)
              .tab()
              .bytes(theme)
              .tab();
            if (themeId === null) w.nul();
            else w.int(themeId);
            w.tab().bytes(MIDDLE);
            if (r.next() < 0.4) {
              const x = r.next();
              w.int(x < 0.2 ? 5 : x < 0.65 ? 4 : x < 0.9 ? 3 : x < 0.98 ? 2 : 1);
            } else w.nul();
            w.tab().bytes(DRAFT).int(present).tab().int(excused).tab().int(absent).tab();
            w.bytes(TAIL).ymd(y, m, d).bytes(AT_15).tab().ymd(y, m, d).bytes(AT_15).end();
          };
          for (const m of months) {
            if (!(irregular && r.next() < 0.2)) {
              const day = Math.min(m.length, Math.max(1, usualDay + Math.floor(r.next() * 5) - 2));
              if (m.start + day - 1 <= todayDay) meet(REGULAR, m.start + day - 1, m.regular, null);
            }
            if ((m.month - 1) % 3 === thematicMonth && !(skipsThematic && r.next() < 0.5)) {
              const day = m.start + 11 + Math.floor(r.next() * 15);
              const useStudy = m.study !== null && r.next() < 0.6;
              const topic = m.topics[Math.floor(r.next() * m.topics.length)] as Buffer;
              if (day <= todayDay) {
                if (useStudy && m.study) meet(THEMATIC, day, m.study.theme, m.study.id);
                else meet(THEMATIC, day, topic, null);
              }
            }
            if (w.full) yield;
          }
        }
      }),
  };
}
