import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { AS_OF, viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { UserPage } from "./UserPage.tsx";
import {
  CreateUserMutation,
  UnitPickerQuery,
  UpdateUserMutation,
  UserQuery,
  UsersQuery,
} from "./users.operations.ts";
import { UsersPage } from "./UsersPage.tsx";

const admin = viewer({ username: "admin", displayName: "Quản trị hệ thống", role: "ADMIN" });

function unit(id: string, name: string, kind = "CELL") {
  return { __typename: "OrgUnit", id, asOf: AS_OF, name, kind };
}

function userNode(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "User",
    id: "4",
    username: "secretary",
    displayName: "Lê Thị Thu Hà",
    role: "SECRETARY",
    pii: true,
    disabled: false,
    unit: unit("c7", "Chi bộ thôn Thành Ý"),
    ...overrides,
  };
}

function usersConnection(nodes: ReturnType<typeof userNode>[]) {
  return {
    users: {
      __typename: "UserConnection",
      totalCount: nodes.length,
      pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
      edges: nodes.map((node) => ({ __typename: "UserEdge", cursor: `c-${node.id}`, node })),
    },
  };
}

const listMock = {
  request: { query: UsersQuery, variables: { first: 25 } },
  result: {
    data: usersConnection([
      userNode({
        id: "1",
        username: "admin",
        displayName: "Quản trị hệ thống",
        role: "ADMIN",
        unit: unit("p1", "Đảng bộ tỉnh Ninh Thuận", "PROVINCIAL_COMMITTEE"),
      }),
      userNode({ disabled: true }),
    ]),
  },
};

const communeSearch = {
  request: { query: UnitPickerQuery, variables: { search: "thanh hai", first: 8 } },
  result: {
    data: {
      orgUnits: {
        __typename: "OrgUnitConnection",
        totalCount: 1,
        edges: [
          {
            __typename: "OrgUnitEdge",
            cursor: "u-g3",
            node: {
              ...unit("g3", "Đảng bộ xã Thành Hải", "GRASSROOTS_COMMITTEE"),
              parent: {
                __typename: "OrgUnit",
                id: "d2",
                asOf: AS_OF,
                name: "Đảng bộ thành phố Phan Rang - Tháp Chàm",
              },
            },
          },
        ],
      },
    },
  },
};

const newSecretary = {
  username: "bithu.thanhhai",
  displayName: "Nguyễn Thị Lan",
  password: "mat-khau-1",
  role: "SECRETARY",
  unitId: "g3",
  pii: false,
};

