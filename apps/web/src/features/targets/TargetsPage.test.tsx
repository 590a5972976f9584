import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../../test/render.tsx";
import { AdmissionTargetsQuery, SetAdmissionTargetsMutation } from "./targets.operations.ts";
import { TargetsPage } from "./TargetsPage.tsx";

const YEAR = 2025;
const TREE_DATE = "2025-12-31";

const targetRow = (
  unitId: string,
  name: string,
  target: number | null,
  kind = "GRASSROOTS_COMMITTEE",
) => ({
  __typename: "TargetRow",
  unitId,
  year: YEAR,
  name,
  kind,
  target,
  updatedAt: target === null ? null : "2025-01-10T02:00:00.000Z",
  updatedBy: target === null ? null : "leader",
});

/** A district whose grassroots targets add up to 62, 3 less than its own 65. */
const ROWS = [
  targetRow("g1", "Đảng bộ xã Hộ Hải", 20),
  targetRow("g2", "Đảng bộ xã Tri Hải", 17),
  targetRow("g3", "Chi bộ Trường THPT Tôn Đức Thắng", 25, "GRASSROOTS_CELL"),
];

function targetsMock({ editable = true, rows = ROWS } = {}) {
  return {
    request: {
      query: AdmissionTargetsQuery,
      variables: { unitId: "3", year: YEAR, treeDate: TREE_DATE },
    },
    result: {
      data: {
        orgUnit: {
          __typename: "OrgUnit",
          id: "3",
          asOf: TREE_DATE,
          name: "Đảng bộ huyện Ninh Hải",
          ancestors: [
            { __typename: "OrgUnit", id: "1", asOf: TREE_DATE, name: "Đảng bộ tỉnh Ninh Thuận" },
          ],
        },
        admissionTargets: {
          __typename: "AdmissionTargets",
          year: YEAR,
          editable,
          difference: 3,
          rowsTotal: 62,
          unit: targetRow("3", "Đảng bộ huyện Ninh Hải", 65, "DISTRICT_COMMITTEE"),
          rows,
        },
      },
    },
  };
}

function saveMock(unitId: string, target: number, answer: "ok" | "BAD_USER_INPUT" | "FORBIDDEN") {
  const row = ROWS.find((r) => r.unitId === unitId)!;
  return {
    request: {
      query: SetAdmissionTargetsMutation,
      variables: { year: YEAR, targets: [{ unitId, target }] },
    },
    result:
      answer === "ok"
        ? {
            data: {
              setAdmissionTargets: [
                { ...row, target, updatedAt: "2025-06-01T03:00:00.000Z", updatedBy: "leader" },
              ],
            },
          }
        : {
            data: null,
            errors: [
              answer === "BAD_USER_INPUT"
                ? {
                    message: `${row.name} did not exist in ${YEAR}`,
                    extensions: { code: "BAD_USER_INPUT", field: "targets.0.unitId" },
                  }
                : {
                    message: "You may set targets only for units below your own",
                    extensions: { code: "FORBIDDEN" },
                  },
            ],
          },
    // Long enough to see the optimistic state before the answer.
    delay: 400,
  };
}

function renderTargets(mocks: object[]) {
  return renderWithApp(<TargetsPage />, {
    mocks: mocks as never,
    path: `/targets/3?year=${YEAR}`,
    route: "/targets/:unitId",
  });
}

const balance = () => screen.getByTestId("target-balance");

