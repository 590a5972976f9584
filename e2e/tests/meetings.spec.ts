import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, graphqlAs, openNavigation } from "../support/session.ts";

// The demo province: the secretary's cell, under xã Thành Hải, under the city committee where
// the `staff` account works.
const CELL = "Chi bộ thôn Thành Ý";
const COMMUNE = "Đảng bộ xã Thành Hải";
const CITY = "Đảng bộ thành phố Phan Rang - Tháp Chàm";

// A cell secretary's phone, in both projects.
test.use({ viewport: { width: 360, height: 740 } });

async function signIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Tên đăng nhập", { exact: true }).fill(username);
  await page.getByLabel("Mật khẩu", { exact: true }).fill("demo");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

/** A theme no other run or project uses, so that its meetings can be counted. */
function uniqueTheme(label: string, project: string): string {
  return `Chuyên đề: ${label} (e2e ${project} ${Date.now().toString(36)})`;
}

/** The cells missing this quarter's thematic meeting, all of them (the list starts short). */
async function missingThematic(page: Page) {
  const missing = page.getByRole("region", { name: /^Chi bộ chưa sinh hoạt chuyên đề Quý/ });
  await expect(missing).toBeVisible();
  const showAll = missing.getByRole("button", { name: /^Hiện tất cả/ });
  if (await showAll.isVisible()) await showAll.click();
  return missing;
}

async function meetingsWithTheme(request: APIRequestContext, theme: string): Promise<number> {
  const { viewer } = await graphqlAs<{ viewer: { unit: { id: string } } }>(
    request,
    "secretary",
    "{ viewer { unit { id } } }",
  );
  const { meetings } = await graphqlAs<{
    meetings: { edges: { node: { theme: string | null } }[] };
  }>(
    request,
    "secretary",
    "query($c: ID!) { meetings(cellId: $c, first: 500) { edges { node { theme } } } }",
    { c: viewer.unit.id },
  );
  return meetings.edges.filter((edge) => edge.node.theme === theme).length;
}