describe("users admin", () => {
  it("lists the accounts with role, unit, personal-data grant and status", async () => {
    renderWithApp(<UsersPage />, { viewer: admin, mocks: [listMock] });
    expect(await screen.findByText("2 tài khoản")).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Danh sách tài khoản" });
    const row = within(table).getByRole("row", { name: /secretary/ });
    expect(row).toHaveTextContent("Lê Thị Thu Hà");
    expect(row).toHaveTextContent("Bí thư chi bộ");
    expect(row).toHaveTextContent("Chi bộ thôn Thành Ý");
    expect(row).toHaveTextContent("Đã khóa");
    expect(within(row).getByRole("link", { name: "Sửa tài khoản secretary" })).toHaveAttribute(
      "href",
      "/admin/users/4",
    );
  });

  it("shows the server's refusal of the unit next to the unit field, keeping what was typed", async () => {
    const create = vi.fn(() => ({
      data: null,
      errors: [
        {
          message: "A secretary's unit must be a cell",
          extensions: { code: "BAD_USER_INPUT", field: "unitId" },
        },
      ],
    }));
    const { user } = renderWithApp(<UsersPage />, {
      viewer: admin,
      mocks: [
        listMock,
        communeSearch,
        {
          request: { query: CreateUserMutation, variables: { input: newSecretary } },
          result: create,
        },
      ],
    });
    const open = await screen.findByRole("button", { name: "Tạo tài khoản mới" });
    expect(open).toHaveAttribute("aria-expanded", "false");
    await user.click(open);
    expect(open).toHaveAttribute("aria-expanded", "true");
    const form = screen.getByRole("region", { name: "Tạo tài khoản mới" });

    await user.type(within(form).getByLabelText("Tên đăng nhập"), newSecretary.username);
    await user.type(within(form).getByLabelText("Họ và tên"), newSecretary.displayName);
    await user.type(
      within(form).getByLabelText("Mật khẩu ban đầu", { exact: true }),
      newSecretary.password,
    );
    expect(within(form).getByLabelText("Vai trò")).toHaveValue("SECRETARY");
    const unitField = within(form).getByLabelText("Đơn vị");
    await user.type(unitField, "thanh hai");
    await user.click(await within(form).findByRole("button", { name: /Đảng bộ xã Thành Hải/ }));
    expect(within(form).getByText(/Đã chọn: Đảng bộ xã Thành Hải/)).toBeInTheDocument();

    await user.click(within(form).getByRole("button", { name: "Tạo tài khoản" }));

    expect(await within(form).findByText("Bí thư chi bộ phải gắn với một chi bộ.")).toBeVisible();
    expect(create).toHaveBeenCalledTimes(1);
    expect(unitField).toHaveAttribute("aria-invalid", "true");
    expect(unitField).toHaveAccessibleDescription(
      expect.stringContaining("Bí thư chi bộ phải gắn với một chi bộ."),
    );
    expect(unitField).toHaveFocus();
    expect(within(form).getByRole("alert")).toHaveTextContent("Chưa lưu được");
    // Nothing typed is lost.
    expect(within(form).getByLabelText("Tên đăng nhập")).toHaveValue(newSecretary.username);
    expect(within(form).getByLabelText("Họ và tên")).toHaveValue(newSecretary.displayName);
    expect(within(form).getByLabelText("Mật khẩu ban đầu", { exact: true })).toHaveValue(
      newSecretary.password,
    );
    expect(within(form).getByText(/Đã chọn: Đảng bộ xã Thành Hải/)).toBeInTheDocument();
    // The other fields carry no error.
    expect(within(form).getByLabelText("Tên đăng nhập")).not.toHaveAttribute("aria-invalid");
  });

  it("creates an account and refreshes the list", async () => {
    const created = userNode({
      id: "9",
      username: "bithu.thanhhai",
      displayName: "Nguyễn Thị Lan",
      pii: false,
      unit: unit("g3", "Đảng bộ xã Thành Hải", "GRASSROOTS_COMMITTEE"),
    });
    const { user } = renderWithApp(<UsersPage />, {
      viewer: admin,
      mocks: [
        listMock,
        communeSearch,
        {
          request: { query: CreateUserMutation, variables: { input: newSecretary } },
          result: { data: { createUser: created } },
        },
        {
          request: listMock.request,
          result: { data: usersConnection([userNode(), created]) },
        },
      ],
    });
    await user.click(await screen.findByRole("button", { name: "Tạo tài khoản mới" }));
    const form = screen.getByRole("region", { name: "Tạo tài khoản mới" });
    await user.type(within(form).getByLabelText("Tên đăng nhập"), "Bithu.ThanhHai");
    await user.type(within(form).getByLabelText("Họ và tên"), newSecretary.displayName);
    await user.type(
      within(form).getByLabelText("Mật khẩu ban đầu", { exact: true }),
      newSecretary.password,
    );
    await user.type(within(form).getByLabelText("Đơn vị"), "thanh hai");
    await user.click(await within(form).findByRole("button", { name: /Đảng bộ xã Thành Hải/ }));
    await user.click(within(form).getByRole("button", { name: "Tạo tài khoản" }));

    expect(await screen.findByText("Đã tạo tài khoản bithu.thanhhai.")).toBeInTheDocument();
    expect(await screen.findByRole("row", { name: /bithu\.thanhhai/ })).toBeInTheDocument();
  });

  it("checks the required fields before asking the server", async () => {
    const { user } = renderWithApp(<UsersPage />, { viewer: admin, mocks: [listMock] });
    await user.click(await screen.findByRole("button", { name: "Tạo tài khoản mới" }));
    const form = screen.getByRole("region", { name: "Tạo tài khoản mới" });
    await user.type(within(form).getByLabelText("Mật khẩu ban đầu", { exact: true }), "short");
    await user.click(within(form).getByRole("button", { name: "Tạo tài khoản" }));
    expect(within(form).getByLabelText("Tên đăng nhập")).toHaveAccessibleDescription(
      expect.stringContaining("Vui lòng nhập tên đăng nhập."),
    );
    expect(within(form).getByLabelText("Tên đăng nhập")).toHaveFocus();
    expect(
      within(form).getByLabelText("Mật khẩu ban đầu", { exact: true }),
    ).toHaveAccessibleDescription(expect.stringContaining("Mật khẩu cần ít nhất 8 ký tự."));
    expect(within(form).getByLabelText("Đơn vị")).toHaveAccessibleDescription(
      expect.stringContaining("Vui lòng chọn đơn vị."),
    );
  });

  it("is for administrators only", async () => {
    renderWithApp(<UsersPage />, { viewer: viewer({ role: "LEADER" }) });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Không có quyền truy cập" }),
    ).toBeInTheDocument();
  });
});

