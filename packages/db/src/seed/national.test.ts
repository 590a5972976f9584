import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client.ts";
import { verifyPassword } from "../password.ts";
import { rollupDrift } from "../rollups.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import {
  NATIONAL_SCALE,
  NationalSeedError,
  secondaryIndexes,
  seedNational,
  type NationalScale,
  type NationalSummary,
} from "./national.ts";
import { planNational } from "./national-plan.ts";
import { memberTables, smallTables, unitTables } from "./national-rows.ts";
import { rngFactory } from "./rng.ts";

const TODAY = "2026-11-20";
const TINY: Partial<NationalScale> = {
  provinces: ["HN", "NT"],
  members: 3_000,
  grassroots: 40,
  committees: [4, 5],
  admissionsPerYear: 120,
};
const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, "..", "..");

/** SHA-256 of every COPY chunk of every table, for a tiny plan. */
function digest(seed: number): string {
  const rngOf = rngFactory(seed);
  const plan = planNational(rngOf, seed, TODAY, { ...NATIONAL_SCALE, ...TINY });
  const ctx = { plan, rngOf, passwordHash: "x" };
  const hash = createHash("sha256");
  for (const t of [...unitTables(ctx), ...smallTables(ctx), ...memberTables(ctx)]) {
    hash.update(t.table);
    for (const chunk of t.chunks(() => {})) hash.update(chunk);
  }
  return hash.digest("hex");
}

describe("national seed without a database", () => {
  it("refuses the national scale without DATABASE_URL, before opening the embedded database", () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "dangbo-national-")), "data");
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      const run = spawnSync(
        process.execPath,
        ["--import", "tsx", "src/cli/seed.ts", "--scale", "national"],
        { cwd: packageDir, env, encoding: "utf8", timeout: 60_000 },
      );
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^The national scale needs PostgreSQL: set DATABASE_URL/);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      rmSync(dirname(dataDir), { recursive: true, force: true });
    }
  });

  it("is deterministic for a seed and today, and differs for another seed", () => {
    const a = digest(7);
    expect(digest(7)).toBe(a);
    expect(digest(8)).not.toBe(a);
  });

  it("plans ~60k grassroots organisations and 5.5M members over 63 provinces of 50k–150k", () => {
    const plan = planNational(rngFactory(1), 1, TODAY, NATIONAL_SCALE);
    expect(plan.provinces).toHaveLength(63);
    const sizes = plan.provinces.map((p) => p.members);
    expect(Math.min(...sizes)).toBeGreaterThan(45_000);
    expect(Math.max(...sizes)).toBeLessThan(160_000);
    expect(Math.abs(plan.totalMembers - 5_500_000)).toBeLessThan(100_000);
    const grassroots = plan.units.filter(
      (u) => u.kind === "GRASSROOTS_COMMITTEE" || u.kind === "GRASSROOTS_CELL",
    ).length;
    expect(grassroots).toBe(60_000);
    const perCell = plan.totalMembers / plan.cells.length;
    expect(perCell).toBeGreaterThan(20);
    expect(perCell).toBeLessThan(35);
    for (const p of plan.provinces) {
      const n = p.committeeTo - p.committeeFrom;
      expect(n).toBeGreaterThanOrEqual(10);
      expect(n).toBeLessThanOrEqual(13);
    }
    // ~200k admissions a year nationally (a full past year).
    const y = plan.years.indexOf(2025);
    const admitted2025 = plan.committees.reduce((s, c) => s + (c.admitted[y] as number), 0);
    expect(admitted2025).toBeGreaterThan(170_000);
    expect(admitted2025).toBeLessThan(240_000);
  });
});

const ADMISSIONS_PER_PROVINCE_YEAR = `
  SELECT c.ancestor_id AS unit_id, EXTRACT(YEAR FROM e.effective_on)::int AS year, count(*)::int AS n
  FROM member_event e
  JOIN org_unit_closure c ON c.descendant_id = e.unit_id
   AND c.valid_from <= e.effective_on AND (c.valid_to IS NULL OR c.valid_to > e.effective_on)
  JOIN org_unit p ON p.id = c.ancestor_id AND p.kind = 'PROVINCIAL_COMMITTEE'
  WHERE e.kind = 'ADMITTED'
  GROUP BY 1, 2`;

