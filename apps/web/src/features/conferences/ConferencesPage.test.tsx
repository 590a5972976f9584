import { screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../../test/render.tsx";
import { provinceToday } from "../documents/access.ts";
import { ConferencesQuery, DisseminationSummaryQuery } from "./conferences.operations.ts";
import { ConferencesPage } from "./ConferencesPage.tsx";

const YEAR = Number(provinceToday().slice(0, 4));

const kindTotal = (kind: string, conferences: number, attendees: number) => ({
  __typename: "ConferenceKindTotal",
  kind,
  conferences,
  attendees,
});

const summaryRow = (unitId: string, name: string, conferences: number, attendees: number) => ({
  __typename: "DisseminationRow",
  unitId,
  name,
  kind: "DISTRICT_COMMITTEE",
  current: true,
  conferences,
  attendees,
  byKind: [kindTotal("DISSEMINATION", conferences, attendees)],
});

function summaryMock() {
  return {
    request: { query: DisseminationSummaryQuery, variables: { unitId: "p1", year: YEAR } },
    result: {
      data: {
        disseminationSummary: {
          __typename: "DisseminationSummary",
          period: {
            __typename: "PeriodInfo",
            year: YEAR,
            quarter: null,
            from: `${YEAR}-01-01`,
            until: `${YEAR}-12-31`,
            treeDate: `${YEAR}-12-31`,
          },
          unit: {
            ...summaryRow("p1", "Đảng bộ tỉnh Ninh Thuận", 9, 4620),
            kind: "PROVINCIAL_COMMITTEE",
            byKind: [kindTotal("DISSEMINATION", 8, 4520), kindTotal("TRAINING_COURSE", 1, 100)],
          },
          own: summaryRow("p1", "Đảng bộ tỉnh Ninh Thuận", 0, 0),
          rows: [
            summaryRow("d1", "Đảng bộ huyện Ninh Hải", 6, 3000),
            summaryRow("d2", "Đảng bộ huyện Ninh Phước", 3, 1620),
          ],
        },
      },
    },
  };
}

function conferencesMock(edges: unknown[], error = false) {
  return {
    request: { query: ConferencesQuery, variables: { unitId: "p1", first: 25 } },
    ...(error
      ? { result: { errors: [new GraphQLError("boom", { extensions: { code: "INTERNAL" } })] } }
      : {
          result: {
            data: {
              conferences: {
                __typename: "ConferenceConnection",
                totalCount: edges.length,
                pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
                edges,
              },
            },
          },
        }),
  };
}

const conference = {
  __typename: "ConferenceEdge",
  cursor: "c1",
  node: {
    __typename: "Conference",
    id: "k1",
    kind: "DISSEMINATION",
    title: "Hội nghị quán triệt Chỉ thị 15-CT/TU",
    heldOn: `${YEAR}-03-05`,
    format: "IN_PERSON",
    audience: "CADRES",
    attendeeCount: 520,
    organiser: {
      __typename: "OrgUnit",
      id: "d1",
      asOf: `${YEAR}-03-05`,
      name: "Đảng bộ huyện Ninh Hải",
    },
    documents: [{ __typename: "Document", id: "doc1", number: "15-CT/TU" }],
  },
};

describe("ConferencesPage", () => {
  it("shows the dissemination panel (sentence and table) and the conferences", async () => {
    localStorage.setItem("dangbo.chartView.conferences-by-unit", "table");
    localStorage.setItem("dangbo.chartView.conferences-by-kind", "table");
    renderWithApp(<ConferencesPage />, { mocks: [summaryMock(), conferencesMock([conference])] });

    expect(
      await screen.findByText(/8 hội nghị quán triệt nghị quyết, chỉ thị cho 4\.520 lượt/),
    ).toBeInTheDocument();
    const byUnit = screen.getByRole("table", { name: "Theo đơn vị trực thuộc" });
    const rows = within(byUnit).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Đảng bộ huyện Ninh Hải");
    expect(rows[1]).toHaveTextContent("3.000");
    const byKind = screen.getByRole("table", { name: "Theo loại hội nghị" });
    expect(within(byKind).getByText("Lớp bồi dưỡng")).toBeInTheDocument();

    expect(
      await screen.findByRole("link", { name: "Hội nghị quán triệt Chỉ thị 15-CT/TU" }),
    ).toHaveAttribute("href", "/conferences/k1");
    expect(screen.getByRole("link", { name: "15-CT/TU" })).toHaveAttribute(
      "href",
      "/documents/doc1",
    );
    // Labelled filters.
    expect(screen.getByLabelText("Loại hội nghị")).toBeInTheDocument();
    expect(screen.getAllByLabelText("Năm")).toHaveLength(2);
  });

  it("says when no conference has been recorded", async () => {
    renderWithApp(<ConferencesPage />, { mocks: [summaryMock(), conferencesMock([])] });
    expect(await screen.findByText("Chưa có hội nghị nào được ghi.")).toBeInTheDocument();
  });

  it("offers Retry when the list fails", async () => {
    renderWithApp(<ConferencesPage />, { mocks: [summaryMock(), conferencesMock([], true)] });
    expect(await screen.findByRole("button", { name: "Thử lại" })).toBeInTheDocument();
  });
});
