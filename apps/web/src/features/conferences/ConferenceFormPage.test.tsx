import { screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { RecordConferenceMutation } from "./conferences.operations.ts";
import { ConferenceForm, type ConferenceValues } from "./ConferenceFormPage.tsx";

const staff = viewer({ username: "staff", role: "STAFF" });

const initial: ConferenceValues = {
  kind: "DISSEMINATION",
  title: "",
  organiser: null,
  heldOn: "",
  format: "IN_PERSON",
  audience: "CADRES",
  documents: [],
  attendeeCount: "",
  attendees: [],
};

describe("ConferenceForm", () => {
  it("marks the missing fields before sending anything", async () => {
    const { user } = renderWithApp(<ConferenceForm initial={initial} today="2025-06-30" />, {
      viewer: staff,
    });
    await user.click(screen.getByRole("button", { name: "Ghi hội nghị" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Chưa lưu được");
    expect(screen.getByLabelText("Tên hội nghị")).toHaveAccessibleDescription(
      /Vui lòng nhập tên hội nghị\./,
    );
    expect(screen.getByLabelText("Tên hội nghị")).toHaveFocus();
    expect(screen.getByLabelText("Ngày tổ chức")).toHaveAccessibleDescription(
      /Vui lòng chọn ngày tổ chức\./,
    );
    expect(screen.getByText("Hội nghị quán triệt cần ít nhất một văn bản.")).toBeInTheDocument();
  });

  it("puts the API's BAD_USER_INPUT on its field, translated", async () => {
    const input = {
      kind: "DISSEMINATION",
      title: "Hội nghị quán triệt 15-CT/TU",
      organiserUnitId: "p1",
      heldOn: "2025-03-05",
      format: "IN_PERSON",
      audience: "CADRES",
      documentIds: ["doc1"],
      memberIds: [],
      attendeeCount: 300,
    };
    const mocks = [
      {
        request: { query: RecordConferenceMutation, variables: { input } },
        result: {
          errors: [
            new GraphQLError(
              "15-CT/TU was issued after the conference: it cannot have been covered",
              { extensions: { code: "BAD_USER_INPUT", field: "input.documentIds.0" } },
            ),
          ],
        },
      },
    ];
    const { user } = renderWithApp(
      <ConferenceForm
        initial={{
          ...initial,
          title: input.title,
          heldOn: input.heldOn,
          attendeeCount: "300",
          documents: [{ id: "doc1", number: "15-CT/TU", title: "Chỉ thị" }],
        }}
        today="2025-06-30"
      />,
      { viewer: staff, mocks },
    );
    await user.click(screen.getByRole("button", { name: "Ghi hội nghị" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Chưa lưu được");
    const picker = screen.getByLabelText("Văn bản được quán triệt");
    expect(picker).toHaveAccessibleDescription(/Văn bản này ban hành sau ngày tổ chức hội nghị\./);
    expect(picker).toHaveFocus();
  });
});
