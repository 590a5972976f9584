import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AS_OF, member, memberConnection } from "../../test/fixtures.ts";
import { renderWithApp } from "../../test/render.tsx";
import { MembersQuery } from "../member/member.operations.ts";
import { UnitPageQuery } from "./committee.operations.ts";
import { UnitPage } from "./UnitPage.tsx";

const counts = (official: number, probationary: number) => ({
  __typename: "MemberCounts",
  official,
  probationary,
  total: official + probationary,
});

const district = {
  __typename: "OrgUnit",
  id: "d1",
  asOf: AS_OF,
  name: "Đảng bộ huyện Ninh Hải",
  code: "NT.NH",
  kind: "DISTRICT_COMMITTEE",
  sector: "STATE_AGENCY",
  validFrom: "1992-04-01",
  validTo: null,
  childCount: 2,
  memberCounts: counts(3210, 145),
  ancestors: [{ __typename: "OrgUnit", id: "p1", asOf: AS_OF, name: "Đảng bộ tỉnh Ninh Thuận" }],
  children: [
    {
      __typename: "OrgUnit",
      id: "g1",
      asOf: AS_OF,
      name: "Đảng bộ xã Hộ Hải",
      kind: "GRASSROOTS_COMMITTEE",
      childCount: 12,
      memberCounts: counts(1050, 40),
    },
    {
      __typename: "OrgUnit",
      id: "g2",
      asOf: AS_OF,
      name: "Chi bộ Trường THPT Tôn Đức Thắng",
      kind: "GRASSROOTS_CELL",
      childCount: 0,
      memberCounts: counts(25, 2),
    },
  ],
};

const unitMock = {
  request: { query: UnitPageQuery, variables: { id: "d1" } },
  result: { data: { orgUnit: district } },
};

const membersRequest = {
  query: MembersQuery,
  variables: { first: 25, orgUnitId: "d1", includeSubtree: true },
};

const membersMock = {
  request: membersRequest,
  result: {
    data: {
      members: memberConnection(
        [
          member({
            id: "m1",
            fullName: "Nguyễn Văn An",
            status: "PROBATIONARY",
            admittedOn: "2024-09-02",
            probationEndsOn: "2025-09-02",
            birthDate: "1999-12-31",
            unit: { __typename: "OrgUnit", id: "c7", asOf: AS_OF, name: "Chi bộ Thôn Khánh Nhơn" },
          }),
          member({ id: "m2", fullName: "Trần Thị Bình", birthDate: null }),
        ],
        { totalCount: 1234, hasNextPage: true, endCursor: "c-m2" },
      ),
    },
  },
};

function renderUnitPage(mocks: object[], id = "d1") {
  return renderWithApp(<UnitPage />, {
    mocks: mocks as never,
    path: `/units/${id}`,
    route: "/units/:id",
  });
}

