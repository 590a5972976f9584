import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, signInViaApi } from "../support/session.ts";

// The demo province's 2024 figures (domain.md; packages/db/src/seed/facts.ts).
const PROVINCE = "Đảng bộ tỉnh Ninh Thuận";
const CITY = "Đảng bộ thành phố Phan Rang - Tháp Chàm";
const WARD = "Đảng bộ phường Bảo An";
const BY_UNIT = "Kết nạp đảng viên so với chỉ tiêu, theo đơn vị trực thuộc";

const byUnitPanel = (page: Page) => page.getByRole("region", { name: BY_UNIT });
const breadcrumb = (page: Page) =>
  page.getByRole("navigation", { name: "Vị trí đơn vị trong cây tổ chức" });

/** The table of a panel (switching the panel to its table; the choice is then remembered). */
async function showTable(panel: Locator): Promise<Locator> {
  await panel.getByRole("button", { name: "Bảng số liệu" }).click();
  const table = panel.getByRole("table");
  await expect(table).toBeVisible();
  return table;
}

const unitRow = (table: Locator, name: string) =>
  table.locator("tbody tr").filter({ has: table.page().getByRole("link", { name, exact: true }) });

test("a leader reads the 2024 dashboard, exports it and drills down to a ward", async ({
  page,
}, testInfo) => {
  await signInViaApi(page, "leader");
  await page.goto("/dashboard?year=2024");

  // KPI tiles: 853 admitted against 805, 106 %.
  await expect(page.getByRole("heading", { level: 1, name: PROVINCE })).toBeVisible();
  const kpi = page.getByRole("region", { name: "Số liệu chính" });
  await expect(kpi).toContainText("853 / 805 — 106%");
  await expect(kpi).toContainText("Đạt hoặc vượt chỉ tiêu");
  await expect(page.getByLabel("Năm", { exact: true })).toHaveValue("2024");

  // The chart: target and admitted bars for the twelve committees of 2024 (including the two
  // block committees dissolved in 2025), summarised for screen readers.
  const panel = byUnitPanel(page);
  const figure = panel.locator("[data-chart-figure]");
  await expect(figure).toHaveAttribute("role", "img");
  await expect(figure).toHaveAttribute("aria-label", /12 đơn vị trực thuộc/);
  await expect(figure).toHaveAttribute("aria-label", /Cao nhất: Đảng bộ Công an tỉnh, 173,3%/);
  await expect(figure.locator(".recharts-bar-rectangle path")).toHaveCount(24);
  await expect(figure).toContainText("173,3%");
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("dashboard-chart.png"), fullPage: true });

  // The same figures in the table.
  const table = await showTable(panel);
  await expect(unitRow(table, "Đảng bộ Công an tỉnh")).toContainText(/30\s*52\s*173,3%/);
  await expect(unitRow(table, "Đảng bộ Bộ đội Biên phòng tỉnh")).toContainText(/20\s*25\s*125%/);
  await expect(unitRow(table, "Đảng bộ huyện Ninh Hải")).toContainText(/75\s*85\s*113,3%/);
  await expect(unitRow(table, CITY)).toContainText(/160\s*190\s*118,8%/);
  await expect(unitRow(table, "Đảng bộ Khối các cơ quan tỉnh")).toBeVisible();
  await expect(unitRow(table, "Đảng bộ Khối Doanh nghiệp tỉnh")).toBeVisible();
  await expect(table.locator("tfoot")).toContainText(/805\s*853\s*106%/);
  await expectNoHorizontalScroll(page);

  // Export: the server runs the panel's query and streams the CSV.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: "Tải CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ket-nap-theo-don-vi-2024.csv");
  const csv = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.split(/\r?\n/);
  const header = lines.indexOf(
    "Đơn vị,Chỉ tiêu,Đã kết nạp,Tỷ lệ hoàn thành,Mức hoàn thành,Còn tồn tại cuối kỳ",
  );
  expect(header, csv).toBeGreaterThan(0);
  // The server writes figures as numbers, bands as their codes and "still exists" as 1 / empty.
  const rows = lines.slice(header + 1).filter((line) => line !== "");
  expect(rows).toHaveLength(12);
  expect(rows).toContain("Đảng bộ Công an tỉnh,30,52,173.3,MET,1");
  expect(rows).toContain("Đảng bộ Bộ đội Biên phòng tỉnh,20,25,125,MET,1");
  expect(rows).toContain("Đảng bộ huyện Ninh Hải,75,85,113.3,MET,1");
  expect(rows).toContain(`${CITY},160,190,118.8,MET,1`);
  expect(csv).toContain("Phạm vi / Scope,Đảng bộ tỉnh Ninh Thuận (NT)");

  // Drill down through the table: province → city committee → one of its wards.
  await unitRow(table, CITY).getByRole("link", { name: CITY }).click();
  await expect(page).toHaveURL(/\/dashboard\/\d+\?year=2024$/);
  await expect(page.getByRole("heading", { level: 1, name: CITY })).toBeVisible();
  await expect(breadcrumb(page).getByRole("link", { name: PROVINCE })).toBeVisible();
  await expect(kpi).toContainText("190 / 160 — 118,8%");

  const cityTable = byUnitPanel(page).getByRole("table");
  await unitRow(cityTable, WARD).getByRole("link", { name: WARD }).click();
  await expect(page.getByRole("heading", { level: 1, name: WARD })).toBeVisible();
  await expect(breadcrumb(page).getByRole("link")).toHaveText([PROVINCE, CITY]);
  await expect(breadcrumb(page).locator('[aria-current="page"]')).toHaveText(WARD);
  await expect(kpi).toContainText("5 / 4 — 125%");
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("dashboard-ward.png"), fullPage: true });

  // And back up by the breadcrumb, keeping the year.
  await breadcrumb(page).getByRole("link", { name: PROVINCE }).click();
  await expect(page.getByRole("heading", { level: 1, name: PROVINCE })).toBeVisible();
  await expect(page).toHaveURL(/\?year=2024$/);
});

