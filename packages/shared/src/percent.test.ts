import { describe, expect, it } from "vitest";
import { percentOfTarget, progressBand } from "./percent.ts";

describe("percentOfTarget", () => {
  it("reproduces the reports' figures", () => {
    expect(percentOfTarget(853, 805)).toBe(106.0);
    expect(percentOfTarget(52, 30)).toBe(173.3);
    expect(percentOfTarget(25, 20)).toBe(125.0);
    expect(percentOfTarget(85, 75)).toBe(113.3);
    expect(percentOfTarget(88, 153)).toBe(57.5);
  });
  it("is null without a target", () => {
    expect(percentOfTarget(5, 0)).toBeNull();
    expect(percentOfTarget(0, -1)).toBeNull();
    expect(percentOfTarget(3, Number.NaN)).toBeNull();
  });
  it("rounds half up to one decimal", () => {
    expect(percentOfTarget(1, 8)).toBe(12.5);
    expect(percentOfTarget(1, 3)).toBe(33.3);
    expect(percentOfTarget(2, 3)).toBe(66.7);
    expect(percentOfTarget(0, 10)).toBe(0);
  });
});

describe("progressBand", () => {
  it.each([
    [null, "NONE"],
    [0, "LOW"],
    [49.9, "LOW"],
    [50, "MEDIUM"],
    [99.9, "MEDIUM"],
    [100, "MET"],
    [173.3, "MET"],
  ] as const)("%s → %s", (percent, band) => {
    expect(progressBand(percent)).toBe(band);
  });
});