describe.skipIf(!process.env.TEST_DATABASE_URL)("national seed on PostgreSQL (tiny scale)", () => {
  let test: TestDatabase;
  let db: Database;
  let url: string;
  let summary: NationalSummary;
  const lines: string[] = [];

  const one = async (sql: string, params: unknown[] = []) => {
    const [row] = await db.query<Record<string, unknown>>(sql, params);
    return Number(Object.values(row ?? {})[0]);
  };

  beforeAll(async () => {
    test = await createTestDatabase("postgres");
    db = test.db;
    const [row] = await db.query<{ name: string }>("SELECT current_database() AS name");
    const parsed = new URL(process.env.TEST_DATABASE_URL as string);
    parsed.pathname = `/${row?.name}`;
    url = parsed.toString();
    summary = await seedNational({ url, today: TODAY, scale: TINY, log: (l) => lines.push(l) });
  });

  afterAll(async () => {
    await test?.drop();
  });

  it("prints progress and phase times", () => {
    expect(lines.some((l) => /^national: member [\d,]+ rows \(/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^national: phases plan .*; total /);
    expect(summary.phases.map((p) => p.phase)).toContain("closure");
  });

  it("builds root → provinces → committees → grassroots → cells", async () => {
    const shapes = await db.query<{ kind: string; parent: string | null; n: number }>(
      `SELECT u.kind, p.kind AS parent, count(*)::int AS n FROM org_unit u
       LEFT JOIN org_unit p ON p.id = u.parent_id GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const allowed: Record<string, (string | null)[]> = {
      DIRECT_COMMITTEE: [null, "PROVINCIAL_COMMITTEE"],
      PROVINCIAL_COMMITTEE: ["DIRECT_COMMITTEE"],
      DISTRICT_COMMITTEE: ["PROVINCIAL_COMMITTEE"],
      BLOCK_COMMITTEE: ["PROVINCIAL_COMMITTEE"],
      GRASSROOTS_COMMITTEE: ["DISTRICT_COMMITTEE", "BLOCK_COMMITTEE", "DIRECT_COMMITTEE"],
      GRASSROOTS_CELL: ["DISTRICT_COMMITTEE", "BLOCK_COMMITTEE", "DIRECT_COMMITTEE"],
      CELL: ["GRASSROOTS_COMMITTEE"],
    };
    for (const s of shapes)
      expect(allowed[s.kind], `${s.kind} under ${s.parent}`).toContain(s.parent);
    const root = await db.query<{ code: string; name: string; kind: string }>(
      "SELECT code, name, kind FROM org_unit WHERE parent_id IS NULL",
    );
    expect(root).toEqual([
      { code: "TW", name: "Ban Chấp hành Trung ương Đảng", kind: "DIRECT_COMMITTEE" },
    ]);
    const provinces = await db.query<{ code: string; name: string }>(
      "SELECT code, name FROM org_unit WHERE kind = 'PROVINCIAL_COMMITTEE' ORDER BY code",
    );
    expect(provinces).toEqual([
      { code: "HN", name: "Đảng bộ thành phố Hà Nội" },
      { code: "NT", name: "Đảng bộ tỉnh Ninh Thuận" },
    ]);
    const cells = await db.query<{ min: number; max: number }>(
      `SELECT min(n)::int AS min, max(n)::int AS max FROM (
         SELECT g.id, count(c.id) AS n FROM org_unit g JOIN org_unit c ON c.parent_id = g.id
         WHERE g.kind = 'GRASSROOTS_COMMITTEE' GROUP BY g.id) x`,
    );
    expect(cells[0]?.min).toBeGreaterThanOrEqual(2);
    expect(cells[0]?.max).toBeLessThanOrEqual(6);
    expect(
      await one(
        "SELECT count(*) FROM org_unit WHERE kind IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL')",
      ),
    ).toBe(40);
    // Names keep their diacritics; name_search folds them.
    expect(
      await one(
        "SELECT count(*) FROM org_unit WHERE name_search <> lower(name_search) OR name_search ~ '[àáảãạđ]'",
      ),
    ).toBe(0);
  });

  it("has a closure row for every ancestor of every unit", async () => {
    // root 1, province 2, committee 3, grassroots 4, cell 5 rows (itself and its ancestors).
    const expected = await one(
      `SELECT sum(CASE kind WHEN 'PROVINCIAL_COMMITTEE' THEN 2 WHEN 'DISTRICT_COMMITTEE' THEN 3
         WHEN 'BLOCK_COMMITTEE' THEN 3 WHEN 'GRASSROOTS_COMMITTEE' THEN 4 WHEN 'GRASSROOTS_CELL' THEN 4
         WHEN 'CELL' THEN 5 ELSE CASE WHEN parent_id IS NULL THEN 1 ELSE 3 END END) FROM org_unit`,
    );
    expect(await one("SELECT count(*) FROM org_unit_closure")).toBe(expected);
    expect(
      await one(
        `SELECT count(*) FROM org_unit u WHERE NOT EXISTS (SELECT 1 FROM org_unit_closure c
           JOIN org_unit r ON r.id = c.ancestor_id AND r.parent_id IS NULL WHERE c.descendant_id = u.id)`,
      ),
    ).toBe(0);
  });

  it("puts the planned members in each province, each with an open assignment and an ADMITTED event", async () => {
    const { plan } = summary;
    expect(await one("SELECT count(*) FROM member")).toBe(plan.totalMembers);
    expect(summary.counts.member).toBe(plan.totalMembers);
    for (const p of plan.provinces) {
      const n = await one(
        `SELECT count(*) FROM member m JOIN org_unit_closure c ON c.descendant_id = m.unit_id
         WHERE c.ancestor_id = $1`,
        [p.unitId],
      );
      expect(n, p.def.code).toBe(p.members);
    }
    expect(plan.provinces.reduce((s, p) => s + p.members, 0)).toBe(plan.totalMembers);
    // Members only in member-holding units.
    expect(
      await one(
        "SELECT count(*) FROM member m JOIN org_unit u ON u.id = m.unit_id WHERE u.kind NOT IN ('CELL', 'GRASSROOTS_CELL')",
      ),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM member m WHERE (SELECT count(*) FROM member_assignment a
           WHERE a.member_id = m.id AND a.valid_to IS NULL AND NOT a.temporary AND a.unit_id = m.unit_id
             AND a.valid_from <= $1::date) <> 1`,
        [TODAY],
      ),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM member m WHERE NOT EXISTS (SELECT 1 FROM member_event e
           WHERE e.member_id = m.id AND e.kind = 'ADMITTED' AND e.unit_id = m.unit_id
             AND e.effective_on = m.admitted_on AND e.decision_no IS NOT NULL)`,
      ),
    ).toBe(0);
    expect(await one("SELECT count(*) FROM member_event WHERE kind = 'ADMITTED'")).toBe(
      plan.totalMembers,
    );
    // Official after 12 months of probation; probationary until then.
    expect(
      await one(
        `SELECT count(*) FROM member WHERE probation_ends_on IS NULL
           OR (probation_ends_on <= $1::date) <> (official_on IS NOT NULL AND status = 'OFFICIAL')
           OR (official_on IS NULL) <> (status = 'PROBATIONARY')`,
        [TODAY],
      ),
    ).toBe(0);
    expect(
      await one(
        "SELECT count(*) FROM member WHERE admitted_on > $1::date OR birth_date > admitted_on - 6570",
        [TODAY],
      ),
    ).toBe(0);
  });

  it("admits year by year what the plan says, and the rollup agrees with a live aggregate", async () => {
    const { plan } = summary;
    const live = await db.query<{ unit_id: number; year: number; n: number }>(
      ADMISSIONS_PER_PROVINCE_YEAR,
    );
    const rollup = await db.query<{ unit_id: number; year: number; n: number }>(
      `SELECT r.unit_id, r.year, sum(r.admitted)::int AS n FROM admission_rollup r
       JOIN org_unit p ON p.id = r.unit_id AND p.kind = 'PROVINCIAL_COMMITTEE' GROUP BY 1, 2`,
    );
    const key = (r: { unit_id: number; year: number; n: number }) =>
      `${r.unit_id}:${r.year}:${r.n}`;
    expect(rollup.map(key).sort()).toEqual(live.map(key).sort());
    expect(live.length).toBeGreaterThan(plan.years.length * plan.provinces.length);
    for (const p of plan.provinces) {
      plan.years.forEach((year, y) => {
        let planned = 0;
        for (let c = p.committeeFrom; c < p.committeeTo; c++)
          planned += plan.committees[c]?.admitted[y] as number;
        const row = live.find((r) => r.unit_id === p.unitId && r.year === year);
        expect(row?.n ?? 0, `${p.def.code} ${year}`).toBe(planned);
      });
    }
    // The national total and every other level: no drift at all.
    expect(await rollupDrift(db, TODAY)).toEqual([]);
    const national = await one(
      `SELECT sum(admitted) FROM admission_rollup r JOIN org_unit u ON u.id = r.unit_id AND u.parent_id IS NULL
       WHERE r.year = 2025`,
    );
    expect(national).toBe(live.filter((r) => r.year === 2025).reduce((s, r) => s + r.n, 0));
  });

  it("assigns targets per year to the root, the provinces and their committees, adding up", async () => {
    const { plan } = summary;
    const years = plan.years.length;
    expect(await one("SELECT count(*) FROM admission_target")).toBe(
      years * (1 + plan.provinces.length + plan.committees.length),
    );
    expect(
      await one(
        `SELECT count(*) FROM admission_target t JOIN org_unit u ON u.id = t.unit_id
         WHERE t.target <> (SELECT sum(s.target) FROM admission_target s JOIN org_unit c ON c.id = s.unit_id
                            WHERE c.parent_id = u.id AND s.year = t.year)`,
      ),
    ).toBe(0);
  });

  it("logs a year of monthly and quarterly meetings in every cell, with attendance counts", async () => {
    const holding = await one(
      "SELECT count(*) FROM org_unit WHERE kind IN ('CELL', 'GRASSROOTS_CELL')",
    );
    const byMonth = await db.query<{ month: string; regular: number; thematic: number }>(
      `SELECT to_char(held_on, 'YYYY-MM') AS month,
              count(DISTINCT unit_id) FILTER (WHERE kind = 'REGULAR')::int AS regular,
              count(*) FILTER (WHERE kind = 'THEMATIC')::int AS thematic
       FROM meeting GROUP BY 1 ORDER BY 1`,
    );
    // Twelve full months before today's month, and today's month up to today.
    expect(byMonth.map((m) => m.month)).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
    for (const m of byMonth.slice(0, 12)) expect(m.regular / holding).toBeGreaterThan(0.95);
    // Each cell: one thematic meeting per full quarter (a few cells skip some).
    const thematic = await db.query<{ q: string; cells: number }>(
      `SELECT to_char(held_on, 'YYYY-Q') AS q, count(DISTINCT unit_id)::int AS cells FROM meeting
       WHERE kind = 'THEMATIC' AND held_on >= '2026-01-01' AND held_on < '2026-10-01' GROUP BY 1 ORDER BY 1`,
    );
    expect(thematic).toHaveLength(3);
    for (const q of thematic) expect(q.cells / holding).toBeGreaterThan(0.9);
    expect(await one("SELECT count(*) FROM meeting WHERE held_on > $1::date", [TODAY])).toBe(0);
    expect(await one("SELECT count(*) FROM meeting_attendance")).toBe(0);
    // Counts never exceed the cell's members on the day.
    expect(
      await one(
        `SELECT count(*) FROM meeting g WHERE g.present_count + g.excused_count + g.absent_count <>
           (SELECT count(*) FROM member m WHERE m.unit_id = g.unit_id AND m.admitted_on <= g.held_on)`,
      ),
    ).toBe(0);
  });

  it("creates the demo accounts with the password demo", async () => {
    const users = await db.query<{
      username: string;
      role: string;
      code: string;
      password_hash: string;
    }>(
      `SELECT u.username, u.role, o.code, u.password_hash FROM app_user u JOIN org_unit o ON o.id = u.unit_id ORDER BY u.id`,
    );
    expect(users.map(({ username, role, code }) => ({ username, role, code }))).toEqual([
      { username: "admin", role: "ADMIN", code: "TW" },
      { username: "leader", role: "LEADER", code: "TW" },
      { username: "analyst", role: "ANALYST", code: "TW" },
      { username: "leader-nt", role: "LEADER", code: "NT" },
    ]);
    expect(await verifyPassword("demo", users[0]?.password_hash as string)).toBe(true);
    // Sequences continue after the explicit ids.
    const [next] = await db.query<{ id: number }>(
      "SELECT nextval(pg_get_serial_sequence('member', 'id'))::int AS id",
    );
    expect(next?.id).toBe(summary.plan.totalMembers + 1);
  });

  it("leaves exactly the indexes of a freshly migrated database", async () => {
    const fresh = await createTestDatabase("postgres");
    try {
      const list = (rows: { indexname: string; indexdef: string }[]) =>
        rows.map((r) => r.indexdef).sort();
      const query =
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()";
      expect(list(await db.query(query))).toEqual(list(await fresh.db.query(query)));
      expect((await secondaryIndexes(db, ["member"])).map((i) => i.name)).toContain(
        "member_code_key",
      );
    } finally {
      await fresh.drop();
    }
  });

  it("refuses a database that has data", async () => {
    await expect(
      seedNational({ url, today: TODAY, scale: TINY, passwordHash: "x" }),
    ).rejects.toThrow(NationalSeedError);
    expect(await one("SELECT count(*) FROM member")).toBe(summary.plan.totalMembers);
  });
});