describe("unit page", () => {
  it("shows the unit, its place in the tree, its subordinates and its members", async () => {
    renderUnitPage([unitMock, membersMock]);

    expect(screen.getByRole("status")).toHaveTextContent("Đang tải thông tin đơn vị…");
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent(district.name);

    const breadcrumb = screen.getByRole("navigation", { name: "Vị trí trong cây tổ chức" });
    expect(
      within(breadcrumb).getByRole("link", { name: "Đảng bộ tỉnh Ninh Thuận" }),
    ).toHaveAttribute("href", "/units/p1");
    expect(within(breadcrumb).getByText(district.name)).toHaveAttribute("aria-current", "page");

    const detail = (term: string) => screen.getByText(term, { selector: "dt" }).nextElementSibling;
    expect(detail("Loại tổ chức")).toHaveTextContent("Đảng bộ huyện, thị xã, thành phố");
    expect(detail("Lĩnh vực")).toHaveTextContent("Cơ quan nhà nước");
    expect(detail("Mã đơn vị")).toHaveTextContent("NT.NH");
    expect(detail("Thành lập từ ngày")).toHaveTextContent("01/04/1992");
    expect(detail("Giải thể, sáp nhập ngày")).toHaveTextContent("Đang hoạt động");

    const counts = screen.getByRole("region", { name: "Số đảng viên" });
    expect(counts).toHaveTextContent("3.210");
    expect(counts).toHaveTextContent("145");
    expect(counts).toHaveTextContent("3.355");

    const subordinates = screen.getByRole("table", { name: "Đơn vị trực thuộc" });
    const row = within(subordinates).getByRole("row", { name: /Đảng bộ xã Hộ Hải/ });
    expect(within(row).getByRole("link", { name: "Đảng bộ xã Hộ Hải" })).toHaveAttribute(
      "href",
      "/units/g1",
    );
    expect(row).toHaveTextContent("Đảng bộ cơ sở");
    expect(row).toHaveTextContent("1.050");
    expect(row).toHaveTextContent("1.090");

    expect(await screen.findByText("1.234 đảng viên")).toBeInTheDocument();
    const members = screen.getByRole("table", { name: "Danh sách đảng viên" });
    const an = within(members).getByRole("row", { name: /Nguyễn Văn An/ });
    expect(an).toHaveTextContent("Dự bị");
    expect(an).toHaveTextContent("đến 02/09/2025");
    expect(an).toHaveTextContent("Chi bộ Thôn Khánh Nhơn");
    expect(an).toHaveTextContent("02/09/2024");
    expect(an).toHaveTextContent("31/12/1999");
    const binh = within(members).getByRole("row", { name: /Trần Thị Bình/ });
    expect(binh).toHaveTextContent("Chính thức");
    expect(binh).toHaveTextContent("—");
    expect(screen.getByRole("button", { name: "Xem thêm" })).toBeInTheDocument();
    expect(document.title).toBe(`${district.name} – Dangbo`);
  });

  it("shows a friendly 'unit not found' state for NOT_FOUND", async () => {
    renderUnitPage(
      [
        {
          request: { query: UnitPageQuery, variables: { id: "404" } },
          result: {
            data: null,
            errors: [{ message: "OrgUnit 404 not found", extensions: { code: "NOT_FOUND" } }],
          },
        },
      ],
      "404",
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Không tìm thấy đơn vị" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Về cây tổ chức đảng" })).toHaveAttribute(
      "href",
      "/units",
    );
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(document.title).toBe("Không tìm thấy đơn vị – Dangbo");
  });

  it("treats a malformed id (BAD_USER_INPUT) as an unknown unit", async () => {
    renderUnitPage(
      [
        {
          request: { query: UnitPageQuery, variables: { id: "abc" } },
          result: {
            data: null,
            errors: [
              {
                message: "id must be an id returned by the API",
                extensions: { code: "BAD_USER_INPUT", field: "id" },
              },
            ],
          },
        },
      ],
      "abc",
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Không tìm thấy đơn vị" }),
    ).toBeInTheDocument();
  });

  it("shows a network error with Retry, and the unit after retrying", async () => {
    const { user } = renderUnitPage([
      { request: unitMock.request, error: new TypeError("Failed to fetch") },
      unitMock,
      membersMock,
    ]);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không tải được dữ liệu");
    expect(alert).toHaveTextContent(
      "Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.",
    );

    await user.click(within(alert).getByRole("button", { name: "Thử lại" }));
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent(district.name);
  });

  it("explains a server error by its code", async () => {
    renderUnitPage([
      {
        request: unitMock.request,
        result: {
          data: null,
          errors: [{ message: "Database down", extensions: { code: "SERVICE_UNAVAILABLE" } }],
        },
      },
    ]);
    expect(await screen.findByRole("alert")).toHaveTextContent("Không kết nối được tới máy chủ");
  });

  it("shows empty states for a unit without subordinates or members", async () => {
    renderUnitPage([
      {
        request: unitMock.request,
        result: {
          data: {
            orgUnit: { ...district, childCount: 0, children: [], memberCounts: counts(0, 0) },
          },
        },
      },
      { request: membersRequest, result: { data: { members: memberConnection([]) } } },
    ]);
    expect(await screen.findByText("Đơn vị này không có đơn vị trực thuộc.")).toBeInTheDocument();
    expect(await screen.findByText("Chưa có đảng viên nào.")).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });
});
