import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, signInViaApi } from "../support/session.ts";

// On a 360 px phone GraphiQL only has to stay usable: a note suggests a larger screen, the
// editors start without the examples panel, and a query still runs (phone project only, see
// playwright.config.ts).

test("on a phone, GraphiQL says a larger screen works better and still runs a query", async ({
  page,
}) => {
  await signInViaApi(page, "analyst");
  await page.goto("/graphiql");
  await expect(page.getByRole("heading", { level: 1, name: "GraphQL (GraphiQL)" })).toBeVisible();
  await expect(
    page.getByText("GraphiQL cần màn hình rộng: trên điện thoại có thể chật."),
  ).toBeVisible();
  // A phone starts with the editors alone (the examples stay one tap away).
  await expect(page.getByRole("region", { name: "Truy vấn mẫu" })).toBeHidden();
  await expect(page.locator(".graphiql-query-editor")).toContainText("viewer");

  const answered = page.waitForResponse(
    (r) => r.url().endsWith("/graphql") && r.request().method() === "POST" && r.ok(),
  );
  await page.getByRole("button", { name: /Execute query/ }).click();
  const body = (await (await answered).json()) as { data?: { viewer?: { username: string } } };
  expect(body.data?.viewer?.username).toBe("analyst");
  await expect(page.locator(".graphiql-response")).toContainText('"username": "analyst"');
  await expectNoHorizontalScroll(page);
});
