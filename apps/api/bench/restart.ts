/**
 * `pnpm bench:restart` — PostgreSQL restarts under load. The product runs as in production (its
 * own process on the demo province); a load generator runs dashboard queries and meeting logging
 * (retrying with the same idempotency key, as the web app does) while `pg_ctlcluster … restart`
 * takes the database away. Then: did the server survive, how long until it answered again, were
 * the failures masked errors with a code, and is every acknowledged meeting there exactly once?
 * Needs the local PostgreSQL cluster and the right to restart it (CI machines have both).
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { DEMO_FACTS } from "@dangbo/db/seed";
import { benchDatabase, benchDatabaseUrl, startServerProcess } from "./lib.ts";

const LOAD_SECONDS = Number(process.env.RESTART_LOAD_SECONDS ?? 12);
const RESTART_AFTER_MS = 3_000;

const db = await benchDatabase((l) => console.log(l));
const server = await startServerProcess(benchDatabaseUrl(), 4391);
const url = server.url;

async function signIn(username: string) {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation { signIn(username: "${username}", password: "demo") { username } }`,
    }),
  });
  return r.headers.get("set-cookie")!.split(";")[0]!;
}
const leader = await signIn("leader");
const secretary = await signIn("secretary");
const province = await db.prisma.orgUnit.findUniqueOrThrow({
  where: { code: DEMO_FACTS.provinceCode },
});
const cell = await db.prisma.orgUnit.findUniqueOrThrow({
  where: { code: DEMO_FACTS.secretaryCellCode },
});

interface Outcome {
  ok: boolean;
  at: number;
  codes: string[];
  leaks: string[];
}
const outcomes: Outcome[] = [];
const acknowledged = new Set<string>();
const LEAK =
  /ECONNREFUSED|ECONNRESET|127\.0\.0\.1:\d+|SELECT |INSERT |terminating connection|prisma|\bat .+\.(ts|js):\d+/i;

async function call(
  cookie: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ data?: any; errors?: any[] } | null> {
  try {
    const r = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await r.text();
    const body = JSON.parse(text);
    outcomes.push({
      ok: r.ok && !body.errors,
      at: Date.now(),
      codes: (body.errors ?? []).map((e: any) => String(e.extensions?.code ?? "NONE")),
      leaks: LEAK.test(text) ? [text.slice(0, 160)] : [],
    });
    return body;
  } catch (error) {
    outcomes.push({ ok: false, at: Date.now(), codes: ["NO_RESPONSE"], leaks: [] });
    return null;
  }
}

const DASHBOARD = `query($u: ID!, $y: Int!) { admissionProgress(unitId: $u, year: $y) { unit { admitted } } }`;
const LOG = `mutation($input: LogMeetingInput!) { logMeeting(input: $input) { id } }`;
const until = Date.now() + LOAD_SECONDS * 1000;

async function dashboardWorker() {
  while (Date.now() < until) await call(leader, DASHBOARD, { u: String(province.id), y: 2024 });
}
async function meetingWorker() {
  while (Date.now() < until) {
    const key = randomUUID();
    const input = {
      idempotencyKey: key,
      cellId: String(cell.id),
      kind: "EXTRAORDINARY",
      heldAt: new Date(Date.now() - 3_600_000).toISOString(),
      minutes: "restart test",
      attendance: [],
    };
    // Retry with the same key until the server acknowledges, as the web form does.
    for (let attempt = 0; attempt < 50; attempt++) {
      const body = await call(secretary, LOG, { input });
      if (body?.data?.logMeeting?.id) {
        acknowledged.add(key);
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const cluster = readdirSync("/etc/postgresql")[0]!;
let restartedAt = 0;
let cachesBackAt = 0;
const restart = (async () => {
  await new Promise((r) => setTimeout(r, RESTART_AFTER_MS));
  const started = Date.now();
  execFileSync(
    "pg_ctlcluster",
    ["--skip-systemctl-redirect", cluster, "main", "restart", "--", "-m", "fast"],
    { stdio: "ignore" },
  );
  restartedAt = Date.now();
  console.log(`restart: PostgreSQL ${cluster} restarted in ${restartedAt - started} ms`);
  // The caches stop when the listening connection is lost; it is re-opened every second.
  for (let i = 0; i < 200 && !cachesBackAt; i++) {
    const caches = await fetch(url.replace("/graphql", "/ready"))
      .then((r) => r.json() as Promise<{ caches?: string }>)
      .then((r) => r.caches)
      .catch(() => undefined);
    if (caches === "on") cachesBackAt = Date.now();
    else await new Promise((r) => setTimeout(r, 50));
  }
})();

await Promise.all([
  restart,
  ...Array.from({ length: 6 }, dashboardWorker),
  ...Array.from({ length: 2 }, meetingWorker),
]);

const firstOkAfter = outcomes
  .filter((o) => o.ok && o.at >= restartedAt)
  .map((o) => o.at)
  .sort((a, b) => a - b)[0];
const failures = outcomes.filter((o) => !o.ok);
const codes = new Map<string, number>();
for (const f of failures) for (const c of f.codes) codes.set(c, (codes.get(c) ?? 0) + 1);
const stored = await db.prisma.meeting.groupBy({
  by: ["idempotencyKey"],
  where: { idempotencyKey: { in: [...acknowledged] } },
  _count: { _all: true },
});
const lost = acknowledged.size - stored.length;
const duplicated = stored.filter((s) => s._count._all > 1).length;
const health = await fetch(url.replace("/graphql", "/health"))
  .then((r) => r.status)
  .catch(() => 0);

console.log(
  `restart: ${outcomes.length} requests, ${failures.length} failed during the window: ${[...codes].map(([c, n]) => `${c} × ${n}`).join(", ") || "none"}`,
);
console.log(
  `restart: first successful response ${firstOkAfter ? `${firstOkAfter - restartedAt} ms` : "NEVER"} after PostgreSQL was back`,
);
console.log(
  `restart: ${acknowledged.size} meetings acknowledged, ${lost} lost, ${duplicated} duplicated; server alive: ${health === 200}`,
);
console.log(
  `restart: caches ${cachesBackAt ? `on again ${cachesBackAt - restartedAt} ms` : "NOT on again 10 s"} after PostgreSQL was back`,
);
const leaks = outcomes.flatMap((o) => o.leaks);
if (leaks.length)
  console.log(`restart: responses leaking internals: ${leaks.length}, e.g. ${leaks[0]}`);

await server.stop();
await db.close();
const passed =
  health === 200 &&
  firstOkAfter !== undefined &&
  firstOkAfter - restartedAt <= 2_000 &&
  lost === 0 &&
  duplicated === 0 &&
  leaks.length === 0 &&
  cachesBackAt > 0 &&
  !codes.has("NONE");
console.log(passed ? "restart: PASS" : "restart: FAIL");
process.exit(passed ? 0 : 1);
