/**
 * `pnpm bench`: the leaders' dashboard on the demo province, on PostgreSQL.
 * For each panel query: p50/p95 through GraphQL over HTTP (session, auth, scope, resolvers)
 * beside the bare SQL of the same aggregate, and their ratio; then requests per second for
 * admissionProgress under concurrent load on loopback.
 */
import "reflect-metadata";
import autocannon from "autocannon";
import { DEMO_FACTS } from "@dangbo/db/seed";
import {
  ADMISSION_PROGRESS_STATEMENT,
  admissionProgressSql,
} from "../src/modules/dashboard/dashboard.service.ts";
import { dashboardPeriod } from "../src/modules/dashboard/dashboard.period.ts";
import { todayIso } from "@dangbo/shared";
import {
  benchDatabase,
  benchDatabaseUrl,
  fmt,
  graphqlClient,
  startServerProcess,
  time,
  waitForKeptTables,
} from "./lib.ts";

const scaleIndex = process.argv.indexOf("--scale");
if (scaleIndex >= 0 && process.argv[scaleIndex + 1] === "national") {
  await import("./national.ts");
  process.exit(0);
}

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const log = (line: string) => console.log(line);

const db = await benchDatabase(log);
// The product as it runs (figures and sessions kept in memory until a write changes them), and
// beside it the same product with CACHE=off, where every request runs its SQL.
const server = await startServerProcess(benchDatabaseUrl());
const uncachedServer = await startServerProcess(benchDatabaseUrl(), 4391, { CACHE: "off" });
const url = server.url;
await waitForKeptTables(db, log);
const client = graphqlClient(url);
await client.signIn("leader", "demo");
const cookie = client.cookie;
const uncachedClient = graphqlClient(uncachedServer.url);
await uncachedClient.signIn("leader", "demo");

const province = await db.prisma.orgUnit.findUniqueOrThrow({
  where: { code: DEMO_FACTS.provinceCode },
});
const district = await db.prisma.orgUnit.findUniqueOrThrow({
  where: { code: DEMO_FACTS.ninhHaiCode },
});
const year = DEMO_FACTS.year;

const gql = (query: string, variables: Record<string, unknown>) => client.gql(query, variables);

const PROGRESS = `query($u: ID!, $y: Int!) { admissionProgress(unitId: $u, year: $y) { unit { admitted target percent } rows { unitId name target admitted percent band probationaryEndingSoon monthly cumulative } } }`;
const panels: [string, string][] = [
  ["admissionProgress", PROGRESS],
  [
    "dashboardSummary",
    `query($u: ID!, $y: Int!) { dashboardSummary(unitId: $u, year: $y) { members { official probationary } grassrootsCount cellCount admitted target percent probationEndingSoon candidatesInPipeline } }`,
  ],
  [
    "admissionTrend",
    `query($u: ID!) { admissionTrend(unitId: $u) { year admitted target percent } }`,
  ],
  [
    "admissionComposition",
    `query($u: ID!, $y: Int!) { admissionComposition(unitId: $u, year: $y, by: SECTOR) { key count share } }`,
  ],
  [
    "admissionFunnel",
    `query($u: ID!, $y: Int!) { admissionFunnel(unitId: $u, year: $y) { stage count conversion } }`,
  ],
];

console.log(
  `\nLeaders' dashboard on the demo province (${db.description}), ${ITERATIONS} sequential requests each after ${WARMUP} warm-up rounds`,
);
console.log(
  "GraphQL: as served (figures and sessions kept in memory until a write changes them); " +
    "CACHE=off: the same server computing every request (session lookup and SQL each time)\n",
);
const rows: string[][] = [
  [
    "query",
    "unit",
    "GraphQL p50",
    "GraphQL p95",
    "CACHE=off p50",
    "CACHE=off p95",
    "SQL p50",
    "SQL p95",
    "p95 ratio",
    "off ratio",
  ],
];

// The bare statement behind admissionProgress (the same SQL the resolver runs), through the driver directly.
const period = dashboardPeriod(year, null, todayIso());
const bareSql = admissionProgressSql(province.id, province.id, period, period.treeDate);
const sqlStats = await time(
  () =>
    db.query(bareSql.text, bareSql.values, {
      name: ADMISSION_PROGRESS_STATEMENT,
      genericPlan: true,
    }),
  ITERATIONS,
);

// Steady state, not start-up: the server's code is optimised by V8 only after some hundreds of
// requests (measured: the first 300 admissionProgress requests ran at p50 5.5 ms, the fourth
// 300 at 3.3 ms), so every query is warmed up before it is timed.
for (const c of [client, uncachedClient])
  for (let i = 0; i < WARMUP; i++) {
    await c.gql("{ viewer { username } }", {});
    for (const [, query] of panels)
      for (const unit of [province, district]) await c.gql(query, { u: String(unit.id), y: year });
  }

// The floor under every row: HTTP + session lookup + GraphQL execution of a trivial query.
const floor = await time(() => gql("{ viewer { username } }", {}), ITERATIONS);
const floorOff = await time(() => uncachedClient.gql("{ viewer { username } }", {}), ITERATIONS);
rows.push([
  "viewer (floor: HTTP+session)",
  "",
  fmt(floor.p50),
  fmt(floor.p95),
  fmt(floorOff.p50),
  fmt(floorOff.p95),
  "",
  "",
  "",
  "",
]);

