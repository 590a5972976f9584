import { ApolloClient, ApolloLink } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { MockLink } from "@apollo/client/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { createCache, sessionEndedLink } from "../../apollo.ts";
import { AppRoutes } from "../../routes.tsx";
import { CellOverviewQuery } from "../cell/cell.operations.ts";
import { RootUnitsQuery } from "../committee/committee.operations.ts";
import { treeRow, viewer } from "../../test/fixtures.ts";
import { renderApp, viewerMock } from "../../test/render.tsx";
import { SignInMutation, SignOutMutation } from "./auth.operations.ts";
import { ViewerProvider } from "./ViewerProvider.tsx";

const leader = viewer();
const secretary = viewer({
  username: "secretary",
  displayName: "Lê Thị Thu Hà",
  role: "SECRETARY",
  unit: { __typename: "OrgUnit", id: "c7", asOf: "2025-06-30", name: "Chi bộ thôn Thành Ý" },
});

const rootUnitsMock = {
  request: { query: RootUnitsQuery },
  result: {
    data: {
      rootUnits: [
        {
          ...treeRow({ id: "p1", name: "Đảng bộ tỉnh Ninh Thuận", kind: "PROVINCIAL_COMMITTEE" }),
          children: [],
        },
      ],
    },
  },
};

function signInMock(
  username: string,
  password: string,
  outcome: { viewer: typeof leader } | { code: string; extensions?: Record<string, unknown> },
) {
  return {
    request: { query: SignInMutation, variables: { username, password } },
    result:
      "viewer" in outcome
        ? { data: { signIn: outcome.viewer } }
        : {
            data: null,
            errors: [
              { message: "refused", extensions: { code: outcome.code, ...outcome.extensions } },
            ],
          },
  };
}

async function fillAndSubmit(user: ReturnType<typeof userEvent.setup>, name: string, pw: string) {
  await user.type(await screen.findByLabelText("Tên đăng nhập"), name);
  await user.type(screen.getByLabelText("Mật khẩu", { exact: true }), pw);
  await user.click(screen.getByRole("button", { name: "Đăng nhập" }));
}

