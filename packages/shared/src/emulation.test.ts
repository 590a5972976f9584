import { describe, expect, it } from "vitest";
import {
  activeOn,
  awardCoversYear,
  awardProblem,
  awardSpanYears,
  awardYears,
  describeAwardSpan,
  isOpenTo,
  MAX_AWARD_SPAN_YEARS,
  percentOf,
  periodProblem,
  periodsOverlap,
  registrationProblem,
  registrationStateProblem,
  type AwardRules,
} from "./emulation.ts";
import { AwardKind } from "./enums.ts";

const TODAY = "2025-06-15";

describe("periods (inclusive at both ends)", () => {
  it("refuses a period that ends before it starts; one day and open ends are fine", () => {
    expect(periodProblem({ startsOn: "2025-01-01", endsOn: "2024-12-31" })).toBe(
      "ENDS_BEFORE_START",
    );
    expect(periodProblem({ startsOn: "2025-01-01", endsOn: "2025-01-01" })).toBeNull();
    expect(periodProblem({ startsOn: "2025-01-01", endsOn: null })).toBeNull();
  });

  it("is active on its first and last day, not the day before or after", () => {
    const p = { startsOn: "2024-10-01", endsOn: "2025-02-03" };
    expect(activeOn(p, "2024-09-30")).toBe(false);
    expect(activeOn(p, "2024-10-01")).toBe(true);
    expect(activeOn(p, "2025-02-03")).toBe(true);
    expect(activeOn(p, "2025-02-04")).toBe(false);
    expect(activeOn({ startsOn: "2020-03-01", endsOn: null }, "2099-01-01")).toBe(true);
    expect(activeOn({ startsOn: "2020-03-01", endsOn: null }, "2020-02-29")).toBe(false);
  });

  it("overlaps when the periods share a day", () => {
    const year2024 = { startsOn: "2024-01-01", endsOn: "2024-12-31" };
    expect(periodsOverlap(year2024, { startsOn: "2020-06-01", endsOn: "2025-06-30" })).toBe(true);
    expect(periodsOverlap(year2024, { startsOn: "2024-12-31", endsOn: "2025-02-03" })).toBe(true);
    expect(periodsOverlap(year2024, { startsOn: "2025-01-01", endsOn: "2025-02-03" })).toBe(false);
    expect(periodsOverlap(year2024, { startsOn: "2023-01-01", endsOn: "2023-12-31" })).toBe(false);
    expect(periodsOverlap(year2024, { startsOn: "2023-01-01", endsOn: null })).toBe(true);
    expect(periodsOverlap({ startsOn: "2025-01-01", endsOn: null }, year2024)).toBe(false);
  });
});

