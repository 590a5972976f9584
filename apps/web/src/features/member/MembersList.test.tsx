import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { member, memberConnection } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { MembersQuery } from "./member.operations.ts";
import { MembersList } from "./MembersList.tsx";
import { MembersPage } from "./MembersPage.tsx";

const an = member({ id: "m1", fullName: "Nguyễn Văn An" });
const binh = member({ id: "m2", fullName: "Trần Thị Bình" });
const cuong = member({ id: "m3", fullName: "Lê Văn Cường", status: "PROBATIONARY" });

const allMembers = {
  request: { query: MembersQuery, variables: { first: 25 } },
  result: { data: { members: memberConnection([an, binh], { totalCount: 2 }) } },
};

describe("members list", () => {
  it("sends the typed search to the server and shows what it finds", async () => {
    const searchResult = vi.fn(() => ({
      data: { members: memberConnection([an]) },
    }));
    const { user } = renderWithApp(<MembersPage />, {
      mocks: [
        allMembers,
        {
          request: { query: MembersQuery, variables: { first: 25, search: "nguyen van a" } },
          result: searchResult,
        },
      ],
    });
    expect(await screen.findByText("2 đảng viên")).toBeInTheDocument();

    // Without diacritics: the server folds them, the client just sends the text.
    await user.type(screen.getByLabelText("Tìm theo họ tên"), "  nguyen   van a ");

    expect(await screen.findByText("1 đảng viên")).toBeInTheDocument();
    expect(searchResult).toHaveBeenCalledTimes(1);
    expect(searchResult).toHaveBeenCalledWith({ first: 25, search: "nguyen van a" });
    const table = screen.getByRole("table", { name: "Danh sách đảng viên" });
    expect(within(table).getByText("Nguyễn Văn An")).toBeInTheDocument();
    expect(within(table).queryByText("Trần Thị Bình")).not.toBeInTheDocument();
    // The search box keeps focus and text while results change.
    expect(screen.getByLabelText("Tìm theo họ tên")).toHaveFocus();
  });

  it("filters by status and explains an empty result", async () => {
    const { user } = renderWithApp(<MembersList />, {
      mocks: [
        allMembers,
        {
          request: { query: MembersQuery, variables: { first: 25, status: "PROBATIONARY" } },
          result: { data: { members: memberConnection([cuong]) } },
        },
        {
          request: { query: MembersQuery, variables: { first: 25, status: "OFFICIAL" } },
          result: { data: { members: memberConnection([]) } },
        },
      ],
    });
    await screen.findByText("2 đảng viên");

    await user.selectOptions(screen.getByLabelText("Trạng thái"), "Dự bị");
    expect(await screen.findByText("Lê Văn Cường")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Trạng thái"), "Chính thức");
    expect(
      await screen.findByText(
        "Không tìm thấy đảng viên phù hợp. Hãy thử gõ tên khác hoặc bỏ bớt bộ lọc.",
      ),
    ).toBeInTheDocument();
  });

  it("lists a unit's own members when the subtree is switched off", async () => {
    const { user } = renderWithApp(<MembersList orgUnitId="g1" />, {
      mocks: [
        {
          request: {
            query: MembersQuery,
            variables: { first: 25, orgUnitId: "g1", includeSubtree: true },
          },
          result: { data: { members: memberConnection([an, binh]) } },
        },
        {
          request: {
            query: MembersQuery,
            variables: { first: 25, orgUnitId: "g1", includeSubtree: false },
          },
          result: { data: { members: memberConnection([binh]) } },
        },
      ],
    });
    await screen.findByText("2 đảng viên");
    const subtree = screen.getByLabelText("Gồm cả đảng viên của các đơn vị trực thuộc");
    expect(subtree).toBeChecked();
    await user.click(subtree);
    expect(await screen.findByText("1 đảng viên")).toBeInTheDocument();
  });

  it("loads the next page after the last cursor and appends it", async () => {
    const { user } = renderWithApp(<MembersList />, {
      mocks: [
        {
          request: allMembers.request,
          result: {
            data: {
              members: memberConnection([an, binh], {
                totalCount: 3,
                hasNextPage: true,
                endCursor: "c-m2",
              }),
            },
          },
        },
        {
          request: { query: MembersQuery, variables: { first: 25, after: "c-m2" } },
          result: {
            data: {
              members: memberConnection([cuong], {
                totalCount: 3,
                hasNextPage: false,
                endCursor: "c-m3",
              }),
            },
          },
        },
      ],
    });
    expect(await screen.findByText("Đang hiển thị 2 / 3")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Xem thêm" }));

    expect(await screen.findByText("Lê Văn Cường")).toBeInTheDocument();
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows).toHaveLength(4); // header + 3 members
    expect(screen.queryByRole("button", { name: "Xem thêm" })).not.toBeInTheDocument();
    expect(screen.queryByText(/Đang hiển thị/)).not.toBeInTheDocument();
  });

  it("shows an error with Retry when the list cannot load", async () => {
    const { user } = renderWithApp(<MembersList />, {
      mocks: [
        {
          request: allMembers.request,
          result: {
            data: null,
            errors: [{ message: "Not signed in", extensions: { code: "UNAUTHENTICATED" } }],
          },
        },
        allMembers,
      ],
    });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Bạn chưa đăng nhập");
    await user.click(within(alert).getByRole("button", { name: "Thử lại" }));
    expect(await screen.findByText("2 đảng viên")).toBeInTheDocument();
  });
});
