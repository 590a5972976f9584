import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, signInViaApi } from "../support/session.ts";

// The staff account works for the city committee of the demo province.
const CITY = "Đảng bộ thành phố Phan Rang - Tháp Chàm";
const BY_UNIT = "Kết nạp đảng viên so với chỉ tiêu, theo đơn vị trực thuộc";

/**
 * Both projects run at the same time against one product: each develops its candidate in a cell
 * of its own commune, so that the commune's admissions change only by its own test. (Not the
 * secretary's cell, thôn Thành Ý: other specs count its 14 members.)
 */
const PLACES = {
  desktop: {
    cell: "Chi bộ thôn Công Thành",
    search: "Công Thành",
    commune: "Đảng bộ xã Thành Hải",
  },
  phone: {
    cell: "Chi bộ Cơ quan phường Bảo An",
    search: "Cơ quan phường Bảo An",
    commune: "Đảng bộ phường Bảo An",
  },
} as const;

/** Today in the province (UTC+7), the day the API dates everything by. */
function provinceToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const unitRow = (table: Locator, name: string) =>
  table.locator("tbody tr").filter({ has: table.page().getByRole("link", { name, exact: true }) });

/** The figure at the start of a text ("1.234 / 1.100 — 112%" → 1234). */
function leadingNumber(text: string | null): number {
  const match = /^\s*([\d.,]+)/.exec(text ?? "");
  if (!match) throw new Error(`No figure in "${text}"`);
  return Number(match[1]!.replace(/[.,]/g, ""));
}

interface Admissions {
  /** The commune's row in the city committee's table. */
  communeRow: number;
  /** The commune's own KPI tile (admitted / target). */
  communeTile: number;
}

/** Reads this year's admissions of the commune on the city committee's dashboard. */
async function readAdmissions(page: Page, year: number, commune: string): Promise<Admissions> {
  await page.goto(`/dashboard?year=${year}`);
  await expect(page.getByRole("heading", { level: 1, name: CITY })).toBeVisible();
  const panel = page.getByRole("region", { name: BY_UNIT });
  await panel.getByRole("button", { name: "Bảng số liệu" }).click();
  const table = panel.getByRole("table");
  const row = unitRow(table, commune);
  await expect(row).toBeVisible();
  const communeRow = leadingNumber(await row.locator('td[data-label="Đã kết nạp"]').textContent());

  await row.getByRole("link", { name: commune, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: commune })).toBeVisible();
  const tile = page.locator('[data-kpi="admitted"] dd').first();
  await expect(tile).toHaveText(/\d/);
  const communeTile = leadingNumber(await tile.textContent());
  return { communeRow, communeTile };
}