describe("sign-in page", () => {
  it("has labelled fields with autocomplete, a show-password toggle and no demo hint", async () => {
    const { user } = renderApp({ viewer: null, path: "/sign-in" });
    expect(await screen.findByRole("heading", { level: 1, name: "Đăng nhập" })).toBeInTheDocument();
    const username = screen.getByLabelText("Tên đăng nhập");
    const password = screen.getByLabelText("Mật khẩu", { exact: true });
    expect(username).toHaveAttribute("autocomplete", "username");
    expect(password).toHaveAttribute("autocomplete", "current-password");
    expect(password).toHaveAttribute("type", "password");

    const toggle = screen.getByRole("button", { name: "Hiện Mật khẩu" });
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    await user.click(toggle);
    expect(password).toHaveAttribute("type", "text");
    expect(toggle).toHaveAttribute("aria-pressed", "true");

    // The language can be chosen before signing in; no navigation or user menu yet.
    expect(screen.getByRole("group", { name: "Ngôn ngữ" })).toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "Điều hướng chính" })).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/demo/i);
  });

  it("signs in and goes on to the address in ?next=", async () => {
    const { user } = renderApp({
      viewer: null,
      path: "/sign-in?next=%2Faccount%2Fpassword",
      mocks: [signInMock("leader", "demo-pass", { viewer: leader })],
    });
    await fillAndSubmit(user, "  leader ", "demo-pass");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Đổi mật khẩu" }),
    ).toBeInTheDocument();
    // Signed in now: the header shows who.
    expect(screen.getByRole("button", { name: /Lê Minh Khoa/ })).toBeInTheDocument();
  });

  it("sends a secretary to her cell when she was not going anywhere", async () => {
    const unitRequest = vi.fn(() => ({
      data: null,
      errors: [{ message: "not found", extensions: { code: "NOT_FOUND" } }],
    }));
    const { user } = renderApp({
      viewer: null,
      path: "/sign-in",
      mocks: [
        signInMock("secretary", "password1", { viewer: secretary }),
        { request: { query: CellOverviewQuery, variables: { cellId: "c7" } }, result: unitRequest },
      ],
    });
    await fillAndSubmit(user, "secretary", "password1");
    // Her home is My cell (/cell), which asks for her own cell.
    await screen.findByRole("heading", {
      level: 1,
      name: "Tài khoản của bạn không gắn với một chi bộ",
    });
    expect(unitRequest).toHaveBeenCalledWith({ cellId: "c7" });
  });

  it("ignores a ?next= that leads to another site", async () => {
    const { user } = renderApp({
      viewer: null,
      path: "/sign-in?next=%2F%2Fevil.example%2Fx",
      mocks: [signInMock("leader", "demo-pass", { viewer: leader }), rootUnitsMock],
    });
    await fillAndSubmit(user, "leader", "demo-pass");
    // The leader's own home instead: the dashboard.
    expect(
      await screen.findByRole("link", { name: "Bảng điều hành", current: "page" }),
    ).toBeInTheDocument();
  });

  it("explains a wrong password, keeps the username and empties the password", async () => {
    const { user } = renderApp({
      viewer: null,
      path: "/sign-in",
      mocks: [
        signInMock("leader", "wrong-one", {
          code: "UNAUTHENTICATED",
          extensions: { reason: "INVALID_CREDENTIALS" },
        }),
      ],
    });
    await fillAndSubmit(user, "leader", "wrong-one");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Tên đăng nhập hoặc mật khẩu không đúng.",
    );
    expect(screen.getByLabelText("Tên đăng nhập")).toHaveValue("leader");
    const password = screen.getByLabelText("Mật khẩu", { exact: true });
    expect(password).toHaveValue("");
    expect(password).toHaveFocus();
    // Still on the sign-in page: a refused sign-in is not an ended session.
    expect(screen.queryByText(/Phiên làm việc của bạn đã kết thúc/)).not.toBeInTheDocument();
  });

  it("says how many minutes to wait when rate limited", async () => {
    const { user } = renderApp({
      viewer: null,
      path: "/sign-in",
      mocks: [
        signInMock("leader", "guess-6", {
          code: "RATE_LIMITED",
          extensions: { retryAfterSeconds: 545 },
        }),
      ],
    });
    await fillAndSubmit(user, "leader", "guess-6");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 10 phút.",
    );
  });

  it("explains a disabled account, in English too", async () => {
    const { user } = renderApp({
      viewer: null,
      path: "/sign-in",
      mocks: [
        signInMock("old", "password1", {
          code: "UNAUTHENTICATED",
          extensions: { reason: "ACCOUNT_DISABLED" },
        }),
      ],
    });
    await fillAndSubmit(user, "old", "password1");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.",
    );
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("alert")).toHaveTextContent(
      "This account has been disabled. Please contact your administrator.",
    );
  });

  it("asks for what is missing without asking the server", async () => {
    const { user } = renderApp({ viewer: null, path: "/sign-in" });
    await user.click(await screen.findByRole("button", { name: "Đăng nhập" }));
    const username = screen.getByLabelText("Tên đăng nhập");
    expect(username).toHaveAccessibleDescription("Vui lòng nhập tên đăng nhập.");
    expect(username).toHaveAttribute("aria-invalid", "true");
    expect(username).toHaveFocus();
  });
});

