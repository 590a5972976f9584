import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import { describe, expect, it } from "vitest";
import { classifyFailure } from "./send.ts";
import type { AttendanceRow } from "./storage.ts";
import { newIdempotencyKey } from "./storage.ts";
import { todayIso } from "@dangbo/shared";
import { instantFromVn, vnDateTime } from "./time.ts";
import { mergeAttendance, studyThemeIdFor } from "./values.ts";

const row = (memberId: string, status: AttendanceRow["status"] = "PRESENT"): AttendanceRow => ({
  memberId,
  fullName: `Đảng viên ${memberId}`,
  status,
  reason: status === "EXCUSED" ? "Ốm" : "",
  temporary: false,
});
const member = (memberId: string) => ({
  memberId,
  fullName: `Đảng viên ${memberId}`,
  temporary: false,
});

describe("Vietnam time", () => {
  it("reads and writes the meeting's wall-clock time in UTC+7, whatever the device's zone", () => {
    expect(instantFromVn("2026-11-18", "19:30")).toBe("2026-11-18T12:30:00.000Z");
    expect(instantFromVn("2026-01-01", "06:00")).toBe("2025-12-31T23:00:00.000Z");
    expect(vnDateTime("2025-12-31T23:00:00.000Z")).toEqual({ date: "2026-01-01", time: "06:00" });
    expect(todayIso(new Date("2026-11-22T18:30:00Z"))).toBe("2026-11-23");
  });

  it("refuses dates and times that do not exist", () => {
    expect(instantFromVn("2026-02-30", "19:30")).toBeNull();
    expect(instantFromVn("2026-11-18", "25:00")).toBeNull();
    expect(instantFromVn("", "19:30")).toBeNull();
    expect(instantFromVn("2026-11-18", "")).toBeNull();
  });
});

describe("attendance checklist", () => {
  it("keeps what was marked, lists newcomers present and drops those no longer members", () => {
    const rows = [row("1"), row("2", "EXCUSED"), row("3", "ABSENT")];
    const merged = mergeAttendance(rows, [member("2"), member("3"), member("4")], true);
    expect(merged.map((r) => [r.memberId, r.status])).toEqual([
      ["2", "EXCUSED"],
      ["3", "ABSENT"],
      ["4", "PRESENT"],
    ]);
    expect(merged[0]).toBe(rows[1]);
  });

  it("adds nobody to a meeting already recorded, and changes nothing when nothing changed", () => {
    const rows = [row("1"), row("2", "ABSENT")];
    expect(mergeAttendance(rows, [member("1"), member("2"), member("3")], false)).toEqual(rows);
    expect(mergeAttendance(rows, [member("1"), member("2")], true)).toBe(rows);
  });
});

describe("sending", () => {
  const graphQLError = (code: string) =>
    new CombinedGraphQLErrors({ errors: [{ message: code, extensions: { code } }] });

  it("retries what another try may fix, and stops on what it cannot", () => {
    expect(classifyFailure(new TypeError("Failed to fetch"))).toBe("retry");
    expect(classifyFailure(new DOMException("aborted", "AbortError"))).toBe("retry");
    expect(classifyFailure(graphQLError("SERVICE_UNAVAILABLE"))).toBe("retry");
    expect(classifyFailure(graphQLError("RATE_LIMITED"))).toBe("retry");
    expect(
      classifyFailure(
        new ServerError("Bad gateway", {
          response: new Response("<html>", { status: 502 }),
          bodyText: "<html>",
        }),
      ),
    ).toBe("retry");
    expect(classifyFailure(graphQLError("BAD_USER_INPUT"))).toBe("input");
    expect(classifyFailure(graphQLError("CONFLICT"))).toBe("stop");
    expect(classifyFailure(graphQLError("FORBIDDEN"))).toBe("stop");
    expect(classifyFailure(graphQLError("UNAUTHENTICATED"))).toBe("stop");
  });

  it("makes keys the API accepts, different every time", () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it("links the year's study theme when the theme names it", () => {
    const theme = { id: "st", title: "Bảy dám" };
    expect(studyThemeIdFor("Chuyên đề: bảy dám", theme)).toBe("st");
    expect(studyThemeIdFor("Nghị quyết 21", theme)).toBeNull();
    expect(studyThemeIdFor("Bảy dám", null)).toBeNull();
  });
});
