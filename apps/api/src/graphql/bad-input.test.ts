/**
 * A corpus of malformed input for every mutation of the schema (generated from it, so a new
 * mutation is covered automatically): wrong types, huge values, impossible dates, unknown enum
 * values, ids of another subtree, 10,000-element lists. Every request must end with coded
 * errors — never HTTP 500, never INTERNAL_SERVER_ERROR — and the database must be unchanged.
 */
import {
  getNamedType,
  getNullableType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLScalarType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, fixtures, type TestDatabase } from "@dangbo/db/testing";
import { createServer, type AppServer } from "../server.ts";
import { CostBudget } from "./limits.ts";
import { getSchema } from "./schema.ts";

interface Strategy {
  name: string;
  scalar(type: GraphQLScalarType, ids: Ids): unknown;
  enumValue(type: GraphQLEnumType): unknown;
  listLength: number;
}
interface Ids {
  outside: string;
}

const valid = (type: GraphQLScalarType, ids: Ids): unknown =>
  ({
    String: "Giá trị",
    ID: ids.outside,
    Int: 1,
    Float: 1.5,
    Boolean: true,
    Date: "2025-05-19",
    DateTime: "2025-05-19T02:00:00.000Z",
    JSON: {},
  })[type.name] ?? "x";

const STRATEGIES: Strategy[] = [
  {
    name: "wrong types",
    scalar: (t) =>
      ({
        String: 12345,
        ID: { id: 1 },
        Int: "not a number",
        Float: "x",
        Boolean: "yes",
        Date: 20250519,
        DateTime: true,
        JSON: "[",
      })[t.name] ?? 0,
    enumValue: () => 42,
    listLength: 1,
  },
  {
    name: "huge values",
    scalar: (t) =>
      ({
        String: "x".repeat(100_000),
        ID: "9".repeat(200),
        Int: 2 ** 40,
        Float: 1e308,
        Boolean: true,
        Date: "99999-12-31",
        DateTime: "99999-12-31T00:00:00Z",
        JSON: {},
      })[t.name] ?? "x",
    enumValue: (e) => e.getValues()[0]!.name,
    listLength: 1,
  },
  {
    name: "impossible dates",
    scalar: (t, ids) =>
      t.name === "Date"
        ? "2025-02-30"
        : t.name === "DateTime"
          ? "2025-13-45T99:00:00Z"
          : valid(t, ids),
    enumValue: (e) => e.getValues()[0]!.name,
    listLength: 1,
  },
  {
    name: "unknown enum values",
    scalar: valid,
    enumValue: () => "NOT_A_VALUE",
    listLength: 1,
  },
  {
    name: "ids of another subtree",
    scalar: valid,
    enumValue: (e) => e.getValues()[0]!.name,
    listLength: 1,
  },
  {
    name: "10,000-element lists",
    scalar: valid,
    enumValue: (e) => e.getValues()[0]!.name,
    listLength: 10_000,
  },
];

function build(type: GraphQLInputType, s: Strategy, ids: Ids, depth = 0): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable) || nullable instanceof GraphQLList) {
    const item = build((nullable as GraphQLList<GraphQLInputType>).ofType, s, ids, depth + 1);
    return Array.from({ length: depth === 0 ? s.listLength : 1 }, () => item);
  }
  const named = getNamedType(type);
  if (named instanceof GraphQLEnumType) return s.enumValue(named);
  if (named instanceof GraphQLScalarType) return s.scalar(named, ids);
  if (named instanceof GraphQLInputObjectType) {
    if (depth > 4) return {};
    return Object.fromEntries(
      Object.values(named.getFields()).map((f) => [f.name, build(f.type, s, ids, depth + 1)]),
    );
  }
  return null;
}

function typeString(type: GraphQLInputType): string {
  if (isNonNullType(type)) return `${typeString(type.ofType)}!`;
  if (isListType(type)) return `[${typeString(type.ofType)}]`;
  return getNamedType(type).name;
}

