import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, signInViaApi } from "../support/session.ts";

test("browses the committee tree from the province down to a cell and finds a member without diacritics", async ({
  page,
}, testInfo) => {
  await signInViaApi(page, "leader");
  await page.goto("/units");
  await expect(page.getByRole("heading", { level: 1, name: "Cây tổ chức đảng" })).toBeVisible();

  // The province is open one level: its committees are listed with their counts.
  await expect(page.getByRole("link", { name: "Đảng bộ tỉnh Ninh Thuận" })).toBeVisible();
  const city = page.getByRole("link", { name: "Đảng bộ thành phố Phan Rang - Tháp Chàm" });
  await expect(city).toBeVisible();
  await expect(page.getByRole("link", { name: "Đảng bộ Công an tỉnh" })).toBeVisible();

  // Down: city → commune → its cells.
  await page
    .getByRole("button", { name: "Đơn vị trực thuộc của Đảng bộ thành phố Phan Rang - Tháp Chàm" })
    .click();
  const commune = page.getByRole("link", { name: "Đảng bộ xã Thành Hải" });
  await expect(commune).toBeVisible();
  await page.getByRole("button", { name: "Đơn vị trực thuộc của Đảng bộ xã Thành Hải" }).click();
  const cell = page.getByRole("link", { name: "Chi bộ thôn Thành Ý" });
  await expect(cell).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("tree.png"), fullPage: true });

  // The cell's page lists its members; searching without diacritics finds them.
  await cell.click();
  await expect(page.getByRole("heading", { level: 1, name: "Chi bộ thôn Thành Ý" })).toBeVisible();
  await expect(page.getByText(/14 đảng viên/).first()).toBeVisible();
  await page.getByLabel("Tìm theo họ tên").fill("nguyen van a");
  await expect(page.getByText("Nguyễn Văn An", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Nguyễn Văn Ánh", { exact: true }).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("unit.png"), fullPage: true });

  // The breadcrumb leads back up to the province.
  await page
    .getByRole("navigation", { name: "Vị trí trong cây tổ chức" })
    .getByRole("link", { name: "Đảng bộ tỉnh Ninh Thuận" })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Đảng bộ tỉnh Ninh Thuận" }),
  ).toBeVisible();
});

test("switches the interface to English and back", async ({ page }) => {
  await signInViaApi(page, "leader");
  await page.goto("/units");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Committee tree" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cây tổ chức đảng" })).toBeVisible();
});
