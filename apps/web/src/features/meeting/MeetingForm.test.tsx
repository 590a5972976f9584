import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { LogMeetingInput } from "../../gql/graphql.ts";
import { viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { CellOverviewQuery } from "../cell/cell.operations.ts";
import { CELL, overview } from "../cell/testing.ts";
import { MeetingForm } from "./MeetingForm.tsx";
import { LogMeetingMutation } from "./meeting.operations.ts";
import { NewMeetingPage } from "./NewMeetingPage.tsx";
import { newMeetingStorageKey, readUnsent, type UnsentMeeting } from "./storage.ts";
import { todayIso } from "@dangbo/shared";
import { emptyValues } from "./values.ts";

const secretary = viewer({
  username: "secretary",
  displayName: "Lê Thị Thu Hà",
  role: "SECRETARY",
  unit: { __typename: "OrgUnit", id: CELL.id, asOf: "2026-11-17", name: CELL.name },
});

const KEY = "test-key-0001";

function membersMock(asOf = todayIso(), thematic: "MISSING" | "HELD" = "MISSING") {
  return {
    request: { query: CellOverviewQuery, variables: { cellId: CELL.id, asOf } },
    result: {
      data: { cellOverview: overview({ asOf, due: { thematicThisQuarter: thematic } }) },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

type Answer =
  { ok: true; id?: string } | { network: true } | { code: string; field?: string; message: string };

/** logMeeting answered in turn by `answers`; every input sent is recorded in `sent`. */
function logMocks(sent: LogMeetingInput[], answers: Answer[]) {
  return answers.map((answer) => {
    const record = (variables: { input: LogMeetingInput }) => {
      sent.push(variables.input);
      return true;
    };
    if ("network" in answer) {
      return {
        request: { query: LogMeetingMutation, variables: record },
        error: new TypeError("Failed to fetch"),
      };
    }
    if ("code" in answer) {
      return {
        request: { query: LogMeetingMutation, variables: record },
        result: {
          errors: [
            {
              message: answer.message,
              extensions: { code: answer.code, ...(answer.field ? { field: answer.field } : {}) },
            },
          ],
        },
      };
    }
    return {
      request: { query: LogMeetingMutation, variables: record },
      result: (variables: { input: LogMeetingInput }) => ({
        data: {
          logMeeting: {
            __typename: "Meeting",
            id: answer.id ?? "m-1",
            kind: variables.input.kind,
            heldAt: variables.input.heldAt,
            heldOn: String(variables.input.heldAt).slice(0, 10),
            theme: variables.input.theme ?? null,
            draft: variables.input.draft ?? false,
            editable: true,
            presentCount: 0,
            excusedCount: 0,
            absentCount: 0,
          },
        },
      }),
    };
  });
}

function renderForm(
  mocks: unknown[],
  { onSaved = vi.fn(), retryDelays = [60_000] as number[] } = {},
) {
  const result = renderWithApp(
    <MeetingForm
      mode="new"
      cellId={CELL.id}
      idempotencyKey={KEY}
      initial={emptyValues()}
      restored={false}
      lastSent={null}
      onSaved={onSaved}
      retryDelays={retryDelays}
    />,
    { viewer: secretary, mocks: mocks as never },
  );
  return { ...result, onSaved };
}

const memberRow = (name: string) => screen.getByRole("group", { name: new RegExp(`^${name}`) });
const summary = () => document.querySelector(".attendance-summary")!;

describe("logging a meeting", () => {
  it("lists everyone present; one tap marks an excused absence (with its reason) or an absence", async () => {
    const { user } = renderForm([membersMock()]);
    await screen.findByRole("group", { name: "Nguyễn Văn An" });

    // This quarter's thematic meeting is still due: the form proposes it.
    expect(screen.getByRole("radio", { name: /Sinh hoạt chuyên đề/ })).toBeChecked();
    expect(summary()).toHaveTextContent(
      "4 đảng viên: có mặt 4, vắng có lý do 0, vắng không lý do 0",
    );
    for (const name of ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]) {
      expect(within(memberRow(name)).getByRole("radio", { name: "Có mặt" })).toBeChecked();
    }
    expect(memberRow("Phạm Thị Dung")).toHaveTextContent("Sinh hoạt tạm thời");
    expect(screen.queryByLabelText(/Lý do vắng/)).not.toBeInTheDocument();

    await user.click(
      within(memberRow("Trần Thị Bình")).getByRole("radio", { name: "Vắng có lý do" }),
    );
    const reason = screen.getByLabelText("Lý do vắng: Trần Thị Bình");
    await user.type(reason, "Ốm");
    await user.click(
      within(memberRow("Lê Văn Cường")).getByRole("radio", { name: "Vắng không lý do" }),
    );
    expect(summary()).toHaveTextContent("có mặt 2, vắng có lý do 1, vắng không lý do 1");
    expect(reason).toHaveValue("Ốm");

    await user.click(screen.getByRole("button", { name: "Tất cả có mặt" }));
    expect(summary()).toHaveTextContent("có mặt 4, vắng có lý do 0, vắng không lý do 0");
    expect(screen.queryByLabelText(/Lý do vắng/)).not.toBeInTheDocument();
    expect(within(memberRow("Lê Văn Cường")).getByRole("radio", { name: "Có mặt" })).toBeChecked();
  });

  it("needs a theme for a thematic meeting, but a draft may wait for it", async () => {
    const sent: LogMeetingInput[] = [];
    const { user, onSaved } = renderForm([membersMock(), ...logMocks(sent, [{ ok: true }])]);
    await screen.findByRole("group", { name: "Nguyễn Văn An" });

    await user.click(screen.getByRole("button", { name: "Lưu biên bản" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Chưa lưu được.");
    const theme = screen.getByLabelText("Chủ đề (bắt buộc với sinh hoạt chuyên đề)");
    expect(theme).toHaveAttribute("aria-invalid", "true");
    expect(theme).toHaveAccessibleDescription(/Sinh hoạt chuyên đề cần có chủ đề/);
    expect(theme).toHaveFocus();
    expect(sent).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Lưu nháp" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: "m-1", draft: true }));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      idempotencyKey: KEY,
      cellId: CELL.id,
      kind: "THEMATIC",
      theme: null,
      draft: true,
    });
    expect(sent[0]!.attendance).toEqual([
      { memberId: "101", status: "PRESENT", reason: null },
      { memberId: "102", status: "PRESENT", reason: null },
      { memberId: "103", status: "PRESENT", reason: null },
      { memberId: "104", status: "PRESENT", reason: null },
    ]);
    // heldAt is an instant; the date and time were Vietnam's.
    expect(new Date(String(sent[0]!.heldAt)).toISOString()).toBe(sent[0]!.heldAt);
  });

  it("suggests the year's study theme and links the meeting to it", async () => {
    const sent: LogMeetingInput[] = [];
    const { user, onSaved } = renderForm([membersMock(), ...logMocks(sent, [{ ok: true }])]);
    await screen.findByRole("group", { name: "Nguyễn Văn An" });
    await user.click(screen.getByRole("button", { name: "Chủ đề năm 2026: Bảy dám" }));
    expect(screen.getByLabelText("Chủ đề (bắt buộc với sinh hoạt chuyên đề)")).toHaveValue(
      "Bảy dám",
    );
    await user.click(screen.getByRole("radio", { name: "4 – Tốt" }));
    await user.click(screen.getByRole("button", { name: "Lưu biên bản" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent[0]).toMatchObject({
      theme: "Bảy dám",
      studyThemeId: "st-2026",
      qualityRating: 4,
      draft: false,
    });
  });

  it("shows the server's refusals next to their fields, including one attendance row", async () => {
    const sent: LogMeetingInput[] = [];
    const { user, onSaved } = renderForm([
      membersMock(),
      ...logMocks(sent, [
        {
          code: "BAD_USER_INPUT",
          field: "attendance.1.memberId",
          message: "This person was not a member of the cell on the meeting's date",
        },
        {
          code: "BAD_USER_INPUT",
          field: "heldAt",
          message: "A meeting cannot be recorded before it is held",
        },
      ]),
    ]);
    await screen.findByRole("group", { name: "Nguyễn Văn An" });
    await user.type(
      screen.getByLabelText("Chủ đề (bắt buộc với sinh hoạt chuyên đề)"),
      "Học tập Nghị quyết",
    );

    await user.click(screen.getByRole("button", { name: "Lưu biên bản" }));
    // attendance.1 is the second row sent: Trần Thị Bình.
    const row = await screen.findByRole("group", { name: "Trần Thị Bình" });
    await waitFor(() => expect(row).toHaveAttribute("aria-invalid", "true"));
    expect(row).toHaveAccessibleDescription(
      "Người này không phải đảng viên của chi bộ vào ngày họp.",
    );
    expect(memberRow("Nguyễn Văn An")).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("alert")).toHaveTextContent("Chưa lưu được.");

    await user.click(screen.getByRole("button", { name: "Lưu biên bản" }));
    await waitFor(() =>
      expect(screen.getByLabelText("Ngày họp")).toHaveAttribute("aria-invalid", "true"),
    );
    expect(screen.getByLabelText("Ngày họp")).toHaveAccessibleDescription(
      /Ngày họp không được sau hôm nay/,
    );
    expect(sent.map((input) => input.idempotencyKey)).toEqual([KEY, KEY]);
    expect(onSaved).not.toHaveBeenCalled();
    // Nothing typed is lost.
    expect(readUnsent(newMeetingStorageKey(CELL.id, KEY))?.values.theme).toBe("Học tập Nghị quyết");
  });

  it("keeps the meeting on the device through a network failure and retries with the same key", async () => {
    const sent: LogMeetingInput[] = [];
    const { user, onSaved } = renderForm([
      membersMock(),
      ...logMocks(sent, [{ network: true }, { ok: true, id: "m-9" }]),
    ]);
    await screen.findByRole("group", { name: "Nguyễn Văn An" });
    const theme = screen.getByLabelText("Chủ đề (bắt buộc với sinh hoạt chuyên đề)");
    await user.type(theme, "Học tập Nghị quyết");
    await user.click(
      within(memberRow("Trần Thị Bình")).getByRole("radio", { name: "Vắng có lý do" }),
    );
    await user.type(screen.getByLabelText("Lý do vắng: Trần Thị Bình"), "Đi công tác");
    await user.click(screen.getByRole("button", { name: "Lưu biên bản" }));

    expect(await screen.findByText("Chưa gửi được, đang thử lại.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Thử lại ngay" })).toBeInTheDocument();
    // The form waits, read-only; everything is stored on the device under the form's key.
    expect(theme).toBeDisabled();
    const stored = readUnsent(newMeetingStorageKey(CELL.id, KEY));
    expect(stored?.idempotencyKey).toBe(KEY);
    expect(stored?.values.theme).toBe("Học tập Nghị quyết");
    expect(stored?.values.attendance.find((row) => row.memberId === "102")).toMatchObject({
      status: "EXCUSED",
      reason: "Đi công tác",
    });
    expect(onSaved).not.toHaveBeenCalled();

    // The connection comes back: sent again at once, with the same key.
    window.dispatchEvent(new Event("online"));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: "m-9", draft: false }));
    expect(sent).toHaveLength(2);
    expect(sent.map((input) => input.idempotencyKey)).toEqual([KEY, KEY]);
    expect(sent[1]).toEqual(sent[0]);
    // Only now is the stored copy gone.
    expect(readUnsent(newMeetingStorageKey(CELL.id, KEY))).toBeNull();
  });

  it("stops on a conflict and says so, keeping what was typed", async () => {
    const sent: LogMeetingInput[] = [];
    const { user, onSaved } = renderForm([
      membersMock(),
      ...logMocks(sent, [
        {
          code: "CONFLICT",
          field: "idempotencyKey",
          message: "This idempotencyKey was already used for another meeting",
        },
      ]),
    ]);
    await screen.findByRole("group", { name: "Nguyễn Văn An" });
    await user.click(screen.getByRole("radio", { name: /Sinh hoạt thường kỳ/ }));
    await user.click(screen.getByRole("button", { name: "Lưu biên bản" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Mã gửi của biên bản này đã được dùng cho một biên bản khác.",
    );
    expect(screen.queryByText("Chưa gửi được, đang thử lại.")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Gửi thành biên bản mới" })).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(onSaved).not.toHaveBeenCalled();
    expect(readUnsent(newMeetingStorageKey(CELL.id, KEY))).not.toBeNull();
  });
});

describe("an unsent meeting", () => {
  const STORED_KEY = "stored-key-0042";
  const record: UnsentMeeting = {
    version: 1,
    username: "secretary",
    cellId: CELL.id,
    idempotencyKey: STORED_KEY,
    meetingId: null,
    savedAt: "2026-11-18T13:05:00.000Z",
    lastSent: null,
    values: {
      kind: "THEMATIC",
      date: "2026-11-18",
      time: "19:30",
      theme: "Chuyên đề: Bảy dám",
      minutes: "Chi bộ thảo luận",
      decisions: "",
      guests: "",
      qualityRating: null,
      attendance: [
        {
          memberId: "101",
          fullName: "Nguyễn Văn An",
          status: "PRESENT",
          reason: "",
          temporary: false,
        },
        {
          memberId: "102",
          fullName: "Trần Thị Bình",
          status: "EXCUSED",
          reason: "Ốm",
          temporary: false,
        },
        {
          memberId: "103",
          fullName: "Lê Văn Cường",
          status: "ABSENT",
          reason: "",
          temporary: false,
        },
        {
          memberId: "104",
          fullName: "Phạm Thị Dung",
          status: "PRESENT",
          reason: "",
          temporary: true,
        },
      ],
    },
  };
  const store = () =>
    localStorage.setItem(newMeetingStorageKey(CELL.id, STORED_KEY), JSON.stringify(record));

  it("is offered when the page reopens and continues with its own key", async () => {
    store();
    const sent: LogMeetingInput[] = [];
    const { user } = renderWithApp(<NewMeetingPage />, {
      viewer: secretary,
      path: "/cell/meetings/new",
      route: "/cell/meetings/new",
      mocks: [membersMock("2026-11-18"), ...logMocks(sent, [{ ok: true }])] as never,
    });
    const prompt = await screen.findByRole("region", { name: "Bạn có một biên bản chưa gửi" });
    expect(prompt).toHaveTextContent("Sinh hoạt chuyên đề");
    expect(prompt).toHaveTextContent("Ngày họp: 18/11/2026, lúc 19:30");
    expect(prompt).toHaveTextContent("Chuyên đề: Bảy dám");

    await user.click(within(prompt).getByRole("button", { name: "Tiếp tục biên bản này" }));
    expect(await screen.findByLabelText("Chủ đề (bắt buộc với sinh hoạt chuyên đề)")).toHaveValue(
      "Chuyên đề: Bảy dám",
    );
    expect(screen.getByLabelText("Ngày họp")).toHaveValue("2026-11-18");
    expect(screen.getByLabelText("Giờ bắt đầu")).toHaveValue("19:30");
    expect(
      within(memberRow("Trần Thị Bình")).getByRole("radio", { name: "Vắng có lý do" }),
    ).toBeChecked();
    expect(screen.getByLabelText("Lý do vắng: Trần Thị Bình")).toHaveValue("Ốm");
    expect(
      within(memberRow("Lê Văn Cường")).getByRole("radio", { name: "Vắng không lý do" }),
    ).toBeChecked();

    await user.click(screen.getByRole("button", { name: "Lưu biên bản" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      idempotencyKey: STORED_KEY,
      heldAt: "2026-11-18T12:30:00.000Z",
      theme: "Chuyên đề: Bảy dám",
      studyThemeId: "st-2026",
    });
    await waitFor(() => expect(readUnsent(newMeetingStorageKey(CELL.id, STORED_KEY))).toBeNull());
  });

  it("can be discarded for a fresh form", async () => {
    store();
    const { user } = renderWithApp(<NewMeetingPage />, {
      viewer: secretary,
      path: "/cell/meetings/new",
      route: "/cell/meetings/new",
      mocks: [membersMock()] as never,
    });
    const prompt = await screen.findByRole("region", { name: "Bạn có một biên bản chưa gửi" });
    await user.click(within(prompt).getByRole("button", { name: "Bỏ biên bản này" }));
    expect(await screen.findByLabelText(/^Chủ đề/)).toHaveValue("");
    expect(readUnsent(newMeetingStorageKey(CELL.id, STORED_KEY))).toBeNull();
  });

  it("is not offered to another user of the device", async () => {
    store();
    renderWithApp(<NewMeetingPage />, {
      viewer: { ...secretary, username: "someone.else" },
      path: "/cell/meetings/new",
      route: "/cell/meetings/new",
      mocks: [membersMock()] as never,
    });
    expect(await screen.findByLabelText(/^Chủ đề/)).toHaveValue("");
    expect(screen.queryByText("Bạn có một biên bản chưa gửi")).not.toBeInTheDocument();
  });
});