describe("registering for a campaign", () => {
  // Province 1 → district 10 → commune 100 → cell 1000; the campaign is open to district 10.
  const campaign = { startsOn: "2024-10-01", endsOn: "2025-02-03", eligibleUnitIds: [10] };
  const cellChain = [1000, 100, 10, 1];

  it("accepts a unit open through itself or any superior, on any day of the period", () => {
    expect(registrationProblem(campaign, "2024-10-01", cellChain, TODAY)).toBeNull();
    expect(registrationProblem(campaign, "2025-02-03", cellChain, TODAY)).toBeNull();
    expect(registrationProblem(campaign, "2024-12-01", [10, 1], TODAY)).toBeNull(); // the district itself
    expect(registrationProblem(campaign, "2024-12-01", [100, 10, 1], TODAY)).toBeNull();
  });

  it("refuses units the campaign is not open to: superiors of, or beside, the eligible unit", () => {
    expect(registrationProblem(campaign, "2024-12-01", [1], TODAY)).toBe("NOT_ELIGIBLE"); // the province
    expect(registrationProblem(campaign, "2024-12-01", [2000, 200, 20, 1], TODAY)).toBe(
      "NOT_ELIGIBLE",
    ); // another district's cell
    expect(
      registrationProblem({ ...campaign, eligibleUnitIds: [] }, "2024-12-01", cellChain, TODAY),
    ).toBe("NOT_ELIGIBLE");
  });

  it("judges eligibility on the registration date's tree (a moved cell brings its new chain)", () => {
    // Before a move the cell was under district 20 (not open); after it, under 10 (open).
    expect(registrationProblem(campaign, "2024-11-01", [1000, 200, 20, 1], TODAY)).toBe(
      "NOT_ELIGIBLE",
    );
    expect(registrationProblem(campaign, "2024-12-01", [1000, 100, 10, 1], TODAY)).toBeNull();
  });

  it("refuses dates outside the period, in the future, or when the unit did not exist", () => {
    expect(registrationProblem(campaign, "2024-09-30", cellChain, TODAY)).toBe("BEFORE_CAMPAIGN");
    expect(registrationProblem(campaign, "2025-02-04", cellChain, TODAY)).toBe("AFTER_CAMPAIGN");
    expect(registrationProblem(campaign, "2024-12-01", [], TODAY)).toBe("UNIT_NOT_EXISTING");
    const running = { startsOn: "2025-03-01", endsOn: "2025-12-31", eligibleUnitIds: [1] };
    expect(registrationProblem(running, "2025-06-16", cellChain, TODAY)).toBe("FUTURE");
    expect(registrationProblem(running, TODAY, cellChain, TODAY)).toBeNull();
  });

  it("isOpenTo looks for any member of the chain among the eligible units", () => {
    expect(isOpenTo([1], cellChain)).toBe(true);
    expect(isOpenTo([1000], cellChain)).toBe(true);
    expect(isOpenTo([999], cellChain)).toBe(false);
    expect(isOpenTo([1], [])).toBe(false);
  });
});

describe("progress, result and completion of a registration", () => {
  const base = { registeredOn: "2025-03-10", progress: 40, completedOn: null };

  it("takes whole percentages from 0 to 100", () => {
    for (const progress of [0, 1, 50, 99])
      expect(registrationStateProblem({ ...base, progress }, TODAY)).toBeNull();
    for (const progress of [-1, 101, 50.5, Number.NaN])
      expect(registrationStateProblem({ ...base, progress }, TODAY)).toBe("PROGRESS_RANGE");
  });

  it("completes at 100 % on a date between the registration and today", () => {
    const done = { ...base, progress: 100 };
    expect(registrationStateProblem({ ...done, completedOn: "2025-03-10" }, TODAY)).toBeNull();
    expect(registrationStateProblem({ ...done, completedOn: TODAY }, TODAY)).toBeNull();
    expect(registrationStateProblem({ ...done, completedOn: "2025-03-09" }, TODAY)).toBe(
      "COMPLETED_BEFORE_REGISTERED",
    );
    expect(registrationStateProblem({ ...done, completedOn: "2025-06-16" }, TODAY)).toBe(
      "COMPLETED_IN_FUTURE",
    );
    expect(registrationStateProblem({ ...base, completedOn: "2025-05-01" }, TODAY)).toBe(
      "COMPLETED_NOT_FULL",
    );
    expect(registrationStateProblem(done, TODAY)).toBe("FULL_NOT_COMPLETED");
  });

  it("percentOf rounds to one decimal and has no value for an empty whole", () => {
    expect(percentOf(1337, 1337)).toBe(100);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(3, 0)).toBeNull();
  });
});

