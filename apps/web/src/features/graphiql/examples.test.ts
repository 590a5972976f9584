import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, getVariableValues, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../i18n/index.ts";
import { EXAMPLES, exampleContents, lastEndedQuarter } from "./examples.ts";
import { declaresVariable, selectedOperation } from "./paths.ts";

/** The API's contract, as committed (apps/api/schema.graphql), from the root or apps/web. */
const schemaFile = ["apps/api/schema.graphql", "../api/schema.graphql"]
  .map((path) => resolve(process.cwd(), path))
  .find((path) => existsSync(path))!;
const schema = buildSchema(readFileSync(schemaFile, "utf8"));

const context = { unitId: "1", today: "2026-11-23", documentId: "42" };

describe("the example queries", () => {
  it.each(EXAMPLES.map((e) => [e.id, e] as const))(
    "%s is valid against the schema, with variables it accepts",
    (_id, example) => {
      for (const language of LANGUAGES) {
        const { query, variables } = exampleContents(example, language, context);
        const document = parse(query);
        expect(validate(schema, document)).toEqual([]);
        const operation = selectedOperation(query)!;
        const coerced = getVariableValues(
          schema,
          operation.variableDefinitions ?? [],
          JSON.parse(variables) as Record<string, unknown>,
        );
        expect(coerced.errors).toBeUndefined();
      }
    },
  );

  it("count the viewer's own unit and have a title and a description in every language", () => {
    for (const example of EXAMPLES) {
      expect(example.variables(context)).toMatchObject({ unitId: "1" });
      for (const language of LANGUAGES) {
        expect(example.text[language].title.length).toBeGreaterThan(5);
        expect(example.text[language].description.length).toBeGreaterThan(20);
      }
    }
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
  });

  it("cover what analysts asked for", () => {
    const queries = EXAMPLES.map((e) => e.query.replace(/\s+/g, " "));
    expect(queries).toContainEqual(
      expect.stringContaining("stats(metric: ADMISSIONS, unitId: $unitId, groupBy: [UNIT, YEAR]"),
    );
    expect(queries).toContainEqual(expect.stringContaining("admissionProgress("));
    expect(queries).toContainEqual(
      expect.stringContaining(
        "stats(metric: MEMBERS, unitId: $unitId, groupBy: [SECTOR, AGE_BAND]",
      ),
    );
    expect(queries).toContainEqual(expect.stringContaining("meetingCompliance("));
    expect(queries).toContainEqual(expect.stringContaining("implementationCoverage("));
    expect(queries).toContainEqual(expect.stringContaining("disseminationSummary("));
    const list = EXAMPLES.find((e) => e.id === "probationary-members")!;
    expect(list.query).toMatch(/filter: \$filter/);
    expect(list.query).toMatch(/orderBy:/);
    // The export pages through it.
    expect(declaresVariable(list.query, null, "after")).toBe(true);
  });

  it("load with the title as a comment and pretty variables", () => {
    const example = EXAMPLES[0]!;
    const vi = exampleContents(example, "vi", context);
    expect(vi.query.startsWith(`# ${example.text.vi.title}\nquery `)).toBe(true);
    expect(JSON.parse(vi.variables)).toEqual({ unitId: "1", from: "2020-01-01" });
    expect(vi.variables).toContain('\n  "unitId": "1"');
    expect(exampleContents(example, "en", context).query).toContain(`# ${example.text.en.title}`);
  });

  it("leave documentId empty when the resolution was not found", () => {
    const coverage = EXAMPLES.find((e) => e.needsDocument)!;
    expect(coverage.variables({ unitId: "1", today: "2026-11-23" })).toEqual({
      documentId: null,
      unitId: "1",
    });
  });
});

describe("lastEndedQuarter", () => {
  it("is the quarter before today's, across the new year", () => {
    expect(lastEndedQuarter("2026-11-23")).toEqual({ year: 2026, quarter: 3 });
    expect(lastEndedQuarter("2026-04-01")).toEqual({ year: 2026, quarter: 1 });
    expect(lastEndedQuarter("2026-03-31")).toEqual({ year: 2025, quarter: 4 });
    expect(lastEndedQuarter("2026-01-01")).toEqual({ year: 2025, quarter: 4 });
  });
});