/** Records the step offered by the next-step form and waits until it is saved. */
async function recordStep(page: Page, action: string, stage: string): Promise<void> {
  const form = page.getByRole("region", { name: "Bước tiếp theo" });
  await expect(form.getByRole("radio", { name: action })).toBeChecked();
  await form.getByRole("button", { name: "Ghi nhận", exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(`Đã ghi nhận: ${stage}.`);
}

test("staff take an outstanding person from registration to admission, and the dashboard counts the new member", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const place = testInfo.project.name === "phone" ? PLACES.phone : PLACES.desktop;
  const today = provinceToday();
  const year = Number(today.slice(0, 4));
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const className = `Lớp nhận thức về Đảng e2e ${stamp}`;
  const personName = `Quần Chúng Thử ${stamp.replace(/[^a-z0-9]/gi, "")}`;
  const decisionNo = `${Date.now() % 1000}-QĐ/TU`;

  await signInViaApi(page, "staff");
  const before = await readAdmissions(page, year, place.commune);

  // An awareness class of the city, starting today.
  await page.goto("/training");
  await expect(page.getByRole("heading", { level: 1, name: "Đào tạo, bồi dưỡng" })).toBeVisible();
  await page.getByRole("button", { name: "Mở lớp mới" }).click();
  const create = page.getByRole("region", { name: "Mở lớp mới" });
  await expect(create.getByLabel("Loại lớp")).toHaveValue("AWARENESS_CLASS");
  await create.getByRole("textbox", { name: "Tên lớp" }).fill(className);
  await expect(create.getByText(`Đã chọn: ${CITY}`)).toBeVisible();
  await create.getByRole("button", { name: "Mở lớp" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Đã mở lớp ${className}.` }),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(className) })).toBeVisible();

  // Register the outstanding person in a cell of the city.
  await page.goto("/candidates");
  await expect(page.getByRole("heading", { level: 1, name: "Quần chúng ưu tú" })).toBeVisible();
  await page.getByRole("link", { name: "Đăng ký quần chúng ưu tú" }).click();
  await expect(page).toHaveURL(/\/candidates\/new$/);
  await page.getByRole("textbox", { name: "Họ và tên" }).fill(personName);
  await page.getByRole("combobox", { name: "Giới tính" }).selectOption({ label: "Nữ" });
  await page.getByLabel("Ngày sinh").fill("2000-01-15");
  await page.getByRole("combobox", { name: "Nghề nghiệp" }).selectOption({ label: "Giáo viên" });
  await page.getByRole("searchbox", { name: "Chi bộ" }).fill(place.search);
  await page.getByRole("button", { name: new RegExp(`^${place.cell}.*${place.commune}`) }).click();
  await expect(page.getByText(`Đã chọn: ${place.cell}`)).toBeVisible();
  await expect(page.getByLabel("Ngày đăng ký")).toHaveValue(today);
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Đăng ký", exact: true }).click();

  await expect(page).toHaveURL(/\/candidates\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: personName })).toBeVisible();
  await expect(page.getByText(place.cell).first()).toBeVisible();

  // Awareness class (the class just created), verification, verified, proposed.
  const form = page.getByRole("region", { name: "Bước tiếp theo" });
  const classes = form.getByRole("combobox", { name: "Lớp bồi dưỡng nhận thức về Đảng" });
  const option = classes.locator("option", { hasText: className });
  await expect(option).toHaveCount(1);
  await classes.selectOption((await option.getAttribute("value"))!);
  await recordStep(page, "Đã học lớp bồi dưỡng nhận thức về Đảng", "Học lớp nhận thức về Đảng");
  await recordStep(page, "Mở thẩm tra lý lịch chính trị", "Đang thẩm tra lý lịch");
  await form
    .getByRole("textbox", { name: "Kết quả thẩm tra" })
    .fill("Lý lịch rõ ràng, đủ điều kiện.");
  await recordStep(page, "Kết luận thẩm tra lý lịch", "Đã thẩm tra lý lịch");
  await recordStep(page, "Chi bộ đề nghị kết nạp", "Chi bộ đề nghị kết nạp");

  // Admission, with the decision's number: the candidate becomes a probationary member.
  await form.getByRole("textbox", { name: "Số quyết định kết nạp" }).fill(decisionNo);
  await expect(form.getByLabel("Ngày quyết định")).toHaveValue(today);
  await form.getByRole("button", { name: "Ghi nhận", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Đã ghi nhận: Đã kết nạp." }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Bước tiếp theo" })).toHaveCount(0);

  // Every step is on the timeline, with who recorded it.
  const timeline = page.getByRole("region", { name: "Các bước đã ghi nhận" }).locator("ol > li");
  await expect(timeline.locator("strong")).toHaveText([
    "Đăng ký quần chúng ưu tú",
    "Học lớp nhận thức về Đảng",
    "Đang thẩm tra lý lịch",
    "Đã thẩm tra lý lịch",
    "Chi bộ đề nghị kết nạp",
    "Đã kết nạp",
  ]);
  await expect(timeline.filter({ hasText: "Người ghi nhận: staff" })).toHaveCount(6);
  await expect(timeline.nth(1)).toContainText(`Lớp: ${className}`);
  await expect(timeline.nth(5)).toContainText(`Quyết định số ${decisionNo}`);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("candidate-admitted.png"), fullPage: true });

  // The new member's record.
  await page.getByRole("link", { name: "Xem hồ sơ đảng viên" }).first().click();
  await expect(page).toHaveURL(/\/members\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: personName })).toBeVisible();
  await expect(page.getByText("Dự bị", { exact: true }).first()).toBeVisible();
  const events = page.getByRole("table", { name: "Quá trình (các quyết định)" });
  await expect(events.getByRole("row", { name: /Kết nạp vào Đảng/ })).toContainText(decisionNo);
  await expectNoHorizontalScroll(page);

  // The dashboard counts the admission: one more for the commune, in the city's table and its own tile.
  const after = await readAdmissions(page, year, place.commune);
  expect(after.communeRow).toBe(before.communeRow + 1);
  expect(after.communeTile).toBe(before.communeTile + 1);
  await expectNoHorizontalScroll(page);
});
