import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { MeetingQuery as MeetingData } from "../../gql/graphql.ts";
import { viewer, type ViewerFixture } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { CELL } from "../cell/testing.ts";
import { EditMeetingPage } from "./EditMeetingPage.tsx";
import { MeetingQuery, UnlockMeetingMutation } from "./meeting.operations.ts";
import { MeetingPage } from "./MeetingPage.tsx";

const secretary = viewer({
  username: "secretary",
  role: "SECRETARY",
  unit: { __typename: "OrgUnit", id: CELL.id, asOf: "2026-11-17", name: CELL.name },
});
const staff = viewer({ username: "staff", role: "STAFF" });
const leader = viewer();

const member = (id: string, fullName: string) => ({ __typename: "Member", id, fullName });

function meeting(overrides: Partial<MeetingData["meeting"]> = {}) {
  return {
    __typename: "Meeting",
    id: "480",
    kind: "THEMATIC",
    heldAt: "2026-09-15T12:30:00.000Z",
    heldOn: "2026-09-15",
    theme: "Chuyên đề: Bảy dám",
    minutes: "Chi bộ thảo luận sôi nổi.",
    decisions: "Mỗi đảng viên đăng ký một việc làm cụ thể.",
    guests: null,
    qualityRating: 4,
    draft: false,
    editable: false,
    unlockedUntil: null,
    createdAt: "2026-09-15T14:00:00.000Z",
    updatedAt: "2026-09-15T14:00:00.000Z",
    presentCount: 2,
    excusedCount: 1,
    absentCount: 1,
    studyTheme: { __typename: "StudyTheme", id: "st-2026", title: "Bảy dám", year: 2026 },
    cell: { __typename: "OrgUnit", id: CELL.id, asOf: "2026-11-23", name: CELL.name },
    attendance: [
      {
        __typename: "Attendance",
        status: "PRESENT",
        reason: null,
        member: member("101", "Nguyễn Văn An"),
      },
      {
        __typename: "Attendance",
        status: "EXCUSED",
        reason: "Ốm",
        member: member("102", "Trần Thị Bình"),
      },
      {
        __typename: "Attendance",
        status: "ABSENT",
        reason: null,
        member: member("103", "Lê Văn Cường"),
      },
      {
        __typename: "Attendance",
        status: "PRESENT",
        reason: null,
        member: member("104", "Phạm Thị Dung"),
      },
    ],
    ...overrides,
  };
}

function meetingMock(data = meeting()) {
  return {
    request: { query: MeetingQuery, variables: { id: data.id } },
    result: { data: { meeting: data } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

function renderMeeting(who: ViewerFixture, mocks: unknown[], path = "/meetings/480") {
  return renderWithApp(path.endsWith("/edit") ? <EditMeetingPage /> : <MeetingPage />, {
    viewer: who,
    path,
    route: path.endsWith("/edit") ? "/meetings/:id/edit" : "/meetings/:id",
    mocks: mocks as never,
  });
}

describe("meeting page", () => {
  it("shows the meeting and who was present, excused (with the reason) or absent", async () => {
    renderMeeting(secretary, [meetingMock(meeting({ editable: true }))]);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Sinh hoạt chuyên đề ngày 15/09/2026" }),
    ).toBeInTheDocument();
    expect(screen.getByText("19:30 ngày 15/09/2026")).toBeInTheDocument();
    expect(screen.getByText("4 – Tốt")).toBeInTheDocument();
    const attendance = screen.getByRole("region", { name: "Điểm danh" });
    expect(attendance).toHaveTextContent(
      "4 đảng viên: có mặt 2, vắng có lý do 1, vắng không lý do 1",
    );
    expect(within(attendance).getByRole("heading", { name: "Có mặt (2)" })).toBeInTheDocument();
    expect(attendance).toHaveTextContent("Trần Thị BìnhLý do: Ốm");
    expect(
      within(attendance).getByRole("heading", { name: "Vắng không lý do (1)" }),
    ).toBeInTheDocument();
    // Editable: the secretary may edit; she cannot open the audit log.
    expect(screen.getByRole("link", { name: "Sửa biên bản" })).toHaveAttribute(
      "href",
      "/meetings/480/edit",
    );
    expect(screen.getByText("Có thể sửa đến hết ngày 15/10/2026.")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /lịch sử/ })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: `Về ${CELL.name}` })).toHaveAttribute("href", "/cell");
  });

  it("explains a locked meeting; only staff and admins get the unlock button", async () => {
    const { unmount } = renderMeeting(secretary, [meetingMock()]);
    expect(await screen.findByText("Biên bản đã khóa")).toBeInTheDocument();
    expect(
      screen.getByText(/chỉ được sửa trong 30 ngày kể từ ngày họp \(đến hết ngày 15\/10\/2026\)/),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Mở khóa/ })).not.toBeInTheDocument();
    expect(screen.getByText(/đề nghị Ban Tổ chức/)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Sửa biên bản" })).not.toBeInTheDocument();
    unmount();

    // A leader reads it, sees its history, but neither edits nor unlocks.
    const { unmount: unmount2 } = renderMeeting(leader, [meetingMock()]);
    await screen.findByText("Biên bản đã khóa");
    expect(screen.queryByRole("button", { name: /Mở khóa/ })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Xem lịch sử thay đổi của biên bản" })).toHaveAttribute(
      "href",
      "/admin/audit?entity=Meeting&entityId=480",
    );
    unmount2();

    const unlock = vi.fn(() => ({
      data: {
        unlockMeeting: {
          __typename: "Meeting",
          id: "480",
          editable: true,
          unlockedUntil: "2026-11-30",
          updatedAt: "2026-11-23T04:00:00.000Z",
        },
      },
    }));
    const { user } = renderMeeting(staff, [
      meetingMock(),
      {
        request: { query: UnlockMeetingMutation, variables: { id: "480", days: 7 } },
        result: unlock,
      },
    ]);
    await user.click(await screen.findByRole("button", { name: "Mở khóa 7 ngày" }));
    await waitFor(() => expect(unlock).toHaveBeenCalled());
    // The cache now says editable: staff may edit until the unlock ends.
    expect(await screen.findByRole("link", { name: "Sửa biên bản" })).toBeInTheDocument();
    expect(
      screen.getByText("Đã được mở khóa, có thể sửa đến hết ngày 30/11/2026."),
    ).toBeInTheDocument();
    expect(screen.queryByText("Biên bản đã khóa")).not.toBeInTheDocument();
  });

  it("shows the lock instead of the form on the edit page", async () => {
    renderMeeting(secretary, [meetingMock()], "/meetings/480/edit");
    expect(await screen.findByText("Biên bản đã khóa")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Lưu biên bản" })).not.toBeInTheDocument();
  });

  it("says when a meeting is not found", async () => {
    renderWithApp(<MeetingPage />, {
      viewer: secretary,
      path: "/meetings/999",
      route: "/meetings/:id",
      mocks: [
        {
          request: { query: MeetingQuery, variables: { id: "999" } },
          result: { errors: [{ message: "Not found", extensions: { code: "NOT_FOUND" } }] },
        },
      ],
    });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Không tìm thấy biên bản" }),
    ).toBeInTheDocument();
  });
});