for (const [name, query] of panels) {
  for (const unit of [province, district]) {
    const variables = { u: String(unit.id), y: year };
    const graphql = await time(() => gql(query, variables), ITERATIONS);
    const off = await time(() => uncachedClient.gql(query, variables), ITERATIONS);
    const sql = name === "admissionProgress" && unit === province ? sqlStats : null;
    rows.push([
      name,
      unit.code,
      fmt(graphql.p50),
      fmt(graphql.p95),
      fmt(off.p50),
      fmt(off.p95),
      sql ? fmt(sql.p50) : "",
      sql ? fmt(sql.p95) : "",
      sql ? `${(graphql.p95 / sql.p95).toFixed(1)}×` : "",
      sql ? `${(off.p95 / sql.p95).toFixed(1)}×` : "",
    ]);
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join("  "));

// Analysts: a filtered list page and an aggregate, GraphQL beside the bare SQL doing the same.
const analystRows: string[][] = [
  ["analyst query", "GraphQL p50", "GraphQL p95", "SQL p50", "SQL p95", "p95 ratio"],
];
const LIST = `query($u: ID!) { members(orgUnitId: $u, first: 100, filter: { gender: [FEMALE], admittedOn: { from: "2015-01-01" } }, orderBy: { field: ADMITTED_ON, direction: DESC }) { totalCount edges { node { id fullName admittedOn unit { name } } } } }`;
const listGql = await time(() => gql(LIST, { u: String(province.id) }), ITERATIONS);
const listSql = await time(
  () =>
    db.query(
      `SELECT m.id, m.full_name, m.admitted_on, u.name, COUNT(*) OVER () AS total
       FROM member m JOIN org_unit u ON u.id = m.unit_id
       WHERE m.gender = 'FEMALE' AND m.admitted_on >= '2015-01-01'
         AND EXISTS (SELECT 1 FROM member_assignment a JOIN org_unit_closure c ON c.descendant_id = a.unit_id
                     WHERE a.member_id = m.id AND NOT a.temporary AND a.valid_from <= CURRENT_DATE AND (a.valid_to IS NULL OR a.valid_to > CURRENT_DATE)
                       AND c.ancestor_id = $1 AND c.valid_from <= CURRENT_DATE AND (c.valid_to IS NULL OR c.valid_to > CURRENT_DATE))
       ORDER BY m.admitted_on DESC, m.id DESC LIMIT 100`,
      [province.id],
    ),
  ITERATIONS,
);
analystRows.push([
  "members: filtered page of 100",
  fmt(listGql.p50),
  fmt(listGql.p95),
  fmt(listSql.p50),
  fmt(listSql.p95),
  `${(listGql.p95 / listSql.p95).toFixed(1)}×`,
]);
const STATS_Q = `query($u: ID!) { stats(metric: ADMISSIONS, unitId: $u, groupBy: [UNIT, YEAR], from: "2020-01-01", to: "2025-12-31") { total rows { keys value } } }`;
const statsGql = await time(() => gql(STATS_Q, { u: String(province.id) }), ITERATIONS);
const statsSql = await time(
  () =>
    db.query(
      `SELECT g.ancestor_id, to_char(e.effective_on, 'YYYY') AS year, COUNT(*)
       FROM member_event e
       JOIN org_unit_closure x ON x.descendant_id = e.unit_id AND x.ancestor_id = $1 AND x.valid_from <= e.effective_on AND (x.valid_to IS NULL OR x.valid_to > e.effective_on)
       JOIN org_unit_closure g ON g.descendant_id = e.unit_id AND g.depth = x.depth - LEAST(1, x.depth) AND g.valid_from <= e.effective_on AND (g.valid_to IS NULL OR g.valid_to > e.effective_on)
       WHERE e.kind = 'ADMITTED' AND e.effective_on >= '2020-01-01' AND e.effective_on < '2026-01-01'
       GROUP BY 1, 2 ORDER BY 3 DESC`,
      [province.id],
    ),
  ITERATIONS,
);
analystRows.push([
  "stats: admissions by unit × year",
  fmt(statsGql.p50),
  fmt(statsGql.p95),
  fmt(statsSql.p50),
  fmt(statsSql.p95),
  `${(statsGql.p95 / statsSql.p95).toFixed(1)}×`,
]);
console.log("");
const aw = analystRows[0]!.map((_, i) => Math.max(...analystRows.map((r) => r[i]!.length)));
for (const r of analystRows) console.log(r.map((c, i) => c.padEnd(aw[i]!)).join("  "));

// The load generator reads every response: a 200 with `errors` in its body is a failure too.
async function underLoad(target: string, sessionCookie: string, label: string) {
  let graphqlErrors = 0;
  const load = await autocannon({
    url: target,
    connections: Number(process.env.BENCH_CONNECTIONS ?? 20),
    duration: Number(process.env.BENCH_SECONDS ?? 10),
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json", cookie: sessionCookie },
        body: JSON.stringify({ query: PROGRESS, variables: { u: String(province.id), y: year } }),
        onResponse: (_status: number, body: string) => {
          if (body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  console.log(
    `admissionProgress under load, ${label}: ${load.requests.average.toFixed(0)} requests/s (${load.connections} connections, ${load.duration} s), ` +
      `latency p50 ${load.latency.p50} ms, p97.5 ${load.latency.p97_5} ms, non-2xx ${load.non2xx}, transport errors ${load.errors}, GraphQL errors ${graphqlErrors}`,
  );
}
console.log("");
await underLoad(url, cookie!, "as served");
await underLoad(uncachedServer.url, uncachedClient.cookie!, "CACHE=off");

client.close();
uncachedClient.close();
await Promise.all([server.stop(), uncachedServer.stop()]);
await db.close();