describe("awards", () => {
  const unitAward: AwardRules = {
    kind: AwardKind.EXCELLENT_TASKS_TITLE,
    yearFrom: 2020,
    yearTo: 2024,
    decidedOn: "2025-01-20",
    unitId: 7,
    memberId: null,
  };

  it("accepts the reports' awards: five consecutive years 2020–2024, a flag decided in its own year", () => {
    expect(awardProblem(unitAward, TODAY)).toBeNull();
    expect(awardProblem({ ...unitAward, unitId: null, memberId: 3 }, TODAY)).toBeNull();
    expect(
      awardProblem(
        {
          ...unitAward,
          kind: AwardKind.GOVERNMENT_FLAG,
          yearFrom: 2024,
          yearTo: 2024,
          decidedOn: "2024-12-27",
        },
        TODAY,
      ),
    ).toBeNull();
  });

  it("needs a run of consecutive years in order, of sensible length and range", () => {
    expect(awardProblem({ ...unitAward, yearFrom: 2025, yearTo: 2024 }, TODAY)).toBe(
      "YEARS_REVERSED",
    );
    expect(awardProblem({ ...unitAward, yearFrom: 2024 - MAX_AWARD_SPAN_YEARS + 1 }, TODAY)).toBe(
      null,
    );
    expect(awardProblem({ ...unitAward, yearFrom: 2024 - MAX_AWARD_SPAN_YEARS }, TODAY)).toBe(
      "SPAN_TOO_LONG",
    );
    expect(awardProblem({ ...unitAward, yearFrom: 1929 }, TODAY)).toBe("YEAR_RANGE");
    expect(awardProblem({ ...unitAward, yearFrom: 2020.5 }, TODAY)).toBe("YEAR_RANGE");
    expect(
      awardProblem({ ...unitAward, yearTo: 2101, decidedOn: "2101-01-01" }, "2101-02-01"),
    ).toBe("YEAR_RANGE");
  });

  it("is decided in or after the last year it covers, and not in the future", () => {
    expect(awardProblem({ ...unitAward, decidedOn: "2023-12-31" }, TODAY)).toBe(
      "DECIDED_BEFORE_LAST_YEAR",
    );
    expect(awardProblem({ ...unitAward, decidedOn: "2024-01-01" }, TODAY)).toBeNull();
    expect(awardProblem({ ...unitAward, decidedOn: "2025-06-16" }, TODAY)).toBe(
      "DECIDED_IN_FUTURE",
    );
  });

  it("goes to exactly one recipient; flags only to units", () => {
    expect(awardProblem({ ...unitAward, unitId: null }, TODAY)).toBe("RECIPIENT_COUNT");
    expect(awardProblem({ ...unitAward, memberId: 3 }, TODAY)).toBe("RECIPIENT_COUNT");
    for (const kind of [
      AwardKind.GOVERNMENT_FLAG,
      AwardKind.PRIME_MINISTER_FLAG,
      AwardKind.PROVINCE_FLAG,
    ])
      expect(
        awardProblem({ ...unitAward, kind, unitId: null, memberId: 3, yearFrom: 2024 }, TODAY),
      ).toBe("FLAG_TO_MEMBER");
    for (const kind of [
      AwardKind.STANDING_COMMITTEE_CERTIFICATE,
      AwardKind.PEOPLES_COMMITTEE_CERTIFICATE,
      AwardKind.EXCELLENT_TASKS_TITLE,
    ])
      expect(awardProblem({ ...unitAward, kind, unitId: null, memberId: 3 }, TODAY)).toBeNull();
  });

  it("counts a span in each year it covers, inclusive at both ends", () => {
    expect(awardSpanYears(2020, 2024)).toBe(5);
    expect(awardSpanYears(2024, 2024)).toBe(1);
    expect(awardYears(2020, 2024)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(awardYears(2024, 2024)).toEqual([2024]);
    expect(awardYears(2025, 2024)).toEqual([]);
    const five = { yearFrom: 2020, yearTo: 2024 };
    expect([2019, 2020, 2022, 2024, 2025].map((y) => awardCoversYear(five, y))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it("describes a span in English and Vietnamese", () => {
    expect(describeAwardSpan(2024, 2024)).toBe("2024");
    expect(describeAwardSpan(2020, 2024)).toBe("2020–2024 (5 consecutive years)");
    expect(describeAwardSpan(2020, 2024, "vi")).toBe("5 năm liên tục (2020–2024)");
    expect(describeAwardSpan(2023, 2024, "vi")).toBe("2 năm liên tục (2023–2024)");
  });
});
