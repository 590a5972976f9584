import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { viewer } from "../../test/fixtures.ts";
import { renderApp } from "../../test/render.tsx";
import { CellOverviewQuery } from "./cell.operations.ts";
import { CELL, cellMember, meetingRow, overview } from "./testing.ts";

const secretary = viewer({
  username: "secretary",
  displayName: "Lê Thị Thu Hà",
  role: "SECRETARY",
  unit: { __typename: "OrgUnit", id: CELL.id, asOf: "2026-11-17", name: CELL.name },
});

function overviewMock(data: ReturnType<typeof overview>, cellId = CELL.id) {
  return {
    request: { query: CellOverviewQuery, variables: { cellId } },
    result: { data: { cellOverview: data } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

const dueItem = (name: string) =>
  screen.getByRole("region", { name: "Việc cần làm" }).querySelector(`[data-due="${name}"]`)!;

describe("My cell", () => {
  it("is the secretary's home, and says first what the cell owes, in plain words", async () => {
    renderApp({
      viewer: secretary,
      path: "/",
      mocks: [
        overviewMock(
          overview({
            due: {
              regularThisMonth: "MISSING",
              thematicThisQuarter: "MISSING",
              probationsEnding: [
                cellMember("Lê Văn Cường", { memberId: "103", probationEndsOn: "2026-12-20" }),
              ],
              absentMembers: [
                {
                  __typename: "AbsentMember",
                  memberId: "102",
                  fullName: "Trần Thị Bình",
                  months: 3,
                },
              ] as never,
            },
          }),
        ),
      ],
    });

    expect(await screen.findByRole("heading", { level: 1, name: CELL.name })).toBeInTheDocument();
    // 17 November: the regular meeting was due on the 10th.
    expect(dueItem("regular")).toHaveTextContent(
      "Sinh hoạt thường kỳ tháng 11/2026: chưa họp. Hạn: ngày 10/11/2026. Đã quá hạn, cần họp ngay trong tháng.",
    );
    expect(dueItem("regular")).toHaveClass("due-overdue");
    expect(dueItem("thematic")).toHaveTextContent(
      "Sinh hoạt chuyên đề Quý IV/2026: chưa tổ chức. Cần tổ chức trước hết ngày 31/12/2026.",
    );
    expect(dueItem("probations")).toHaveTextContent("Lê Văn Cường: hết dự bị ngày 20/12/2026");
    expect(dueItem("absences")).toHaveTextContent("Trần Thị Bình: vắng 3 tháng liền");
    expect(dueItem("absences")).toHaveTextContent(/Điều lệ Đảng/);

    // What is due comes before the members and the meetings.
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(["Việc cần làm", "Đảng viên", "Các buổi sinh hoạt năm 2026"]);

    // The navigation has My cell, and the big button logs a meeting.
    const nav = screen.getByRole("navigation", { name: "Điều hướng chính" });
    expect(within(nav).getByRole("link", { name: "Chi bộ của tôi" })).toHaveAttribute(
      "href",
      "/cell",
    );
    expect(screen.getByRole("link", { name: "Ghi biên bản sinh hoạt" })).toHaveAttribute(
      "href",
      "/cell/meetings/new",
    );
  });

  it("says plainly when everything is done", async () => {
    renderApp({
      viewer: secretary,
      path: "/cell",
      mocks: [
        overviewMock(
          overview({ due: { regularThisMonth: "ON_TIME", thematicThisQuarter: "HELD" } }),
        ),
      ],
    });
    await screen.findByRole("heading", { level: 1, name: CELL.name });
    expect(dueItem("regular")).toHaveTextContent(
      "Sinh hoạt thường kỳ tháng 11/2026: đã họp đúng hạn.",
    );
    expect(dueItem("thematic")).toHaveTextContent("Sinh hoạt chuyên đề Quý IV/2026: đã tổ chức.");
    expect(dueItem("probations")).toHaveTextContent(
      "Đảng viên sắp hết thời gian dự bị (60 ngày tới): không có.",
    );
    expect(dueItem("absences")).toHaveTextContent("không có.");
  });

  it("tells a late meeting from one not held yet before the 10th", async () => {
    const { unmount } = renderApp({
      viewer: secretary,
      path: "/cell",
      mocks: [overviewMock(overview({ due: { regularThisMonth: "LATE" } }))],
    });
    await screen.findByRole("heading", { level: 1, name: CELL.name });
    expect(dueItem("regular")).toHaveTextContent("đã họp, nhưng muộn (sau ngày 10/11/2026).");
    unmount();

    renderApp({
      viewer: secretary,
      path: "/cell",
      mocks: [overviewMock(overview({ asOf: "2026-12-04", due: { regularThisMonth: "MISSING" } }))],
    });
    await screen.findByRole("heading", { level: 1, name: CELL.name });
    expect(dueItem("regular")).toHaveTextContent(
      "Sinh hoạt thường kỳ tháng 12/2026: chưa họp. Hạn: ngày 10/12/2026.",
    );
    expect(dueItem("regular")).not.toHaveTextContent("quá hạn");
    expect(dueItem("regular")).toHaveClass("due-due");
  });

  it("lists the members with their status and this year's meetings with their badges", async () => {
    renderApp({
      viewer: secretary,
      path: "/cell",
      mocks: [
        overviewMock(
          overview({
            meetingsThisYear: [
              meetingRow({
                id: "502",
                kind: "THEMATIC",
                heldOn: "2026-11-15",
                theme: "Chuyên đề: Bảy dám",
                draft: true,
                presentCount: 2,
                excusedCount: 1,
              }),
              meetingRow({ id: "480", heldOn: "2026-09-05", editable: false }),
            ],
          }),
        ),
      ],
    });
    const members = await screen.findByRole("list", { name: "Danh sách đảng viên của chi bộ" });
    expect(document.querySelector(".cell-count")).toHaveTextContent(
      "3 đảng viên (và 1 đảng viên sinh hoạt tạm thời)",
    );
    const rows = within(members).getAllByRole("listitem");
    expect(rows.map((row) => row.textContent)).toEqual([
      "Nguyễn Văn AnChính thức",
      "Trần Thị BìnhChính thức",
      "Lê Văn CườngDự bị, đến 20/12/2026",
      "Phạm Thị DungChính thứcSinh hoạt tạm thời",
    ]);

    const thematic = screen.getByRole("link", { name: /Chuyên đề: Bảy dám/ });
    expect(thematic).toHaveAttribute("href", "/meetings/502");
    expect(thematic).toHaveTextContent("15/11/2026");
    expect(thematic).toHaveTextContent("Sinh hoạt chuyên đề");
    expect(thematic).toHaveTextContent("Bản nháp");
    expect(thematic).toHaveTextContent("Có mặt 2 · Vắng có lý do 1 · Vắng không lý do 0");
    const locked = screen.getByRole("link", { name: /05\/09\/2026/ });
    expect(locked).toHaveTextContent("Đã khóa");
    expect(locked).not.toHaveTextContent("Bản nháp");
  });

  it("opens any cell for staff at /cells/:id, and is not found outside their scope", async () => {
    const staff = viewer({ username: "staff", role: "STAFF" });
    const { unmount } = renderApp({
      viewer: staff,
      path: "/cells/c7",
      mocks: [overviewMock(overview())],
    });
    await screen.findByRole("heading", { level: 1, name: CELL.name });
    expect(screen.getByText("Chi bộ", { selector: ".eyebrow" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Ghi biên bản sinh hoạt" })).toHaveAttribute(
      "href",
      "/cells/c7/meetings/new",
    );
    unmount();

    // A leader reads, but does not log meetings.
    const { unmount: unmount2 } = renderApp({
      viewer: viewer(),
      path: "/cells/c7",
      mocks: [overviewMock(overview())],
    });
    await screen.findByRole("heading", { level: 1, name: CELL.name });
    expect(screen.queryByRole("link", { name: "Ghi biên bản sinh hoạt" })).not.toBeInTheDocument();
    unmount2();

    renderApp({
      viewer: staff,
      path: "/cells/999",
      mocks: [
        {
          request: { query: CellOverviewQuery, variables: { cellId: "999" } },
          result: { errors: [{ message: "Not found", extensions: { code: "NOT_FOUND" } }] },
        },
      ],
    });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Không tìm thấy chi bộ" }),
    ).toBeInTheDocument();
  });

  it("shows loading, then an error with Retry", async () => {
    renderApp({
      viewer: secretary,
      path: "/cell",
      mocks: [
        {
          request: { query: CellOverviewQuery, variables: { cellId: CELL.id } },
          error: new TypeError("Failed to fetch"),
        },
      ],
    });
    expect(await screen.findByText("Đang tải thông tin chi bộ…")).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Thử lại" })).toBeInTheDocument();
  });
});
