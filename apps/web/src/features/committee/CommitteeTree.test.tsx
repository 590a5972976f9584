import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AS_OF, treeRow } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { RootUnitsQuery, UnitChildrenQuery, UnitSearchQuery } from "./committee.operations.ts";
import { CommitteeTreePage } from "./CommitteeTreePage.tsx";

const province = treeRow({
  id: "p1",
  name: "Đảng bộ tỉnh Ninh Thuận",
  kind: "PROVINCIAL_COMMITTEE",
  sector: "STATE_AGENCY",
  childCount: 2,
  memberCounts: { __typename: "MemberCounts", official: 21698, probationary: 853 },
});
const district = treeRow({
  id: "d1",
  name: "Đảng bộ huyện Ninh Hải",
  kind: "DISTRICT_COMMITTEE",
  sector: "STATE_AGENCY",
  childCount: 1,
  memberCounts: { __typename: "MemberCounts", official: 1234, probationary: 56 },
});
const police = treeRow({
  id: "d2",
  name: "Đảng bộ Công an tỉnh",
  kind: "DIRECT_COMMITTEE",
  sector: "POLICE",
  childCount: 0,
});
const cell = treeRow({ id: "c1", name: "Chi bộ Thôn Hộ Diêm", kind: "GRASSROOTS_CELL" });

const rootUnitsMock = {
  request: { query: RootUnitsQuery },
  result: { data: { rootUnits: [{ ...province, children: [district, police] }] } },
};

const districtChildrenMock = {
  request: { query: UnitChildrenQuery, variables: { id: "d1", asOf: AS_OF } },
  result: {
    data: { orgUnit: { __typename: "OrgUnit", id: "d1", asOf: AS_OF, children: [cell] } },
  },
};

function renderTree(mocks: object[]) {
  return renderWithApp(<CommitteeTreePage />, {
    mocks: mocks as never,
    path: "/units",
    route: "/units",
  });
}

const toggleOf = (name: string) =>
  screen.getByRole("button", { name: `Đơn vị trực thuộc của ${name}` });

describe("committee tree", () => {
  it("shows a loading state, then the root expanded one level (children from the same request)", async () => {
    renderTree([rootUnitsMock]);

    expect(screen.getByRole("status")).toHaveTextContent("Đang tải cây tổ chức…");
    expect(await screen.findByRole("link", { name: province.name })).toHaveAttribute(
      "href",
      "/units/p1",
    );
    expect(toggleOf(province.name)).toHaveAttribute("aria-expanded", "true");
    // No mock exists for the province's children: they must come from the cache.
    expect(await screen.findByRole("link", { name: district.name })).toBeVisible();
    expect(screen.getByRole("link", { name: police.name })).toBeVisible();

    const tree = screen.getByRole("list", { name: "Cây tổ chức đảng" });
    expect(within(tree).getByText("21.698 chính thức · 853 dự bị")).toBeInTheDocument();
    expect(within(tree).getByText("1.234 chính thức · 56 dự bị")).toBeInTheDocument();
    expect(within(tree).getByText("Đảng bộ huyện, thị xã, thành phố")).toBeInTheDocument();
    expect(within(tree).getByText("Công an")).toBeInTheDocument();
    expect(within(tree).getByText("2 đơn vị trực thuộc")).toBeInTheDocument();
    // A unit without subordinates has no expand button.
    expect(
      screen.queryByRole("button", { name: `Đơn vị trực thuộc của ${police.name}` }),
    ).not.toBeInTheDocument();
  });

  it("loads a unit's children when it is expanded, and hides them when collapsed", async () => {
    const { user } = renderTree([rootUnitsMock, districtChildrenMock]);
    await screen.findByRole("link", { name: district.name });

    const toggle = toggleOf(district.name);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("link", { name: cell.name })).not.toBeInTheDocument();

    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(await screen.findByText("Đang tải đơn vị trực thuộc…")).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: cell.name })).toHaveAttribute(
      "href",
      "/units/c1",
    );
    expect(document.getElementById(toggle.getAttribute("aria-controls")!)).toBeVisible();

    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("link", { name: cell.name })).not.toBeInTheDocument();
  });

  it("expands and collapses with Enter and Space from the keyboard", async () => {
    const { user } = renderTree([rootUnitsMock, districtChildrenMock]);
    await screen.findByRole("link", { name: district.name });

    // Tab through the page until the district's toggle has focus: it is reachable.
    const toggle = toggleOf(district.name);
    for (let i = 0; i < 20 && document.activeElement !== toggle; i++) await user.tab();
    expect(toggle).toHaveFocus();

    await user.keyboard("{Enter}");
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(await screen.findByRole("link", { name: cell.name })).toBeVisible();

    await user.keyboard(" ");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("link", { name: cell.name })).not.toBeInTheDocument();

    await user.keyboard(" ");
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("link", { name: cell.name })).toBeVisible();
  });

  it("shows an error with Retry when children fail to load, and recovers", async () => {
    const { user } = renderTree([
      rootUnitsMock,
      {
        request: districtChildrenMock.request,
        error: new TypeError("Failed to fetch"),
      },
      districtChildrenMock,
    ]);
    await screen.findByRole("link", { name: district.name });
    await user.click(toggleOf(district.name));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không kết nối được tới máy chủ");
    await user.click(within(alert).getByRole("button", { name: "Thử lại" }));
    expect(await screen.findByRole("link", { name: cell.name })).toBeInTheDocument();
  });

  it("shows an empty state when the user may see no unit", async () => {
    renderTree([{ request: { query: RootUnitsQuery }, result: { data: { rootUnits: [] } } }]);
    expect(await screen.findByText("Chưa có đơn vị nào mà bạn được xem.")).toBeInTheDocument();
  });

  it("searches units by name and lists them as links", async () => {
    const { user } = renderTree([
      rootUnitsMock,
      {
        request: { query: UnitSearchQuery, variables: { search: "ninh hai", first: 20 } },
        result: {
          data: {
            orgUnits: {
              __typename: "OrgUnitConnection",
              totalCount: 1,
              pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "x" },
              edges: [
                {
                  __typename: "OrgUnitEdge",
                  cursor: "x",
                  node: {
                    __typename: "OrgUnit",
                    id: "d1",
                    asOf: AS_OF,
                    name: district.name,
                    kind: "DISTRICT_COMMITTEE",
                    parent: {
                      __typename: "OrgUnit",
                      id: "p1",
                      asOf: AS_OF,
                      name: province.name,
                    },
                  },
                },
              ],
            },
          },
        },
      },
    ]);
    await screen.findByRole("link", { name: province.name });

    await user.type(screen.getByLabelText("Tìm đơn vị theo tên"), "ninh hai");
    const results = await screen.findByRole("list", { name: "1 đơn vị phù hợp" });
    expect(within(results).getByRole("link", { name: district.name })).toHaveAttribute(
      "href",
      "/units/d1",
    );
    expect(within(results).getByText(/thuộc Đảng bộ tỉnh Ninh Thuận/)).toBeInTheDocument();
  });

  it("waits for a search of at least two letters", async () => {
    const { user } = renderTree([rootUnitsMock]);
    await screen.findByRole("link", { name: province.name });
    await user.type(screen.getByLabelText("Tìm đơn vị theo tên"), "n");
    await new Promise((resolve) => setTimeout(resolve, 400));
    // No request was made: an unmocked one would show an error, a pending one a spinner.
    expect(screen.queryByText("Đang tìm đơn vị…")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByText(/đơn vị phù hợp/)).not.toBeInTheDocument();
  });
});
