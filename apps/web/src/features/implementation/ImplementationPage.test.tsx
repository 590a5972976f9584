import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { ImplementationCoverageQuery, RecordPlanMutation } from "./implementation.operations.ts";
import { ImplementationPage } from "./ImplementationPage.tsx";

const AS_OF = "2025-06-30";
const orgUnit = (id: string, name: string) => ({ __typename: "OrgUnit", id, asOf: AS_OF, name });

const row = (unitId: string, name: string, required: number, issued: number) => ({
  __typename: "CoverageRow",
  unitId,
  name,
  required,
  issued,
  onTime: issued,
  late: 0,
  overdue: 0,
  pending: required - issued,
  disseminated: 0,
  midTermReviewed: 0,
  finalReviewed: 0,
  percent: required === 0 ? null : (issued / required) * 100,
  onTimePercent: required === 0 ? null : (issued / required) * 100,
  disseminatedPercent: required === 0 ? null : 0,
});

const pending = (unitId: string, name: string) => ({
  __typename: "RequiredUnitEdge",
  cursor: unitId,
  node: {
    __typename: "RequiredUnit",
    unitId,
    name,
    kind: "GRASSROOTS_COMMITTEE",
    groupId: "d1",
    groupName: "Đảng bộ huyện Ninh Hải",
    dueOn: "2025-09-30",
    status: "PENDING",
    planKind: null,
    planIssuedOn: null,
    planReference: null,
    daysLate: null,
    disseminatedOn: null,
    midTermReviewOn: null,
    finalReviewOn: null,
    dissolvedOn: null,
  },
});

function coverage(issued: number, variables: Record<string, unknown>, edges: unknown[]) {
  return {
    request: { query: ImplementationCoverageQuery, variables },
    result: {
      data: {
        implementationCoverage: {
          __typename: "ImplementationCoverage",
          asOf: AS_OF,
          document: {
            __typename: "Document",
            id: "doc1",
            number: "15-CT/TU",
            title: "Chỉ thị về phát triển đảng viên",
            issuedOn: "2025-01-10",
          },
          unit: {
            ...orgUnit("p1", "Đảng bộ tỉnh Ninh Thuận"),
            kind: "PROVINCIAL_COMMITTEE",
            ancestors: [],
          },
          requirements: [
            {
              __typename: "ImplementationRequirement",
              id: "r1",
              unitKinds: ["GRASSROOTS_COMMITTEE", "GRASSROOTS_CELL"],
              dueOn: "2025-09-30",
              scopeUnitName: "Đảng bộ tỉnh Ninh Thuận",
              scopeUnit: orgUnit("p1", "Đảng bộ tỉnh Ninh Thuận"),
            },
          ],
          total: row("p1", "Đảng bộ tỉnh Ninh Thuận", 4, issued),
          rows: [row("d1", "Đảng bộ huyện Ninh Hải", 4, issued)],
          units: {
            __typename: "RequiredUnitConnection",
            totalCount: edges.length,
            pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
            edges,
          },
        },
      },
    },
  };
}

const PAGE = { documentId: "doc1", unitId: "p1", first: 0 };
const LIST = { documentId: "doc1", unitId: "p1", status: ["OVERDUE", "PENDING"], first: 50 };

describe("ImplementationPage", () => {
  it("shows the coverage, the table by unit and the units that have not issued", async () => {
    localStorage.setItem("dangbo.chartView.implementation-by-unit", "table");
    renderWithApp(<ImplementationPage />, {
      path: "/documents/doc1/implementation",
      route: "/documents/:id/implementation",
      mocks: [
        coverage(1, PAGE, []),
        coverage(1, LIST, [
          pending("g2", "Đảng bộ xã Tri Hải"),
          pending("g3", "Đảng bộ xã Hộ Hải"),
          pending("g4", "Đảng bộ xã Vĩnh Hải"),
        ]),
      ],
    });
    expect(
      await screen.findByText("25% tổ chức cơ sở đảng đã ban hành chương trình, kế hoạch"),
    ).toBeInTheDocument();
    expect(screen.getByText(/1 \/ 4 đơn vị/)).toBeInTheDocument();
    const list = await screen.findByRole("list", {
      name: "Các đơn vị phải ban hành chương trình, kế hoạch",
    });
    expect(within(list).getAllByRole("listitem").length).toBeGreaterThanOrEqual(3);
    expect(within(list).getByText("Đảng bộ xã Tri Hải")).toBeInTheDocument();
    // Leaders read: no record buttons.
    expect(screen.queryByRole("button", { name: /^Ghi kế hoạch của/ })).not.toBeInTheDocument();
  });

  it("lets staff record a unit's plan, and the coverage rises", async () => {
    const mocks = [
      coverage(1, PAGE, []),
      coverage(1, LIST, [pending("g2", "Đảng bộ xã Tri Hải")]),
      {
        request: {
          query: RecordPlanMutation,
          variables: {
            documentId: "doc1",
            unitId: "g2",
            kind: "PLAN",
            issuedOn: "2025-02-01",
            reference: "05-KH/ĐU",
          },
        },
        result: {
          data: {
            recordImplementationPlan: {
              __typename: "ImplementationPlan",
              id: "pl2",
              kind: "PLAN",
              issuedOn: "2025-02-01",
              reference: "05-KH/ĐU",
            },
          },
        },
      },
      coverage(2, PAGE, []),
      coverage(2, LIST, []),
    ];
    const { user } = renderWithApp(<ImplementationPage />, {
      path: "/documents/doc1/implementation",
      route: "/documents/:id/implementation",
      mocks,
      viewer: viewer({ username: "staff", role: "STAFF" }),
    });
    await user.click(
      await screen.findByRole("button", { name: "Ghi kế hoạch của Đảng bộ xã Tri Hải" }),
    );
    const item = screen.getByText("Đảng bộ xã Tri Hải").closest("li")!;
    await user.type(within(item).getByLabelText("Số hiệu"), "05-KH/ĐU");
    const date = within(item).getByLabelText("Ngày ban hành");
    await user.clear(date);
    await user.type(date, "2025-02-01");
    await user.click(within(item).getByRole("button", { name: "Lưu kế hoạch" }));
    expect(await screen.findByText("Đã ghi kế hoạch của Đảng bộ xã Tri Hải.")).toBeInTheDocument();
    expect(
      await screen.findByText("50% tổ chức cơ sở đảng đã ban hành chương trình, kế hoạch"),
    ).toBeInTheDocument();
  });
});
