import { describe, expect, it } from "vitest";
import { foldVietnamese } from "./text.ts";

describe("foldVietnamese", () => {
  it.each([
    ["Nguyễn Văn Ánh", "nguyen van anh"],
    ["ĐẢNG BỘ TỈNH", "dang bo tinh"],
    ["Đàng Thị Mỹ Hạnh", "dang thi my hanh"],
    ["Phan Rang - Tháp Chàm", "phan rang - thap cham"],
    ["  Pinăng   Thị  Hòa ", "pinang thi hoa"],
    ["Katơr Văn Sơn", "kator van son"],
    ["Quảng Đại Tuấn", "quang dai tuan"],
    ["Thuận Bắc", "thuan bac"],
    ["", ""],
  ])("%s → %s", (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it("folds precomposed and decomposed forms alike", () => {
    expect(foldVietnamese("Hòa".normalize("NFD"))).toBe(foldVietnamese("Hòa".normalize("NFC")));
  });
});
