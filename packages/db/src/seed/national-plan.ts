import type { IsoDate, OrgUnitKind, Sector } from "@dangbo/shared";
import {
  CELL_NAMES,
  DISTRICT_AGENCIES,
  LOWER_SECONDARY_NAMES,
  PROVINCIAL_AGENCIES,
  PROVINCIAL_ENTERPRISES,
  type Profile,
} from "./catalog.ts";
import {
  BORDER_GUARD_DEPARTMENTS,
  ENTERPRISE_ACTIVITIES,
  ENTERPRISE_FORMS,
  EXTRA_PROVINCIAL_AGENCIES,
  MILITARY_DEPARTMENTS,
  PLACE_SYLLABLES,
  POLICE_DEPARTMENTS,
  PROVINCES,
  provinceArea,
  provinceUnitName,
  VILLAGE_WORDS,
  WARD_GROUP,
  type ProvinceDef,
} from "./national-catalog.ts";
import { apportion, type Random, type RngFactory } from "./rng.ts";
import { dayNumber } from "./util.ts";

/**
 * The shape of the national seed, computed before any row is written: the tree (every unit,
 * ~241k at full scale, held in memory as small objects) and how many members each cell has
 * and admits each year (numbers only — the members themselves are generated while streaming,
 * cell by cell, from per-cell PRNG streams).
 *
 * The top of the tree: the schema has no kind for the Central Committee, and the dashboard
 * needs one unit above the provinces to compare them, so the root is "Ban Chấp hành Trung ương
 * Đảng" (code TW) of kind DIRECT_COMMITTEE, and the 63 provincial committees are its children.
 * Nothing is added to the schema for it.
 */

/** Every unit is valid from this day (as in the province seed): admissions before it are not in the rollups. */
export const NATIONAL_TREE_START: IsoDate = "2015-01-01";
/** Admissions are simulated year by year from this year on; older members are the "base". */
export const NATIONAL_FIRST_YEAR = 2020;
export const ROOT_CODE = "TW";
export const ROOT_NAME = "Ban Chấp hành Trung ương Đảng";

export interface NationalScale {
  /** Province codes to generate (in the order of PROVINCES), or all 63. */
  provinces: "all" | readonly string[];
  /** Members in the whole tree today (approximately; the plan's total is exact). */
  members: number;
  /** Grassroots organisations in the whole tree. */
  grassroots: number;
  /** Committees directly under each province, [min, max]. */
  committees: readonly [number, number];
  /** Admissions a year, nationally. */
  admissionsPerYear: number;
  /** Months of meetings before today's month (today's month is added, up to today). */
  meetingMonths: number;
}

export const NATIONAL_SCALE: NationalScale = {
  provinces: "all",
  members: 5_500_000,
  grassroots: 60_000,
  committees: [10, 13],
  admissionsPerYear: 200_000,
  meetingMonths: 12,
};

export interface NUnit {
  id: number;
  code: string;
  name: string;
  kind: OrgUnitKind;
  sector: Sector;
  parentId: number | null;
}

export interface NProvince {
  def: ProvinceDef;
  unitId: number;
  /** Index of its first and one past its last committee in `plan.committees`. */
  committeeFrom: number;
  committeeTo: number;
  /** Index of its first and one past its last cell in `plan.cells`. */
  cellFrom: number;
  cellTo: number;
  /** Members today (exact: base + admissions up to today). */
  members: number;
}

export interface NCommittee {
  unitId: number;
  code: string;
  province: number;
  /** Suffix of its decision numbers: "125-QĐ/HU". */
  issuer: string;
  weight: number;
  /** Per year from NATIONAL_FIRST_YEAR: the target it was assigned and what it admitted. */
  targets: number[];
  admitted: number[];
}

/** A member-holding unit: a cell of a grassroots committee, or a grassroots cell. */
export interface NCell {
  index: number;
  unitId: number;
  code: string;
  kind: "CELL" | "GRASSROOTS_CELL";
  profile: Profile;
  province: number;
  committee: number;
  /** Residential address of its members ("Thôn Phú Hòa, xã Tân Lộc, huyện …"). */
  address: string;
  /** Rural village cell (farmers) rather than a ward's. */
  rural: boolean;
  weight: number;
  /** Members admitted before NATIONAL_FIRST_YEAR and still members today. */
  base: number;
  /** Members today. */
  members: number;
}