describe("editing a user", () => {
  const userMock = {
    request: { query: UserQuery, variables: { id: "4" } },
    result: { data: { user: { ...userNode(), createdAt: "2025-01-02T03:04:05.000Z" } } },
  };

  it("asks before disabling, then disables", async () => {
    const update = vi.fn(() => ({ data: { updateUser: userNode({ disabled: true }) } }));
    const { user } = renderWithApp(<UserPage />, {
      viewer: admin,
      path: "/admin/users/4",
      route: "/admin/users/:id",
      mocks: [
        userMock,
        {
          request: { query: UpdateUserMutation, variables: { id: "4", input: { disabled: true } } },
          result: update,
        },
      ],
    });
    await user.click(await screen.findByRole("button", { name: "Khóa tài khoản" }));
    // Nothing happens before the confirmation; Cancel has focus.
    expect(update).not.toHaveBeenCalled();
    const confirm = screen.getByRole("group", { name: /Khóa tài khoản secretary\?/ });
    expect(within(confirm).getByRole("button", { name: "Hủy" })).toHaveFocus();
    await user.click(within(confirm).getByRole("button", { name: "Khóa tài khoản" }));

    expect(await screen.findByText("Đã khóa tài khoản.")).toBeInTheDocument();
    expect(update).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("button", { name: "Mở khóa tài khoản" })).toBeInTheDocument();
    expect(
      screen.getByRole("link", { name: "Xem lịch sử thay đổi của tài khoản này" }),
    ).toHaveAttribute("href", "/admin/audit?entity=User&entityId=4");
  });

  it("saves only what changed, and shows a refusal next to its field", async () => {
    const { user } = renderWithApp(<UserPage />, {
      viewer: admin,
      path: "/admin/users/4",
      route: "/admin/users/:id",
      mocks: [
        userMock,
        {
          request: {
            query: UpdateUserMutation,
            variables: { id: "4", input: { displayName: "Lê Thị Hà" } },
          },
          result: {
            data: null,
            errors: [
              {
                message:
                  "Invalid displayName: displayName must be shorter than or equal to 120 characters",
                extensions: { code: "BAD_USER_INPUT", field: "displayName" },
              },
            ],
          },
        },
      ],
    });
    const name = await screen.findByLabelText("Họ và tên");
    await user.clear(name);
    await user.type(name, "Lê Thị Hà");
    await user.click(screen.getByRole("button", { name: "Lưu thay đổi" }));
    expect(await screen.findByText("Họ và tên cần từ 1 đến 120 ký tự.")).toBeInTheDocument();
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveValue("Lê Thị Hà");
  });
});
