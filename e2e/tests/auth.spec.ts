import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, graphqlAs, openNavigation } from "../support/session.ts";

const PROVINCE = "Đảng bộ tỉnh Ninh Thuận";
const CITY = "Đảng bộ thành phố Phan Rang - Tháp Chàm";
const CELL = "Chi bộ thôn Thành Ý";

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel("Tên đăng nhập", { exact: true }).fill(username);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

test("signs in through the sign-in page, sees only what the role allows, and signs out", async ({
  page,
  request,
}, testInfo) => {
  // The province's id, read as the leader (through a separate cookie jar).
  const { rootUnits } = await graphqlAs<{ rootUnits: { id: string; name: string }[] }>(
    request,
    "leader",
    "{ rootUnits { id name } }",
  );
  const province = rootUnits.find((unit) => unit.name === PROVINCE);
  expect(province).toBeDefined();

  // The sign-in page, in Vietnamese, without the demo credentials.
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(/demo/i);
  await expectNoHorizontalScroll(page);

  // A wrong password is explained; nothing else happens.
  await signIn(page, "secretary", "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.screenshot({ path: testInfo.outputPath("sign-in-error.png"), fullPage: true });

  // The secretary lands on her cell, with its 14 members.
  await page.getByLabel("Mật khẩu", { exact: true }).fill("demo");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: CELL })).toBeVisible();
  await expect(page).toHaveURL(/\/cell$/);
  await expect(page.getByText(/14 đảng viên/).first()).toBeVisible();
  await expect(page.getByText("Nguyễn Văn An", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Lê Thị Thu Hà/ })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("secretary-cell.png"), fullPage: true });

  // Her tree starts at her cell: no province, and no administration in her navigation.
  await openNavigation(page);
  const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
  await expect(nav.getByRole("link", { name: "Nhật ký thay đổi" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Tài khoản người dùng" })).toHaveCount(0);
  await nav.getByRole("link", { name: "Cây tổ chức đảng" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cây tổ chức đảng" })).toBeVisible();
  await expect(page.getByRole("link", { name: CELL })).toBeVisible();
  await expect(page.getByRole("link", { name: PROVINCE })).toHaveCount(0);

  // Another unit's address is "not found" for her.
  await page.goto(`/units/${province!.id}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Không tìm thấy đơn vị" }),
  ).toBeVisible();

  // Signing out returns to the sign-in page; the app is closed again.
  await page.getByRole("button", { name: /Lê Thị Thu Hà/ }).click();
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập" })).toBeVisible();
  await expect(page.getByText("Bạn đã đăng xuất.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/units");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Funits$/);
  await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập" })).toBeVisible();

  // The leader signs in from there and is brought back to the province's tree.
  await signIn(page, "leader", "demo");
  await expect(page.getByRole("heading", { level: 1, name: "Cây tổ chức đảng" })).toBeVisible();
  await expect(page.getByRole("link", { name: PROVINCE })).toBeVisible();
  await expect(page.getByRole("link", { name: CITY })).toBeVisible();
  await expect(page.getByRole("link", { name: "Đảng bộ Công an tỉnh" })).toBeVisible();

  // The leader may read the audit log but not manage users.
  await openNavigation(page);
  await expect(nav.getByRole("link", { name: "Tài khoản người dùng" })).toHaveCount(0);
  await nav.getByRole("link", { name: "Nhật ký thay đổi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nhật ký thay đổi" })).toBeVisible();
  await expect(page.getByText(/\d+ thay đổi/).first()).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Các thay đổi" }).getByText("Đăng nhập").first(),
  ).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("leader-audit.png"), fullPage: true });
});

test("a session ended elsewhere (the account was disabled) sends the user back to sign in", async ({
  page,
  request,
}, testInfo) => {
  // A fresh account per run and project, so that parallel runs do not meet.
  const username = `e2e.${testInfo.project.name}.${Date.now().toString(36)}`;
  const { rootUnits } = await graphqlAs<{ rootUnits: { id: string }[] }>(
    request,
    "admin",
    "{ rootUnits { id } }",
  );
  const { createUser } = await graphqlAs<{ createUser: { id: string } }>(
    request,
    "admin",
    "mutation($input: CreateUserInput!) { createUser(input: $input) { id } }",
    {
      input: {
        username,
        displayName: "Người thử E2E",
        password: "e2e-password",
        role: "ANALYST",
        unitId: rootUnits[0]!.id,
      },
    },
  );

  // To a page that loads nothing, so that no request of the app is under way.
  await page.goto("/sign-in?next=%2Faccount%2Fpassword");
  await signIn(page, username, "e2e-password");
  await expect(page.getByRole("heading", { level: 1, name: "Đổi mật khẩu" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Người thử E2E/ })).toBeVisible();

  await graphqlAs(
    request,
    "admin",
    "mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { id } }",
    { id: createUser.id },
  );

  // The next request of the app fails: it says so on the sign-in page, remembering the page.
  await openNavigation(page);
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Cây tổ chức đảng" })
    .click();
  await expect(
    page.getByText("Phiên làm việc của bạn đã kết thúc. Vui lòng đăng nhập lại."),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Funits$/);
  await expect(page.getByRole("button", { name: /Người thử E2E/ })).toHaveCount(0);

  await signIn(page, username, "e2e-password");
  await expect(page.getByRole("alert")).toHaveText(
    "Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.",
  );
});
