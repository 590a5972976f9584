import { readFile } from "node:fs/promises";
import { expect, test, type Page, type Response } from "@playwright/test";
import { signInViaApi } from "../support/session.ts";

// GraphiQL on the desktop project (playwright.config.ts); graphiql-phone.spec.ts is the phone's.

interface Problems {
  errors: string[];
  csp: string[];
  workers: string[];
}

/**
 * Records what must not happen under the API's Content-Security-Policy: console errors (the
 * browser logs a refused resource there), `securitypolicyviolation` events, uncaught errors;
 * and which editor workers GraphiQL started.
 */
async function watch(page: Page): Promise<Problems> {
  const problems: Problems = { errors: [], csp: [], workers: [] };
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error") problems.errors.push(`${text} (${message.location().url})`);
    if (/Content Security Policy|Refused to/i.test(text)) problems.csp.push(text);
  });
  page.on("pageerror", (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on("worker", (worker) => problems.workers.push(worker.url()));
  return problems;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  );
}

/** The next GraphiQL request for the operation, with its JSON answer. */
function graphqlResponse(page: Page, operationName: string): Promise<Response> {
  return page.waitForResponse(
    (response) =>
      response.url().endsWith("/graphql") &&
      (response.request().postData() ?? "").includes(`"operationName":"${operationName}"`),
  );
}

/** The data rows of an export: after the stamp and the blank line, below the header. */
function csvRows(csv: string, header: string): string[] {
  const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
  const at = lines.indexOf(header);
  expect(at, `header ${header} in\n${csv.slice(0, 2000)}`).toBeGreaterThan(0);
  return lines.slice(at + 1).filter((line) => line !== "");
}

