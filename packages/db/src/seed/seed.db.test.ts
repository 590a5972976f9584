import { randomBytes } from "node:crypto";
import { percentOfTarget } from "@dangbo/shared";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../client.ts";
import { migrate } from "../migrate.ts";
import { verifyPassword } from "../password.ts";
import { DEMO_FACTS, DEMO_USERS, isDatabaseEmpty, seedDemo, type SeedSummary } from "./index.ts";
import { verifyForeignKeys } from "./writer.ts";

const TODAY = "2026-11-20";

/** Admitted members of a unit's subtree in a year, each admission counted where its cell was on that day. */
const ADMITTED_SQL = `
  SELECT count(*)::int AS n FROM member_event e
  JOIN org_unit_closure c ON c.descendant_id = e.unit_id AND c.ancestor_id = $1
   AND c.valid_from <= e.effective_on AND (c.valid_to IS NULL OR c.valid_to > e.effective_on)
  WHERE e.kind = 'ADMITTED' AND e.effective_on >= make_date($2, 1, 1) AND e.effective_on < make_date($2 + 1, 1, 1)`;

/** Members with a primary assignment in the subtree on a date (the tree as of that date). */
const ACTIVE_SQL = `
  SELECT count(DISTINCT a.member_id)::int AS n FROM member_assignment a
  JOIN org_unit_closure c ON c.descendant_id = a.unit_id AND c.ancestor_id = $1
   AND c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to > $2::date)
  WHERE NOT a.temporary AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)`;

const GRASSROOTS_SQL = `
  SELECT count(*)::int AS n FROM org_unit u
  JOIN org_unit_closure c ON c.descendant_id = u.id AND c.ancestor_id = $1
   AND c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to > $2::date)
  WHERE u.kind IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL')`;

const COUNTED_TABLES = [
  "org_unit",
  "member",
  "member_event",
  "meeting",
  "meeting_attendance",
  "app_user",
  "candidate",
];

