import {
  compositionStale,
  markCompositionRebuilding,
  ensureRollupState,
  rebuildComposition,
  hashPassword,
  memberCountHistoryStale,
  probationDueDay,
  rebuildMemberCountHistory,
  rebuildProbationDue,
  rebuildStructureCounts,
  structureCountsStale,
  rebuildMemberCounts,
  type Database,
} from "@dangbo/db";
import { isDatabaseEmpty, seedDemo } from "@dangbo/db/seed";
import { dateFromIso, foldVietnamese, todayIso } from "@dangbo/shared";
import type { AppConfig } from "./config.ts";
import { ConfigError } from "./config.ts";
import type { Logger } from "./log.ts";

export interface BootstrapEnv {
  ADMIN_USERNAME?: string;
  ADMIN_PASSWORD?: string;
  ROOT_UNIT_NAME?: string;
  ROOT_UNIT_CODE?: string;
}

/**
 * First start on an empty database: the demo province in demo mode; otherwise (production) the
 * root unit and one administrator from the environment, so that nobody can sign in with a
 * well-known password.
 */
/** The embedded database serves one province; more than this is national data. */
export const EMBEDDED_MAX_MEMBERS = 500_000;

/** Refuses to run national data on the embedded database (it would crawl): PostgreSQL is the answer. */
export async function checkEmbeddedScale(db: Database): Promise<void> {
  if (db.kind !== "pglite") return;
  const [row] = await db.query<{ provinces: number; members: number }>(
    `SELECT (SELECT COUNT(*) FROM org_unit WHERE kind = 'PROVINCIAL_COMMITTEE')::int AS provinces,
            (SELECT COUNT(*) FROM member)::int AS members`,
  );
  if (row && (row.provinces > 1 || row.members > EMBEDDED_MAX_MEMBERS)) {
    throw new ConfigError(
      `this database holds national data (${row.provinces} provinces, ${row.members} members); the embedded database is for one province — run it on PostgreSQL with DATABASE_URL`,
    );
  }
}

export async function prepareData(
  db: Database,
  config: AppConfig,
  logger: Logger,
  env: BootstrapEnv = process.env,
): Promise<void> {
  await checkEmbeddedScale(db);
  if (await isDatabaseEmpty(db)) {
    if (config.demoData) {
      logger.info("empty database: seeding the demo province (first start only)");
      const summary = await seedDemo(db, { log: (line) => logger.info(line) });
      logger.info(
        { ms: summary.ms },
        "demo province ready; demo accounts: admin, leader, staff, secretary, analyst (password: demo)",
      );
      return;
    }
    await bootstrapProduction(db, env, logger);
    return;
  }
  if ((await db.prisma.user.count()) === 0)
    await bootstrapAdmin(db, env, logger, await rootUnitId(db));
}

async function rootUnitId(db: Database): Promise<number> {
  const root = await db.prisma.orgUnit.findFirst({
    where: { parentId: null, validTo: null },
    orderBy: { id: "asc" },
  });
  if (!root) throw new ConfigError("the database has units but no root unit");
  return root.id;
}

async function bootstrapProduction(db: Database, env: BootstrapEnv, logger: Logger): Promise<void> {
  const name = env.ROOT_UNIT_NAME?.trim();
  if (!name)
    throw new ConfigError(
      'empty database without demo data: set ROOT_UNIT_NAME (e.g. "Đảng bộ tỉnh Ninh Thuận"), ADMIN_USERNAME and ADMIN_PASSWORD, or DEMO_DATA=true',
    );
  checkAdminEnv(env);
  const code = env.ROOT_UNIT_CODE?.trim() || "ROOT";
  const from = dateFromIso("2000-01-01");
  const unit = await db.prisma.$transaction(async (tx) => {
    const created = await tx.orgUnit.create({
      data: {
        code,
        name,
        nameSearch: foldVietnamese(name),
        kind: "PROVINCIAL_COMMITTEE",
        sector: "STATE_AGENCY",
        validFrom: from,
        periods: { create: { parentId: null, validFrom: from } },
      },
    });
    await tx.orgUnitClosure.create({
      data: { ancestorId: created.id, descendantId: created.id, depth: 0, validFrom: from },
    });
    return created;
  });
  logger.info({ unit: name }, "created the root unit");
  await bootstrapAdmin(db, env, logger, unit.id);
}

