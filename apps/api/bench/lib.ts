import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { migrate, openDatabase, type Database } from "@dangbo/db";
import { isDatabaseEmpty, seedDemo } from "@dangbo/db/seed";

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    n: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

export async function time(
  fn: () => Promise<unknown>,
  iterations: number,
  warmup = 20,
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return stats(samples);
}

export const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

/** A PostgreSQL database with the demo province, created and seeded on first use, reused afterwards. */
export async function benchDatabase(log: (line: string) => void): Promise<Database> {
  const url = benchDatabaseUrl();
  const parsed = new URL(url);
  const name = parsed.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) {
    log(`bench: creating database ${name}`);
    await client.query(`CREATE DATABASE "${name}"`);
  }
  await client.end();
  const db = await openDatabase({ url, poolSize: 20 });
  await migrate(db);
  if (await isDatabaseEmpty(db)) {
    log("bench: seeding the demo province (once)");
    await seedDemo(db, { log });
    await db.exec("ANALYZE");
  }
  return db;
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the product as production runs it — its own process, the real start script — so the
 * load generator in this process does not compete with it for the event loop.
 */
export async function startServerProcess(databaseUrl: string, port = 4390): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: join(import.meta.dirname, ".."),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: "warn",
      DEMO_DATA: "false",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (child.exitCode !== null) throw new Error(`bench: the server exited with ${child.exitCode}`);
    if (i > 240) throw new Error("bench: the server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url: `${base}/graphql`,
    stop: () =>
      new Promise<void>((done) => {
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}

export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/dangbo_bench";
}
