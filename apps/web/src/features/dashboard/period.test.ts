import { describe, expect, it } from "vitest";
import {
  dashboardTreeDate,
  periodEnd,
  periodFromSearch,
  periodSearch,
  periodVariables,
  targetsTreeDate,
} from "./period.ts";

describe("dashboard periods", () => {
  it("reads ?year=&quarter=, falling back to the current year for anything else", () => {
    const today = "2026-11-23";
    const read = (search: string) => periodFromSearch(new URLSearchParams(search), today);
    expect(read("year=2024&quarter=2")).toEqual({ year: 2024, quarter: 2 });
    expect(read("year=2024")).toEqual({ year: 2024, quarter: null });
    expect(read("")).toEqual({ year: 2026, quarter: null });
    expect(read("year=2019&quarter=5")).toEqual({ year: 2026, quarter: null });
    expect(read("year=2027")).toEqual({ year: 2026, quarter: null });
    expect(read("year=20x4")).toEqual({ year: 2026, quarter: null });
  });

  it("writes the period back for links and queries", () => {
    expect(periodSearch({ year: 2024, quarter: 2 })).toBe("?year=2024&quarter=2");
    expect(periodSearch({ year: 2024, quarter: null })).toBe("?year=2024");
    expect(periodVariables({ year: 2024, quarter: null })).toEqual({ year: 2024 });
    expect(periodVariables({ year: 2024, quarter: 3 })).toEqual({ year: 2024, quarter: 3 });
  });

  it("takes the tree of the last day counted, as the API does", () => {
    expect(periodEnd({ year: 2024, quarter: 1 })).toBe("2024-03-31");
    expect(periodEnd({ year: 2024, quarter: 2 })).toBe("2024-06-30");
    expect(dashboardTreeDate({ year: 2024, quarter: null }, "2026-11-23")).toBe("2024-12-31");
    expect(dashboardTreeDate({ year: 2026, quarter: null }, "2026-11-23")).toBe("2026-11-23");
    expect(dashboardTreeDate({ year: 2026, quarter: 2 }, "2026-11-23")).toBe("2026-06-30");
    expect(targetsTreeDate(2026, "2026-11-23")).toBe("2026-11-23");
    expect(targetsTreeDate(2027, "2026-11-23")).toBe("2027-12-31");
    expect(targetsTreeDate(2025, "2026-11-23")).toBe("2025-12-31");
  });
});
