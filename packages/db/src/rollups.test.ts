import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";
import { migrate } from "./migrate.ts";
import { rebuildTreeDerived, rollupDrift } from "./rollups.ts";
import { seedDemo } from "./seed/index.ts";

describe("derived tables", () => {
  it("equal a live aggregate on the demo province, and drift is detected", async () => {
    const db = await openDatabase({ dataDir: "memory://" });
    try {
      await migrate(db);
      await seedDemo(db, { today: "2026-11-20" });
      expect(await rollupDrift(db)).toEqual([]);
      const [{ n }] = await db.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM admission_rollup`,
      );
      expect(n).toBeGreaterThan(1000);
      // Damage both tables: the check names the differences; a rebuild repairs them.
      await db.exec(
        `UPDATE admission_rollup SET admitted = admitted + 1 WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'NT') AND year = 2024 AND month = 5`,
      );
      await db.exec(
        `UPDATE unit_member_count SET official = official - 1 WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'NT.NH')`,
      );
      const drift = await rollupDrift(db);
      expect(drift.some((d) => d.startsWith("admission_rollup"))).toBe(true);
      expect(drift.some((d) => d.startsWith("unit_member_count"))).toBe(true);
      await rebuildTreeDerived(db);
      expect(await rollupDrift(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
