import { describe, expect, it } from "vitest";
import {
  datedChangeProblem,
  extensionMonthsOf,
  extensionProblem,
  firstOverlap,
  recognitionProblem,
  stageProblem,
} from "./lifecycle.ts";

const TODAY = "2026-11-20";

describe("candidate stages", () => {
  it("moves only to the next stage", () => {
    expect(
      stageProblem("REGISTERED", "2026-01-10", "AWARENESS_CLASS", "2026-02-01", TODAY),
    ).toBeNull();
    expect(stageProblem("REGISTERED", "2026-01-10", "VERIFICATION", "2026-02-01", TODAY)).toBe(
      "SKIPPED",
    );
    expect(stageProblem("PROPOSED", "2026-05-01", "ADMITTED", "2026-06-01", TODAY)).toBeNull();
    expect(stageProblem("VERIFIED", "2026-05-01", "AWARENESS_CLASS", "2026-06-01", TODAY)).toBe(
      "BACKWARDS",
    );
    expect(stageProblem("VERIFIED", "2026-05-01", "VERIFIED", "2026-06-01", TODAY)).toBe(
      "BACKWARDS",
    );
  });
  it("may be rejected or withdrawn from any open stage, never after it closed", () => {
    expect(stageProblem("VERIFICATION", "2026-05-01", "REJECTED", "2026-05-01", TODAY)).toBeNull();
    expect(stageProblem("REGISTERED", "2026-05-01", "WITHDRAWN", "2026-06-01", TODAY)).toBeNull();
    expect(stageProblem("ADMITTED", "2026-05-01", "WITHDRAWN", "2026-06-01", TODAY)).toBe("CLOSED");
    expect(stageProblem("REJECTED", "2026-05-01", "AWARENESS_CLASS", "2026-06-01", TODAY)).toBe(
      "CLOSED",
    );
  });
  it("is never dated before the previous stage or after today", () => {
    expect(stageProblem("REGISTERED", "2026-01-10", "AWARENESS_CLASS", "2026-01-09", TODAY)).toBe(
      "BEFORE_PREVIOUS",
    );
    expect(
      stageProblem("REGISTERED", "2026-01-10", "AWARENESS_CLASS", "2026-01-10", TODAY),
    ).toBeNull();
    expect(stageProblem("REGISTERED", "2026-01-10", "AWARENESS_CLASS", "2026-11-21", TODAY)).toBe(
      "FUTURE",
    );
  });
});

describe("probation", () => {
  it("is recognised as official not before its end, and only for probationary members", () => {
    expect(recognitionProblem("PROBATIONARY", "2025-11-10", 0, "2026-11-10", TODAY)).toBeNull();
    expect(recognitionProblem("PROBATIONARY", "2025-11-10", 0, "2026-11-09", TODAY)).toBe(
      "TOO_EARLY",
    );
    expect(recognitionProblem("PROBATIONARY", "2025-05-10", 6, "2026-05-10", TODAY)).toBe(
      "TOO_EARLY",
    );
    expect(recognitionProblem("PROBATIONARY", "2025-05-10", 6, "2026-11-10", TODAY)).toBeNull();
    expect(recognitionProblem("OFFICIAL", "2020-01-01", 0, "2026-01-01", TODAY)).toBe(
      "NOT_PROBATIONARY",
    );
    expect(recognitionProblem("PROBATIONARY", "2025-01-01", 0, "2026-11-21", TODAY)).toBe("FUTURE");
  });
  it("is extended by at most 12 months in total", () => {
    expect(extensionProblem("PROBATIONARY", 0, 12)).toBeNull();
    expect(extensionProblem("PROBATIONARY", 6, 7)).toBe("TOO_LONG");
    expect(extensionProblem("PROBATIONARY", 0, 0)).toBe("NOT_POSITIVE");
    expect(extensionProblem("OFFICIAL", 0, 3)).toBe("NOT_PROBATIONARY");
  });
  it("derives the extension from the end date", () => {
    expect(extensionMonthsOf("2025-01-31", "2026-01-31")).toBe(0);
    expect(extensionMonthsOf("2025-01-31", "2026-07-31")).toBe(6);
  });
});

describe("dated changes and cells", () => {
  it("apply to active members, not in the future nor before their last change", () => {
    expect(datedChangeProblem("OFFICIAL", "2020-01-01", "2026-01-01", TODAY)).toBeNull();
    expect(datedChangeProblem("DECEASED", "2020-01-01", "2026-01-01", TODAY)).toBe("NOT_ACTIVE");
    expect(datedChangeProblem("OFFICIAL", "2026-02-01", "2026-01-01", TODAY)).toBe(
      "BEFORE_LAST_CHANGE",
    );
    expect(datedChangeProblem("PROBATIONARY", "2026-02-01", "2026-12-01", TODAY)).toBe("FUTURE");
  });
  it("finds overlapping primary assignments", () => {
    expect(
      firstOverlap([
        { from: "2020-01-01", to: "2024-01-01" },
        { from: "2024-01-01", to: null },
      ]),
    ).toBe(-1);
    expect(
      firstOverlap([
        { from: "2024-01-01", to: null },
        { from: "2020-01-01", to: "2024-01-02" },
      ]),
    ).toBe(0);
    expect(
      firstOverlap([
        { from: "2020-01-01", to: null },
        { from: "2021-01-01", to: null },
      ]),
    ).toBe(1);
  });
});
