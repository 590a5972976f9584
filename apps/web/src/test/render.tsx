import type { MockLink } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes } from "react-router";
import { createCache } from "../apollo.ts";
import { ViewerQuery } from "../features/auth/auth.operations.ts";
import { SessionContext, ViewerProvider, type Session } from "../features/auth/ViewerProvider.tsx";
import { AppRoutes } from "../routes.tsx";
import { viewer as leader, type ViewerFixture } from "./fixtures.ts";

interface Options {
  mocks?: ReadonlyArray<MockLink.MockedResponse<any, any>>;
  /** The address the app opens at. */
  path?: string;
  /** Route pattern for `ui`, e.g. "/units/:id"; without it `ui` renders at any address. */
  route?: string;
  /** Who is signed in (a provincial leader by default; null: nobody). */
  viewer?: ViewerFixture | null;
}

/** A fixed session for a component rendered alone (no `viewer` query, no sign-out). */
export function staticSession(viewer: ViewerFixture | null): Session {
  return {
    state: viewer ? { status: "signedIn", viewer } : { status: "signedOut" },
    viewer,
    signedIn: async () => undefined,
    signOut: async () => undefined,
    retry: () => undefined,
  };
}

/** The answer to the `viewer` query the app asks when it starts. */
export function viewerMock(viewer: ViewerFixture | null) {
  return {
    request: { query: ViewerQuery },
    result: { data: { viewer } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

/** Renders a component with the app's cache policies, mocked GraphQL and a memory router. */
export function renderWithApp(
  ui: ReactElement,
  { mocks = [], path = "/", route = "*", viewer = leader() }: Options = {},
) {
  const user = userEvent.setup();
  const result = render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <SessionContext.Provider value={staticSession(viewer)}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={ui} />
          </Routes>
        </MemoryRouter>
      </SessionContext.Provider>
    </MockedProvider>,
  );
  return { user, ...result };
}

/** Renders the whole app (session, header, navigation, routes) at an address. */
export function renderApp({
  mocks = [],
  path = "/",
  viewer = leader(),
}: Omit<Options, "route"> = {}) {
  const user = userEvent.setup();
  const result = render(
    <MockedProvider mocks={[viewerMock(viewer), ...mocks]} cache={createCache()}>
      <ViewerProvider>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
        </MemoryRouter>
      </ViewerProvider>
    </MockedProvider>,
  );
  return { user, ...result };
}
