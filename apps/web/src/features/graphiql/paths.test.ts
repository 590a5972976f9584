import { describe, expect, it } from "vitest";
import {
  declaresVariable,
  isValidPath,
  listPaths,
  operationNames,
  preferredPath,
  selectedOperation,
} from "./paths.ts";

describe("listPaths", () => {
  it("finds a stats result's rows, not the scalar lists inside them", () => {
    const data = {
      stats: {
        from: "2020-01-01",
        total: 853,
        rows: [
          { keys: ["12", "2024"], value: 52, unit: { id: "12", name: "Đảng bộ Công an tỉnh" } },
          { keys: ["13", "2024"], value: 25, unit: { id: "13", name: "Biên phòng" } },
        ],
      },
    };
    expect(listPaths(data)).toEqual([{ path: "stats.rows", rows: 2, connection: false }]);
    expect(preferredPath(listPaths(data))).toBe("stats.rows");
  });

  it("offers a connection's nodes and prefers them", () => {
    const data = {
      viewer: { unit: { id: "1" } },
      members: {
        totalCount: 230,
        pageInfo: { hasNextPage: true, endCursor: "abc" },
        edges: [{ node: { fullName: "A" } }, { node: { fullName: "B" } }],
      },
      studyThemes: [{ year: 2024, title: "7 dám" }],
    };
    const paths = listPaths(data);
    expect(paths).toEqual([
      { path: "members.edges.node", rows: 2, connection: true },
      { path: "studyThemes", rows: 1, connection: false },
    ]);
    expect(preferredPath(paths)).toBe("members.edges.node");
  });

  it("walks nested objects, keeps the query's order and skips __typename and lists of lists", () => {
    const data = {
      meetingCompliance: {
        __typename: "MeetingCompliance",
        months: ["2026-07-01", "2026-08-01"],
        total: { cellsRequired: 10 },
        rows: [{ name: "A", byMonth: [{ month: 7 }] }],
        missingThematic: [],
        themes: [{ theme: "7 dám", meetings: 3 }],
      },
    };
    expect(listPaths(data).map((p) => p.path)).toEqual([
      "meetingCompliance.rows",
      "meetingCompliance.missingThematic",
      "meetingCompliance.themes",
    ]);
  });

  it("uses aliases as the result does, and prefers a list with rows over an empty one", () => {
    const data = { empty: { rows: [] }, year2024: { rows: [{ value: 1 }] } };
    const paths = listPaths(data);
    expect(paths.map((p) => p.path)).toEqual(["empty.rows", "year2024.rows"]);
    expect(preferredPath(paths)).toBe("year2024.rows");
  });

  it("has nothing for an error or a scalar result", () => {
    expect(listPaths(null)).toEqual([]);
    expect(listPaths(undefined)).toEqual([]);
    expect(listPaths({ viewer: null, count: 3 })).toEqual([]);
    expect(preferredPath([])).toBeUndefined();
  });
});

describe("operations and variables", () => {
  const doc = `
    query A($unitId: ID!) { stats(unitId: $unitId, metric: MEMBERS, groupBy: []) { total } }
    query B($after: String) { members(after: $after) { edges { node { id } } } }
  `;

  it("knows whether the operation that runs declares $after", () => {
    expect(declaresVariable(doc, "B", "after")).toBe(true);
    expect(declaresVariable(doc, "A", "after")).toBe(false);
    // Two operations and no name: nothing runs without a choice.
    expect(declaresVariable(doc, null, "after")).toBe(false);
    expect(declaresVariable("query($after: String) { a }", undefined, "after")).toBe(true);
    expect(declaresVariable("query { a ", undefined, "after")).toBe(false);
  });

  it("lists the operation names and selects one", () => {
    expect(operationNames(doc)).toEqual(["A", "B"]);
    expect(operationNames("{ broken")).toEqual([]);
    expect(selectedOperation(doc, "B")?.name?.value).toBe("B");
    expect(selectedOperation("{ a }")?.operation).toBe("query");
  });

  it("checks paths the way POST /export does", () => {
    expect(isValidPath("members.edges.node")).toBe(true);
    expect(isValidPath("stats.rows")).toBe(true);
    expect(isValidPath("a..b")).toBe(false);
    expect(isValidPath("")).toBe(false);
    expect(isValidPath("rows[0]")).toBe(false);
  });
});
