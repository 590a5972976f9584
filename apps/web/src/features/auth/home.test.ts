import { describe, expect, it } from "vitest";
import { homeFor, safeNext, signInPath } from "./home.ts";

describe("homeFor", () => {
  it("sends a secretary to her cell and the others to the leaders' dashboard", () => {
    expect(homeFor({ role: "SECRETARY", unit: { id: "42" } })).toBe("/cell");
    for (const role of ["ADMIN", "LEADER", "STAFF", "ANALYST"] as const) {
      expect(homeFor({ role, unit: { id: "1" } })).toBe("/dashboard");
    }
  });
});

describe("safeNext", () => {
  it("keeps paths of this app with their query and hash", () => {
    expect(safeNext("/units/12")).toBe("/units/12");
    expect(safeNext("/admin/audit?entity=AdmissionTarget&entityId=12:2026")).toBe(
      "/admin/audit?entity=AdmissionTarget&entityId=12:2026",
    );
    expect(safeNext("/members#top")).toBe("/members#top");
  });

  it("refuses other sites, schemes, relative paths, the sign-in page and nothing", () => {
    for (const next of [
      null,
      undefined,
      "",
      "units",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "/sign-in",
      "/sign-in?next=/units",
      "/",
    ]) {
      expect(safeNext(next), String(next)).toBeNull();
    }
  });

  it("builds the sign-in address with an encoded next", () => {
    expect(signInPath("/units/12?x=1")).toBe("/sign-in?next=%2Funits%2F12%3Fx%3D1");
    expect(signInPath("//evil.example")).toBe("/sign-in");
    expect(signInPath(null)).toBe("/sign-in");
  });
});
