import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, openNavigation, signInViaApi } from "../support/session.ts";

/** A day in the province (UTC+7), `days` before today, as YYYY-MM-DD. */
function provinceDay(days: number): string {
  const now = new Date(Date.now() + 7 * 3600_000 - days * 86_400_000);
  return now.toISOString().slice(0, 10);
}

/** A number no other run or project uses (both projects share one database). */
function uniqueNumber(project: string): string {
  const seq = 1000 + ((Date.now() + (project === "phone" ? 4321 : 0)) % 8999);
  return `${seq}-CT/TP`;
}

/**
 * page.goto, again when the server could not send the app: other builds in the same working tree
 * may be rewriting apps/web/dist for a moment.
 */
async function open(page: Page, path: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const response = await page.goto(path);
    if (response?.ok() || attempt === 5) return;
    await page.waitForTimeout(2000);
  }
}

async function coverageCounts(page: Page): Promise<string> {
  return (await page.locator('[data-coverage="counts"]').textContent()) ?? "";
}

test("staff registers a directive, records a conference and two plans; coverage rises", async ({
  page,
}, testInfo) => {
  const number = uniqueNumber(testInfo.project.name);
  const title = `Chỉ thị về tăng cường công tác phát triển đảng viên (e2e ${testInfo.project.name} ${Date.now().toString(36)})`;
  await signInViaApi(page, "staff");

  // The registry is in the navigation.
  await open(page, "/documents");
  await expect(
    page.getByRole("heading", { level: 1, name: "Nghị quyết, chỉ thị và văn bản" }),
  ).toBeVisible();
  await openNavigation(page);
  await expect(page.getByRole("link", { name: "Văn bản", exact: true })).toBeVisible();
  // On a phone, close the menu again before using the page.
  const menu = page.getByRole("button", { name: "Danh mục" });
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) === "true") {
    await menu.click();
  }

  // Register the directive.
  await page.getByRole("link", { name: "Đăng ký văn bản" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Đăng ký văn bản" })).toBeVisible();
  await page.getByLabel("Số hiệu", { exact: true }).fill(number);
  await page.getByLabel("Ngày ban hành", { exact: true }).fill(provinceDay(20));
  await page.getByLabel("Trích yếu", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Đăng ký văn bản" }).click();
  await expect(page).toHaveURL(/\/documents\/[^/]+$/);
  await expect(page.getByText("Đã lưu văn bản.").first()).toBeVisible();
  const documentUrl = page.url();
  const documentId = documentUrl.split("/").pop()!;

  // Search ignoring diacritics finds it.
  await open(page, `/documents?q=${encodeURIComponent("tang cuong cong tac phat trien")}`);
  await expect(page.getByRole("link", { name: number })).toBeVisible();

  // Record a dissemination conference of it (the document is pre-chosen).
  await open(page, documentUrl);
  await page.getByRole("link", { name: "Ghi hội nghị quán triệt văn bản này" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ghi hội nghị" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Văn bản đã chọn" })).toContainText(number);
  await page.getByLabel("Tên hội nghị", { exact: true }).fill(`Hội nghị quán triệt ${number}`);
  await page.getByLabel("Ngày tổ chức", { exact: true }).fill(provinceDay(10));
  await page.getByLabel("Số người dự", { exact: true }).fill("320");
  await page.getByRole("button", { name: "Ghi hội nghị" }).click();
  await expect(page).toHaveURL(/\/conferences\/[^/]+$/);
  await expect(page.getByText("Đã lưu hội nghị.")).toBeVisible();
  await expect(page.getByRole("link", { name: number })).toBeVisible();

  // The dissemination panel counts it.
  await open(page, "/conferences");
  await expect(page.getByRole("heading", { level: 2, name: "Tổng hợp hội nghị" })).toBeVisible();
  await expect(page.getByText(/hội nghị quán triệt nghị quyết, chỉ thị cho/)).toBeVisible();
  await expect(page.getByRole("link", { name: `Hội nghị quán triệt ${number}` })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // Require the grassroots organisations under the staff's committee to issue plans.
  await open(page, `/documents/${documentId}/implementation`);
  await expect(page.locator('[data-coverage="none"]')).toBeVisible();
  await page.getByText("Giao ban hành chương trình, kế hoạch", { exact: true }).click();
  await page.getByLabel("Hạn ban hành", { exact: true }).fill(provinceDay(-30));
  await page.getByRole("button", { name: "Lưu yêu cầu" }).click();
  await expect(page.getByText("Đã lưu yêu cầu ban hành chương trình, kế hoạch.")).toBeVisible();
  const headline = page.locator('[data-coverage="headline"]');
  await expect(headline).toContainText("tổ chức cơ sở đảng đã ban hành");
  await expect(page.locator('[data-coverage="counts"]')).toContainText(/^\(0 \//);
  const before = await headline.textContent();

  // Two units issue their plans.
  for (const [index, reference] of [`01-KH/ĐU`, `02-KH/ĐU`].entries()) {
    const units = page.locator("li.required-unit");
    const first = units.first();
    const name = (await first.locator(".required-unit-name").textContent()) ?? "";
    await first.getByRole("button", { name: `Ghi kế hoạch của ${name}` }).click();
    await first.getByLabel("Số hiệu", { exact: true }).fill(reference);
    await first.getByLabel("Ngày ban hành", { exact: true }).fill(provinceDay(5));
    await first.getByRole("button", { name: "Lưu kế hoạch" }).click();
    await expect(page.getByText(`Đã ghi kế hoạch của ${name}.`)).toBeVisible();
    await expect(page.locator('[data-coverage="counts"]')).toContainText(
      new RegExp(`^\\(${index + 1} /`),
    );
  }
  const after = await headline.textContent();
  expect(after).not.toEqual(before);
  expect(await coverageCounts(page)).toMatch(/^\(2 \//);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("implementation.png"), fullPage: true });

  // The document's page shows the conference and the plans (in-app navigation: the SPA is
  // served from apps/web/dist, which other builds in the same tree may be rewriting).
  await page.getByRole("link", { name: `Về văn bản ${number}` }).click();
  await expect(page).toHaveURL(documentUrl);
  await expect(page.getByText(/^1 hội nghị trong phạm vi của bạn đã quán triệt/)).toBeVisible();
  await expect(page.getByText(/^2 chương trình, kế hoạch đã ban hành/)).toBeVisible();
});

test("the study themes page shows the themes and their coverage", async ({ page }) => {
  await signInViaApi(page, "leader");
  await open(page, "/study-themes");
  await expect(
    page.getByRole("heading", { level: 1, name: "Chủ đề học tập hằng năm" }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "Chi bộ sinh hoạt chuyên đề theo chủ đề năm" }),
  ).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Đang" })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
});
