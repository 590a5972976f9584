import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { AS_OF, viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import {
  ReviewSheetQuery,
  SetCommitmentsMutation,
  SetReviewsMutation,
} from "./review.operations.ts";
import { ReviewPage } from "./ReviewPage.tsx";

const secretary = viewer({
  username: "secretary",
  role: "SECRETARY",
  unit: { __typename: "OrgUnit", id: "c7", asOf: AS_OF, name: "Chi bộ thôn Thành Ý" },
});

function reviewRow(memberId: string, fullName: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: "ReviewRow",
    memberId,
    fullName,
    classification: null,
    committed: false,
    keyLeader: false,
    commitment: null,
    commitmentOutcome: null,
    ...overrides,
  };
}

function sheet(rows: ReturnType<typeof reviewRow>[], unitClassification: string | null = null) {
  return { __typename: "ReviewSheet", year: 2025, unitClassification, rows };
}

const rows = [
  reviewRow("m1", "Nguyễn Văn An", { classification: "GOOD" }),
  reviewRow("m2", "Lê Thị Hoa"),
  reviewRow("m3", "Pinăng Thị Mai", { committed: true, commitment: "Đi đầu làm đường" }),
];

const sheetMock = {
  request: { query: ReviewSheetQuery, variables: { cellId: "c7", year: 2025 } },
  result: {
    data: {
      orgUnit: {
        __typename: "OrgUnit",
        id: "c7",
        asOf: AS_OF,
        name: "Chi bộ thôn Thành Ý",
        kind: "CELL",
      },
      reviewSheet: sheet(rows),
    },
  },
};

function renderReview(mocks: unknown[]) {
  return renderWithApp(<ReviewPage />, {
    viewer: secretary,
    path: "/review/c7?year=2025",
    route: "/review/:cellId",
    mocks: [sheetMock, ...(mocks as [])],
  });
}

describe("annual review", () => {
  it("saves the whole cell's classifications and the cell's own together", async () => {
    const saved = sheet(
      [
        reviewRow("m1", "Nguyễn Văn An", { classification: "EXCELLENT" }),
        reviewRow("m2", "Lê Thị Hoa", { classification: "COMPLETED" }),
        rows[2]!,
      ],
      "GOOD",
    );
    const setReviews = vi.fn(() => ({ data: { setReviews: saved } }));
    const { user } = renderReview([
      {
        request: {
          query: SetReviewsMutation,
          variables: {
            cellId: "c7",
            year: 2025,
            entries: [
              { memberId: "m1", classification: "EXCELLENT" },
              { memberId: "m2", classification: "COMPLETED" },
              { memberId: "m3", classification: null },
            ],
            unitClassification: "GOOD",
          },
        },
        result: setReviews,
      },
    ]);

    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Đánh giá, xếp loại: Chi bộ thôn Thành Ý",
      }),
    ).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Xếp loại đảng viên năm 2025" });
    const an = within(table).getByRole("combobox", { name: "Xếp loại của Nguyễn Văn An" });
    expect(an).toHaveValue("GOOD");
    expect(
      within(an)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual([
      "— Chưa xếp loại —",
      "Hoàn thành xuất sắc nhiệm vụ",
      "Hoàn thành tốt nhiệm vụ",
      "Hoàn thành nhiệm vụ",
      "Không hoàn thành nhiệm vụ",
    ]);
    await user.selectOptions(an, "EXCELLENT");
    await user.selectOptions(
      within(table).getByRole("combobox", { name: "Xếp loại của Lê Thị Hoa" }),
      "COMPLETED",
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "Xếp loại của chi bộ" }), "GOOD");
    expect(screen.getByText("3 thay đổi chưa lưu")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Lưu xếp loại" }));
    expect(await screen.findByText("Đã lưu kết quả xếp loại.")).toBeInTheDocument();
    expect(setReviews).toHaveBeenCalledTimes(1);
    expect(screen.getByText("Không có thay đổi chưa lưu.")).toBeInTheDocument();
  });

  it("marks the row the server refuses", async () => {
    const { user } = renderReview([
      {
        request: {
          query: SetReviewsMutation,
          variables: {
            cellId: "c7",
            year: 2025,
            entries: [
              { memberId: "m1", classification: "GOOD" },
              { memberId: "m2", classification: "NOT_COMPLETED" },
              { memberId: "m3", classification: null },
            ],
          },
        },
        result: {
          errors: [
            {
              message: "Not a member of this cell in that year",
              extensions: { code: "BAD_USER_INPUT", field: "entries.1.memberId" },
            },
          ],
        },
      },
    ]);
    await user.selectOptions(
      await screen.findByRole("combobox", { name: "Xếp loại của Lê Thị Hoa" }),
      "NOT_COMPLETED",
    );
    await user.click(screen.getByRole("button", { name: "Lưu xếp loại" }));
    const hoa = await screen.findByRole("combobox", { name: "Xếp loại của Lê Thị Hoa" });
    await vi.waitFor(() => expect(hoa).toHaveAttribute("aria-invalid", "true"));
    expect(hoa).toHaveAccessibleDescription("Not a member of this cell in that year");
    expect(screen.getByRole("alert")).toHaveTextContent("Chưa lưu gì");
  });

  it("saves the exemplary commitments of the second tab", async () => {
    const setCommitments = vi.fn(() => ({
      data: {
        setCommitments: sheet([
          rows[0]!,
          reviewRow("m2", "Lê Thị Hoa", {
            committed: true,
            commitment: "Vận động 5 hộ hiến đất",
            keyLeader: true,
          }),
          rows[2]!,
        ]),
      },
    }));
    const { user } = renderReview([
      {
        request: {
          query: SetCommitmentsMutation,
          variables: {
            cellId: "c7",
            year: 2025,
            entries: [
              { memberId: "m2", content: "Vận động 5 hộ hiến đất", keyLeader: true, outcome: null },
              {
                memberId: "m3",
                content: "Đi đầu làm đường",
                keyLeader: false,
                outcome: "EXCELLENT",
              },
            ],
          },
        },
        result: setCommitments,
      },
    ]);
    await user.click(await screen.findByRole("tab", { name: "Cam kết nêu gương" }));
    expect(screen.getByRole("tab", { name: "Cam kết nêu gương" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    const panel = screen.getByRole("tabpanel", { name: "Cam kết nêu gương" });
    await user.type(
      within(panel).getByRole("textbox", { name: "Nội dung cam kết của Lê Thị Hoa" }),
      "Vận động 5 hộ hiến đất",
    );
    await user.click(
      within(panel).getByRole("checkbox", { name: "Lê Thị Hoa là cán bộ chủ chốt" }),
    );
    await user.selectOptions(
      within(panel).getByRole("combobox", { name: "Kết quả thực hiện cam kết của Pinăng Thị Mai" }),
      "EXCELLENT",
    );
    await user.click(within(panel).getByRole("button", { name: "Lưu cam kết" }));
    expect(await within(panel).findByText("Đã lưu cam kết nêu gương.")).toBeInTheDocument();
    expect(setCommitments).toHaveBeenCalledTimes(1);
  });
});
