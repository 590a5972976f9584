import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "./backup.ts";
import { openDatabase, type Database } from "./client.ts";
import { migrate } from "./migrate.ts";
import { seedDemo } from "./seed/index.ts";
import { createTestDatabase } from "./testing.ts";

const TABLES = [
  "org_unit",
  "org_unit_closure",
  "member",
  "member_assignment",
  "member_event",
  "meeting",
  "meeting_attendance",
  "admission_target",
  "admission_rollup",
  "candidate",
  "app_user",
  "_prisma_migrations",
];

async function counts(db: Database): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const t of TABLES)
    result[t] = Number(
      (await db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "${t}"`))[0]!.n,
    );
  return result;
}

// Each case seeds the whole demo province (~15 s alone, minutes on a loaded 2-core machine).
describe("backup and restore round-trip the demo province", { timeout: 300_000 }, () => {
  it("on the embedded database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dangbo-backup-"));
    const db = await openDatabase({ dataDir: join(dir, "data") });
    await migrate(db);
    await seedDemo(db, { today: "2026-11-20" });
    const before = await counts(db);
    const file = join(dir, "backup.tar.gz");
    expect(await backupPglite(db, file)).toBeGreaterThan(100_000);
    await db.exec(
      "DELETE FROM meeting_attendance; DELETE FROM app_user WHERE username = 'analyst';",
    ); // damage after the backup
    await db.close();
    const kept = await restorePglite(join(dir, "data"), file);
    expect(kept).toContain("before-restore");
    const restored = await openDatabase({ dataDir: join(dir, "data") });
    expect(await counts(restored)).toEqual(before);
    expect(before.member).toBeGreaterThan(20_000);
    await restored.close();
  });

  it("on PostgreSQL (pg_dump / pg_restore)", async () => {
    if (!process.env.TEST_DATABASE_URL) return; // the PostgreSQL CI run covers it
    const t = await createTestDatabase("postgres");
    try {
      await seedDemo(t.db, { today: "2026-11-20" });
      const before = await counts(t.db);
      const file = join(mkdtempSync(join(tmpdir(), "dangbo-backup-")), "backup.dump");
      const url = (t.db.description.match(/postgresql:\/\/\S+/) ?? [""])[0];
      await backupPostgres(url, file);
      await t.db.exec("DELETE FROM meeting_attendance");
      await restorePostgres(url, file);
      expect(await counts(t.db)).toEqual(before);
    } finally {
      await t.drop();
    }
  });
});
