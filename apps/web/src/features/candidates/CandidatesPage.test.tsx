import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AS_OF, viewer } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { CandidatesQuery, CandidateStageCountsQuery } from "./candidates.operations.ts";
import { CandidatesPage } from "./CandidatesPage.tsx";
import { STAGE_ORDER } from "./stages.ts";

const staff = viewer({
  username: "staff",
  role: "STAFF",
  unit: { __typename: "OrgUnit", id: "d2", asOf: AS_OF, name: "Đảng bộ thành phố" },
});

function candidate(id: string, fullName: string, stage: string) {
  return {
    __typename: "Candidate",
    id,
    fullName,
    gender: "MALE",
    birthDate: "2000-01-01",
    occupation: "WORKER",
    stage,
    stageOn: "2025-06-01",
    registeredOn: "2025-01-05",
    memberId: null,
    cell: {
      __typename: "OrgUnit",
      id: "c7",
      asOf: AS_OF,
      name: "Chi bộ thôn Thành Ý",
      parent: { __typename: "OrgUnit", id: "g3", asOf: AS_OF, name: "Đảng bộ xã Thành Hải" },
    },
  };
}

function connection(nodes: ReturnType<typeof candidate>[], totalCount = nodes.length) {
  return {
    candidates: {
      __typename: "CandidateConnection",
      totalCount,
      pageInfo: { __typename: "PageInfo", hasNextPage: totalCount > nodes.length, endCursor: "x" },
      edges: nodes.map((node) => ({ __typename: "CandidateEdge", cursor: node.id, node })),
    },
  };
}

const COUNTS: Record<string, number> = { REGISTERED: 2, VERIFIED: 1 };

describe("candidates", () => {
  it("lists the unit's candidates with their stage and cell", async () => {
    renderWithApp(<CandidatesPage />, {
      viewer: staff,
      path: "/candidates",
      mocks: [
        {
          request: { query: CandidatesQuery, variables: { unitId: "d2", first: 25 } },
          result: { data: connection([candidate("k1", "Trần Văn Bình", "VERIFIED")]) },
        },
      ],
    });
    const table = await screen.findByRole("table", { name: "Danh sách quần chúng ưu tú" });
    const row = within(table).getByRole("row", { name: /Trần Văn Bình/ });
    expect(row).toHaveTextContent("Đã thẩm tra lý lịch");
    expect(row).toHaveTextContent("Chi bộ thôn Thành Ý thuộc Đảng bộ xã Thành Hải");
    expect(within(row).getByRole("link", { name: "Trần Văn Bình" })).toHaveAttribute(
      "href",
      "/candidates/k1",
    );
    expect(screen.getByRole("link", { name: "Đăng ký quần chúng ưu tú" })).toHaveAttribute(
      "href",
      "/candidates/new",
    );
  });

  it("shows a board with a column per stage, each listing its candidates", async () => {
    renderWithApp(<CandidatesPage />, {
      viewer: staff,
      path: "/candidates?view=board",
      mocks: [
        {
          request: { query: CandidateStageCountsQuery, variables: { unitId: "d2" } },
          result: {
            data: {
              candidateStageCounts: STAGE_ORDER.map((stage) => ({
                __typename: "StageCount",
                stage,
                count: COUNTS[stage] ?? 0,
              })),
            },
          },
        },
        {
          request: {
            query: CandidatesQuery,
            variables: { unitId: "d2", stages: ["REGISTERED"], first: 10 },
          },
          result: {
            data: connection([
              candidate("k2", "Lê Văn Cường", "REGISTERED"),
              candidate("k3", "Đàng Thị Dung", "REGISTERED"),
            ]),
          },
        },
        {
          request: {
            query: CandidatesQuery,
            variables: { unitId: "d2", stages: ["VERIFIED"], first: 10 },
          },
          result: { data: connection([candidate("k1", "Trần Văn Bình", "VERIFIED")]) },
        },
      ],
    });
    const board = await screen.findByRole("list", { name: "Quần chúng ưu tú theo từng bước" });
    const columns = within(board)
      .getAllByRole("listitem")
      .filter((el) => el.tagName === "SECTION");
    expect(columns).toHaveLength(8);
    const registered = within(board).getByRole("listitem", { name: /Đăng ký quần chúng ưu tú/ });
    expect(within(registered).getByRole("heading")).toHaveTextContent("2");
    expect(await within(registered).findByRole("link", { name: "Đàng Thị Dung" })).toBeVisible();
    const verified = within(board).getByRole("listitem", { name: /Đã thẩm tra lý lịch/ });
    expect(await within(verified).findByRole("link", { name: "Trần Văn Bình" })).toBeVisible();
    const admitted = within(board).getByRole("listitem", { name: /Đã kết nạp/ });
    expect(admitted).toHaveTextContent("Không có ai ở bước này.");
    expect(screen.getByRole("button", { name: "Bảng theo bước" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  });
});
