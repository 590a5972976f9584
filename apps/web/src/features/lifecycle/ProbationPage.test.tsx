import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { AS_OF, viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { ProbationDueQuery, RecogniseOfficialMutation } from "./lifecycle.operations.ts";
import { ProbationDue } from "./ProbationPage.tsx";

const TODAY = "2025-06-30";
const staff = viewer({
  username: "staff",
  role: "STAFF",
  unit: { __typename: "OrgUnit", id: "d2", asOf: AS_OF, name: "Đảng bộ thành phố" },
});

function row(id: string, fullName: string, admittedOn: string, probationEndsOn: string) {
  return {
    __typename: "Member",
    id,
    fullName,
    status: "PROBATIONARY",
    admittedOn,
    probationEndsOn,
    theoryCourseCompleted: id !== "m2",
    theoryCourseOverdue: id === "m2",
    unit: { __typename: "OrgUnit", id: "c7", asOf: AS_OF, name: "Chi bộ thôn Thành Ý" },
  };
}

const due = {
  request: { query: ProbationDueQuery, variables: { unitId: "d2", withinDays: 60, first: 50 } },
  result: {
    data: {
      probationDue: {
        __typename: "MemberConnection",
        totalCount: 2,
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
        edges: [
          row("m1", "Nguyễn Văn An", "2024-05-19", "2025-05-19"),
          row("m2", "Lê Thị Hoa", "2024-06-01", "2025-06-01"),
        ].map((node) => ({ __typename: "MemberEdge", cursor: node.id, node })),
      },
    },
  },
};

describe("probations due", () => {
  it("lists the probations with the missing theory course flagged", async () => {
    renderWithApp(<ProbationDue today={TODAY} />, { viewer: staff, mocks: [due] });
    const table = await screen.findByRole("table", { name: "Đảng viên dự bị đến hạn" });
    const hoa = within(table).getByRole("row", { name: /Lê Thị Hoa/ });
    expect(hoa).toHaveTextContent("Chưa học lớp lý luận chính trị");
    expect(hoa).toHaveTextContent("01/06/2025");
    expect(within(hoa).getByRole("link", { name: "Lê Thị Hoa" })).toHaveAttribute(
      "href",
      "/members/m2",
    );
    expect(
      screen.getByText(/nếu có một người chưa đủ điều kiện thì không lưu gì cả/),
    ).toBeVisible();
  });

  it("shows the server's refusal of one member of a batch recognition on that member's row", async () => {
    const recognise = vi.fn(() => ({
      errors: [
        {
          message: "Lê Thị Hoa's probation ends on 2025-07-01",
          extensions: { code: "BAD_USER_INPUT", field: "memberIds.1", reason: "TOO_EARLY" },
        },
      ],
    }));
    const { user } = renderWithApp(<ProbationDue today={TODAY} />, {
      viewer: staff,
      mocks: [
        due,
        {
          request: {
            query: RecogniseOfficialMutation,
            variables: { input: { memberIds: ["m1", "m2"], on: TODAY, decisionNo: "45-QĐ/ĐU" } },
          },
          result: recognise,
        },
      ],
    });
    await user.click(await screen.findByRole("checkbox", { name: "Chọn Nguyễn Văn An" }));
    await user.click(screen.getByRole("checkbox", { name: "Chọn Lê Thị Hoa" }));
    expect(screen.getByRole("radio", { name: "Công nhận đảng viên chính thức" })).toBeChecked();
    await user.type(screen.getByRole("textbox", { name: /Số quyết định/ }), "45-QĐ/ĐU");
    await user.click(screen.getByRole("button", { name: "Công nhận chính thức 2 đảng viên" }));

    const table = screen.getByRole("table", { name: "Đảng viên dự bị đến hạn" });
    const hoa = within(table).getByRole("row", { name: /Lê Thị Hoa/ });
    expect(
      await within(hoa).findByText("Chưa hết thời gian dự bị (đến 01/06/2025)."),
    ).toBeVisible();
    expect(
      within(hoa).getByRole("checkbox", { name: "Chọn Lê Thị Hoa" }),
    ).toHaveAccessibleDescription("Chưa hết thời gian dự bị (đến 01/06/2025).");
    const an = within(table).getByRole("row", { name: /Nguyễn Văn An/ });
    expect(an).not.toHaveTextContent("Chưa hết thời gian dự bị");
    expect(screen.getByText(/Chưa lưu gì: 1 đảng viên chưa đủ điều kiện/)).toBeVisible();
    expect(recognise).toHaveBeenCalledTimes(1);
    // Nothing was saved: both stay selected for another try.
    expect(screen.getByRole("checkbox", { name: "Chọn Nguyễn Văn An" })).toBeChecked();
  });

  it("checks the probation's end before sending", async () => {
    const { user } = renderWithApp(<ProbationDue today="2025-05-25" />, {
      viewer: staff,
      mocks: [due],
    });
    await user.click(
      await screen.findByRole("checkbox", { name: "Chọn tất cả đảng viên trong danh sách" }),
    );
    await user.type(screen.getByRole("textbox", { name: /Số quyết định/ }), "45-QĐ/ĐU");
    await user.click(screen.getByRole("button", { name: "Công nhận chính thức 2 đảng viên" }));
    const hoa = screen.getByRole("row", { name: /Lê Thị Hoa/ });
    expect(within(hoa).getByText("Chưa hết thời gian dự bị (đến 01/06/2025).")).toBeVisible();
    expect(screen.getByRole("row", { name: /Nguyễn Văn An/ })).not.toHaveTextContent(
      "Chưa hết thời gian",
    );
  });

  it("shows the list without batch actions to leaders", async () => {
    renderWithApp(<ProbationDue today={TODAY} />, {
      viewer: viewer({ unit: staff.unit }),
      mocks: [due],
    });
    await screen.findByRole("table", { name: "Đảng viên dự bị đến hạn" });
    expect(screen.queryByRole("checkbox")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Công nhận/ })).not.toBeInTheDocument();
  });
});
