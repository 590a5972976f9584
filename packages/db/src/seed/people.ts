import {
  ageOn,
  probationEnd,
  type Gender,
  type IsoDate,
  type MemberEventKind,
  type Occupation,
} from "@dangbo/shared";
import { ETHNIC_MIX, type Profile } from "./catalog.ts";
import { ETHNICITIES, nationalId, personName, phoneNumber, type Ethnicity } from "./names.ts";
import type { Random } from "./rng.ts";
import type { UnitNode } from "./tree.ts";
import { addDays } from "./util.ts";

/** Who a person is: the columns a member and a candidate share. */
export interface Person {
  fullName: string;
  gender: Gender;
  birthDate: IsoDate;
  ethnicity: Ethnicity;
  occupation: Occupation;
  phone: string | null;
  address: string;
  /** Serial for the citizen identity number. */
  serial: number;
}

export type PersonMode = "base" | "admission";

export interface AddressBook {
  /** District key → communes with their villages. */
  communes: Map<string, { label: string; villages: string[] }[]>;
  areas: Map<string, string>;
}

export function buildAddressBook(units: readonly UnitNode[]): AddressBook {
  const communes = new Map<string, { label: string; villages: string[] }[]>();
  const areas = new Map<string, string>();
  for (const u of units) {
    if (u.kind === "DISTRICT_COMMITTEE" && u.sub?.area) areas.set(u.sub.key, u.sub.area);
    if (u.kind === "GRASSROOTS_COMMITTEE" && u.commune) {
      const list = communes.get(u.area) ?? [];
      list.push({
        label: `${u.commune.type} ${u.commune.name}`,
        villages: u.children.filter((c) => c.village).map((c) => c.village as string),
      });
      communes.set(u.area, list);
    }
  }
  return { communes, areas };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function addressFor(r: Random, unit: UnitNode, book: AddressBook): string {
  let area = unit.area;
  if (area === "province") {
    area = r.chance(0.6) ? "PR" : r.pick(["NH", "NP", "NS", "BA", "TB", "TN"]);
  }
  const areaName = book.areas.get(area) ?? "";
  if (unit.village && unit.commune) {
    return `${capitalise(unit.village)}, ${unit.commune.type} ${unit.commune.name}, ${areaName}, tỉnh Ninh Thuận`;
  }
  const list = book.communes.get(area) ?? [];
  const commune = unit.commune
    ? list.find((c) => c.label === `${unit.commune?.type} ${unit.commune?.name}`)
    : undefined;
  const chosen = commune ?? r.pick(list);
  const village = chosen.villages.length > 0 ? r.pick(chosen.villages) : "khu phố 1";
  return `${capitalise(village)}, ${chosen.label}, ${areaName}, tỉnh Ninh Thuận`;
}

const ARMED: readonly Profile[] = ["police", "borderGuard", "military"];

function occupationFor(r: Random, unit: UnitNode, age: number, mode: PersonMode): Occupation {
  const p = unit.profile;
  const name = unit.name;
  switch (p) {
    case "residential": {
      if (mode === "base" && age >= 60)
        return r.weighted<Occupation>([
          ["RETIRED", 80],
          ["FARMER", 12],
          ["OTHER", 8],
        ]);
      const rural = unit.commune?.type === "xã";
      return r.weighted<Occupation>([
        ["FARMER", rural ? 45 : 5],
        ["WORKER", mode === "admission" ? 25 : 15],
        ["OTHER", 20],
        ["ENTERPRISE_EMPLOYEE", mode === "admission" ? 15 : 8],
        ["TEACHER", 4],
        ["HEALTH_WORKER", 3],
        ["RETIRED", mode === "base" && age >= 55 ? 20 : 0],
      ]);
    }
    case "commune":
      if (/Quân sự|Công an/.test(name)) return r.chance(0.9) ? "ARMED_FORCES" : "CIVIL_SERVANT";
      if (/Trường/.test(name)) return r.chance(0.9) ? "TEACHER" : "CIVIL_SERVANT";
      if (/Y tế/.test(name)) return r.chance(0.9) ? "HEALTH_WORKER" : "CIVIL_SERVANT";
      return r.weighted<Occupation>([
        ["CIVIL_SERVANT", 85],
        ["OTHER", 15],
      ]);
    case "agency":
    case "mass":
      return r.weighted<Occupation>([
        ["CIVIL_SERVANT", 88],
        ["OTHER", 12],
      ]);
    case "health":
      return r.weighted<Occupation>([
        ["HEALTH_WORKER", 80],
        ["CIVIL_SERVANT", 20],
      ]);
    case "school":
      return r.weighted<Occupation>([
        ["TEACHER", 85],
        ["CIVIL_SERVANT", 15],
      ]);
    case "highschool":
      if (mode === "admission" && r.chance(0.55)) return "STUDENT";
      return r.weighted<Occupation>([
        ["TEACHER", 85],
        ["CIVIL_SERVANT", 15],
      ]);
    case "college":
      if (mode === "admission" && r.chance(0.5)) return "STUDENT";
      return r.weighted<Occupation>([
        ["TEACHER", 70],
        ["CIVIL_SERVANT", 30],
      ]);
    case "media":
      return r.weighted<Occupation>([
        ["CIVIL_SERVANT", 70],
        ["OTHER", 30],
      ]);
    case "bank":
      return r.weighted<Occupation>([
        ["ENTERPRISE_EMPLOYEE", 80],
        ["CIVIL_SERVANT", 20],
      ]);
    case "stateEnterprise":
      return r.weighted<Occupation>([
        ["WORKER", 50],
        ["ENTERPRISE_EMPLOYEE", 50],
      ]);
    case "privateEnterprise":
      return r.weighted<Occupation>([
        ["ENTERPRISE_EMPLOYEE", 65],
        ["WORKER", 35],
      ]);
    case "police":
    case "borderGuard":
    case "military":
      return r.chance(0.95) ? "ARMED_FORCES" : "CIVIL_SERVANT";
  }
}

/** Age on the reference date: existing members 22–85, admissions 18–40. */
function ageFor(r: Random, unit: UnitNode, mode: PersonMode): number {
  if (mode === "admission") {
    if (unit.profile === "highschool") return r.chance(0.55) ? 18 : r.int(24, 40);
    if (unit.profile === "college") return r.chance(0.5) ? r.int(19, 22) : r.int(24, 40);
    if (ARMED.includes(unit.profile)) return r.int(20, 32);
    return Math.min(40, Math.max(18, Math.round(27 + r.normal() * 5)));
  }
  if (unit.profile === "residential") {
    const [lo, hi] = r.weighted<readonly [number, number]>([
      [[24, 50], 28],
      [[50, 65], 34],
      [[65, 80], 32],
      [[80, 88], 6],
    ]);
    return r.int(lo, hi);
  }
  if (ARMED.includes(unit.profile)) return r.int(22, 52);
  return Math.min(59, Math.max(23, Math.round(40 + r.normal() * 9)));
}

function genderFor(r: Random, unit: UnitNode): Gender {
  const male =
    ARMED.includes(unit.profile) || /Quân sự|Công an/.test(unit.name)
      ? 0.9
      : unit.profile === "school" || unit.profile === "health" || unit.profile === "highschool"
        ? 0.38
        : unit.profile === "residential"
          ? 0.62
          : 0.6;
  return r.chance(male) ? "MALE" : "FEMALE";
}

function ethnicityFor(r: Random, unit: UnitNode): Ethnicity {
  const mix = ARMED.includes(unit.profile)
    ? ETHNIC_MIX.province
    : (ETHNIC_MIX[unit.area] ?? ETHNIC_MIX.province);
  return ETHNICITIES[r.weightedIndex(mix as number[])] as Ethnicity;
}

/** A random date in [from, from + days). */
export function dateWithin(r: Random, from: IsoDate, days: number): IsoDate {
  return addDays(from, r.int(0, Math.max(0, days - 1)));
}

/**
 * A person who belongs in `unit`: existing members (`base`, aged on `on`) or people admitted
 * on `on` (18–40, priority groups visible: workers, students, enterprise employees).
 */
export function makePerson(
  r: Random,
  unit: UnitNode,
  on: IsoDate,
  mode: PersonMode,
  serial: number,
  book: AddressBook,
): Person {
  const age = ageFor(r, unit, mode);
  const birthYear = Number(on.slice(0, 4)) - age - 1;
  const monthDay = on.slice(5) === "02-29" ? "02-28" : on.slice(5);
  const birthDate = addDays(`${birthYear}-${monthDay}`, r.int(1, 365));
  const gender = genderFor(r, unit);
  const ethnicity = ethnicityFor(r, unit);
  const occupation = occupationFor(r, unit, ageOn(birthDate, on), mode);
  return {
    fullName: personName(r, ethnicity, gender),
    gender,
    birthDate,
    ethnicity,
    occupation,
    phone: r.chance(0.93) ? phoneNumber(r) : null,
    address: addressFor(r, unit, book),
    serial,
  };
}

export function personNationalId(p: Person): string {
  return nationalId(p.birthDate, p.gender, p.serial);
}

// ───────────────────────────── member records ─────────────────────────────

export interface AssignmentRec {
  id: number;
  member: MemberRec;
  unit: UnitNode;
  from: IsoDate;
  to: IsoDate | null;
  temporary: boolean;
}

export type ExitKind = Extract<
  MemberEventKind,
  "DECEASED" | "TRANSFERRED_OUT" | "REMOVED" | "RESIGNED"
>;

export interface ExitRec {
  kind: ExitKind;
  date: IsoDate;
  reason: string | null;
  unit: UnitNode;
}

export interface MemberRec {
  /** Creation order; stable tie-breaker. */
  idx: number;
  id: number;
  person: Person;
  entry: "BASE" | "ADMITTED" | "TRANSFERRED_IN";
  /** When the member entered this province's records (admission or transfer in). */
  entryDate: IsoDate;
  admittedOn: IsoDate;
  /** The cell that admitted (or received) the member. */
  entryUnit: UnitNode;
  /** Months the probation was extended (0 = none). */
  extensionMonths: number;
  extendedOn: IsoDate | null;
  officialOn: IsoDate;
  exit: ExitRec | null;
  assignments: AssignmentRec[];
  current: AssignmentRec | null;
  temp: AssignmentRec | null;
  /** Never leaves the demo secretary's cell (names the search tests rely on). */
  protected: boolean;
  /** Admissions: decision number, filled in date order. */
  decisionNo: string | null;
  /** Transfers in: the province the member came from. */
  origin?: string;
}

const probationEnds = new Map<string, IsoDate>();

/** `probationEnd` of the shared rules, memoised (the generator asks for the same dates often). */
export function probationEndOf(admittedOn: IsoDate, extensionMonths = 0): IsoDate {
  const k = `${admittedOn}+${extensionMonths}`;
  let end = probationEnds.get(k);
  if (end === undefined) {
    end = probationEnd(admittedOn, extensionMonths);
    probationEnds.set(k, end);
  }
  return end;
}

export function recognitionDates(
  r: Random,
  admittedOn: IsoDate,
  extend: boolean,
): { extensionMonths: number; extendedOn: IsoDate | null; officialOn: IsoDate } {
  const end = probationEndOf(admittedOn);
  if (!extend)
    return { extensionMonths: 0, extendedOn: null, officialOn: addDays(end, r.int(0, 40)) };
  const months = r.pick([6, 12]);
  const extendedOn = addDays(end, r.int(0, 25));
  return {
    extensionMonths: months,
    extendedOn,
    officialOn: addDays(probationEndOf(admittedOn, months), r.int(0, 40)),
  };
}
