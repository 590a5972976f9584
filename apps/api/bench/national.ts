/**
 * `pnpm bench --scale national`: the leaders' dashboard on the national database
 * (`pnpm db:seed --scale national` into BENCH_NATIONAL_URL first): p50/p95 of every panel for
 * the national root (its children are the 63 provinces) and for one province. Target p95 ≤ 50 ms.
 */
import { openDatabase } from "@dangbo/db";
import { fmt, graphqlClient, startServerProcess, time, waitForKeptTables } from "./lib.ts";

const url =
  process.env.BENCH_NATIONAL_URL ?? "postgresql://postgres@127.0.0.1:5432/dangbo_national";
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const db = await openDatabase({ url }).catch((error: unknown) => {
  console.error(
    `bench: cannot open ${url}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
const [counts] = await db.query<{ members: number; units: number }>(
  `SELECT (SELECT COUNT(*) FROM member)::int AS members, (SELECT COUNT(*) FROM org_unit)::int AS units`,
);
if (!counts || counts.members < 1_000_000) {
  console.error(
    `bench: ${url} has ${counts?.members ?? 0} members — seed it first: DATABASE_URL=${url} pnpm db:seed --scale national`,
  );
  process.exit(1);
}
const [root] = await db.query<{ id: number; name: string }>(
  `SELECT id, name FROM org_unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`,
);
const [province] = await db.query<{ id: number; name: string }>(
  `SELECT id, name FROM org_unit WHERE kind = 'PROVINCIAL_COMMITTEE' ORDER BY id LIMIT 1`,
);

// CACHE=off: these figures are the computation at national scale, not a kept answer.
const server = await startServerProcess(url, 4392, { CACHE: "off" });
await waitForKeptTables(db, (line) => console.log(line));
await db.close();
const client = graphqlClient(server.url);
await client.signIn("leader", "demo");
const gql = (query: string, variables: Record<string, unknown>) => client.gql(query, variables);

// The dashboard opens on the current year (tree and member counts of today, from the maintained
// counts); the previous year is computed on the tree of its last day.
const thisYear = new Date().getUTCFullYear();
const years = (process.env.BENCH_YEARS ?? `${thisYear},${thisYear - 1}`).split(",").map(Number);
const panels: [string, string][] = [
  [
    "admissionProgress",
    `query($u: ID!, $y: Int!) { admissionProgress(unitId: $u, year: $y) { unit { admitted target percent } rows { unitId name target admitted percent band probationaryEndingSoon monthly } } }`,
  ],
  [
    "dashboardSummary",
    `query($u: ID!, $y: Int!) { dashboardSummary(unitId: $u, year: $y) { members { official probationary } grassrootsCount cellCount admitted target percent probationEndingSoon candidatesInPipeline } }`,
  ],
  [
    "admissionTrend",
    `query($u: ID!) { admissionTrend(unitId: $u, fromYear: 2020) { year admitted target percent } }`,
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
  `\nNational dashboard (${counts.members.toLocaleString("en")} members, ${counts.units.toLocaleString("en")} units), ${ITERATIONS} sequential requests each (10 warm-up), years ${years.join(", ")}\n`,
);
const header = ["query", "year", "unit", "p50", "p95", "≤ 50 ms"];
const widths = [20, 4, 30, 10, 10, 7];
const print = (r: string[]) => console.log(r.map((c, i) => c.padEnd(widths[i]!)).join("  "));
print(header);
let missed = 0;
for (const year of years) {
  for (const [name, query] of panels) {
    // admissionTrend has no year argument: measure it once.
    if (name === "admissionTrend" && year !== years[0]) continue;
    for (const unit of [root!, province!]) {
      const s = await time(() => gql(query, { u: String(unit.id), y: year }), ITERATIONS, 10);
      if (s.p95 > 50) missed++;
      print([
        name,
        name === "admissionTrend" ? "all" : String(year),
        unit.name.slice(0, 30),
        fmt(s.p50),
        fmt(s.p95),
        s.p95 <= 50 ? "yes" : "NO",
      ]);
    }
  }
}
console.log(
  missed === 0 ? "\nevery panel within p95 ≤ 50 ms" : `\n${missed} panel(s) above p95 50 ms`,
);
client.close();
await server.stop();
