import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as shared from "@dangbo/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as prismaEnums from "./generated/prisma/enums.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";
import { MIGRATIONS_DIR } from "./migrate.ts";

interface FieldSpec {
  model: string;
  table: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  date: boolean;
  tz: boolean;
}

/** Reads models, scalar fields and enums from schema.prisma (the subset of the language we use). */
function parseSchema(text: string) {
  const enums = new Map<string, string[]>();
  const fields: FieldSpec[] = [];
  const blocks = text.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm);
  const blockList = [...blocks];
  const enumNames = new Set(blockList.filter((b) => b[1] === "enum").map((b) => b[2]!));
  const modelNames = new Set(blockList.filter((b) => b[1] === "model").map((b) => b[2]!));
  for (const [, kind, name, body] of blockList) {
    const lines = body!
      .split("\n")
      .map((l) => l.replace(/\/\/.*$/, "").trim())
      .filter(Boolean);
    if (kind === "enum") {
      enums.set(name!, lines);
      continue;
    }
    const table = /@@map\("(\w+)"\)/.exec(body!)?.[1] ?? name!;
    for (const line of lines) {
      if (line.startsWith("@@")) continue;
      const m = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!m) continue;
      const [, fieldName, type, list, optional, rest] = m;
      if (modelNames.has(type!)) continue; // relation field
      fields.push({
        model: name!,
        table,
        column: /@map\("(\w+)"\)/.exec(rest!)?.[1] ?? fieldName!,
        type: enumNames.has(type!) ? `enum:${type}` : type!,
        optional: Boolean(optional),
        list: Boolean(list),
        date: rest!.includes("@db.Date"),
        tz: rest!.includes("@db.Timestamptz"),
      });
    }
  }
  return { enums, fields };
}

const schemaText = readFileSync(join(MIGRATIONS_DIR, "..", "schema.prisma"), "utf8");
const parsed = parseSchema(schemaText);

function expectedPgType(field: FieldSpec): string {
  if (field.list) return "ARRAY";
  if (field.type.startsWith("enum:")) return "USER-DEFINED";
  if (field.type === "DateTime")
    return field.date
      ? "date"
      : field.tz
        ? "timestamp with time zone"
        : "timestamp without time zone";
  return (
    {
      Int: "integer",
      String: "text",
      Boolean: "boolean",
      Json: "jsonb",
      BigInt: "bigint",
      Float: "double precision",
    }[field.type] ?? field.type
  );
}

describe("schema.prisma and migrations agree", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("parses a meaningful schema", () => {
    expect(parsed.fields.length).toBeGreaterThan(200);
    expect(parsed.enums.size).toBeGreaterThan(15);
  });

  it("every model field exists as a column with the right type and nullability", async () => {
    const columns = await t.db.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      udt_name: string;
    }>(
      `SELECT table_name, column_name, data_type, is_nullable, udt_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const byKey = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c]));
    const problems: string[] = [];
    for (const field of parsed.fields) {
      const column = byKey.get(`${field.table}.${field.column}`);
      if (!column) {
        problems.push(
          `${field.model}.${field.column}: missing column ${field.table}.${field.column}`,
        );
        continue;
      }
      if (column.data_type !== expectedPgType(field))
        problems.push(
          `${field.table}.${field.column}: ${column.data_type}, schema says ${expectedPgType(field)}`,
        );
      if (field.type.startsWith("enum:") && !field.list && column.udt_name !== field.type.slice(5))
        problems.push(`${field.table}.${field.column}: enum ${column.udt_name}`);
      const nullable = column.is_nullable === "YES";
      if (nullable !== (field.optional || field.list))
        problems.push(
          `${field.table}.${field.column}: nullable=${nullable}, schema optional=${field.optional}`,
        );
    }
    // And no table column that the schema does not know (a migration adding what the schema lacks).
    const known = new Set(parsed.fields.map((f) => `${f.table}.${f.column}`));
    for (const c of columns) {
      if (c.table_name === "_prisma_migrations") continue;
      if (!known.has(`${c.table_name}.${c.column_name}`))
        problems.push(`${c.table_name}.${c.column_name}: in the database, not in schema.prisma`);
    }
    expect(problems).toEqual([]);
  });

  it("every table notifies its changes (the API's caches depend on it), but the audit log", async () => {
    const rows = await t.db.query<{ table_name: string; events: string | null }>(
      `SELECT c.relname AS table_name,
              (SELECT string_agg(tg.tgname, ',') FROM pg_trigger tg
               WHERE tg.tgrelid = c.oid AND tg.tgfoid = 'dangbo_notify_change'::regproc) AS events
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    const missing = rows
      .filter((r) => !r.events && !["_prisma_migrations", "audit_log"].includes(r.table_name))
      .map((r) => r.table_name);
    expect(rows.length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it("enums have the same values in the database", async () => {
    const rows = await t.db.query<{ typname: string; enumlabel: string }>(
      `SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
    );
    const db = new Map<string, string[]>();
    for (const r of rows) db.set(r.typname, [...(db.get(r.typname) ?? []), r.enumlabel]);
    expect(Object.fromEntries(db)).toEqual(Object.fromEntries(parsed.enums));
  });

  it("the shared vocabulary matches the Prisma enums", () => {
    const pairs: [string, Record<string, string>][] = [
      ["OrgUnitKind", shared.OrgUnitKind],
      ["Sector", shared.Sector],
      ["MemberStatus", shared.MemberStatus],
      ["MemberEventKind", shared.MemberEventKind],
      ["Gender", shared.Gender],
      ["Occupation", shared.Occupation],
      ["Role", shared.Role],
      ["MeetingKind", shared.MeetingKind],
      ["AttendanceStatus", shared.AttendanceStatus],
      ["CandidateStage", shared.CandidateStage],
      ["Classification", shared.Classification],
      ["DocumentKind", shared.DocumentKind],
      ["TrainingKind", shared.TrainingKind],
      ["ConferenceKind", shared.ConferenceKind],
      ["ConferenceFormat", shared.ConferenceFormat],
      ["Audience", shared.Audience],
      ["AwardKind", shared.AwardKind],
    ];
    for (const [name, values] of pairs) {
      expect(values, name).toEqual(
        (prismaEnums as unknown as Record<string, Record<string, string>>)[name],
      );
    }
  });
});