test("an analyst runs an example query in GraphiQL and exports it as CSV", async ({
  page,
}, testInfo) => {
  const problems = await watch(page);
  await signInViaApi(page, "analyst");
  await page.goto("/graphiql");

  await expect(page.getByRole("heading", { level: 1, name: "GraphQL (GraphiQL)" })).toBeVisible();
  await expect(
    page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "GraphQL (GraphiQL)" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("status").filter({ hasText: "Chạy một truy vấn" })).toBeVisible();

  // The examples are open beside the editors; one click loads one.
  const examples = page.getByRole("region", { name: "Truy vấn mẫu" });
  await expect(
    examples.getByRole("heading", { name: "Đảng viên theo lĩnh vực và nhóm tuổi" }),
  ).toBeVisible();
  await examples
    .getByRole("button", { name: "Nạp truy vấn: Kết nạp đảng viên theo đơn vị và năm" })
    .click();
  const editor = page.locator(".graphiql-query-editor");
  await expect(editor).toContainText("AdmissionsByUnitAndYear");
  await expect(editor).toContainText("groupBy: [UNIT, YEAR]");
  // The variables name the analyst's own unit (the province).
  await expect(page.locator(".graphiql-editor-tool")).toContainText('"unitId"');

  // Run it: the answer is in the response pane, its cost above the editors.
  const answered = graphqlResponse(page, "AdmissionsByUnitAndYear");
  await page.getByRole("button", { name: /Execute query/ }).click();
  const body = (await (await answered).json()) as {
    data: {
      stats: {
        total: number;
        rows: { keys: string[]; value: number; unit: { code: string; name: string } }[];
      };
    };
    extensions: { cost: { requested: number; remaining: number } };
  };
  expect(body.data.stats.rows.length).toBeGreaterThan(12);
  // The 2024 figure of the Public Security party committee (domain.md: 173 % of 30).
  const publicSecurity2024 = body.data.stats.rows.find(
    (row) => row.unit.code === "NT.CA" && row.keys[1] === "2024",
  );
  expect(publicSecurity2024?.value).toBe(52);
  const response = page.locator(".graphiql-response");
  await expect(response).toContainText('"stats"');
  await expect(response).toContainText('"from": "2020-01-01"');
  await expect(
    page.getByRole("status").filter({ hasText: "Chi phí lần chạy vừa rồi" }),
  ).toContainText(`${body.extensions.cost.requested} điểm`);
  await page.screenshot({ path: testInfo.outputPath("graphiql-result.png") });

  // Export: the toolbar opens the panel; the rows are found in the result.
  await page.getByRole("button", { name: "Xuất CSV / XLSX" }).first().click();
  const exporter = page.getByRole("region", { name: "Xuất CSV / XLSX" });
  await expect(exporter.getByRole("textbox", { name: "Danh sách cần xuất" })).toHaveValue(
    "stats.rows",
  );
  await expect(exporter.getByRole("radio", { name: /stats\.rows/ })).toBeChecked();
  await expect(exporter.getByRole("checkbox", { name: /Lấy mọi trang/ })).toBeDisabled();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    exporter.getByRole("button", { name: "Tải CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("graphiql-AdmissionsByUnitAndYear.csv");
  await expect(exporter.getByRole("status")).toHaveText(
    "Đã tải graphiql-AdmissionsByUnitAndYear.csv.",
  );
  const csv = await readFile(await download.path(), "utf8");
  expect(csv).toContain("Phạm vi / Scope,Đảng bộ tỉnh Ninh Thuận (NT)");
  expect(csv).toContain("AdmissionsByUnitAndYear");
  const rows = csvRows(csv, "keys,value,unit.id,unit.asOf,unit.code,unit.name");
  expect(rows).toHaveLength(body.data.stats.rows.length);
  expect(rows).toContainEqual(
    expect.stringMatching(/^"\d+; 2024",52,\d+,[\d-]+,NT\.CA,Đảng bộ Công an tỉnh$/),
  );
  await page.screenshot({ path: testInfo.outputPath("graphiql-export.png") });

  // The editor ran in its workers, and nothing broke the CSP or logged an error.
  // GraphQL language service, JSON, and the base editor worker.
  expect(problems.workers.length, "GraphiQL's editor workers").toBeGreaterThanOrEqual(3);
  expect(problems.workers.every((url) => new URL(url).origin === new URL(page.url()).origin)).toBe(
    true,
  );
  expect(problems.csp).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems.errors).toEqual([]);
});

test("a filtered member list is exported page by page through $after", async ({ page }) => {
  const problems = await watch(page);
  await signInViaApi(page, "analyst");
  await page.goto("/graphiql");

  await page
    .getByRole("region", { name: "Truy vấn mẫu" })
    .getByRole("button", { name: "Nạp truy vấn: Danh sách đảng viên dự bị (có lọc)" })
    .click();
  await expect(page.locator(".graphiql-query-editor")).toContainText("ProbationaryMembers");
  const answered = graphqlResponse(page, "ProbationaryMembers");
  await page.keyboard.press("Control+Enter");
  const body = (await (await answered).json()) as {
    data: { members: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } } };
  };
  const { totalCount, edges, pageInfo } = body.data.members;
  // More than one page, so that the export has to follow the cursors.
  expect(totalCount).toBeGreaterThan(100);
  expect(edges).toHaveLength(100);
  expect(pageInfo.hasNextPage).toBe(true);
  await expect(page.locator(".graphiql-response")).toContainText(`"totalCount": ${totalCount}`);

  await page.getByRole("button", { name: "Xuất CSV / XLSX" }).first().click();
  const exporter = page.getByRole("region", { name: "Xuất CSV / XLSX" });
  await expect(exporter.getByRole("textbox", { name: "Danh sách cần xuất" })).toHaveValue(
    "members.edges.node",
  );
  await expect(exporter.getByRole("checkbox", { name: /Lấy mọi trang/ })).toBeChecked();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    exporter.getByRole("button", { name: "Tải CSV" }).click(),
  ]);
  const rows = csvRows(
    await readFile(await download.path(), "utf8"),
    "code,fullName,gender,occupation,admittedOn,probationEndsOn,theoryCourseCompleted,unit.code,unit.name",
  );
  expect(rows).toHaveLength(totalCount);
  expect(new Set(rows.map((row) => row.split(",")[0])).size).toBe(totalCount);

  // A path that is not in the result: the endpoint's error is shown.
  await exporter.getByRole("textbox", { name: "Danh sách cần xuất" }).fill("members.nothing");
  await exporter.getByRole("button", { name: "Tải CSV" }).click();
  await expect(exporter.getByRole("alert")).toContainText("Không xuất được tệp");
  await expect(exporter.getByRole("alert")).toContainText("Máy chủ báo:");

  expect(problems.csp).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  // Only the refused export, answered 400 on purpose.
  expect(problems.errors.filter((e) => !e.endsWith("/export)"))).toEqual([]);
});
