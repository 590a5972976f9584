import { describe, expect, it } from "vitest";
import { diffJson, flatten } from "./diff.ts";

describe("flatten", () => {
  it("names nested fields by path and keeps empty containers as values", () => {
    expect([...flatten({ a: 1, unit: { id: 7, tags: ["x", "y"] }, none: {}, list: [] })]).toEqual([
      ["a", 1],
      ["unit.id", 7],
      ["unit.tags[0]", "x"],
      ["unit.tags[1]", "y"],
      ["none", {}],
      ["list", []],
    ]);
    expect([...flatten(5)]).toEqual([["", 5]]);
  });
});

describe("diffJson", () => {
  it("marks changed, unchanged, added and removed fields", () => {
    const rows = diffJson(
      { displayName: "An", role: "STAFF", disabled: false, old: 1 },
      { displayName: "Anh", role: "STAFF", disabled: true, pii: true },
    );
    expect(rows).toEqual([
      { key: "displayName", before: "An", after: "Anh", status: "changed" },
      { key: "role", before: "STAFF", after: "STAFF", status: "unchanged" },
      { key: "disabled", before: false, after: true, status: "changed" },
      { key: "pii", before: undefined, after: true, status: "added" },
      { key: "old", before: 1, after: undefined, status: "removed" },
    ]);
  });

  it("lists a created record's fields as added, and nothing for no data", () => {
    expect(diffJson(null, { target: 12 })).toEqual([
      { key: "target", before: undefined, after: 12, status: "added" },
    ]);
    expect(diffJson(null, null)).toEqual([]);
  });
});