let t: TestDatabase;
let server: AppServer;
let base: string;
let cookie = "";
let outsideId = "";

const TABLES_QUERY = `SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname NOT IN ('_prisma_migrations', 'session')`;

async function snapshot(): Promise<Record<string, number>> {
  const tables = await t.db.query<{ name: string }>(TABLES_QUERY);
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = (
      await t.db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "${name}"`)
    )[0]!.n;
  return counts;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const f = fixtures(t.db);
  const province = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh" });
  const a = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện A", parent: province });
  const cellA = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ A", parent: a });
  const b = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện B", parent: province });
  const cellB = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ B", parent: b });
  await f.member({ unit: cellA });
  await f.member({ unit: cellB });
  outsideId = String(cellB.id);
  await f.user({ unit: a, role: "ADMIN", username: "quan-tri-a", password: "secret-password" });
  server = await createServer({ db: t.db, costBudget: new CostBudget(1e12) });
  base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
  const r = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query:
        'mutation { signIn(username: "quan-tri-a", password: "secret-password") { username } }',
    }),
  });
  cookie = r.headers.get("set-cookie")!.split(";")[0]!;
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

describe("malformed input for every mutation", () => {
  it("gets coded errors, never a 500, and changes nothing", async () => {
    const schema = await getSchema();
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter(
      (m) => m.args.length > 0 && m.name !== "signIn",
    );
    expect(mutations.length).toBeGreaterThan(20);
    const before = await snapshot();
    const problems: string[] = [];
    let requests = 0;
    const seen = new Map<string, number>();
    for (const mutation of mutations) {
      const varDefs = mutation.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(", ");
      const call = mutation.args.map((a) => `${a.name}: $${a.name}`).join(", ");
      const named = getNamedType(mutation.type);
      const selection =
        named instanceof GraphQLScalarType || named instanceof GraphQLEnumType
          ? ""
          : " { __typename }";
      const query = `mutation Corpus(${varDefs}) { ${mutation.name}(${call})${selection} }`;
      for (const strategy of STRATEGIES) {
        const variables = Object.fromEntries(
          mutation.args.map((a) => [a.name, build(a.type, strategy, { outside: outsideId })]),
        );
        const response = await fetch(`${base}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ query, variables }),
        });
        requests++;
        const where = `${mutation.name} / ${strategy.name}`;
        if (response.status >= 500) {
          problems.push(`${where}: HTTP ${response.status}`);
          continue;
        }
        const body = (await response.json().catch(() => null)) as {
          data?: Record<string, unknown> | null;
          errors?: { message: string; extensions?: { code?: string } }[];
        } | null;
        if (!body?.errors?.length) {
          problems.push(`${where}: accepted (${JSON.stringify(body?.data).slice(0, 80)})`);
          continue;
        }
        for (const error of body.errors) {
          const code = error.extensions?.code;
          seen.set(`${strategy.name}: ${code}`, (seen.get(`${strategy.name}: ${code}`) ?? 0) + 1);
          if (code === "NOT_FOUND" && process.env.CORPUS_DEBUG)
            console.log(`NOT_FOUND from ${where}`);
          if (!code) problems.push(`${where}: error without a code: ${error.message.slice(0, 80)}`);
          if (code === "INTERNAL_SERVER_ERROR") problems.push(`${where}: INTERNAL_SERVER_ERROR`);
          if (/\bat .+\.(ts|js):\d+|SELECT |INSERT |prisma/i.test(error.message))
            problems.push(`${where}: leaks internals: ${error.message.slice(0, 80)}`);
        }
      }
    }
    console.log(
      `bad-input corpus: ${mutations.length} mutations × ${STRATEGIES.length} strategies = ${requests} requests`,
    );
    console.log([...seen].map(([k, n]) => `  ${k} × ${n}`).join("\n"));
    expect(problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 300_000);
});
