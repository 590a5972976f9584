import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { AS_OF, viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { AuditLogQuery } from "./audit.operations.ts";
import { AuditLogPage } from "./AuditLogPage.tsx";

function entry(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "AuditEntry",
    id: "101",
    at: "2025-06-30T07:15:00.000Z",
    username: "admin",
    operation: "updateUser",
    entity: "User",
    entityId: "4",
    before: { displayName: "Lê Thị Thu Hà", role: "SECRETARY", disabled: false, pii: true },
    after: { displayName: "Lê Thị Hà", role: "SECRETARY", disabled: true, pii: true },
    unit: { __typename: "OrgUnit", id: "c7", asOf: AS_OF, name: "Chi bộ thôn Thành Ý" },
    ...overrides,
  };
}

function connection(nodes: ReturnType<typeof entry>[]) {
  return {
    auditLog: {
      __typename: "AuditEntryConnection",
      totalCount: nodes.length,
      pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
      edges: nodes.map((node) => ({ __typename: "AuditEntryEdge", cursor: `a-${node.id}`, node })),
    },
  };
}

function renderAudit(path: string, mocks: object[], who = viewer({ role: "ADMIN" })) {
  return renderWithApp(<AuditLogPage />, {
    viewer: who,
    path,
    route: "/admin/audit",
    mocks: mocks as never,
  });
}

describe("audit log", () => {
  it("prefills the filters from the address and shows a change's before and after", async () => {
    const { user } = renderAudit("/admin/audit?entity=User&entityId=4", [
      {
        request: { query: AuditLogQuery, variables: { first: 30, entity: "User", entityId: "4" } },
        result: { data: connection([entry()]) },
      },
    ]);
    expect(await screen.findByText("1 thay đổi")).toBeInTheDocument();
    const filters = screen.getByRole("search", { name: "Lọc nhật ký" });
    expect(within(filters).getByLabelText("Loại bản ghi")).toHaveValue("User");
    expect(within(filters).getByLabelText("Mã bản ghi")).toHaveValue("4");

    const table = screen.getByRole("table", { name: "Các thay đổi" });
    const row = within(table).getAllByRole("row")[1]!;
    expect(row).toHaveTextContent("admin");
    expect(row).toHaveTextContent("Sửa tài khoản");
    expect(row).toHaveTextContent("updateUser");
    expect(row).toHaveTextContent("User #4");
    expect(row).toHaveTextContent("Chi bộ thôn Thành Ý");
    // The time, in the device's zone, in Vietnamese order (day first).
    expect(row).toHaveTextContent(/30\/06\/2025/);

    const toggle = within(row).getByRole("button", { name: "Xem thay đổi" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");

    const diff = screen.getByRole("table", { name: "Giá trị trước và sau thay đổi" });
    const name = within(diff).getByRole("row", { name: /displayName/ });
    expect(name).toHaveTextContent("Đã đổi");
    expect(
      within(name)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["Lê Thị Thu Hà", "Lê Thị Hà"]);
    const disabled = within(diff).getByRole("row", { name: /disabled/ });
    expect(
      within(disabled)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["Không", "Có"]);
    const role = within(diff).getByRole("row", { name: /role/ });
    expect(role).not.toHaveTextContent("Đã đổi");
    expect(role).toHaveClass("diff-unchanged");

    await user.click(toggle);
    expect(
      screen.queryByRole("table", { name: "Giá trị trước và sau thay đổi" }),
    ).not.toBeInTheDocument();
  });

  it("applies the filters: free-text kind, operation, user and an inclusive date range", async () => {
    const filtered = vi.fn(() => ({
      data: connection([
        entry({
          id: "7",
          operation: "setAdmissionTargets",
          entity: "AdmissionTarget",
          entityId: "12:2026",
          before: null,
          after: { target: 40 },
        }),
      ]),
    }));
    const from = new Date(2025, 5, 1).toISOString();
    const to = new Date(2025, 6, 1).toISOString();
    const { user } = renderAudit("/admin/audit", [
      {
        request: { query: AuditLogQuery, variables: { first: 30 } },
        result: { data: connection([entry()]) },
      },
      {
        request: {
          query: AuditLogQuery,
          variables: {
            first: 30,
            entity: "Meeting",
            operation: "setAdmissionTargets",
            username: "leader",
            from,
            to,
          },
        },
        result: filtered,
      },
    ]);
    await screen.findByText("1 thay đổi");
    const filters = screen.getByRole("search", { name: "Lọc nhật ký" });
    await user.selectOptions(within(filters).getByLabelText("Loại bản ghi"), "Loại khác…");
    await user.type(within(filters).getByLabelText("Tên loại bản ghi"), "Meeting");
    await user.type(within(filters).getByLabelText("Thao tác"), "setAdmissionTargets");
    await user.type(within(filters).getByLabelText("Người thực hiện (tên đăng nhập)"), "Leader");
    await user.type(within(filters).getByLabelText("Từ ngày"), "2025-06-01");
    await user.type(within(filters).getByLabelText("Đến ngày"), "2025-06-30");
    await user.click(within(filters).getByRole("button", { name: "Lọc" }));

    expect(await screen.findByText("#12:2026")).toBeInTheDocument();
    expect(filtered).toHaveBeenCalledTimes(1);
    // A created record: its values, with no empty "before" column.
    await user.click(screen.getByRole("button", { name: "Xem thay đổi" }));
    const diff = screen.getByRole("table", { name: "Giá trị trước và sau thay đổi" });
    expect(
      within(diff)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["Trường", "Sau"]);
    expect(within(diff).getByRole("row", { name: /target/ })).toHaveTextContent("40");
  });

  it("refuses a range that ends before it starts, without asking the server", async () => {
    const { user } = renderAudit("/admin/audit", [
      {
        request: { query: AuditLogQuery, variables: { first: 30 } },
        result: { data: connection([]) },
      },
    ]);
    expect(await screen.findByText("Chưa có thay đổi nào.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Từ ngày"), "2025-06-30");
    await user.type(screen.getByLabelText("Đến ngày"), "2025-06-01");
    await user.click(screen.getByRole("button", { name: "Lọc" }));
    expect(screen.getByLabelText("Đến ngày")).toHaveAccessibleDescription(
      "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.",
    );
  });

  it("is for administrators and leaders", async () => {
    renderAudit("/admin/audit", [], viewer({ role: "STAFF" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Không có quyền truy cập" }),
    ).toBeInTheDocument();
  });
});