function seededDatabaseSuite(
  label: string,
  open: () => Promise<{ db: Database; cleanup: () => Promise<void> }>,
) {
  describe(`demo seed on ${label}`, () => {
    let db: Database;
    let cleanup: () => Promise<void>;
    let summary: SeedSummary;
    const ids = new Map<string, number>();

    const one = async (sql: string, params: unknown[] = []) => {
      const [row] = await db.query<{ n: number | string }>(sql, params);
      return Number(row?.n);
    };
    const admitted = (code: string, year: number) => one(ADMITTED_SQL, [ids.get(code), year]);
    const target = (code: string, year: number) =>
      one("SELECT target AS n FROM admission_target WHERE unit_id = $1 AND year = $2", [
        ids.get(code),
        year,
      ]);

    beforeAll(async () => {
      ({ db, cleanup } = await open());
      await migrate(db);
      expect(await isDatabaseEmpty(db)).toBe(true);
      const lines: string[] = [];
      summary = await seedDemo(db, { today: TODAY, log: (line) => lines.push(line) });
      console.log(`seed on ${label}: ${(summary.ms / 1000).toFixed(1)} s\n  ${lines.join("\n  ")}`);
      const units = await db.query<{ id: number; code: string }>(
        "SELECT id, code FROM org_unit WHERE kind <> 'CELL'",
      );
      for (const u of units) ids.set(u.code, u.id);
    });

    afterAll(async () => {
      await cleanup?.();
    });

    it("reports per table and is no longer empty", async () => {
      expect(await isDatabaseEmpty(db)).toBe(false);
      expect(summary.counts.member).toBeGreaterThan(22_551);
      expect(summary.counts.meeting_attendance).toBeGreaterThan(100_000);
      expect(summary.counts.org_unit_closure).toBeGreaterThan(summary.counts.org_unit as number);
    });

    it("2024: the province admitted 853 against a target of 805 (106.0%)", async () => {
      const n = await admitted("NT", 2024);
      const t = await target("NT", 2024);
      expect([n, t]).toEqual([DEMO_FACTS.admitted, DEMO_FACTS.target]);
      expect(percentOfTarget(n, t)).toBe(106.0);
    });

    it("2024: Public Security 173.3%, Border Guard 125.0%, Ninh Hải 113.3%", async () => {
      const percent = async (code: string) =>
        percentOfTarget(await admitted(code, 2024), await target(code, 2024));
      expect(await percent(DEMO_FACTS.publicSecurityCode)).toBe(DEMO_FACTS.publicSecurityPercent);
      expect(await percent(DEMO_FACTS.borderGuardCode)).toBe(DEMO_FACTS.borderGuardPercent);
      expect(await percent(DEMO_FACTS.ninhHaiCode)).toBe(DEMO_FACTS.ninhHaiPercent);
      expect(await percent(DEMO_FACTS.bacAiCode)).toBe(DEMO_FACTS.bacAiPercent);
      for (const s of DEMO_FACTS.subordinates2024) {
        expect([await admitted(s.code, 2024), await target(s.code, 2024)], s.code).toEqual([
          s.admitted,
          s.target,
        ]);
      }
    });

    it("2024: 22,551 members in 435 grassroots organisations at the end of the year", async () => {
      expect(await one(ACTIVE_SQL, [ids.get("NT"), DEMO_FACTS.activeOn])).toBe(
        DEMO_FACTS.membersEndOf2024,
      );
      expect(await one(GRASSROOTS_SQL, [ids.get("NT"), DEMO_FACTS.activeOn])).toBe(
        DEMO_FACTS.grassrootsEndOf2024,
      );
    });

    it("the dissolved blocks keep their 2024 figures although they no longer exist", async () => {
      for (const code of DEMO_FACTS.oldBlockCodes) {
        const s = DEMO_FACTS.subordinates2024.find((x) => x.code === code) as {
          admitted: number;
          target: number;
        };
        expect(await admitted(code, 2024)).toBe(s.admitted);
        expect(await target(code, 2024)).toBe(s.target);
        // Gone today: nothing below them, no 2026 target.
        expect(await one(GRASSROOTS_SQL, [ids.get(code), TODAY])).toBe(0);
        expect(
          await one(
            "SELECT count(*)::int AS n FROM admission_target WHERE unit_id = $1 AND year = 2026",
            [ids.get(code)],
          ),
        ).toBe(0);
        expect(await one(GRASSROOTS_SQL, [ids.get(code), DEMO_FACTS.activeOn])).toBeGreaterThan(0);
      }
      const moved = await one(GRASSROOTS_SQL, [ids.get("NT.CQD"), TODAY]);
      const movedToo = await one(GRASSROOTS_SQL, [ids.get("NT.UB"), TODAY]);
      expect(moved + movedToo).toBe(85);
    });

    it("the current year is under way: admissions only up to today, a fair pace", async () => {
      const n = await admitted("NT", 2026);
      const t = await target("NT", 2026);
      const evenPace = (324 / 365) * t;
      expect(n / evenPace).toBeGreaterThan(0.7);
      expect(n / evenPace).toBeLessThan(1.0);
      expect(
        await one("SELECT count(*)::int AS n FROM member_event WHERE effective_on > $1", [TODAY]),
      ).toBe(0);
      expect(await one("SELECT count(*)::int AS n FROM meeting WHERE held_on > $1", [TODAY])).toBe(
        0,
      );
    });

    it("the demo accounts sign in with the password 'demo'", async () => {
      const users = await db.query<{
        username: string;
        password_hash: string;
        role: string;
        code: string;
      }>(
        "SELECT u.username, u.password_hash, u.role, o.code FROM app_user u JOIN org_unit o ON o.id = u.unit_id ORDER BY u.id",
      );
      expect(users.map((u) => [u.username, u.role, u.code])).toEqual(
        DEMO_USERS.map((u) => [u.username, u.role, u.unitCode]),
      );
      expect(
        await verifyPassword("demo", (users[0] as { password_hash: string }).password_hash),
      ).toBe(true);
      expect(
        await one(
          "SELECT count(*)::int AS n FROM member WHERE name_search = 'nguyen van an' AND exited_on IS NULL",
        ),
      ).toBeGreaterThan(0);
    });

    it("moved the sequences past the explicit ids", async () => {
      const [row] = await db.query<{ id: number }>(
        "INSERT INTO document (number, seq, kind, issuer, issued_on, title, title_search) VALUES ('999-TB/TU', 999, 'TB', 'TU', '2026-11-20', 'x', 'x') RETURNING id",
      );
      expect(row?.id).toBe((await one("SELECT count(*)::int AS n FROM document")) as number);
      await db.query("DELETE FROM document WHERE number = '999-TB/TU'");
    });

    it("a second seed fails and changes nothing", async () => {
      const before = await Promise.all(
        COUNTED_TABLES.map((t) => one(`SELECT count(*)::int AS n FROM "${t}"`)),
      );
      await expect(seedDemo(db, { today: TODAY })).rejects.toThrow(/already has data/);
      const after = await Promise.all(
        COUNTED_TABLES.map((t) => one(`SELECT count(*)::int AS n FROM "${t}"`)),
      );
      expect(after).toEqual(before);
    });

    it("the foreign-key check after a bulk load catches a dangling reference", async () => {
      await expect(
        db.transaction(async (sql) => {
          await sql.exec("SET LOCAL session_replication_role = replica");
          await sql.exec(
            "INSERT INTO action_slogan (id, standard_id, text) VALUES (9999999, 9999999, 'x')",
          );
          await sql.exec("SET LOCAL session_replication_role = origin");
          await verifyForeignKeys(sql);
        }),
      ).rejects.toThrow(/action_slogan\.standard_id/);
      expect(await one("SELECT count(*)::int AS n FROM action_slogan WHERE id = 9999999")).toBe(0);
    });
  });
}

seededDatabaseSuite("embedded PGlite", async () => {
  const db = await openDatabase({ dataDir: "memory://" });
  return { db, cleanup: () => db.close() };
});

const testUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!testUrl)("PostgreSQL", () => {
  seededDatabaseSuite("PostgreSQL", async () => {
    const admin = new pg.Client({ connectionString: testUrl });
    await admin.connect();
    const name = `dangbo_seed_${randomBytes(6).toString("hex")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(testUrl as string);
    url.pathname = `/${name}`;
    const db = await openDatabase({ url: url.toString(), poolSize: 4 });
    return {
      db,
      cleanup: async () => {
        await db.close();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  });
});