describe("session", () => {
  it("sends a signed-out user to /sign-in and back to the page after signing in", async () => {
    const { user } = renderApp({
      viewer: null,
      path: "/units",
      mocks: [signInMock("leader", "demo-pass", { viewer: leader }), rootUnitsMock],
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Đăng nhập" })).toBeInTheDocument();
    await fillAndSubmit(user, "leader", "demo-pass");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Cây tổ chức đảng" }),
    ).toBeInTheDocument();
  });

  it("ends the session when any operation answers UNAUTHENTICATED, then signs in again", async () => {
    const link = new MockLink([
      viewerMock(leader),
      {
        request: { query: RootUnitsQuery },
        result: {
          data: null,
          errors: [{ message: "Sign in to continue", extensions: { code: "UNAUTHENTICATED" } }],
        },
      },
      signInMock("leader", "demo-pass", { viewer: leader }),
      rootUnitsMock,
    ]);
    const client = new ApolloClient({
      link: ApolloLink.from([sessionEndedLink, link]),
      cache: createCache(),
    });
    const user = userEvent.setup();
    render(
      <ApolloProvider client={client}>
        <ViewerProvider>
          <MemoryRouter initialEntries={["/units"]}>
            <AppRoutes />
          </MemoryRouter>
        </ViewerProvider>
      </ApolloProvider>,
    );

    expect(
      await screen.findByText("Phiên làm việc của bạn đã kết thúc. Vui lòng đăng nhập lại."),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Đăng nhập" })).toBeInTheDocument();
    // Nothing fetched for the previous session stays in memory.
    expect(client.cache.extract()).toEqual({});

    await fillAndSubmit(user, "leader", "demo-pass");
    expect(
      await screen.findByRole("link", { name: "Đảng bộ tỉnh Ninh Thuận" }),
    ).toBeInTheDocument();
  });
});

describe("header", () => {
  it("shows a secretary no administration", async () => {
    renderApp({ viewer: secretary, path: "/account/password" });
    const nav = await screen.findByRole("navigation", { name: "Điều hướng chính" });
    expect(within(nav).getByRole("list", { name: "Lãnh đạo" })).toBeInTheDocument();
    expect(within(nav).queryByRole("list", { name: "Quản trị" })).not.toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Nhật ký thay đổi" })).not.toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Cây tổ chức đảng" })).toBeInTheDocument();
  });

  it("shows an admin Users and Audit log, a leader only Audit log", async () => {
    const admin = viewer({ username: "admin", displayName: "Quản trị hệ thống", role: "ADMIN" });
    const { unmount } = renderApp({ viewer: admin, path: "/account/password" });
    let nav = await screen.findByRole("navigation", { name: "Điều hướng chính" });
    let adminGroup = within(nav).getByRole("list", { name: "Quản trị" });
    expect(within(adminGroup).getByRole("link", { name: "Tài khoản người dùng" })).toHaveAttribute(
      "href",
      "/admin/users",
    );
    expect(within(adminGroup).getByRole("link", { name: "Nhật ký thay đổi" })).toHaveAttribute(
      "href",
      "/admin/audit",
    );
    unmount();

    renderApp({ viewer: leader, path: "/account/password" });
    nav = await screen.findByRole("navigation", { name: "Điều hướng chính" });
    adminGroup = within(nav).getByRole("list", { name: "Quản trị" });
    expect(within(adminGroup).getByRole("link", { name: "Nhật ký thay đổi" })).toBeInTheDocument();
    expect(
      within(nav).queryByRole("link", { name: "Tài khoản người dùng" }),
    ).not.toBeInTheDocument();
  });

  it("has a user menu with who is signed in, change password and sign out", async () => {
    const { user } = renderApp({
      viewer: secretary,
      path: "/account/password",
      mocks: [
        {
          request: { query: SignOutMutation },
          result: { data: { signOut: true } },
        },
      ],
    });
    const button = await screen.findByRole("button", { name: /Lê Thị Thu Hà/ });
    expect(button).toHaveTextContent("Bí thư chi bộ · Chi bộ thôn Thành Ý");
    expect(button).toHaveAttribute("aria-expanded", "false");
    await user.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    const panel = document.getElementById(button.getAttribute("aria-controls")!)!;
    expect(panel).toBeVisible();
    expect(within(panel).getByRole("link", { name: "Đổi mật khẩu" })).toHaveAttribute(
      "href",
      "/account/password",
    );

    // Reachable by keyboard; Escape closes it and gives focus back.
    await user.tab();
    expect(within(panel).getByRole("link", { name: "Đổi mật khẩu" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(button).toHaveFocus();

    // Tabbing past its last entry closes it too.
    await user.click(button);
    await user.tab();
    await user.tab();
    expect(within(panel).getByRole("button", { name: "Đăng xuất" })).toHaveFocus();
    await user.tab();
    expect(button).toHaveAttribute("aria-expanded", "false");

    await user.click(button);
    await user.click(within(panel).getByRole("button", { name: "Đăng xuất" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Đăng nhập" })).toBeInTheDocument();
    expect(screen.getByText("Bạn đã đăng xuất.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Lê Thị Thu Hà/ })).not.toBeInTheDocument();
  });
});