function checkAdminEnv(env: BootstrapEnv): { username: string; password: string } {
  const username = env.ADMIN_USERNAME?.trim().toLowerCase();
  const password = env.ADMIN_PASSWORD;
  if (!username || !/^[a-z0-9][a-z0-9._-]{2,39}$/.test(username))
    throw new ConfigError(
      "set ADMIN_USERNAME (3–40 characters: lower-case letters, digits, . _ -) to create the first administrator",
    );
  if (!password || password.length < 12)
    throw new ConfigError(
      "set ADMIN_PASSWORD (at least 12 characters) to create the first administrator",
    );
  return { username, password };
}

async function bootstrapAdmin(
  db: Database,
  env: BootstrapEnv,
  logger: Logger,
  unitId: number,
): Promise<void> {
  const { username, password } = checkAdminEnv(env);
  const passwordHash = await hashPassword(password);
  await db.prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { username, displayName: "Quản trị hệ thống", passwordHash, role: "ADMIN", unitId },
    });
    await tx.auditLog.create({
      data: {
        operation: "bootstrapAdmin",
        entity: "User",
        entityId: String(user.id),
        unitId,
        after: { username, role: "ADMIN" },
      },
    });
  });
  logger.info({ username }, "created the first administrator from ADMIN_USERNAME / ADMIN_PASSWORD");
}

/**
 * Today's member counts (and probations by end day) are maintained on every write, but the date
 * itself moves: when the stored counts are for another day (a new day, a restore), recount them — at start and then
 * every hour. One set-based statement in a transaction; readers see the old counts until it commits.
 */
export async function keepMemberCountsCurrent(
  db: Database,
  logger: Logger,
): Promise<NodeJS.Timeout> {
  const check = async () => {
    const today = todayIso();
    try {
      if ((await probationDueDay(db)) !== today) {
        const started = Date.now();
        await db.transaction((sql) => rebuildProbationDue(sql, today));
        logger.info(
          { ms: Date.now() - started, today },
          "probations by end day recounted for the day",
        );
      }
      const [row] = await db.query<{ stale: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM unit_member_count WHERE counted_on < $1::date OR counted_on > $1::date)
             OR NOT EXISTS (SELECT 1 FROM unit_member_count) AS stale`,
        [today],
      );
      if (!row?.stale) return;
      const started = Date.now();
      await db.transaction((sql) => rebuildMemberCounts(sql, today));
      logger.info({ ms: Date.now() - started, today }, "member counts recounted for the day");
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        "could not recount member counts",
      );
    }
  };
  await check();
  const timer = setInterval(() => void check(), 60 * 60_000);
  timer.unref();
  return timer;
}

/**
 * The grassroots and cell counts (unit_structure_count), the admissions' composition
 * (admission_composition) and the member counts of past quarter ends (unit_member_count_history)
 * are rebuilt, not maintained:
 * a write that can change them marks them stale (triggers; readers then count live). Rebuild
 * them when stale or when the year turns — checked in the background every 10 minutes, from
 * the start (not awaited: at national scale a rebuild takes a minute or two; readers see the
 * old rows, or count live, until it commits).
 */
export function keepMemberCountHistoryFresh(db: Database, logger: Logger): NodeJS.Timeout {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    const today = todayIso();
    try {
      if (await structureCountsStale(db)) {
        const started = Date.now();
        await db.transaction((sql) => rebuildStructureCounts(sql));
        logger.info({ ms: Date.now() - started }, "grassroots and cell counts rebuilt");
      }
      if (await compositionStale(db, today)) {
        // Marked stale first, committed: from now on writers only mark it (see markCompositionRebuilding).
        await markCompositionRebuilding(db);
        const started = Date.now();
        await db.transaction((sql) => rebuildComposition(sql, today));
        logger.info({ ms: Date.now() - started }, "admission composition rebuilt");
      }
      if (!(await memberCountHistoryStale(db, today))) return;
      // The state row first, committed: writers from now on mark a rebuild that misses them stale.
      await ensureRollupState(db);
      const started = Date.now();
      await db.transaction((sql) => rebuildMemberCountHistory(sql, today));
      logger.info(
        { ms: Date.now() - started, today },
        "member counts of past quarter ends rebuilt",
      );
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        "could not rebuild the member counts of past quarter ends",
      );
    } finally {
      running = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), 10 * 60_000);
  timer.unref();
  return timer;
}
