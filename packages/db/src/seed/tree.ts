import type { IsoDate, OrgUnitKind, Sector } from "@dangbo/shared";
import {
  BORDER_GUARD_UNITS,
  CELL_NAMES,
  COMMUNES,
  DISTRICT_AGENCIES,
  HIGH_SCHOOLS,
  LOWER_SECONDARY_NAMES,
  MILITARY_UNITS,
  POLICE_UNITS,
  PROVINCIAL_AGENCIES,
  PROVINCIAL_ENTERPRISES,
  REORGANISED_ON,
  SUBORDINATES,
  type CommuneDef,
  type GrassrootsDef,
  type Profile,
  type SubordinateDef,
  type SubordinateKey,
} from "./catalog.ts";
import { DEMO_FACTS } from "./facts.ts";
import type { Random, RngFactory } from "./rng.ts";

export const TREE_START: IsoDate = "2015-01-01";

export interface Period {
  parent: UnitNode | null;
  from: IsoDate;
  to: IsoDate | null;
}

export interface UnitNode {
  /** Final id (ids follow creation order). */
  id: number;
  code: string;
  name: string;
  kind: OrgUnitKind;
  sector: Sector;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  successor: UnitNode | null;
  periods: Period[];
  children: UnitNode[];
  /** The direct subordinate of the province the unit belongs to on 2024-12-31 (itself for one). */
  sub: SubordinateDef | null;
  /** The grassroots organisation of a cell (itself for a grassroots organisation). */
  grassroots: UnitNode | null;
  profile: Profile;
  /** Holds members directly (a grassroots cell or a cell). */
  holding: boolean;
  /** Planned number of active members on 2024-12-31 (holding units). */
  weight: number;
  /** District key for addresses and the ethnic mix ("PR" … or "province"). */
  area: string;
  commune: CommuneDef | null;
  /** "thôn Vĩnh Hy" / "khu phố 3" for residential cells. */
  village: string | null;
  /** For grassroots organisations of the old blocks: the new block from 2025-02-01. */
  moveTo: SubordinateKey | null;
}

export interface Tree {
  units: UnitNode[];
  byCode: Map<string, UnitNode>;
  province: UnitNode;
  subs: Map<SubordinateKey, UnitNode>;
  /** All member-holding units (cells and grassroots cells), in id order. */
  holding: UnitNode[];
  /** All grassroots organisations, in id order. */
  grassroots: UnitNode[];
}

export function isValidOn(unit: UnitNode, date: IsoDate): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date < unit.validTo);
}

export function parentOn(unit: UnitNode, date: IsoDate): UnitNode | null {
  for (const p of unit.periods) {
    if (p.from <= date && (p.to === null || date < p.to)) return p.parent;
  }
  return null;
}

/** The direct subordinate of the province that `unit` is under on `date`. */
export function subordinateOn(unit: UnitNode, date: IsoDate): UnitNode | null {
  let current: UnitNode | null = unit;
  while (current) {
    const parent = parentOn(current, date);
    if (parent && parent.kind === "PROVINCIAL_COMMITTEE") return current;
    if (!parent) return null;
    current = parent;
  }
  return null;
}

const ENTERPRISE_FORMS = ["Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã", "Công ty TNHH MTV"];
const ENTERPRISE_ACTIVITIES = [
  "Thủy sản",
  "Xây dựng",
  "Thương mại - Dịch vụ",
  "Nông nghiệp công nghệ cao",
  "Vật liệu xây dựng",
  "Du lịch",
  "Vận tải",
  "Chế biến nông sản",
  "Năng lượng tái tạo",
  "Muối và thương mại",
  "May mặc",
];

/** Members per unit relative to a district's: provincial agencies and the police are bigger. */
const SIZE_FACTOR: Partial<Record<SubordinateKey, number>> = {
  KCQ: 1.9,
  KDN: 1.6,
  CA: 1.3,
  QS: 1.2,
  BA: 0.8,
};

