import { describe, expect, it } from "vitest";
import {
  addDaysIso,
  addMonthsIso,
  ageBand,
  ageOn,
  dateFromIso,
  daysBetween,
  isIsoDate,
  isWithin,
  lastDayOfMonthIso,
  monthPeriod,
  probationEnd,
  quarterOf,
  quarterPeriod,
  todayIso,
  yearPeriod,
} from "./dates.ts";

describe("calendar dates", () => {
  it("takes today as the day in Vietnam (UTC+7), not the UTC date", () => {
    expect(todayIso(new Date("2026-11-23T16:59:59Z"))).toBe("2026-11-23");
    expect(todayIso(new Date("2026-11-23T17:00:00Z"))).toBe("2026-11-24");
    expect(todayIso(new Date("2026-12-31T18:30:00Z"))).toBe("2027-01-01");
    expect(todayIso(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
  });

  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024-1-01")).toBe(false);
    expect(isIsoDate("01/02/2024")).toBe(false);
    expect(() => dateFromIso("2024-02-30")).toThrow(RangeError);
  });

  it("adds months and days in UTC, clamping month ends", () => {
    expect(addMonthsIso("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonthsIso("2023-12-15", 3)).toBe("2024-03-15");
    expect(addDaysIso("2024-02-28", 2)).toBe("2024-03-01");
    expect(daysBetween("2024-12-31", "2025-03-01")).toBe(60);
    expect(lastDayOfMonthIso("2024-02-10")).toBe("2024-02-29");
  });

  it("probation ends 12 months after admission, plus any extension", () => {
    expect(probationEnd("2024-05-19")).toBe("2025-05-19");
    expect(probationEnd("2024-02-29")).toBe("2025-02-28");
    expect(probationEnd("2024-05-19", 6)).toBe("2025-11-19");
  });

  it("puts dates in calendar quarters and half-open periods", () => {
    expect([
      quarterOf("2024-01-01"),
      quarterOf("2024-03-31"),
      quarterOf("2024-04-01"),
      quarterOf("2024-12-31"),
    ]).toEqual([1, 1, 2, 4]);
    expect(quarterPeriod(2024, 4)).toEqual({ from: "2024-10-01", to: "2025-01-01" });
    expect(monthPeriod(2024, 2)).toEqual({ from: "2024-02-01", to: "2024-03-01" });
    expect(isWithin("2024-12-31", yearPeriod(2024))).toBe(true);
    expect(isWithin("2025-01-01", yearPeriod(2024))).toBe(false);
  });

  it("computes completed years of age and age bands", () => {
    expect(ageOn("1990-06-15", "2024-06-14")).toBe(33);
    expect(ageOn("1990-06-15", "2024-06-15")).toBe(34);
    expect([ageBand(18), ageBand(30), ageBand(45), ageBand(46), ageBand(60), ageBand(61)]).toEqual([
      "UNDER_30",
      "30_45",
      "30_45",
      "46_60",
      "46_60",
      "OVER_60",
    ]);
  });
});