test("a secretary logs a thematic meeting on a phone; her committee sees the cell comply", async ({
  page,
}, testInfo) => {
  const theme = uniqueTheme("Học tập và làm theo “Bảy dám”", testInfo.project.name);

  // Her home is My cell: what is due first, then her 14 members.
  await signIn(page, "secretary");
  await expect(page).toHaveURL(/\/cell$/);
  await expect(page.getByRole("heading", { level: 1, name: CELL })).toBeVisible();
  const due = page.getByRole("region", { name: "Việc cần làm" });
  await expect(due.locator('[data-due="regular"]')).toContainText("Sinh hoạt thường kỳ tháng");
  await expect(due.locator('[data-due="thematic"]')).toContainText("Sinh hoạt chuyên đề Quý");
  await expect(page.getByText(/14 đảng viên/).first()).toBeVisible();
  await expect(page.getByText("Nguyễn Văn An", { exact: true }).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("my-cell.png"), fullPage: true });

  // Log the meeting: thematic, with a theme; one member excused with a reason.
  await page.getByRole("link", { name: "Ghi biên bản sinh hoạt" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Ghi biên bản sinh hoạt chi bộ" }),
  ).toBeVisible();
  const an = page.getByRole("group", { name: "Nguyễn Văn An", exact: true }).first();
  await expect(an).toBeVisible();
  await page.getByRole("radio", { name: /Sinh hoạt chuyên đề/ }).check();
  await page.getByLabel("Chủ đề (bắt buộc với sinh hoạt chuyên đề)").fill(theme);
  await an.getByText("Vắng có lý do", { exact: true }).click();
  await page.getByLabel("Lý do vắng: Nguyễn Văn An").fill("Đi công tác");
  await expect(page.locator(".attendance-summary")).toContainText(
    /: có mặt \d+, vắng có lý do 1, vắng không lý do 0/,
  );
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("meeting-form.png"), fullPage: true });
  await page.getByRole("button", { name: "Lưu biên bản" }).click();

  // The saved meeting.
  await expect(page.getByText("Đã lưu biên bản.")).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 1, name: /^Sinh hoạt chuyên đề ngày/ }),
  ).toBeVisible();
  await expect(page.getByText(theme)).toBeVisible();
  const attendance = page.getByRole("region", { name: "Điểm danh" });
  await expect(attendance).toContainText("Vắng có lý do (1)");
  await expect(attendance).toContainText("Lý do: Đi công tác");
  await expectNoHorizontalScroll(page);

  // Back in My cell: the meeting is listed and this quarter's thematic meeting is done.
  await page.getByRole("link", { name: `Về ${CELL}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: CELL })).toBeVisible();
  await expect(page.getByRole("link").filter({ hasText: theme })).toBeVisible();
  await expect(due.locator('[data-due="thematic"]')).toContainText("đã tổ chức.");
  await expectNoHorizontalScroll(page);

  // The city committee's staff: the cell is not among those missing this quarter's thematic
  // meeting, neither for the city nor for xã Thành Hải.
  await signIn(page, "staff");
  await expect(page).toHaveURL(/\/dashboard/);
  await openNavigation(page);
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Sinh hoạt chi bộ" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: CITY })).toBeVisible();
  let missing = await missingThematic(page);
  await expect(missing.getByRole("link", { name: CELL, exact: true })).toHaveCount(0);
  await expectNoHorizontalScroll(page);

  await page
    .getByRole("table", { name: "Theo đơn vị trực thuộc" })
    .getByRole("link", { name: COMMUNE, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: COMMUNE })).toBeVisible();
  missing = await missingThematic(page);
  await expect(missing.getByRole("link", { name: CELL, exact: true })).toHaveCount(0);

  // In the heat-map, the cell's current quarter says the thematic meeting was held.
  const heatMap = page.getByRole("region", { name: /^Sinh hoạt của từng chi bộ theo tháng/ });
  const row = heatMap.getByRole("row").filter({
    has: page.getByRole("link", { name: CELL, exact: true }),
  });
  await expect(row.locator("td.hm-quarter").last()).toHaveAttribute("data-status", "HELD");
  await expect(row.locator("td.hm-quarter").last()).toContainText("Có sinh hoạt chuyên đề");
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("compliance.png"), fullPage: true });
});

test("a flaky connection neither loses nor duplicates a meeting", async ({
  page,
  request,
}, testInfo) => {
  const theme = uniqueTheme("Nghị quyết 21-NQ/TW", testInfo.project.name);
  await signIn(page, "secretary");
  await expect(page.getByRole("heading", { level: 1, name: CELL })).toBeVisible();

  // The first logMeeting reaches the server, which saves the meeting, but its answer is lost
  // on the way back; then the line stays down until the page is reopened.
  const keys: string[] = [];
  let online = true;
  await page.route("**/graphql", async (route) => {
    const body = route.request().postDataJSON() as {
      operationName?: string;
      variables?: { input?: { idempotencyKey?: string } };
    } | null;
    if (body?.operationName !== "LogMeeting") return route.continue();
    keys.push(body.variables?.input?.idempotencyKey ?? "");
    if (keys.length === 1) {
      await route.fetch();
      online = false;
      return route.abort("connectionreset");
    }
    if (!online) return route.abort("internetdisconnected");
    return route.continue();
  });

  await page.getByRole("link", { name: "Ghi biên bản sinh hoạt" }).click();
  await expect(
    page.getByRole("group", { name: "Nguyễn Văn An", exact: true }).first(),
  ).toBeVisible();
  await page.getByRole("radio", { name: /Sinh hoạt chuyên đề/ }).check();
  await page.getByLabel("Chủ đề (bắt buộc với sinh hoạt chuyên đề)").fill(theme);
  await page.getByRole("button", { name: "Lưu biên bản" }).click();

  // Not sent as far as the phone knows: it says so and keeps trying.
  await expect(page.getByText("Chưa gửi được, đang thử lại.")).toBeVisible();
  await expect.poll(() => keys.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await expectNoHorizontalScroll(page);

  // The phone is closed and opened again: the meeting is still there, unsent.
  await page.reload();
  const prompt = page.getByRole("region", { name: "Bạn có một biên bản chưa gửi" });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText(theme);

  // The connection is back: continue and send.
  online = true;
  await prompt.getByRole("button", { name: "Tiếp tục biên bản này" }).click();
  await expect(page.getByLabel("Chủ đề (bắt buộc với sinh hoạt chuyên đề)")).toHaveValue(theme);
  await page.getByRole("button", { name: "Lưu biên bản" }).click();
  await expect(page.getByText("Đã lưu biên bản.")).toBeVisible();

  // Every attempt carried the same key, and the server holds exactly one meeting.
  expect(new Set(keys).size).toBe(1);
  expect(await meetingsWithTheme(request, theme)).toBe(1);

  // Nothing unsent is left on the phone.
  await page.goto("/cell/meetings/new");
  await expect(page.getByLabel(/^Chủ đề/)).toHaveValue("");
  await expect(page.getByText("Bạn có một biên bản chưa gửi")).toHaveCount(0);
});
