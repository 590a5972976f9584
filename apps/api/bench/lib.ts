import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { join } from "node:path";
import pg from "pg";
import {
  compositionStale,
  memberCountHistoryStale,
  migrate,
  openDatabase,
  probationDueDay,
  structureCountsStale,
  type Database,
} from "@dangbo/db";
import { isDatabaseEmpty, seedDemo } from "@dangbo/db/seed";
import { todayIso } from "@dangbo/shared";

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
export async function startServerProcess(
  databaseUrl: string,
  port = 4390,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: join(import.meta.dirname, ".."),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: "warn",
      DEMO_DATA: "false",
      NODE_ENV: "production",
      ...env,
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

/**
 * A GraphQL client for sequential timing: one keep-alive connection and node:http, whose own
 * cost per request is a fraction of fetch's (measured here: p50 1.1 ms against 1.6–2.2 ms for
 * the same trivial query), so the figures are the server's rather than the client's.
 */
export function graphqlClient(url: string) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let cookie = "";
  const post = (body: string) =>
    new Promise<{ text: string; setCookie: string[] }>((resolve, reject) => {
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            ...(cookie ? { cookie } : {}),
          },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (text += chunk));
          response.on("end", () =>
            resolve({ text, setCookie: response.headers["set-cookie"] ?? [] }),
          );
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  return {
    get cookie() {
      return cookie;
    },
    async signIn(username: string, password: string): Promise<void> {
      const { setCookie } = await post(
        JSON.stringify({
          query: `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }`,
          variables: { u: username, p: password },
        }),
      );
      cookie = setCookie[0]?.split(";")[0] ?? "";
      if (!cookie) throw new Error(`bench: cannot sign in as ${username}`);
    },
    /** Runs a query; a response with `errors` is a failure, not a timing. */
    async gql(query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
      const { text } = await post(JSON.stringify({ query, variables }));
      const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
      if (body.errors) throw new Error(`bench: ${JSON.stringify(body.errors).slice(0, 300)}`);
      return body.data;
    },
    close: () => agent.destroy(),
  };
}

/**
 * Waits until the server's background job has made the kept tables fresh (it rebuilds them at
 * start when stale): otherwise the first panels are timed on the live fallback.
 */
export async function waitForKeptTables(
  db: Database,
  log: (line: string) => void,
  timeoutMs = 600_000,
): Promise<void> {
  const started = Date.now();
  const today = todayIso();
  for (;;) {
    const stale = [
      (await structureCountsStale(db)) && "structure",
      (await compositionStale(db, today)) && "composition",
      (await memberCountHistoryStale(db, today)) && "member count history",
      (await probationDueDay(db)) !== today && "probation due",
    ].filter(Boolean);
    if (stale.length === 0) break;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `bench: kept tables still stale after ${timeoutMs / 1000} s: ${stale.join(", ")}`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
  const waited = (Date.now() - started) / 1000;
  if (waited > 1) log(`bench: kept tables rebuilt by the server in ${waited.toFixed(1)} s`);
}