const VILLAGE_POOL = [
  "An Thạnh",
  "Phú Thọ",
  "Hòa Bình",
  "Tân Lập",
  "Đông Thành",
  "Tây Thành",
  "Bình Minh",
  "Thạnh Mỹ",
  "Mỹ Thuận",
  "Hiệp Thành",
  "Phước Lộc",
  "Tân Hội",
  "Phú Hòa",
  "Hòa Thuận",
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Raw size weight of a holding unit, before scaling to the province's total. */
function holdingWeight(rng: Random, profile: Profile, grassrootsCell: boolean): number {
  const [lo, hi] = ((): [number, number] => {
    switch (profile) {
      case "residential":
        return [11, 27];
      case "commune":
        return [9, 22];
      case "police":
        return [20, 40];
      case "borderGuard":
        return [16, 34];
      case "military":
        return [14, 34];
      case "health":
        return [10, 22];
      case "stateEnterprise":
      case "bank":
        return [9, 20];
      case "privateEnterprise":
        return [8, 14];
      case "school":
      case "highschool":
      case "college":
        return [8, 16];
      default:
        return [8, 17];
    }
  })();
  const w = rng.float(lo, hi);
  return grassrootsCell ? w * 1.25 : w;
}

/**
 * Builds the province's tree: 435 grassroots organisations under 12 direct subordinates on
 * 2024-12-31, the 2025 streamlining (two blocks dissolved into two new ones), one cell merged
 * into its neighbour and one new cell in 2025.
 */
export function buildTree(rngOf: RngFactory): Tree {
  const rng = rngOf("tree");
  const units: UnitNode[] = [];
  const add = (
    u: Omit<UnitNode, "id" | "children" | "periods" | "successor">,
    parent: UnitNode | null,
  ): UnitNode => {
    const node: UnitNode = {
      ...u,
      id: units.length + 1,
      children: [],
      periods: [],
      successor: null,
    };
    node.periods.push({ parent, from: node.validFrom, to: node.validTo });
    if (parent) parent.children.push(node);
    units.push(node);
    return node;
  };

  const province = add(
    {
      code: DEMO_FACTS.provinceCode,
      name: DEMO_FACTS.provinceName,
      kind: "PROVINCIAL_COMMITTEE",
      sector: "STATE_AGENCY",
      validFrom: TREE_START,
      validTo: null,
      sub: null,
      grassroots: null,
      profile: "agency",
      holding: false,
      weight: 0,
      area: "province",
      commune: null,
      village: null,
      moveTo: null,
    },
    null,
  );

  const subs = new Map<SubordinateKey, UnitNode>();
  const initialSubs = SUBORDINATES.filter((s) => s.validFrom === TREE_START);
  for (const def of initialSubs) {
    subs.set(
      def.key,
      add(
        {
          code: def.code,
          name: def.name,
          kind: def.kind,
          sector: def.sector,
          validFrom: def.validFrom,
          validTo: def.validTo,
          sub: def,
          grassroots: null,
          profile: def.key === "CA" ? "police" : def.sector === "MILITARY" ? "military" : "agency",
          holding: false,
          weight: 0,
          area: def.area ? def.key : "province",
          commune: null,
          village: null,
          moveTo: null,
        },
        province,
      ),
    );
  }

  const usedSchoolNames = new Set<string>();

  for (const def of initialSubs) {
    const subNode = subs.get(def.key) as UnitNode;
    const area = def.area ? def.key : "province";
    let seq = 0;

    const addGrassroots = (
      spec: GrassrootsDef,
      committee: boolean,
      commune: CommuneDef | null,
      fullName: string,
    ): UnitNode => {
      seq += 1;
      const node = add(
        {
          code: `${def.code}.${pad(seq, 3)}`,
          name: `${committee ? "Đảng bộ" : "Chi bộ"} ${fullName}`,
          kind: committee ? "GRASSROOTS_COMMITTEE" : "GRASSROOTS_CELL",
          sector: spec.sector,
          validFrom: TREE_START,
          validTo: null,
          sub: def,
          grassroots: null,
          profile: spec.profile,
          holding: !committee,
          weight: 0,
          area,
          commune,
          village: null,
          moveTo: spec.moveTo ?? null,
        },
        subNode,
      );
      node.grassroots = node;
      if (!committee)
        node.weight = holdingWeight(rng, spec.profile, true) * (SIZE_FACTOR[def.key] ?? 1);
      return node;
    };

    const addCell = (
      parent: UnitNode,
      seqNo: number,
      name: string,
      profile: Profile,
      village: string | null,
    ): UnitNode =>
      add(
        {
          code: `${parent.code}.${pad(seqNo, 2)}`,
          name: `Chi bộ ${name}`,
          kind: "CELL",
          sector: village ? "RESIDENTIAL" : parent.sector,
          validFrom: TREE_START,
          validTo: null,
          sub: def,
          grassroots: parent,
          profile,
          holding: true,
          weight: holdingWeight(rng, profile, false) * (SIZE_FACTOR[def.key] ?? 1),
          area,
          commune: parent.commune,
          village,
          moveTo: null,
        },
        parent,
      );

    const addCommitteeCells = (node: UnitNode, profile: Profile) => {
      const names = CELL_NAMES[profile];
      const count = Math.min(
        names.length,
        rng.weighted<number>([
          [2, 30],
          [3, 35],
          [4, 22],
          [5, 10],
          [6, 3],
        ]),
      );
      for (let i = 0; i < count; i++) addCell(node, i + 1, `${names[i]}`, profile, null);
    };

    const specs: { spec: GrassrootsDef; name: string }[] = [];
    const communes = COMMUNES[def.key] ?? [];
    if (def.area) {
      // Communes and wards first: always grassroots committees with village cells.
      for (const commune of communes) {
        const label = `${commune.type} ${commune.name}`;
        const node = addGrassroots(
          { name: label, sector: "COMMUNE_WARD", profile: "commune", size: "L" },
          true,
          commune,
          label,
        );
        const villageCount = commune.cells ?? (def.key === "BA" ? rng.int(6, 8) : rng.int(6, 13));
        const villages: string[] = [];
        if (commune.type === "xã") {
          const pool = [
            ...(commune.villages ?? []),
            ...VILLAGE_POOL.filter((v) => !(commune.villages ?? []).includes(v)),
          ];
          for (let i = 0; i < villageCount; i++) villages.push(`thôn ${pool[i % pool.length]}`);
        } else {
          for (let i = 0; i < villageCount; i++) villages.push(`khu phố ${i + 1}`);
        }
        villages.forEach((v, i) => addCell(node, i + 1, v, "residential", v));
        const agencyCells = rng.int(2, 3);
        for (let i = 0; i < agencyCells; i++) {
          const cellName = CELL_NAMES.commune[i] as string;
          addCell(node, villageCount + i + 1, `${cellName} ${label}`, "commune", null);
        }
      }
      const others = def.grassroots - communes.length;
      const short = (def.area ?? "").replace(/^(huyện|thành phố) /, "");
      const fill = (template: string) =>
        template
          .replace("{area}", def.area ?? "")
          .replace("{short}", short)
          .replace("{committee}", def.key === "PR" ? "Thành ủy" : "Huyện ủy");
      const agencies = Math.min(DISTRICT_AGENCIES.length, Math.round(others * 0.5));
      for (const spec of DISTRICT_AGENCIES.slice(0, agencies))
        specs.push({ spec, name: fill(spec.name) });
      for (const school of HIGH_SCHOOLS[def.key] ?? []) {
        if (specs.length >= others) break;
        specs.push({
          spec: { name: school, sector: "SCHOOL", profile: "highschool", size: "M" },
          name: school.startsWith("Phổ thông")
            ? `Trường ${school}`
            : `Trường Trung học phổ thông ${school}`,
        });
      }
      const enterprises = Math.round(others * 0.14);
      const counters = [0, 0, 0];
      let k = 0;
      while (specs.length < others - enterprises) {
        const kind = k % 3;
        const n = counters[kind] as number;
        counters[kind] = n + 1;
        let name: string;
        if (kind === 0) {
          const base = LOWER_SECONDARY_NAMES.find((x) => !usedSchoolNames.has(x));
          if (base) usedSchoolNames.add(base);
          name = `Trường Trung học cơ sở ${base ?? `số ${n + 1} ${short}`}`;
        } else {
          const commune = communes[n % Math.max(1, communes.length)];
          const round = Math.floor(n / Math.max(1, communes.length));
          name = `Trường ${kind === 1 ? "Tiểu học" : "Mẫu giáo"} ${commune ? commune.name : short}${round > 0 ? ` ${round + 1}` : ""}`;
        }
        specs.push({ spec: { name, sector: "SCHOOL", profile: "school", size: "S" }, name });
        k += 1;
      }
      let e = 0;
      while (specs.length < others) {
        const commune = communes[(e * 3 + 1) % Math.max(1, communes.length)];
        const place = commune ? commune.name : short;
        const form = ENTERPRISE_FORMS[e % ENTERPRISE_FORMS.length] as string;
        const activity = ENTERPRISE_ACTIVITIES[
          (e * 7 + def.key.length) % ENTERPRISE_ACTIVITIES.length
        ] as string;
        const name =
          form === "Hợp tác xã"
            ? `Hợp tác xã Dịch vụ nông nghiệp ${place}`
            : `${form} ${activity} ${place}`;
        e += 1;
        specs.push({
          spec: { name, sector: "NON_STATE_ENTERPRISE", profile: "privateEnterprise", size: "S" },
          name,
        });
      }
    } else {
      const list =
        def.key === "KCQ"
          ? PROVINCIAL_AGENCIES
          : def.key === "KDN"
            ? PROVINCIAL_ENTERPRISES
            : def.key === "CA"
              ? POLICE_UNITS
              : def.key === "BP"
                ? BORDER_GUARD_UNITS
                : MILITARY_UNITS;
      for (const spec of list) specs.push({ spec, name: spec.name });
    }
    if (specs.length + communes.length !== def.grassroots) {
      throw new Error(
        `${def.code}: ${specs.length + communes.length} grassroots organisations, expected ${def.grassroots}`,
      );
    }
    for (const { spec, name } of specs) {
      const small =
        spec.profile === "school" ? 0.12 : spec.profile === "privateEnterprise" ? 0.3 : 0.5;
      const p = spec.size === "L" ? 1 : spec.size === "M" ? 0.85 : small;
      const committee = rng.chance(p);
      const node = addGrassroots(spec, committee, null, name);
      if (committee) addCommitteeCells(node, spec.profile);
    }
  }

  // 2025: the streamlining. Two new blocks take over the grassroots organisations of the old ones.
  const reorganised = REORGANISED_ON;
  for (const def of SUBORDINATES.filter((s) => s.validFrom !== TREE_START)) {
    subs.set(
      def.key,
      add(
        {
          code: def.code,
          name: def.name,
          kind: def.kind,
          sector: def.sector,
          validFrom: def.validFrom,
          validTo: def.validTo,
          sub: def,
          grassroots: null,
          profile: "agency",
          holding: false,
          weight: 0,
          area: "province",
          commune: null,
          village: null,
          moveTo: null,
        },
        province,
      ),
    );
  }
  const kcq = subs.get("KCQ") as UnitNode;
  const kdn = subs.get("KDN") as UnitNode;
  kcq.successor = subs.get("CQD") as UnitNode;
  kdn.successor = subs.get("UB") as UnitNode;
  for (const old of [kcq, kdn]) {
    for (const child of old.children) {
      const target = subs.get(child.moveTo ?? "UB") as UnitNode;
      (child.periods[0] as Period).to = reorganised;
      child.periods.push({ parent: target, from: reorganised, to: null });
      target.children.push(child);
    }
    old.children = [];
  }

  const byCode = new Map(units.map((u) => [u.code, u]));

  // 2025-07-01: a ward's residential cell is merged into its neighbour.
  const [mergedCode, intoCode] = DEMO_FACTS.mergedCellCodes;
  const merged = byCode.get(mergedCode) as UnitNode;
  const into = byCode.get(intoCode) as UnitNode;
  merged.validTo = DEMO_FACTS.mergedOn;
  (merged.periods[0] as Period).to = DEMO_FACTS.mergedOn;
  merged.successor = into;

  // 2025-03-01: a new cell is split off in the city's health centre.
  const health = units.find(
    (u) => u.kind === "GRASSROOTS_COMMITTEE" && u.profile === "health" && u.sub?.key === "PR",
  ) as UnitNode;
  const newCell = add(
    {
      code: `${health.code}.${pad(health.children.length + 1, 2)}`,
      name: "Chi bộ Khoa Hồi sức tích cực - Chống độc",
      kind: "CELL",
      sector: health.sector,
      validFrom: "2025-03-01",
      validTo: null,
      sub: health.sub,
      grassroots: health,
      profile: "health",
      holding: true,
      weight: 0,
      area: health.area,
      commune: null,
      village: null,
      moveTo: null,
    },
    health,
  );
  byCode.set(newCell.code, newCell);

  scaleWeights(units);
  return {
    units,
    byCode,
    province,
    subs,
    holding: units.filter((u) => u.holding),
    grassroots: units.filter(
      (u) => u.kind === "GRASSROOTS_COMMITTEE" || u.kind === "GRASSROOTS_CELL",
    ),
  };
}

/** Scales planned sizes so that they add up to the province's members at the end of 2024. */
function scaleWeights(units: UnitNode[]): void {
  const holding = units.filter((u) => u.holding && u.validFrom <= DEMO_FACTS.activeOn);
  const secretary = holding.find((u) => u.code === DEMO_FACTS.secretaryCellCode) as UnitNode;
  secretary.weight = 16;
  const others = holding.filter((u) => u !== secretary);
  const goal = DEMO_FACTS.membersEndOf2024 - secretary.weight;
  for (let round = 0; round < 6; round++) {
    const sum = others.reduce((a, u) => a + u.weight, 0);
    const factor = goal / sum;
    for (const u of others) u.weight = Math.min(36, Math.max(11, u.weight * factor));
  }
}