export interface NationalPlan {
  seed: number;
  today: IsoDate;
  todayYear: number;
  /** NATIONAL_FIRST_YEAR … todayYear. */
  years: number[];
  scale: NationalScale;
  rootId: number;
  units: NUnit[];
  provinces: NProvince[];
  committees: NCommittee[];
  cells: NCell[];
  /** Admissions of cell i in year years[y]: admitted[i * years.length + y] (up to today). */
  admitted: Int32Array;
  totalMembers: number;
}

/** Admitted members of a cell in a year index. */
export function cellAdmitted(plan: NationalPlan, cell: NCell, y: number): number {
  return plan.admitted[cell.index * plan.years.length + y] as number;
}

// ───────────────────────────── province sizes ─────────────────────────────

/**
 * Members per province: from 1 to 3 times the smallest, by log population, with an exponent
 * that makes the full list average 5.5M / 63 when the smallest has 50k — so the 63 provinces
 * span ~50k–150k members, as the brief asks (the real spread is wider).
 */
function provinceWeights(defs: readonly ProvinceDef[]): number[] {
  const logs = PROVINCES.map((d) => Math.log(d.population));
  const lo = Math.min(...logs);
  const hi = Math.max(...logs);
  const t = (d: ProvinceDef) => (Math.log(d.population) - lo) / (hi - lo);
  const wanted = (5_500_000 / 63 / 50_000 - 1) / 2; // mean of t^gamma
  let a = 0.05;
  let b = 5;
  for (let i = 0; i < 60; i++) {
    const g = (a + b) / 2;
    const mean = PROVINCES.reduce((s, d) => s + t(d) ** g, 0) / PROVINCES.length;
    if (mean > wanted) a = g;
    else b = g;
  }
  const gamma = (a + b) / 2;
  return defs.map((d) => 1 + 2 * t(d) ** gamma);
}

