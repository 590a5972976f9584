import "reflect-metadata";
import { migrate, openDatabase, type Database } from "@dangbo/db";
import { ConfigError, loadConfig } from "./config.ts";
import { log } from "./log.ts";
import { createServer } from "./server.ts";
import { keepMemberCountHistoryFresh, keepMemberCountsCurrent, prepareData } from "./startup.ts";

/** Starts the product: database (embedded or PostgreSQL), migrations, demo data, API + SPA. */
async function main(): Promise<void> {
  const config = loadConfig();
  let db: Database;
  try {
    db = await openDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      onPoolError: (error) => log.warn({ err: error.message }, "database connection lost"),
    });
    await db.query("SELECT 1");
  } catch (error) {
    fail(
      `cannot open the database (${describeTarget(config.databaseUrl, config.dataDir)}): ${reason(error)}`,
    );
  }
  log.info({ database: db.description }, "database open");
  try {
    const result = await migrate(db, { log: (line) => log.info(line) });
    log.info(
      { applied: result.applied.length, alreadyApplied: result.alreadyApplied },
      "migrations up to date",
    );
    await prepareData(db, config, log);
    await keepMemberCountsCurrent(db, log);
    keepMemberCountHistoryFresh(db, log);
  } catch (error) {
    await db.close().catch(() => {});
    fail(reason(error));
  }

  let replica: Database | undefined;
  if (process.env.DATABASE_REPLICA_URL) {
    replica = await openDatabase({
      url: process.env.DATABASE_REPLICA_URL,
      onPoolError: (error) => log.warn({ err: error.message }, "replica connection lost"),
    }).catch((error: unknown) => fail(`cannot open the read replica: ${reason(error)}`));
    log.info({ replica: replica.description }, "analysts read from the replica");
  }
  const server = await createServer({
    db,
    webDist: config.webDist,
    replica,
    caches: config.caches,
  });
  const port = await server.listen(config.port, config.host).catch(async (error: unknown) => {
    await db.close().catch(() => {});
    fail(`cannot listen on port ${config.port}: ${reason(error)}`);
  });
  log.info(
    { port, url: `http://localhost:${port}` },
    `Dangbo is running on http://localhost:${port}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing in-flight requests");
    const timer = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, 15_000);
    timer.unref();
    await server
      .close()
      .catch((error: unknown) =>
        log.error({ err: reason(error) }, "error while stopping the server"),
      );
    await db
      .close()
      .catch((error: unknown) =>
        log.error({ err: reason(error) }, "error while closing the database"),
      );
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

function describeTarget(url: string | undefined, dataDir: string): string {
  if (!url) return `embedded PGlite in ${dataDir}`;
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL is not a valid URL)";
  }
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  if (error instanceof Error) return error.message.split("\n")[0] || error.name;
  return String(error);
}

function fail(message: string): never {
  log.fatal(message);
  // Also a plain line for people reading the terminal.
  process.stderr.write(`dangbo: ${message}\n`);
  process.exit(1);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(`configuration: ${error.message}`);
  fail(reason(error));
});
