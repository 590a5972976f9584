import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AS_OF, viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { MemberQuery } from "../lifecycle/lifecycle.operations.ts";
import { MemberPage } from "./MemberPage.tsx";

const unit = (id: string, name: string) => ({ __typename: "OrgUnit", id, asOf: AS_OF, name });

function memberMock(masked: boolean) {
  return {
    request: { query: MemberQuery, variables: { id: "m9" } },
    result: {
      data: {
        member: {
          __typename: "Member",
          id: "m9",
          code: "KN2025.000042",
          fullName: "Pinăng Thị Mai",
          gender: "FEMALE",
          birthDate: masked ? null : "1999-03-08",
          ethnicity: "Raglai",
          occupation: "FARMER",
          phone: masked ? null : "0912345678",
          nationalId: null,
          address: null,
          status: "PROBATIONARY",
          admittedOn: "2025-05-19",
          officialOn: null,
          probationEndsOn: "2026-05-19",
          exitedOn: null,
          theoryCourseCompleted: false,
          theoryCourseOverdue: true,
          unit: unit("c8", "Chi bộ thôn Công Thành"),
          events: [
            {
              __typename: "MemberEvent",
              id: "e1",
              kind: "ADMITTED",
              effectiveOn: "2025-05-19",
              decisionNo: "125-QĐ/HU",
              reason: null,
              statusAfter: "PROBATIONARY",
              unit: unit("c7", "Chi bộ thôn Thành Ý"),
            },
            {
              __typename: "MemberEvent",
              id: "e2",
              kind: "MOVED_CELL",
              effectiveOn: "2025-09-01",
              decisionNo: null,
              reason: null,
              statusAfter: "PROBATIONARY",
              unit: unit("c8", "Chi bộ thôn Công Thành"),
            },
          ],
          assignments: [
            {
              __typename: "MemberAssignment",
              temporary: false,
              validFrom: "2025-05-19",
              validTo: "2025-09-01",
              unit: unit("c7", "Chi bộ thôn Thành Ý"),
            },
            {
              __typename: "MemberAssignment",
              temporary: false,
              validFrom: "2025-09-01",
              validTo: null,
              unit: unit("c8", "Chi bộ thôn Công Thành"),
            },
            {
              __typename: "MemberAssignment",
              temporary: true,
              validFrom: "2025-10-01",
              validTo: null,
              unit: unit("c3", "Chi bộ khu phố 3"),
            },
          ],
        },
      },
    },
  };
}

describe("the member page", () => {
  it("shows the record, its decisions and cells, and the board's actions", async () => {
    renderWithApp(<MemberPage />, {
      path: "/members/m9",
      route: "/members/:id",
      viewer: viewer({ role: "STAFF" }),
      mocks: [memberMock(false)],
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Pinăng Thị Mai" })).toBeVisible();
    expect(screen.getByText("08/03/1999")).toBeVisible();
    expect(screen.getByText(/chưa hoàn thành lớp lý luận chính trị/)).toBeVisible();
    const events = screen.getByRole("table", { name: "Quá trình (các quyết định)" });
    expect(within(events).getByRole("row", { name: /Kết nạp vào Đảng/ })).toHaveTextContent(
      "125-QĐ/HU",
    );
    const cells = screen.getByRole("table", { name: "Quá trình sinh hoạt ở các chi bộ" });
    expect(within(cells).getByRole("row", { name: /Chi bộ khu phố 3/ })).toHaveTextContent(
      "Sinh hoạt tạm thời",
    );
    expect(within(cells).getByRole("row", { name: /Chi bộ thôn Công Thành/ })).toHaveTextContent(
      "Đến nay",
    );
    // An open temporary activity is ended rather than started again.
    expect(screen.getByText("Sinh hoạt tạm thời", { selector: "summary" })).toBeVisible();
    expect(
      screen.getByText("Đang sinh hoạt tạm thời tại Chi bộ khu phố 3 từ 01/10/2025."),
    ).toBeInTheDocument();
    expect(
      screen.getByText("Chuyển sinh hoạt sang chi bộ khác", { selector: "summary" }),
    ).toBeVisible();
  });

  it("shows masked personal data as not shown, and no actions to analysts", async () => {
    renderWithApp(<MemberPage />, {
      path: "/members/m9",
      route: "/members/:id",
      viewer: viewer({ role: "ANALYST", pii: false }),
      mocks: [memberMock(true)],
    });
    await screen.findByRole("heading", { level: 1, name: "Pinăng Thị Mai" });
    const birth = screen.getByText("Ngày sinh").closest("div")!;
    expect(birth).toHaveTextContent("Không có hoặc không được hiển thị");
    expect(screen.queryByRole("heading", { name: "Thao tác" })).not.toBeInTheDocument();
  });
});
