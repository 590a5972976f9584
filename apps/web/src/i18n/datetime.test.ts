import { describe, expect, it } from "vitest";
import { formatDateTime } from "./datetime.ts";

describe("formatDateTime", () => {
  it("writes an instant in each language's usual way", () => {
    const at = "2025-06-30T07:15:00.000Z";
    expect(formatDateTime(at, "vi", "UTC")).toBe("07:15 30/06/2025");
    expect(formatDateTime(at, "en", "UTC")).toBe("30 Jun 2025, 07:15");
    expect(formatDateTime(at, "vi", "Asia/Ho_Chi_Minh")).toBe("14:15 30/06/2025");
  });

  it("leaves what is not a date as it is", () => {
    expect(formatDateTime("not a date", "vi")).toBe("not a date");
  });
});
