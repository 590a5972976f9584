import { describe, expect, it } from "vitest";
import { localDate } from "./dates.ts";
import {
  complies,
  consecutiveUnexcusedMonths,
  meetingDateProblem,
  meetingEditable,
  monthStatus,
  quarterStatus,
  regularRequired,
  thematicRequired,
} from "./meetings.ts";

const always = { validFrom: "2015-01-01", validTo: null };

describe("which meetings a cell owes", () => {
  it("owes a regular meeting only for months it existed throughout", () => {
    expect(regularRequired(always, 2024, 2)).toBe(true);
    const created = { validFrom: "2024-03-10", validTo: null };
    expect(regularRequired(created, 2024, 3)).toBe(false);
    expect(regularRequired(created, 2024, 4)).toBe(true);
    const merged = { validFrom: "2015-01-01", validTo: "2025-07-01" };
    expect(regularRequired(merged, 2025, 6)).toBe(true); // dissolved on 1 July: June complete
    expect(regularRequired(merged, 2025, 7)).toBe(false);
    const mergedMid = { validFrom: "2015-01-01", validTo: "2025-07-15" };
    expect(regularRequired(mergedMid, 2025, 7)).toBe(false);
    expect(regularRequired({ validFrom: "2024-03-01", validTo: null }, 2024, 3)).toBe(true); // from the 1st counts
  });

  it("owes the quarter's thematic meeting when it existed through the quarter's last month", () => {
    expect(thematicRequired({ validFrom: "2024-02-15", validTo: null }, 2024, 1)).toBe(true);
    expect(thematicRequired({ validFrom: "2024-03-02", validTo: null }, 2024, 1)).toBe(false);
    expect(thematicRequired({ validFrom: "2015-01-01", validTo: "2024-12-20" }, 2024, 4)).toBe(
      false,
    );
    expect(thematicRequired({ validFrom: "2015-01-01", validTo: "2025-01-01" }, 2024, 4)).toBe(
      true,
    );
  });
});

describe("month and quarter status", () => {
  it("is ON_TIME by the 10th, LATE after, MISSING without a meeting; several meetings count once", () => {
    expect(monthStatus(true, [10])).toBe("ON_TIME");
    expect(monthStatus(true, [11])).toBe("LATE");
    expect(monthStatus(true, [28, 3])).toBe("ON_TIME");
    expect(monthStatus(true, [])).toBe("MISSING");
    expect(monthStatus(false, [])).toBe("NOT_REQUIRED");
    expect(monthStatus(false, [5])).toBe("ON_TIME");
  });
  it("marks a quarter HELD with any thematic meeting", () => {
    expect(quarterStatus(true, 2)).toBe("HELD");
    expect(quarterStatus(true, 0)).toBe("MISSING");
    expect(quarterStatus(false, 0)).toBe("NOT_REQUIRED");
  });
  it("complies when nothing required is missing; late is still held", () => {
    expect(complies(["ON_TIME", "LATE", "NOT_REQUIRED"], ["HELD"])).toBe(true);
    expect(complies(["ON_TIME", "MISSING"], ["HELD"])).toBe(false);
    expect(complies(["ON_TIME"], ["MISSING"])).toBe(false);
  });
});

describe("meeting dates and locking", () => {
  it("refuses future dates and dates outside the cell's life", () => {
    const cell = { validFrom: "2024-03-10", validTo: "2025-07-01" };
    expect(meetingDateProblem("2026-11-24", "2026-11-23", always)).toBe("FUTURE");
    expect(meetingDateProblem("2026-11-23", "2026-11-23", always)).toBeNull();
    expect(meetingDateProblem("2024-03-09", "2026-11-23", cell)).toBe("BEFORE_CELL");
    expect(meetingDateProblem("2024-03-10", "2026-11-23", cell)).toBeNull();
    expect(meetingDateProblem("2025-07-01", "2026-11-23", cell)).toBe("AFTER_CELL");
  });
  it("locks a meeting 30 days after it was held unless unlocked", () => {
    expect(meetingEditable("2026-10-24", "2026-11-23")).toBe(true);
    expect(meetingEditable("2026-10-23", "2026-11-23")).toBe(false);
    expect(meetingEditable("2026-01-05", "2026-11-23", "2026-11-30")).toBe(true);
    expect(meetingEditable("2026-01-05", "2026-11-23", "2026-11-22")).toBe(false);
  });
  it("uses Vietnam's calendar date (UTC+7)", () => {
    expect(localDate(new Date("2026-11-22T17:30:00Z"))).toBe("2026-11-23");
    expect(localDate(new Date("2026-11-22T16:59:00Z"))).toBe("2026-11-22");
  });
});

describe("absence without reason", () => {
  const m = (month: string, present: boolean, excused: boolean, absent: boolean) => ({
    month,
    present,
    excused,
    absent,
  });
  it("counts consecutive months of unexcused absence ending with the latest month", () => {
    expect(
      consecutiveUnexcusedMonths([
        m("2026-08", true, false, false),
        m("2026-09", false, false, true),
        m("2026-10", false, false, true),
        m("2026-11", false, false, true),
      ]),
    ).toBe(3);
    expect(
      consecutiveUnexcusedMonths([
        m("2026-09", false, false, true),
        m("2026-10", false, true, false),
        m("2026-11", false, false, true),
      ]),
    ).toBe(1);
    expect(consecutiveUnexcusedMonths([m("2026-11", true, false, true)])).toBe(0);
    expect(consecutiveUnexcusedMonths([])).toBe(0);
  });
  it("is not broken by a month without a meeting", () => {
    expect(
      consecutiveUnexcusedMonths([
        m("2026-07", false, false, true),
        m("2026-09", false, false, true),
        m("2026-11", false, false, true),
      ]),
    ).toBe(3);
  });
});