// ───────────────────────────── names ─────────────────────────────

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Unique place names within a province ("Phú Thạnh"); numbered once the pool runs out. */
class Places {
  private readonly used = new Set<string>();
  constructor(private readonly r: Random) {}
  next(): string {
    for (let attempt = 0; attempt < 40; attempt++) {
      const a = this.r.pick(PLACE_SYLLABLES);
      const b = this.r.pick(PLACE_SYLLABLES);
      if (a === b) continue;
      const name = `${a} ${b}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    const base = `${this.r.pick(PLACE_SYLLABLES)} ${this.r.pick(PLACE_SYLLABLES)}`;
    for (let k = 2; ; k++) {
      const name = `${base} ${k}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

/** Makes names unique within one committee by numbering repeats. */
function uniqueName(used: Set<string>, name: string): string {
  if (!used.has(name)) {
    used.add(name);
    return name;
  }
  for (let k = 2; ; k++) {
    const candidate = `${name} số ${k}`;
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
}

type CommitteeKey = "district" | "KCQ" | "KDN" | "CA" | "QS" | "BP";
type DistrictType = "thành phố" | "quận" | "thị xã" | "huyện";

interface GrassrootsSpec {
  /** After "Đảng bộ" / "Chi bộ". */
  name: string;
  sector: Sector;
  profile: Profile;
  /** L: always a grassroots committee; M: usually; S: usually a grassroots cell. */
  size: "S" | "M" | "L";
  commune?: { type: string; name: string };
}

const DISTRICT_ISSUER: Record<DistrictType, string> = {
  "thành phố": "ThU",
  quận: "QU",
  "thị xã": "TXU",
  huyện: "HU",
};
const DISTRICT_COMMITTEE_WORD: Record<DistrictType, string> = {
  "thành phố": "Thành ủy",
  quận: "Quận ủy",
  "thị xã": "Thị ủy",
  huyện: "Huyện ủy",
};

/** "tỉnh" wording of provincial agencies, turned into "thành phố" for centrally run cities. */
function provincialWording(text: string, def: ProvinceDef): string {
  let out = text.replace(/Ninh Thuận/g, def.name);
  if (def.city) {
    out = out
      .replace(/Tỉnh ủy/g, "Thành ủy")
      .replace(/Tỉnh Đoàn/g, "Thành Đoàn")
      .replace(/ tỉnh\b/g, " thành phố");
  }
  return out;
}

// ───────────────────────────── the plan ─────────────────────────────

interface Builder {
  units: NUnit[];
  cells: NCell[];
  committees: NCommittee[];
}

function addUnit(b: Builder, unit: Omit<NUnit, "id">): number {
  const id = b.units.length + 1;
  b.units.push({ id, ...unit });
  return id;
}

/** Relative members of one cell of a profile (before noise). */
const PROFILE_WEIGHT: Record<Profile, number> = {
  residential: 1.5,
  commune: 0.8,
  agency: 0.8,
  mass: 0.6,
  health: 1.1,
  school: 0.6,
  highschool: 0.7,
  college: 0.8,
  media: 0.7,
  bank: 0.8,
  stateEnterprise: 0.9,
  privateEnterprise: 0.5,
  police: 1.2,
  borderGuard: 1.0,
  military: 1.1,
};

function districtGrassroots(
  r: Random,
  places: Places,
  g: number,
  type: DistrictType,
  short: string,
): GrassrootsSpec[] {
  const area = `${type} ${short}`;
  let nAgency = Math.min(DISTRICT_AGENCIES.length, Math.round(g * 0.24));
  let nCommune = Math.max(1, Math.round(g * 0.36));
  let nSchool = Math.round(g * 0.26);
  let nEnterprise = g - nAgency - nCommune - nSchool;
  while (nEnterprise < 0) {
    if (nSchool > 0) nSchool--;
    else if (nAgency > 0) nAgency--;
    else nCommune--;
    nEnterprise++;
  }
  const used = new Set<string>();
  const out: GrassrootsSpec[] = [];
  for (let i = 0; i < nCommune; i++) {
    const communeType =
      type === "quận"
        ? "phường"
        : type === "huyện"
          ? i === 0
            ? "thị trấn"
            : "xã"
          : r.chance(0.75)
            ? "phường"
            : "xã";
    const name = places.next();
    out.push({
      name: `${communeType} ${name}`,
      sector: "COMMUNE_WARD",
      profile: "commune",
      size: "L",
      commune: { type: communeType, name },
    });
  }
  for (const def of DISTRICT_AGENCIES.slice(0, nAgency)) {
    out.push({
      name: uniqueName(
        used,
        def.name
          .replace("{committee}", `${DISTRICT_COMMITTEE_WORD[type]} ${short}`)
          .replace("{area}", area)
          .replace("{short}", short),
      ),
      sector: def.sector,
      profile: def.profile,
      size: def.size,
    });
  }
  for (let i = 0; i < nSchool; i++) {
    const kind = i % 7;
    const name =
      kind === 0 || kind === 3
        ? `Trường Tiểu học ${places.next()}`
        : kind === 1 || kind === 4
          ? `Trường Trung học cơ sở ${r.pick(LOWER_SECONDARY_NAMES)}`
          : kind === 2 || kind === 5
            ? `Trường Mầm non ${places.next()}`
            : `Trường Trung học phổ thông ${r.pick(LOWER_SECONDARY_NAMES)}`;
    out.push({
      name: uniqueName(used, name),
      sector: "SCHOOL",
      profile: kind === 6 ? "highschool" : "school",
      size: kind === 6 ? "M" : "S",
    });
  }
  for (let i = 0; i < nEnterprise; i++) {
    out.push({
      name: uniqueName(
        used,
        `${r.pick(ENTERPRISE_FORMS)} ${r.pick(ENTERPRISE_ACTIVITIES)} ${places.next()}`,
      ),
      sector: "NON_STATE_ENTERPRISE",
      profile: "privateEnterprise",
      size: r.chance(0.3) ? "M" : "S",
    });
  }
  return out;
}

function specialGrassroots(
  r: Random,
  places: Places,
  g: number,
  key: Exclude<CommitteeKey, "district">,
  def: ProvinceDef,
  districtAreas: readonly string[],
): GrassrootsSpec[] {
  const used = new Set<string>();
  const out: GrassrootsSpec[] = [];
  const push = (name: string, sector: Sector, profile: Profile, size: "S" | "M" | "L") => {
    if (out.length < g) out.push({ name: uniqueName(used, name), sector, profile, size });
  };
  switch (key) {
    case "KCQ":
      for (const a of PROVINCIAL_AGENCIES)
        push(provincialWording(a.name, def), a.sector, a.profile, a.size);
      for (const name of EXTRA_PROVINCIAL_AGENCIES)
        push(provincialWording(name, def), "PUBLIC_SERVICE", "agency", "S");
      while (out.length < g)
        push(
          `Trường Trung học phổ thông ${r.pick(LOWER_SECONDARY_NAMES)}`,
          "SCHOOL",
          "highschool",
          "S",
        );
      break;
    case "KDN":
      for (const e of PROVINCIAL_ENTERPRISES.filter((x) => x.name.includes("Ninh Thuận")))
        push(provincialWording(e.name, def), e.sector, e.profile, e.size);
      while (out.length < g) {
        const state = r.chance(0.3);
        push(
          `${r.pick(ENTERPRISE_FORMS)} ${r.pick(ENTERPRISE_ACTIVITIES)} ${places.next()}`,
          state ? "STATE_ENTERPRISE" : "NON_STATE_ENTERPRISE",
          state ? "stateEnterprise" : "privateEnterprise",
          r.chance(0.4) ? "M" : "S",
        );
      }
      break;
    case "CA":
      for (const name of POLICE_DEPARTMENTS) push(name, "POLICE", "police", "M");
      for (const area of districtAreas) push(`Công an ${area}`, "POLICE", "police", "L");
      while (out.length < g)
        push(`Trung đội Cảnh sát cơ động ${places.next()}`, "POLICE", "police", "S");
      break;
    case "QS":
      for (const name of MILITARY_DEPARTMENTS)
        push(provincialWording(name, def), "MILITARY", "military", "M");
      for (const area of districtAreas)
        push(`Ban Chỉ huy Quân sự ${area}`, "MILITARY", "military", "M");
      while (out.length < g) push(`Đại đội Dân quân ${places.next()}`, "MILITARY", "military", "S");
      break;
    case "BP":
      for (const name of BORDER_GUARD_DEPARTMENTS)
        push(provincialWording(name, def), "MILITARY", "borderGuard", "S");
      while (out.length < g)
        push(`Đồn Biên phòng ${places.next()}`, "MILITARY", "borderGuard", "L");
      break;
  }
  return out.slice(0, g);
}

interface CommitteeSpec {
  key: CommitteeKey;
  type?: DistrictType;
  short?: string;
  name: string;
  kind: OrgUnitKind;
  sector: Sector;
  issuer: string;
  weight: number;
}

function buildProvince(
  b: Builder,
  rngOf: RngFactory,
  scale: NationalScale,
  rootId: number,
  index: number,
  def: ProvinceDef,
  grassroots: number,
): NProvince {
  const r = rngOf(`national:tree:${def.code}`);
  const places = new Places(r);
  const unitId = addUnit(b, {
    code: def.code,
    name: provinceUnitName(def),
    kind: "PROVINCIAL_COMMITTEE",
    sector: "STATE_AGENCY",
    parentId: rootId,
  });
  const word = def.city ? "thành phố" : "tỉnh";
  const n = r.int(scale.committees[0], scale.committees[1]);
  const specials: Exclude<CommitteeKey, "district">[] = ["KCQ", "CA", "QS", "KDN"];
  if (def.border) specials.push("BP");
  const nSpecial = Math.min(specials.length, Math.floor(n / 2));
  const nDistricts = n - nSpecial;
  const specs: CommitteeSpec[] = [];
  for (let i = 0; i < nDistricts; i++) {
    const type: DistrictType = def.city
      ? i < Math.ceil(nDistricts * 0.45)
        ? "quận"
        : "huyện"
      : i === 0
        ? "thành phố"
        : i === 1 && nDistricts >= 4 && r.chance(0.6)
          ? "thị xã"
          : "huyện";
    const short = places.next();
    const weight =
      type === "thành phố"
        ? 1.6
        : type === "quận"
          ? r.float(1.0, 1.4)
          : type === "thị xã"
            ? 0.9
            : r.float(0.7, 1.3);
    specs.push({
      key: "district",
      type,
      short,
      name: `Đảng bộ ${type} ${short}`,
      kind: "DISTRICT_COMMITTEE",
      sector: "STATE_AGENCY",
      issuer: DISTRICT_ISSUER[type],
      weight,
    });
  }
  const SPECIAL: Record<
    Exclude<CommitteeKey, "district">,
    { name: string; kind: OrgUnitKind; sector: Sector; weight: number }
  > = {
    KCQ: {
      name: `Đảng bộ Khối các cơ quan ${word}`,
      kind: "BLOCK_COMMITTEE",
      sector: "STATE_AGENCY",
      weight: 0.9,
    },
    KDN: {
      name: `Đảng bộ Khối doanh nghiệp ${word}`,
      kind: "BLOCK_COMMITTEE",
      sector: "STATE_ENTERPRISE",
      weight: 0.4,
    },
    CA: {
      name: `Đảng bộ Công an ${word}`,
      kind: "DIRECT_COMMITTEE",
      sector: "POLICE",
      weight: 0.3,
    },
    QS: {
      name: `Đảng bộ Quân sự ${word}`,
      kind: "DIRECT_COMMITTEE",
      sector: "MILITARY",
      weight: 0.25,
    },
    BP: {
      name: `Đảng bộ Bộ đội Biên phòng ${word}`,
      kind: "DIRECT_COMMITTEE",
      sector: "MILITARY",
      weight: 0.15,
    },
  };
  for (const key of specials.slice(0, nSpecial)) {
    specs.push({ key, ...SPECIAL[key], issuer: "ĐU" });
  }
  const perCommittee = apportion(
    Math.max(grassroots, specs.length),
    specs.map((s) => s.weight),
    1,
  );
  const districtAreas = specs
    .filter((s) => s.key === "district")
    .map((s) => `${s.type} ${s.short}`);
  const provinceAddresses: string[] = [];
  const province: NProvince = {
    def,
    unitId,
    committeeFrom: b.committees.length,
    committeeTo: b.committees.length + specs.length,
    cellFrom: b.cells.length,
    cellTo: 0,
    members: 0,
  };
  const committeeUnits = specs.map((s, i) =>
    addUnit(b, {
      code: `${def.code}.${pad(i + 1, 2)}`,
      name: s.name,
      kind: s.kind,
      sector: s.sector,
      parentId: unitId,
    }),
  );
  const pArea = provinceArea(def);
  const villageWords = VILLAGE_WORDS[def.region];
  specs.forEach((spec, ci) => {
    const committeeIndex = b.committees.length;
    const committeeId = committeeUnits[ci] as number;
    const code = `${def.code}.${pad(ci + 1, 2)}`;
    b.committees.push({
      unitId: committeeId,
      code,
      province: index,
      issuer: spec.issuer,
      weight: spec.weight,
      targets: [],
      admitted: [],
    });
    const g = perCommittee[ci] as number;
    const list =
      spec.key === "district"
        ? districtGrassroots(r, places, g, spec.type as DistrictType, spec.short as string)
        : specialGrassroots(r, places, g, spec.key, def, districtAreas);
    const districtArea = spec.key === "district" ? `${spec.type} ${spec.short}` : null;
    const districtAddresses: string[] = [];
    const homeAddress = (): string => {
      const pool = districtAddresses.length > 0 ? districtAddresses : provinceAddresses;
      return pool.length > 0
        ? r.pick(pool)
        : `${districtArea ?? r.pick(districtAreas.length > 0 ? districtAreas : [word])}, ${pArea}`;
    };
    const addCell = (
      unit: Omit<NUnit, "id">,
      kind: NCell["kind"],
      profile: Profile,
      address: string,
      rural: boolean,
    ) => {
      const id = addUnit(b, unit);
      const weight =
        PROFILE_WEIGHT[profile] *
        (kind === "GRASSROOTS_CELL" ? 0.8 : 1) *
        Math.exp(0.4 * r.normal());
      b.cells.push({
        index: b.cells.length,
        unitId: id,
        code: unit.code,
        kind,
        profile,
        province: index,
        committee: committeeIndex,
        address,
        rural,
        weight,
        base: 0,
        members: 0,
      });
    };
    list.forEach((gs, gi) => {
      const gCode = `${code}.${pad(gi + 1, 3)}`;
      const isCommittee = gs.size === "L" || (gs.size === "M" ? r.chance(0.85) : r.chance(0.5));
      if (!isCommittee) {
        addCell(
          {
            code: gCode,
            name: `Chi bộ ${gs.name}`,
            kind: "GRASSROOTS_CELL",
            sector: gs.sector,
            parentId: committeeId,
          },
          "GRASSROOTS_CELL",
          gs.profile,
          homeAddress(),
          false,
        );
        return;
      }
      const gId = addUnit(b, {
        code: gCode,
        name: `Đảng bộ ${gs.name}`,
        kind: "GRASSROOTS_COMMITTEE",
        sector: gs.sector,
        parentId: committeeId,
      });
      if (gs.commune) {
        const k = r.int(3, 6);
        const offices = k >= 5 ? 2 : 1;
        const ward = gs.commune.type === "phường";
        const communeLabel = `${gs.commune.type} ${gs.commune.name}, ${districtArea ?? ""}, ${pArea}`;
        for (let c = 0; c < k; c++) {
          const cCode = `${gCode}.${pad(c + 1, 2)}`;
          if (c < offices) {
            addCell(
              {
                code: cCode,
                name: `Chi bộ ${CELL_NAMES.commune[c] as string}`,
                kind: "CELL",
                sector: "COMMUNE_WARD",
                parentId: gId,
              },
              "CELL",
              "commune",
              "",
              false,
            );
            continue;
          }
          const village = ward
            ? `${WARD_GROUP[def.region]} ${c - offices + 1}`
            : `${r.pick(villageWords)} ${places.next()}`;
          const address = `${capitalise(village)}, ${communeLabel}`;
          districtAddresses.push(address);
          provinceAddresses.push(address);
          addCell(
            {
              code: cCode,
              name: `Chi bộ ${village}`,
              kind: "CELL",
              sector: "RESIDENTIAL",
              parentId: gId,
            },
            "CELL",
            "residential",
            address,
            !ward,
          );
        }
        // The commune's own offices live among its villages.
        for (let c = b.cells.length - k; c < b.cells.length; c++) {
          const cell = b.cells[c] as NCell;
          if (cell.address === "") cell.address = homeAddress();
        }
        return;
      }
      const k = r.int(2, 6);
      const names = CELL_NAMES[gs.profile];
      for (let c = 0; c < k; c++) {
        const label = c < names.length ? (names[c] as string) : `số ${c + 1}`;
        addCell(
          {
            code: `${gCode}.${pad(c + 1, 2)}`,
            name: `Chi bộ ${label}`,
            kind: "CELL",
            sector: gs.sector,
            parentId: gId,
          },
          "CELL",
          gs.profile,
          homeAddress(),
          false,
        );
      }
    });
  });
  province.cellTo = b.cells.length;
  return province;
}

/** The share of today's year that has passed by the end of today. */
export function dayOfYearFraction(today: IsoDate): number {
  const year = Number(today.slice(0, 4));
  const start = dayNumber(`${year}-01-01`);
  const end = dayNumber(`${year + 1}-01-01`);
  return (dayNumber(today) - start + 1) / (end - start);
}

/**
 * The whole plan: tree, members per cell, targets and admissions per committee and year.
 * Pure and deterministic for (seed, today, scale).
 */
export function planNational(
  rngOf: RngFactory,
  seed: number,
  today: IsoDate,
  scale: NationalScale,
): NationalPlan {
  const todayYear = Number(today.slice(0, 4));
  const years: number[] = [];
  for (let y = NATIONAL_FIRST_YEAR; y <= todayYear; y++) years.push(y);
  const defs =
    scale.provinces === "all"
      ? PROVINCES
      : PROVINCES.filter((d) => (scale.provinces as readonly string[]).includes(d.code));
  if (scale.provinces !== "all") {
    for (const code of scale.provinces) {
      if (!PROVINCES.some((d) => d.code === code)) throw new RangeError(`unknown province ${code}`);
    }
  }
  if (defs.length === 0) throw new RangeError("no province to generate");
  const weights = provinceWeights(defs);
  const provinceMembers = apportion(scale.members, weights, 1);
  const provinceGrassroots = apportion(scale.grassroots, provinceMembers, 1);

  const b: Builder = { units: [], cells: [], committees: [] };
  const rootId = addUnit(b, {
    code: ROOT_CODE,
    name: ROOT_NAME,
    kind: "DIRECT_COMMITTEE",
    sector: "STATE_AGENCY",
    parentId: null,
  });
  const provinces = defs.map((def, i) =>
    buildProvince(b, rngOf, scale, rootId, i, def, provinceGrassroots[i] as number),
  );

  // Members of each cell today, then admissions by committee and year, then into cells.
  const nYears = years.length;
  const admitted = new Int32Array(b.cells.length * nYears);
  const rate = scale.admissionsPerYear / scale.members;
  const elapsed = dayOfYearFraction(today);
  let totalMembers = 0;
  provinces.forEach((province, pi) => {
    const r = rngOf(`national:plan:${province.def.code}`);
    const cells = b.cells.slice(province.cellFrom, province.cellTo);
    const planned = apportion(
      provinceMembers[pi] as number,
      cells.map((c) => c.weight),
      1,
    );
    cells.forEach((c, i) => {
      c.members = planned[i] as number;
    });
    const committees = b.committees.slice(province.committeeFrom, province.committeeTo);
    const committeeMembers = committees.map(() => 0);
    for (const c of cells) committeeMembers[c.committee - province.committeeFrom] += c.members;
    const cellsOf = committees.map(() => [] as NCell[]);
    for (const c of cells) (cellsOf[c.committee - province.committeeFrom] as NCell[]).push(c);
    years.forEach((year, y) => {
      const full = (provinceMembers[pi] as number) * rate * (1 + 0.08 * r.normal());
      const targets = apportion(Math.max(0, Math.round(full * 0.96)), committeeMembers, 0);
      committees.forEach((committee, ci) => {
        const target = targets[ci] as number;
        const performance = Math.min(1.9, Math.max(0.4, 1.04 + 0.18 * r.normal()));
        const share = year === todayYear ? elapsed : 1;
        const n = Math.round(target * performance * share);
        committee.targets[y] = target;
        committee.admitted[y] = n;
        const list = cellsOf[ci] as NCell[];
        if (list.length === 0) return;
        const split = apportion(
          n,
          list.map((c) => c.weight * r.float(0.3, 1.7)),
          0,
        );
        list.forEach((c, k) => {
          admitted[c.index * nYears + y] = split[k] as number;
        });
      });
    });
    let provinceTotal = 0;
    for (const c of cells) {
      let recent = 0;
      for (let y = 0; y < nYears; y++) recent += admitted[c.index * nYears + y] as number;
      c.base = Math.max(1, c.members - recent);
      c.members = c.base + recent;
      provinceTotal += c.members;
    }
    province.members = provinceTotal;
    totalMembers += provinceTotal;
  });
  return {
    seed,
    today,
    todayYear,
    years,
    scale,
    rootId,
    units: b.units,
    provinces,
    committees: b.committees,
    cells: b.cells,
    admitted,
    totalMembers,
  };
}
