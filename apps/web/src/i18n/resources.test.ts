import { Gender, MemberStatus, Occupation, OrgUnitKind, Sector } from "@dangbo/shared";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { formatDate, formatNumber } from "./format.ts";
import { vi } from "./vi.ts";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
    .sort();
}

function lookup(resource: object, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource);
}

function leaves(value: unknown): unknown[] {
  if (typeof value !== "object" || value === null) return [value];
  return Object.values(value).flatMap(leaves);
}

describe("translations", () => {
  it("vi and en have exactly the same keys", () => {
    expect(keys(en)).toEqual(keys(vi));
  });

  it("every text is a non-empty string", () => {
    for (const value of [...leaves(vi), ...leaves(en)]) {
      expect(typeof value).toBe("string");
      expect((value as string).trim()).not.toBe("");
    }
  });

  it("labels every value of the shared enums", () => {
    const enums = {
      orgUnitKind: OrgUnitKind,
      sector: Sector,
      memberStatus: MemberStatus,
      gender: Gender,
      occupation: Occupation,
    };
    for (const [name, values] of Object.entries(enums)) {
      const expected = Object.keys(values).sort();
      expect(Object.keys(vi.enums[name as keyof typeof enums]).sort(), name).toEqual(expected);
    }
  });

  it("uses the same interpolation placeholders in both languages", () => {
    const placeholders = (text: unknown) =>
      [...String(text).matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const key of keys(vi)) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(vi, key)));
    }
  });
});

describe("formatting", () => {
  it("writes dates as dd/MM/yyyy in Vietnamese and in words in English", () => {
    expect(formatDate("2024-03-05", "vi")).toBe("05/03/2024");
    expect(formatDate("2024-03-05", "en")).toBe("5 Mar 2024");
  });

  it("groups thousands the way each language does", () => {
    expect(formatNumber(22551, "vi")).toBe("22.551");
    expect(formatNumber(22551, "en")).toBe("22,551");
  });
});
