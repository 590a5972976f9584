import { createTestDatabase, fixtures } from "@dangbo/db/testing";
import { describe, expect, it } from "vitest";
import { log } from "./log.ts";
import { checkEmbeddedScale, prepareData } from "./startup.ts";
import { loadConfig } from "./config.ts";

describe("start-up data checks", () => {
  it("refuses national data on the embedded database, with a clear message", async () => {
    const t = await createTestDatabase("pglite");
    try {
      const f = fixtures(t.db);
      await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh A" });
      await expect(checkEmbeddedScale(t.db)).resolves.toBeUndefined();
      await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh B" });
      await expect(checkEmbeddedScale(t.db)).rejects.toThrow(
        /national data \(2 provinces.*PostgreSQL with DATABASE_URL/,
      );
    } finally {
      await t.drop();
    }
  });

  it("creates the root unit and an administrator from the environment in production, and refuses weak settings", async () => {
    const t = await createTestDatabase();
    try {
      const config = { ...loadConfig({ NODE_ENV: "production" }), demoData: false };
      await expect(prepareData(t.db, config, log, {})).rejects.toThrow(/ROOT_UNIT_NAME/);
      await expect(
        prepareData(t.db, config, log, {
          ROOT_UNIT_NAME: "Đảng bộ tỉnh Ninh Thuận",
          ADMIN_USERNAME: "quantri",
          ADMIN_PASSWORD: "short",
        }),
      ).rejects.toThrow(/ADMIN_PASSWORD/);
      expect(await t.db.prisma.orgUnit.count()).toBe(0);
      await prepareData(t.db, config, log, {
        ROOT_UNIT_NAME: "Đảng bộ tỉnh Ninh Thuận",
        ROOT_UNIT_CODE: "NT",
        ADMIN_USERNAME: "QuanTri",
        ADMIN_PASSWORD: "mot-mat-khau-dai",
      });
      const admin = await t.db.prisma.user.findUniqueOrThrow({
        where: { username: "quantri" },
        include: { unit: true },
      });
      expect(admin).toMatchObject({
        role: "ADMIN",
        unit: { code: "NT", name: "Đảng bộ tỉnh Ninh Thuận", kind: "PROVINCIAL_COMMITTEE" },
      });
      expect(
        await t.db.prisma.orgUnitClosure.count({
          where: { ancestorId: admin.unitId, descendantId: admin.unitId },
        }),
      ).toBe(1);
      // A second start changes nothing.
      await prepareData(t.db, config, log, {
        ROOT_UNIT_NAME: "x",
        ADMIN_USERNAME: "khac",
        ADMIN_PASSWORD: "mot-mat-khau-dai",
      });
      expect(await t.db.prisma.user.count()).toBe(1);
    } finally {
      await t.drop();
    }
  });
});
