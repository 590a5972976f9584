import { todayIso } from "@dangbo/shared";
import { describe, expect, it } from "vitest";
import { openDatabase, pgliteOf } from "./client.ts";
import { migrate } from "./migrate.ts";
import {
  compositionDrift,
  compositionStale,
  memberCountHistoryDates,
  rebuildComposition,
  memberCountHistoryStale,
  rebuildMemberCountHistory,
  rebuildTreeDerived,
  rollupDrift,
} from "./rollups.ts";
import { seedDemo } from "./seed/index.ts";

/**
 * The demo province seeded once (the seed is most of this file's time), then a fresh copy of that
 * data directory per test: each test damages its own.
 */
let template: Promise<File | Blob> | undefined;
async function seededDemo() {
  template ??= (async () => {
    const db = await openDatabase({ dataDir: "memory://" });
    try {
      await migrate(db);
      await seedDemo(db, { today: "2026-11-20" });
      return await pgliteOf(db)!.dumpDataDir("none");
    } finally {
      await db.close();
    }
  })();
  return openDatabase({ dataDir: "memory://", loadDataDir: await template });
}

describe("derived tables", () => {
  it("equal a live aggregate on the demo province, and drift is detected", async () => {
    const db = await seededDemo();
    try {
      expect(await rollupDrift(db)).toEqual([]);
      const [{ n }] = await db.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM admission_rollup`,
      );
      expect(n).toBeGreaterThan(1000);
      expect(await compositionStale(db)).toBe(false);
      const dims = await db.query<{ dimension: string; n: number }>(
        `SELECT dimension, SUM(admitted)::int AS n FROM admission_composition
         WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'NT') GROUP BY 1 ORDER BY 1`,
      );
      // Every dimension sums to the province's admissions since compositionFrom.
      expect(dims).toHaveLength(5);
      expect(new Set(dims.map((d) => d.n)).size).toBe(1);
      expect(dims[0]!.n).toBeGreaterThan(0);
      // Damage both tables: the check names the differences; a rebuild repairs them.
      await db.exec(
        `UPDATE admission_rollup SET admitted = admitted + 1 WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'NT') AND year = 2024 AND month = 5`,
      );
      await db.exec(
        `UPDATE unit_member_count SET official = official - 1 WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'NT.NH')`,
      );
      await db.exec(
        `UPDATE unit_structure_count SET cells = cells + 1 WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'NT.NH')`,
      );
      await db.exec(
        `UPDATE unit_probation_due SET members = members + 1 WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'NT')
           AND ends_on = (SELECT max(ends_on) FROM unit_probation_due)`,
      );
      await db.exec(
        `UPDATE admission_composition SET admitted = admitted + 1 WHERE ctid = (SELECT ctid FROM admission_composition
           WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'NT') AND dimension = 'GENDER' LIMIT 1)`,
      );
      await db.exec(
        `UPDATE unit_recognition_month SET recognised = recognised - 1 WHERE ctid = (SELECT ctid FROM unit_recognition_month
           WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'NT') LIMIT 1)`,
      );
      const drift = await rollupDrift(db);
      expect(drift.some((d) => d.startsWith("admission_composition"))).toBe(true);
      expect(drift.some((d) => d.startsWith("unit_recognition_month"))).toBe(true);
      expect(drift.some((d) => d.startsWith("admission_rollup"))).toBe(true);
      expect(drift.some((d) => d.startsWith("unit_member_count"))).toBe(true);
      expect(drift.some((d) => d.startsWith("unit_structure_count"))).toBe(true);
      expect(drift.some((d) => d.startsWith("unit_probation_due"))).toBe(true);
      await rebuildTreeDerived(db);
      expect(await rollupDrift(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it("keeps past quarter ends' member counts equal to a live count, and marks them stale on writes that change them", async () => {
    const db = await seededDemo();
    try {
      const today = todayIso();
      const dates = memberCountHistoryDates(today);
      // Every quarter's last day of the last five years and of this year, before today.
      expect(dates.length).toBeGreaterThanOrEqual(20);
      expect(dates.every((d) => /-(03-31|06-30|09-30|12-31)$/.test(d) && d < today)).toBe(true);
      expect(await memberCountHistoryStale(db, today)).toBe(false);
      const perDate = await db.query<{ counted_on: string; n: number; members: number }>(
        `SELECT counted_on::text, COUNT(*)::int AS n, SUM(official + probationary)::int AS members
         FROM unit_member_count_history GROUP BY 1 ORDER BY 1`,
      );
      expect(perDate.map((r) => r.counted_on)).toEqual(dates);
      for (const r of perDate) expect(r.members).toBeGreaterThan(0);
      expect(await rollupDrift(db)).toEqual([]);

      // Damaged: drift names it.
      await db.exec(
        `UPDATE unit_member_count_history SET probationary = probationary + 1
         WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'NT') AND counted_on = '${dates[4]}'`,
      );
      expect((await rollupDrift(db)).some((d) => d.startsWith("unit_member_count_history"))).toBe(
        true,
      );
      await rebuildMemberCountHistory(db);
      expect(await rollupDrift(db)).toEqual([]);

      // Writes dated today leave it fresh; a backdated one, a recognition moved into the past or
      // a change of the tree make it stale.
      const [m] = await db.query<{ id: number; unit_id: number }>(
        `SELECT a.member_id AS id, a.unit_id FROM member_assignment a WHERE a.valid_to IS NULL AND NOT a.temporary ORDER BY a.id LIMIT 1`,
      );
      await db.query(
        `INSERT INTO member_assignment (member_id, unit_id, valid_from, temporary) VALUES ($1, $2, $3::date, true)`,
        [m!.id, m!.unit_id, today],
      );
      await db.query(
        `UPDATE member_assignment SET valid_to = $2::date WHERE id = (SELECT max(id) FROM member_assignment WHERE member_id = $1)`,
        [m!.id, today],
      );
      expect(await memberCountHistoryStale(db, today)).toBe(false);
      await db.query(
        `UPDATE member_assignment SET valid_to = $2::date WHERE id = (SELECT max(id) FROM member_assignment WHERE member_id = $1)`,
        [m!.id, dates[2]],
      );
      expect(await memberCountHistoryStale(db, today)).toBe(true);
      await rebuildMemberCountHistory(db);
      expect(await memberCountHistoryStale(db, today)).toBe(false);
      await db.exec(
        `UPDATE member SET official_on = official_on - 1 WHERE official_on IS NOT NULL AND id = (SELECT min(id) FROM member WHERE official_on IS NOT NULL)`,
      );
      expect(await memberCountHistoryStale(db, today)).toBe(true);
      await rebuildMemberCountHistory(db);
      await db.exec(`UPDATE org_unit_closure SET depth = depth WHERE false`);
      expect(await memberCountHistoryStale(db, today)).toBe(true);
      await rebuildTreeDerived(db);
      expect(await memberCountHistoryStale(db, today)).toBe(false);
      expect(await rollupDrift(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it("keeps the composition fresh on new admissions and marks it stale on rarer writes that change it", async () => {
    const db = await seededDemo();
    try {
      expect(await compositionStale(db)).toBe(false);
      expect(await rollupDrift(db)).toEqual([]);
      const [m] = await db.query<{ id: number; unit_id: number }>(
        `SELECT e.member_id AS id, e.unit_id FROM member_event e WHERE e.kind = 'ADMITTED' ORDER BY e.effective_on DESC, e.id LIMIT 1`,
      );
      const stales = async (statement: string, params: unknown[] = []) => {
        await rebuildComposition(db);
        expect(await compositionStale(db)).toBe(false);
        await db.query(statement, params);
        return compositionStale(db);
      };
      // Not relevant: a name, an event of another kind, an identical value.
      expect(
        await stales(`UPDATE member SET full_name = full_name || ' ' WHERE id = $1`, [m!.id]),
      ).toBe(false);
      expect(await stales(`UPDATE member SET gender = gender WHERE id = $1`, [m!.id])).toBe(false);
      expect(
        await stales(
          `UPDATE member_event SET reason = 'x' WHERE member_id = $1 AND kind NOT IN ('ADMITTED', 'RECOGNISED_OFFICIAL')`,
          [m!.id],
        ),
      ).toBe(false);
      // Relevant: the member's dimensions, the admission itself, a unit's sector, the closure.
      expect(
        await stales(`UPDATE member SET ethnicity = ethnicity || '*' WHERE id = $1`, [m!.id]),
      ).toBe(true);
      expect(
        await stales(`UPDATE member SET birth_date = birth_date - 1 WHERE id = $1`, [m!.id]),
      ).toBe(true);
      expect(
        await stales(
          `UPDATE member_event SET effective_on = effective_on - 1 WHERE member_id = $1 AND kind = 'ADMITTED'`,
          [m!.id],
        ),
      ).toBe(true);
      // New admissions and recognitions keep it fresh: their transaction adds them to the kept
      // rows (one, then a batch of many members, units, ages and months), equal to a live count.
      expect(
        await stales(
          `INSERT INTO member_event (member_id, kind, effective_on, status_after, unit_id)
           SELECT member_id, kind, effective_on, status_after, unit_id FROM member_event WHERE member_id = $1 AND kind = 'ADMITTED'`,
          [m!.id],
        ),
      ).toBe(false);
      expect(await compositionDrift(db)).toEqual([]);
      expect(
        await stales(
          `INSERT INTO member_event (member_id, kind, effective_on, status_after, unit_id)
           SELECT member_id, kind, effective_on + (id % 40), status_after, unit_id FROM member_event
           WHERE kind IN ('ADMITTED', 'RECOGNISED_OFFICIAL') AND id % 7 = 0`,
        ),
      ).toBe(false);
      expect(await compositionDrift(db)).toEqual([]);
      const [kept] = await db.query<{ admitted: number; recognised: number }>(
        `SELECT (SELECT COALESCE(SUM(admitted), 0) FROM admission_composition WHERE dimension = 'GENDER')::int AS admitted,
                (SELECT COALESCE(SUM(recognised), 0) FROM unit_recognition_month)::int AS recognised`,
      );
      expect(kept!.admitted).toBeGreaterThan(0);
      expect(kept!.recognised).toBeGreaterThan(0);
      // While stale (a rarer write), inserts only mark it: the rebuild counts them.
      await db.query(`UPDATE member SET ethnicity = ethnicity || '*' WHERE id = $1`, [m!.id]);
      await db.query(
        `INSERT INTO member_event (member_id, kind, effective_on, status_after, unit_id)
         SELECT member_id, kind, effective_on, status_after, unit_id FROM member_event WHERE member_id = $1 AND kind = 'ADMITTED'`,
        [m!.id],
      );
      expect(await compositionStale(db)).toBe(true);
      expect(
        await stales(
          `DELETE FROM member_event WHERE id = (SELECT max(id) FROM member_event WHERE member_id = $1 AND kind = 'ADMITTED')`,
          [m!.id],
        ),
      ).toBe(true);
      expect(
        await stales(
          `UPDATE member_event SET effective_on = effective_on + 1 WHERE id = (SELECT min(id) FROM member_event WHERE kind = 'RECOGNISED_OFFICIAL')`,
        ),
      ).toBe(true);
      expect(await stales(`UPDATE org_unit SET sector = sector WHERE id = $1`, [m!.unit_id])).toBe(
        true,
      );
      expect(await stales(`UPDATE org_unit_closure SET depth = depth WHERE false`)).toBe(true);
      await rebuildComposition(db);
      // (admission_rollup is maintained by the application's admission code, which the raw
      // inserts above bypass: only the composition is compared here.)
      expect(await compositionDrift(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
