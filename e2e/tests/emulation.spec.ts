import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, openNavigation, signInViaApi } from "../support/session.ts";

// The staff account works for the city committee of the demo province: it may create campaigns,
// register projects and record results and awards (apps/api emulation: EMULATION_WRITERS and
// RESULT_WRITERS), within its subtree.
const CITY = "Đảng bộ thành phố Phan Rang - Tháp Chàm";

/**
 * Both projects run at the same time against one product: each registers from wards of its own,
 * so that the rows it reads on the panels change only by its own test.
 */
const PLACES = {
  desktop: [
    { search: "Kinh Dinh", unit: "Đảng bộ phường Kinh Dinh" },
    { search: "My Hai", unit: "Đảng bộ phường Mỹ Hải" },
  ],
  phone: [
    { search: "Dao Long", unit: "Đảng bộ phường Đạo Long" },
    { search: "Tan Tai", unit: "Đảng bộ phường Tấn Tài" },
  ],
} as const;

const PANELS = {
  byUnit: "Đăng ký thi đua theo đơn vị trực thuộc",
  byCampaign: "Đăng ký theo phong trào thi đua",
  awardsByUnit: "Khen thưởng theo đơn vị trực thuộc",
} as const;

/** Today in the province (UTC+7), the day the API dates everything by. */
function provinceToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** "1.234" → 1234 (Vietnamese thousands). */
function figure(text: string | null): number {
  const match = /^\s*([\d.,]+)/.exec(text ?? "");
  if (!match) throw new Error(`No figure in "${text}"`);
  return Number(match[1]!.replace(/[.,]/g, ""));
}

/** A panel of /emulation shown as its data table. */
async function panelTable(page: Page, title: string): Promise<Locator> {
  const panel = page.getByRole("region", { name: title, exact: true });
  await expect(panel).toBeVisible();
  await panel.getByRole("button", { name: "Bảng số liệu" }).click();
  const table = panel.getByRole("table", { name: title });
  await expect(table).toBeVisible();
  return table;
}

/** The row of a table whose heading cell links to `name`. */
function rowOf(table: Locator, name: string): Locator {
  return table
    .locator("tbody tr")
    .filter({ has: table.page().getByRole("link", { name, exact: true }) });
}

async function cell(row: Locator, column: string): Promise<number> {
  await expect(row).toHaveCount(1);
  return figure(await row.locator(`td[data-label="${column}"]`).textContent());
}

interface Figures {
  registrations: Record<string, number>;
  completed: Record<string, number>;
  awards: Record<string, number>;
}

/** Follows a link of the main navigation (behind the menu on a phone): the app stays loaded. */
async function navigate(page: Page, link: string): Promise<void> {
  await openNavigation(page);
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: link, exact: true })
    .click();
}

/** The rows of the given wards on the city's panels for the year (the page open at /emulation). */
async function readPanels(page: Page, year: number, units: readonly string[]): Promise<Figures> {
  await expect(page).toHaveURL(new RegExp(`/emulation\\?year=${year}$`));
  await expect(
    page.getByRole("heading", { level: 1, name: `${CITY} – năm ${year}` }),
  ).toBeVisible();
  const figures: Figures = { registrations: {}, completed: {}, awards: {} };
  const byUnit = await panelTable(page, PANELS.byUnit);
  const awards = await panelTable(page, PANELS.awardsByUnit);
  for (const unit of units) {
    figures.registrations[unit] = await cell(rowOf(byUnit, unit), "Công trình, phần việc");
    figures.completed[unit] = await cell(rowOf(byUnit, unit), "Đã hoàn thành");
    figures.awards[unit] = await cell(rowOf(awards, unit), "Khen thưởng");
  }
  return figures;
}

/** Types into a unit picker and chooses the unit from its results. */
async function pickUnit(scope: Locator, label: string, search: string, unit: string) {
  await scope.getByRole("searchbox", { name: label, exact: true }).fill(search);
  const results = scope.getByRole("list", { name: `Kết quả tìm kiếm cho “${label}”` });
  await results.getByRole("button", { name: new RegExp(`^${unit} `) }).click();
  await expect(scope.getByText(`Đã chọn: ${unit}`)).toBeVisible();
}

