import { screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { renderApp, renderWithApp } from "../../test/render.tsx";
import { DocumentDetailQuery, DocumentsQuery } from "./documents.operations.ts";
import { CoverageHeadlineQuery } from "../implementation/implementation.operations.ts";
import { DocumentPage } from "./DocumentPage.tsx";

const row = {
  __typename: "Document",
  id: "doc1",
  number: "15-CT/TU",
  kind: "CT",
  issuer: "TU",
  issuedOn: "2025-01-10",
  title: "Chỉ thị về phát triển đảng viên",
  central: false,
};
const unit = (id: string, name: string) => ({
  __typename: "OrgUnit",
  id,
  asOf: "2025-06-30",
  name,
});

function detailMock() {
  return {
    request: { query: DocumentDetailQuery, variables: { id: "doc1" } },
    result: {
      data: {
        document: {
          ...row,
          kindName: "Chỉ thị",
          summary: null,
          createdAt: "2025-01-11T02:00:00.000Z",
          issuerUnit: { ...unit("p1", "Đảng bộ tỉnh Ninh Thuận"), kind: "PROVINCIAL_COMMITTEE" },
          replaces: [],
          replacedBy: [],
          conferenceCount: 1,
          conferenceAttendees: 320,
          latestConferences: [
            {
              __typename: "Conference",
              id: "k1",
              kind: "DISSEMINATION",
              title: "Hội nghị quán triệt 15-CT/TU",
              heldOn: "2025-02-01",
              attendeeCount: 320,
              organiser: unit("p1", "Đảng bộ tỉnh Ninh Thuận"),
            },
          ],
          requirements: [
            {
              __typename: "ImplementationRequirement",
              id: "r1",
              unitKinds: ["GRASSROOTS_COMMITTEE", "GRASSROOTS_CELL"],
              dueOn: "2025-03-31",
              scopeUnitName: "Đảng bộ tỉnh Ninh Thuận",
              scopeUnit: unit("p1", "Đảng bộ tỉnh Ninh Thuận"),
            },
          ],
          planCount: 2,
          latestPlans: [
            {
              __typename: "ImplementationPlan",
              id: "pl1",
              kind: "PLAN",
              issuedOn: "2025-02-10",
              reference: "01-KH/ĐU",
              unit: unit("g1", "Đảng bộ xã Hộ Hải"),
            },
          ],
          reviewCount: 0,
          latestReviews: [],
          meetingCount: 1,
          latestMeetings: [
            {
              __typename: "Meeting",
              id: "m1",
              kind: "THEMATIC",
              heldOn: "2025-03-02",
              theme: "Học tập Chỉ thị 15",
              cell: unit("c1", "Chi bộ thôn Thành Ý"),
            },
          ],
          studyThemes: [],
        },
      },
    },
  };
}

function headlineMock() {
  return {
    request: { query: CoverageHeadlineQuery, variables: { documentId: "doc1", unitId: "p1" } },
    result: {
      data: {
        implementationCoverage: {
          __typename: "ImplementationCoverage",
          asOf: "2025-06-30",
          requirements: [
            {
              __typename: "ImplementationRequirement",
              id: "r1",
              unitKinds: ["GRASSROOTS_COMMITTEE", "GRASSROOTS_CELL"],
            },
          ],
          total: {
            __typename: "CoverageRow",
            unitId: "p1",
            name: "Đảng bộ tỉnh Ninh Thuận",
            required: 2,
            issued: 2,
            onTime: 2,
            late: 0,
            overdue: 0,
            pending: 0,
            percent: 100,
          },
        },
      },
    },
  };
}

describe("DocumentPage", () => {
  it("shows everything attached: conferences, plans, reviews and meetings", async () => {
    renderWithApp(<DocumentPage />, {
      mocks: [detailMock(), headlineMock()],
      path: "/documents/doc1",
      route: "/documents/:id",
    });
    expect(
      await screen.findByText(/^1 hội nghị trong phạm vi của bạn đã quán triệt văn bản/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^2 chương trình, kế hoạch đã ban hành/)).toBeInTheDocument();
    expect(
      screen.getByText("Chưa có đơn vị nào sơ kết, tổng kết văn bản này."),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Học tập Chỉ thị 15" })).toHaveAttribute(
      "href",
      "/meetings/m1",
    );
    expect(
      await screen.findByText("100% tổ chức cơ sở đảng đã ban hành chương trình, kế hoạch"),
    ).toBeInTheDocument();
    for (const link of screen.getAllByRole("link", { name: "Mở bảng theo dõi triển khai" }))
      expect(link).toHaveAttribute("href", "/documents/doc1/implementation");
  });

  it("says when the document is not found", async () => {
    renderWithApp(<DocumentPage />, {
      mocks: [
        {
          request: { query: DocumentDetailQuery, variables: { id: "doc1" } },
          result: { errors: [new GraphQLError("nope", { extensions: { code: "NOT_FOUND" } })] },
        },
      ],
      path: "/documents/doc1",
      route: "/documents/:id",
    });
    expect(await screen.findByText("Không tìm thấy văn bản")).toBeInTheDocument();
  });
});

describe("documents routes", () => {
  it("links the registry from the navigation and shows it at /documents", async () => {
    renderApp({
      path: "/documents",
      mocks: [
        {
          request: { query: DocumentsQuery, variables: { first: 50 } },
          result: {
            data: {
              documents: {
                __typename: "DocumentConnection",
                totalCount: 1,
                pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
                edges: [{ __typename: "DocumentEdge", cursor: "a", node: row }],
              },
            },
          },
        },
      ],
    });
    // The page is a lazily loaded chunk: give it time on a busy machine.
    expect(
      await screen.findByRole("link", { name: "15-CT/TU" }, { timeout: 5000 }),
    ).toHaveAttribute("href", "/documents/doc1");
    expect(screen.getAllByRole("link", { name: "Văn bản" })[0]).toHaveAttribute(
      "href",
      "/documents",
    );
    expect(screen.getAllByRole("link", { name: "Hội nghị quán triệt" })[0]).toHaveAttribute(
      "href",
      "/conferences",
    );
    expect(screen.getAllByRole("link", { name: "Chủ đề học tập" })[0]).toHaveAttribute(
      "href",
      "/study-themes",
    );
  });
});
