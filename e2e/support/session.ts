import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Signs in through the API (as the tests of other areas do); the session cookie lands in the page's context. */
export async function signInViaApi(page: Page, username: string, password = "demo"): Promise<void> {
  const response = await page.request.post("/graphql", {
    data: {
      query:
        "mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }",
      variables: { u: username, p: password },
    },
    headers: { "content-type": "application/json" },
  });
  const body = await response.json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
}

/** Fails when the page scrolls sideways (the 360 px rule). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * Runs a GraphQL operation as a user, through the `request` fixture (its own cookie jar, so the
 * page's session is untouched), and returns `data`.
 */
export async function graphqlAs<T>(
  request: APIRequestContext,
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const post = (data: object) =>
    request.post("/graphql", { data, headers: { "content-type": "application/json" } });
  const signIn = await post({
    query: "mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }",
    variables: { u: username, p: "demo" },
  });
  expect((await signIn.json()).errors).toBeUndefined();
  const body = await (await post({ query, variables })).json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

/** On a phone the navigation is behind the menu button: open it (a no-op on wide screens). */
export async function openNavigation(page: Page): Promise<void> {
  const menu = page.getByRole("button", { name: "Danh mục" });
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) !== "true") {
    await menu.click();
  }
}