describe("targets page", () => {
  it("lists the subordinates' targets, warns that they fall short, and links history and drill-down", async () => {
    renderTargets([targetsMock()]);
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent(
      "Đảng bộ huyện Ninh Hải",
    );
    expect(
      within(screen.getByRole("navigation", { name: "Vị trí đơn vị trong cây tổ chức" })).getByRole(
        "link",
        { name: "Đảng bộ tỉnh Ninh Thuận" },
      ),
    ).toHaveAttribute("href", "/targets/1?year=2025");
    expect(screen.getByText("Chỉ tiêu năm 2025 của đơn vị").nextElementSibling).toHaveTextContent(
      "65",
    );
    expect(balance()).toHaveTextContent(
      "Tổng chỉ tiêu các đơn vị trực thuộc là 62, ít hơn 3 so với chỉ tiêu 65 của đơn vị.",
    );
    expect(balance()).toHaveClass("targets-warning");

    const table = screen.getByRole("table", { name: "Chỉ tiêu giao cho các đơn vị trực thuộc" });
    const hoHai = within(table).getByRole("row", { name: /Đảng bộ xã Hộ Hải/ });
    expect(within(hoHai).getByRole("link", { name: "Đảng bộ xã Hộ Hải" })).toHaveAttribute(
      "href",
      "/targets/g1?year=2025",
    );
    expect(
      within(hoHai).getByRole("link", { name: "Lịch sử thay đổi chỉ tiêu của Đảng bộ xã Hộ Hải" }),
    ).toHaveAttribute("href", "/admin/audit?entity=AdmissionTarget&entityId=g1%3A2025");
    expect(hoHai).toHaveTextContent("leader, 10/01/2025");
    expect(
      within(hoHai).getByRole("textbox", { name: "Chỉ tiêu năm 2025 của Đảng bộ xã Hộ Hải" }),
    ).toHaveValue("20");
    // A cell has no subordinates to drill into.
    expect(
      within(table).queryByRole("link", { name: "Chi bộ Trường THPT Tôn Đức Thắng" }),
    ).toBeNull();
  });

  it("saves an edited target on Enter and updates the warning", async () => {
    const { user } = renderTargets([targetsMock(), saveMock("g2", 20, "ok")]);
    const input = await screen.findByRole("textbox", {
      name: "Chỉ tiêu năm 2025 của Đảng bộ xã Tri Hải",
    });
    await user.clear(input);
    await user.type(input, "20{Enter}");

    // Optimistic: the new total at once, then the server's answer.
    expect(screen.getByText("Đang lưu…")).toBeInTheDocument();
    expect(balance()).toHaveTextContent(
      "Tổng chỉ tiêu các đơn vị trực thuộc bằng chỉ tiêu của đơn vị: 65.",
    );
    expect(await screen.findByText("Đã lưu")).toBeInTheDocument();
    expect(balance()).toHaveTextContent(
      "Tổng chỉ tiêu các đơn vị trực thuộc bằng chỉ tiêu của đơn vị: 65.",
    );
    expect(input).toHaveValue("20");
    expect(within(input.closest("tr")!).getByText("leader, 01/06/2025")).toBeInTheDocument();
  });

  it("saves on leaving the field, and shows a refusal (BAD_USER_INPUT) inline, putting the old target back", async () => {
    const { user } = renderTargets([targetsMock(), saveMock("g1", 30, "BAD_USER_INPUT")]);
    const input = await screen.findByRole("textbox", {
      name: "Chỉ tiêu năm 2025 của Đảng bộ xã Hộ Hải",
    });
    await user.clear(input);
    await user.type(input, "30");
    await user.tab();

    expect(balance()).toHaveTextContent("là 72, nhiều hơn 7 so với chỉ tiêu 65");
    const row = input.closest("tr")!;
    expect(await within(row).findByRole("alert")).toHaveTextContent(
      "Máy chủ không nhận chỉ tiêu 30: Đảng bộ xã Hộ Hải did not exist in 2025",
    );
    expect(input).toHaveValue("20");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(balance()).toHaveTextContent("là 62, ít hơn 3 so với chỉ tiêu 65");
  });

  it("explains FORBIDDEN, refuses a malformed number without asking, and undoes with Escape", async () => {
    const { user } = renderTargets([targetsMock(), saveMock("g1", 21, "FORBIDDEN")]);
    const input = await screen.findByRole("textbox", {
      name: "Chỉ tiêu năm 2025 của Đảng bộ xã Hộ Hải",
    });
    const row = input.closest("tr")!;

    await user.clear(input);
    await user.type(input, "-4{Enter}");
    expect(within(row).getByRole("alert")).toHaveTextContent(
      "Chỉ tiêu phải là số nguyên từ 0 đến 100.000.",
    );
    await user.keyboard("{Escape}");
    expect(input).toHaveValue("20");
    expect(within(row).queryByRole("alert")).not.toBeInTheDocument();

    await user.clear(input);
    await user.type(input, "21{Enter}");
    expect(await within(row).findByRole("alert")).toHaveTextContent(
      "Bạn không có quyền đặt chỉ tiêu cho Đảng bộ xã Hộ Hải.",
    );
    expect(input).toHaveValue("20");
  });

  it("shows targets read-only when they may not be changed", async () => {
    renderTargets([targetsMock({ editable: false })]);
    const table = await screen.findByRole("table");
    expect(within(table).queryByRole("textbox")).not.toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Đảng bộ xã Tri Hải/ })).toHaveTextContent("17");
    expect(
      screen.getByText("Bạn được xem nhưng không được sửa chỉ tiêu của các đơn vị này."),
    ).toBeInTheDocument();
  });
});