test("a leader sets a target for next year and sees the subordinates' total change", async ({
  page,
}, testInfo) => {
  // Each project edits its own unit: both run against the same product at the same time.
  const unit =
    testInfo.project.name === "phone" ? "Đảng bộ huyện Bác Ái" : "Đảng bộ huyện Ninh Hải";
  const value = testInfo.project.name === "phone" ? 41 : 37;
  const year = new Date().getFullYear() + 1;

  await signInViaApi(page, "leader");
  await page.goto(`/targets?year=${year}`);
  await expect(page.getByRole("heading", { level: 1, name: PROVINCE })).toBeVisible();
  const input = page.getByRole("textbox", { name: `Chỉ tiêu năm ${year} của ${unit}` });
  await expect(input).toBeVisible();

  // The total as this page sees it now, then with the new target.
  const inputs = page.getByRole("table").getByRole("textbox");
  const values = await inputs.evaluateAll((elements) =>
    elements.map((element) => Number((element as HTMLInputElement).value || 0)),
  );
  const before = values.reduce((sum, v) => sum + v, 0);
  const old = Number((await input.inputValue()) || 0);
  const after = before - old + value;
  const balance = page.getByTestId("target-balance");
  const balanceBefore = await balance.textContent();

  await input.fill(String(value));
  await input.press("Enter");
  await expect(page.getByText("Đã lưu")).toBeVisible();
  await expect(balance).toHaveText(
    `Tổng chỉ tiêu các đơn vị trực thuộc là ${after}, nhưng đơn vị chưa được giao chỉ tiêu năm ${year}.`,
  );
  expect(await balance.textContent()).not.toBe(balanceBefore);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("targets.png"), fullPage: true });

  // Saved on the server, with a link to its history.
  await page.reload();
  await expect(input).toHaveValue(String(value));
  const row = page.locator("tbody tr").filter({ has: input });
  await expect(
    row.getByRole("link", { name: `Lịch sử thay đổi chỉ tiêu của ${unit}` }),
  ).toHaveAttribute(
    "href",
    new RegExp(`^/admin/audit\\?entity=AdmissionTarget&entityId=\\d+%3A${year}$`),
  );
});