test("staff creates a campaign, two wards register, a result and an award move the panels", async ({
  page,
}, testInfo) => {
  const places = PLACES[testInfo.project.name as keyof typeof PLACES];
  const units = places.map((place) => place.unit);
  const stamp = `${testInfo.project.name} ${Date.now().toString(36)}`;
  const title = `Thi đua lập thành tích chào mừng Đại hội (e2e ${stamp})`;
  const projects = [
    `Công trình: Bê tông hóa đường khu phố (e2e ${stamp})`,
    `Phần việc: Thắp sáng đường quê (e2e ${stamp})`,
  ];
  const today = provinceToday();
  const year = Number(today.slice(0, 4));

  await signInViaApi(page, "staff");
  await page.goto(`/emulation?year=${year}`);
  const before = await readPanels(page, year, units);

  // From here on the app stays loaded, with what it has cached: the panels must not go stale.
  // A campaign organised by the city committee, open to it (and so to all its wards).
  await navigate(page, "Phong trào thi đua");
  await expect(page.getByRole("heading", { level: 1, name: "Phong trào thi đua" })).toBeVisible();
  await page.getByRole("link", { name: "Tạo phong trào thi đua" }).click();
  const form = page.getByRole("region", { name: "Tạo phong trào thi đua" });
  await expect(form).toBeVisible();
  await form.getByLabel("Tên phong trào", { exact: true }).fill(title);
  await form
    .getByLabel("Chủ đề", { exact: true })
    .fill("Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ");
  await form.getByLabel("Nhân dịp (không bắt buộc)").fill("Đại hội Đảng bộ các cấp");
  await expect(form.getByLabel("Ngày bắt đầu")).toHaveValue(today);
  await expect(form.getByRole("list", { name: /^Các đơn vị đã chọn/ })).toContainText(CITY);
  await expectNoHorizontalScroll(page);
  await form.getByRole("button", { name: "Tạo phong trào", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+$/);
  const campaignUrl = page.url();

  // Two wards register a project each.
  await page.getByRole("button", { name: "Đăng ký công trình, phần việc" }).click();
  const register = page.getByRole("region", { name: "Đăng ký công trình, phần việc" });
  for (const [index, place] of places.entries()) {
    await pickUnit(register, "Đơn vị đăng ký", place.search, place.unit);
    await register.getByLabel("Tên công trình, phần việc").fill(projects[index]!);
    await register.getByLabel("Mục tiêu (không bắt buộc)").fill("Hoàn thành trong năm");
    await register.getByRole("button", { name: "Đăng ký", exact: true }).click();
    await expect(register.getByRole("status")).toHaveText(
      `Đã đăng ký “${projects[index]}” cho ${place.unit}.`,
    );
  }
  const registrations = page.getByRole("table", { name: "Công trình, phần việc đã đăng ký" });
  await expect(registrations.locator("tbody tr[data-registration]")).toHaveCount(2);
  await expect(page.getByText("2 công trình, phần việc", { exact: true })).toBeVisible();

  // The first is done: its result is recorded.
  await registrations.getByRole("button", { name: `Cập nhật kết quả: ${projects[0]}` }).click();
  const update = page.getByRole("form", { name: `Kết quả của ${projects[0]}` });
  await update.getByLabel("Đã hoàn thành").check();
  await expect(update.getByLabel("Ngày hoàn thành")).toHaveValue(today);
  await update.getByLabel("Kết quả", { exact: true }).fill("Hoàn thành, bàn giao đưa vào sử dụng");
  await update.getByRole("button", { name: "Lưu kết quả" }).click();
  await expect(update).toBeHidden();
  const done = registrations.locator("tbody tr").filter({ hasText: projects[0]! });
  await expect(done).toContainText("Hoàn thành");
  await expect(done).toContainText("100%");
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("campaign.png"), fullPage: true });

  // The first ward is awarded a certificate of merit for the campaign.
  await navigate(page, "Khen thưởng");
  await page.getByRole("button", { name: "Ghi nhận khen thưởng" }).click();
  const award = page.getByRole("region", { name: "Ghi nhận khen thưởng" });
  await pickUnit(award, "Đơn vị được khen", places[0].search, places[0].unit);
  await award
    .getByLabel("Hình thức khen thưởng")
    .selectOption({ label: "Bằng khen của Ban Thường vụ" });
  await award.getByLabel("Cơ quan, người quyết định").fill("Ban Thường vụ Thành ủy");
  await award.getByLabel("Số quyết định").fill(`E2E-${stamp}/QĐ-TU`);
  await expect(award.getByLabel("Ngày quyết định")).toHaveValue(today);
  await expect(award.getByLabel("Từ năm")).toHaveValue(String(year));
  await award.getByLabel("Gắn với phong trào (không bắt buộc)").selectOption({ label: title });
  await award.getByRole("button", { name: "Ghi nhận", exact: true }).click();
  await expect(award.getByRole("status")).toContainText(
    `Đã ghi nhận Bằng khen của Ban Thường vụ cho ${places[0].unit}`,
  );
  const listed = page
    .getByRole("table", { name: "Danh sách khen thưởng" })
    .locator("tbody tr")
    .filter({ hasText: title });
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(places[0].unit);

  // The panels: the campaign's own row, and the two wards' rows.
  await page.getByRole("link", { name: "Tổng hợp khen thưởng theo năm" }).click();
  const after = await readPanels(page, year, units);
  expect(after.registrations[units[0]]).toBe(before.registrations[units[0]]! + 1);
  expect(after.registrations[units[1]]).toBe(before.registrations[units[1]]! + 1);
  expect(after.completed[units[0]]).toBe(before.completed[units[0]]! + 1);
  expect(after.completed[units[1]]).toBe(before.completed[units[1]]);
  expect(after.awards[units[0]]).toBe(before.awards[units[0]]! + 1);
  expect(after.awards[units[1]]).toBe(before.awards[units[1]]);

  const byCampaign = await panelTable(page, PANELS.byCampaign);
  const ours = rowOf(byCampaign, title);
  expect(await cell(ours, "Công trình, phần việc")).toBe(2);
  expect(await cell(ours, "Đơn vị đăng ký")).toBe(2);
  expect(await cell(ours, "Đã hoàn thành")).toBe(1);
  await expect(ours.locator('td[data-label="Tỷ lệ hoàn thành"]')).toHaveText(/^50\s?%$/);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("emulation.png"), fullPage: true });

  // From the panel back to the campaign.
  await ours.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(campaignUrl);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});
