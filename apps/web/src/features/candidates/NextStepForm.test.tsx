import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { CandidateDetailFragment } from "../../gql/graphql.ts";
import { AS_OF, viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { AdvanceCandidateMutation, AwarenessClassesQuery } from "./candidates.operations.ts";
import { NextStepForm } from "./NextStepForm.tsx";
import { nextStages } from "./stages.ts";

const TODAY = "2025-06-30";
const staff = viewer({
  username: "staff",
  displayName: "Trần Văn Tổ",
  role: "STAFF",
  unit: {
    __typename: "OrgUnit",
    id: "d2",
    asOf: AS_OF,
    name: "Đảng bộ thành phố Phan Rang - Tháp Chàm",
  },
});
const secretary = viewer({
  username: "secretary",
  role: "SECRETARY",
  unit: { __typename: "OrgUnit", id: "c7", asOf: AS_OF, name: "Chi bộ thôn Thành Ý" },
});

function candidate(overrides: Partial<CandidateDetailFragment> = {}): CandidateDetailFragment {
  return {
    id: "k1",
    fullName: "Trần Thị Bích",
    gender: "FEMALE",
    birthDate: "2001-04-12",
    ethnicity: "Chăm",
    occupation: "TEACHER",
    phone: null,
    nationalId: null,
    address: null,
    stage: "VERIFICATION",
    stageOn: "2025-03-01",
    registeredOn: "2025-01-10",
    closedReason: null,
    memberId: null,
    cell: { id: "c7", asOf: AS_OF, name: "Chi bộ thôn Thành Ý" },
    events: [],
    ...overrides,
  };
}

const stageRadios = () =>
  within(screen.getByRole("group", { name: "Ghi nhận" }))
    .getAllByRole("radio")
    .map((radio) => radio.closest("div")?.textContent);

describe("the next-step form", () => {
  it("offers only the next stage of the pipeline (or ending it) and that stage's fields", async () => {
    const { user } = renderWithApp(<NextStepForm candidate={candidate()} today={TODAY} />, {
      viewer: staff,
    });
    expect(stageRadios()).toEqual([
      "Kết luận thẩm tra lý lịch",
      "Không kết nạp (ghi lý do)",
      "Rút khỏi quy trình (ghi lý do)",
    ]);
    expect(screen.getByRole("radio", { name: "Kết luận thẩm tra lý lịch" })).toBeChecked();
    // VERIFIED needs the result; nothing of the other stages is asked.
    expect(screen.getByRole("textbox", { name: /Kết quả thẩm tra/ })).toHaveAttribute(
      "aria-required",
      "true",
    );
    expect(screen.queryByRole("textbox", { name: /Số quyết định/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: /Lớp bồi dưỡng/ })).not.toBeInTheDocument();
    expect(screen.getByLabelText(/^Ngày/)).toHaveAttribute("min", "2025-03-01");
    expect(screen.getByLabelText(/^Ngày/)).toHaveAttribute("max", TODAY);
    expect(screen.getByRole("textbox", { name: /Ghi chú/ })).not.toHaveAttribute("aria-required");

    // Ending the development asks for the reason instead of the result.
    await user.click(screen.getByRole("radio", { name: "Không kết nạp (ghi lý do)" }));
    expect(screen.queryByRole("textbox", { name: /Kết quả thẩm tra/ })).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Lý do/ })).toHaveAttribute("aria-required", "true");

    // Sending without the required result says so next to the field.
    await user.click(screen.getByRole("radio", { name: "Kết luận thẩm tra lý lịch" }));
    await user.click(screen.getByRole("button", { name: "Ghi nhận" }));
    const result = screen.getByRole("textbox", { name: /Kết quả thẩm tra/ });
    expect(result).toHaveAttribute("aria-invalid", "true");
    expect(result).toHaveAccessibleDescription(/Vui lòng ghi kết quả thẩm tra/);
    expect(result).toHaveFocus();
  });

  it("asks for the class for an awareness class and the decision number for an admission", async () => {
    const classes = {
      request: { query: AwarenessClassesQuery, variables: { unitId: "d2", first: 100 } },
      result: {
        data: {
          trainingClasses: {
            __typename: "TrainingClassConnection",
            totalCount: 2,
            edges: [
              {
                __typename: "TrainingClassEdge",
                cursor: "t2",
                node: {
                  __typename: "TrainingClass",
                  id: "t2",
                  name: "Lớp nhận thức về Đảng khóa III/2025",
                  startsOn: "2025-09-01",
                  endsOn: null,
                  organiser: { __typename: "OrgUnit", id: "d2", asOf: AS_OF, name: "TP" },
                },
              },
              {
                __typename: "TrainingClassEdge",
                cursor: "t1",
                node: {
                  __typename: "TrainingClass",
                  id: "t1",
                  name: "Lớp nhận thức về Đảng khóa I/2025",
                  startsOn: "2025-03-10",
                  endsOn: "2025-03-14",
                  organiser: { __typename: "OrgUnit", id: "d2", asOf: AS_OF, name: "TP" },
                },
              },
            ],
          },
        },
      },
    };
    renderWithApp(<NextStepForm candidate={candidate({ stage: "REGISTERED" })} today={TODAY} />, {
      viewer: staff,
      mocks: [classes],
    });
    const select = await screen.findByRole("combobox", { name: /Lớp bồi dưỡng nhận thức/ });
    // Only classes that have started by today can have been attended.
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["— Chọn lớp —", "Lớp nhận thức về Đảng khóa I/2025 (khai giảng 10/03/2025)"]);
    expect(screen.queryByRole("textbox", { name: /Kết quả thẩm tra/ })).not.toBeInTheDocument();

    expect(nextStages("PROPOSED", "2025-05-01", TODAY, "STAFF")).toEqual([
      "ADMITTED",
      "REJECTED",
      "WITHDRAWN",
    ]);
  });

  it("lets a secretary only propose, reject or withdraw", () => {
    renderWithApp(<NextStepForm candidate={candidate({ stage: "REGISTERED" })} today={TODAY} />, {
      viewer: secretary,
    });
    expect(stageRadios()).toEqual(["Không kết nạp (ghi lý do)", "Rút khỏi quy trình (ghi lý do)"]);
    expect(screen.getByText(/Học lớp nhận thức về Đảng” do Ban Tổ chức/)).toBeInTheDocument();
    expect(nextStages("VERIFIED", "2025-05-01", TODAY, "SECRETARY")).toEqual([
      "PROPOSED",
      "REJECTED",
      "WITHDRAWN",
    ]);
    expect(nextStages("VERIFIED", "2025-05-01", TODAY, "LEADER")).toEqual([]);
    expect(nextStages("ADMITTED", "2025-05-01", TODAY, "STAFF")).toEqual([]);
  });

  it("shows the server's BEFORE_PREVIOUS refusal on the date field", async () => {
    const advance = vi.fn(() => ({
      errors: [
        {
          message: "The date is before the previous stage",
          extensions: { code: "BAD_USER_INPUT", field: "on", reason: "BEFORE_PREVIOUS" },
        },
      ],
    }));
    const { user } = renderWithApp(
      <NextStepForm
        candidate={candidate({ stage: "PROPOSED", stageOn: "2025-06-01" })}
        today={TODAY}
      />,
      {
        viewer: staff,
        mocks: [
          {
            request: {
              query: AdvanceCandidateMutation,
              variables: {
                input: {
                  candidateId: "k1",
                  stage: "ADMITTED",
                  on: "2025-06-15",
                  decisionNo: "125-QĐ/HU",
                },
              },
            },
            result: advance,
          },
        ],
      },
    );
    expect(screen.getByRole("radio", { name: "Quyết định kết nạp" })).toBeChecked();
    await user.type(screen.getByRole("textbox", { name: /Số quyết định kết nạp/ }), "125-QĐ/HU");
    const date = screen.getByLabelText(/^Ngày quyết định/);
    await user.clear(date);
    await user.type(date, "2025-06-15");
    await user.click(screen.getByRole("button", { name: "Ghi nhận" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Chưa ghi nhận được");
    expect(advance).toHaveBeenCalledTimes(1);
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(date).toHaveAccessibleDescription(
      /Ngày không được trước ngày của bước trước \(01\/06\/2025\)/,
    );
    expect(date).toHaveFocus();
    // What was typed is kept.
    expect(screen.getByRole("textbox", { name: /Số quyết định kết nạp/ })).toHaveValue("125-QĐ/HU");
  });
});
