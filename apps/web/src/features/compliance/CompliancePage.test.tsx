import { screen, waitFor, within } from "@testing-library/react";
import { print } from "graphql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { viewer } from "../../test/fixtures.ts";
import { renderApp } from "../../test/render.tsx";
import {
  CellComplianceQuery,
  ComplianceUnitQuery,
  MeetingComplianceQuery,
} from "./compliance.operations.ts";
import { heatMapColumns } from "./HeatMap.tsx";

const CITY = { id: "u2", name: "Đảng bộ thành phố Phan Rang - Tháp Chàm" };
const staff = viewer({
  username: "staff",
  role: "STAFF",
  unit: { __typename: "OrgUnit", id: CITY.id, asOf: "2025-12-31", name: CITY.name },
});
const forever = { maxUsageCount: Number.POSITIVE_INFINITY };

const row = (
  unitId: string,
  name: string,
  cellsRequired: number,
  cellsCompliant: number,
  thematicMissing: number,
  attendanceRate: number | null,
  meetings: number,
) => ({
  __typename: "ComplianceRow",
  unitId,
  name,
  cellsRequired,
  cellsCompliant,
  percent: cellsRequired ? Math.round((cellsCompliant / cellsRequired) * 1000) / 10 : null,
  thematicMissing,
  attendanceRate,
  meetings,
});

const ALL_ON_TIME = Array.from({ length: 12 }, () => "ON_TIME");
const cell = (
  cellId: string,
  name: string,
  groupName: string,
  months: string[],
  quarters: string[],
  complies: boolean,
) => ({
  __typename: "CellCompliance",
  cellId,
  name,
  groupName,
  complies,
  meetings: 16,
  attendanceRate: 91.5,
  months,
  quarters,
});

const CELLS = [
  cell(
    "c7",
    "Chi bộ thôn Thành Ý",
    "Đảng bộ xã Thành Hải",
    ALL_ON_TIME.map((s, i) => (i === 5 ? "LATE" : s)),
    ["HELD", "HELD", "HELD", "HELD"],
    true,
  ),
  cell(
    "c8",
    "Chi bộ thôn Tân Sơn",
    "Đảng bộ xã Thành Hải",
    ALL_ON_TIME.map((s, i) => (i === 3 ? "MISSING" : s)),
    ["HELD", "HELD", "HELD", "MISSING"],
    false,
  ),
  cell(
    "c9",
    "Chi bộ khu phố 1",
    "Đảng bộ phường Bảo An",
    ALL_ON_TIME.map((s, i) => (i < 2 ? "NOT_REQUIRED" : s)),
    ["NOT_REQUIRED", "HELD", "HELD", "HELD"],
    true,
  ),
];

function mocks() {
  const unitId = CITY.id;
  const connection = (nodes: typeof CELLS) => ({
    __typename: "CellComplianceConnection",
    totalCount: nodes.length,
    pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
    edges: nodes.map((node, i) => ({ __typename: "CellComplianceEdge", cursor: `c${i}`, node })),
  });
  return [
    {
      request: { query: ComplianceUnitQuery, variables: { unitId, treeDate: "2025-12-31" } },
      result: {
        data: {
          orgUnit: {
            __typename: "OrgUnit",
            id: unitId,
            asOf: "2025-12-31",
            name: CITY.name,
            kind: "DISTRICT_COMMITTEE",
            ancestors: [
              {
                __typename: "OrgUnit",
                id: "1",
                asOf: "2025-12-31",
                name: "Đảng bộ tỉnh Ninh Thuận",
              },
            ],
          },
        },
      },
      ...forever,
    },
    {
      request: { query: MeetingComplianceQuery, variables: { unitId, year: 2025 } },
      result: {
        data: {
          meetingCompliance: {
            __typename: "MeetingCompliance",
            year: 2025,
            quarter: null,
            months: Array.from(
              { length: 12 },
              (_, i) => `2025-${String(i + 1).padStart(2, "0")}-01`,
            ),
            total: row(unitId, CITY.name, 50, 45, 3, 92.4, 780),
            rows: [
              row("g2", "Đảng bộ phường Bảo An", 20, 20, 0, 93.1, 320),
              row("g1", "Đảng bộ xã Thành Hải", 30, 25, 3, 91.9, 460),
            ],
            missingThematic: [
              {
                __typename: "CellCompliance",
                cellId: "c8",
                name: "Chi bộ thôn Tân Sơn",
                groupName: "Đảng bộ xã Thành Hải",
              },
            ],
            themes: [
              {
                __typename: "ThemeCount",
                theme: "Chuyên đề: Bảy dám",
                meetings: 40,
                studyTheme: true,
              },
              {
                __typename: "ThemeCount",
                theme: "Chuyên đề: Học tập, quán triệt 21-NQ/TW",
                meetings: 12,
                studyTheme: false,
              },
            ],
          },
        },
      },
      ...forever,
    },
    {
      request: {
        query: CellComplianceQuery,
        variables: { unitId, year: 2025, onlyNonCompliant: false, first: 50 },
      },
      result: { data: { cellCompliance: connection(CELLS) } },
      ...forever,
    },
    {
      request: {
        query: CellComplianceQuery,
        variables: { unitId, year: 2025, onlyNonCompliant: true, first: 50 },
      },
      result: { data: { cellCompliance: connection(CELLS.filter((c) => !c.complies)) } },
      ...forever,
    },
  ];
}

const heatMap = () =>
  screen.getByRole("region", { name: "Sinh hoạt của từng chi bộ theo tháng và quý, năm 2025" });

describe("compliance", () => {
  it("tables the subordinate units, the total, the cells missing their thematic meeting and the themes", async () => {
    renderApp({ viewer: staff, path: `/compliance/${CITY.id}?year=2025`, mocks: mocks() });
    expect(await screen.findByRole("heading", { level: 1, name: CITY.name })).toBeInTheDocument();
    expect(
      within(screen.getByRole("navigation", { name: "Vị trí đơn vị trong cây tổ chức" })).getByRole(
        "link",
        { name: "Đảng bộ tỉnh Ninh Thuận" },
      ),
    ).toHaveAttribute("href", "/compliance/1?year=2025");
    expect(await screen.findByText("45 / 50 (90%)")).toBeInTheDocument();

    const table = screen.getByRole("table", { name: "Theo đơn vị trực thuộc" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual([
      "Đơn vị",
      "Số chi bộ",
      "Thực hiện đầy đủ",
      "Tỷ lệ",
      "Thiếu chuyên đề",
      "Tỷ lệ dự họp",
      "Số buổi họp",
    ]);
    const thanhHai = within(table).getByRole("link", { name: "Đảng bộ xã Thành Hải" });
    expect(thanhHai).toHaveAttribute("href", "/compliance/g1?year=2025");
    expect(thanhHai.closest("tr")).toHaveTextContent(/30\s*25\s*83,3%\s*3\s*91,9%\s*460/);
    expect(table.querySelector("tfoot")).toHaveTextContent(`Toàn bộ: ${CITY.name}`);
    expect(table.querySelector("tfoot")).toHaveTextContent(/50\s*45\s*90%\s*3\s*92,4%\s*780/);

    const missing = screen.getByRole("region", {
      name: "Chi bộ chưa sinh hoạt chuyên đề Quý IV/2025",
    });
    expect(within(missing).getByRole("link", { name: "Chi bộ thôn Tân Sơn" })).toHaveAttribute(
      "href",
      "/cells/c8",
    );
    expect(within(missing).queryByText("Chi bộ thôn Thành Ý")).not.toBeInTheDocument();
    expect(missing).toHaveTextContent("1 chi bộ");

    const themes = screen.getByRole("region", { name: "Chủ đề sinh hoạt chuyên đề" });
    expect(themes).toHaveTextContent("Chuyên đề: Bảy dám 40 buổiChủ đề năm");
    expect(themes).toHaveTextContent("Chuyên đề: Học tập, quán triệt 21-NQ/TW 12 buổi");

    // The navigation has the entry for staff.
    const nav = screen.getByRole("navigation", { name: "Điều hướng chính" });
    expect(within(nav).getByRole("link", { name: "Sinh hoạt chi bộ" })).toHaveAttribute(
      "href",
      "/compliance",
    );
  });

  it("draws the heat-map as a table of cells × months with quarter columns, in words and colours", async () => {
    const { user } = renderApp({
      viewer: staff,
      path: `/compliance/${CITY.id}?year=2025`,
      mocks: mocks(),
    });
    await screen.findByText("Đang hiển thị 3 / 3 chi bộ");
    const table = within(heatMap()).getByRole("table");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual([
      "Chi bộ",
      "T1",
      "T2",
      "T3",
      "Q1",
      "T4",
      "T5",
      "T6",
      "Q2",
      "T7",
      "T8",
      "T9",
      "Q3",
      "T10",
      "T11",
      "T12",
      "Q4",
      "Tỷ lệ dự họp",
      "Đầy đủ",
    ]);
    // Grouped by subordinate unit.
    expect(
      within(table).getByRole("rowheader", { name: "Đảng bộ xã Thành Hải" }),
    ).toBeInTheDocument();

    const thanhY = within(table).getByRole("link", { name: "Chi bộ thôn Thành Ý" }).closest("tr")!;
    const cells = within(thanhY).getAllByRole("cell");
    // June (the 7th column: T1 T2 T3 Q1 T4 T5 T6) was late: said in words, and coloured.
    expect(cells[6]).toHaveTextContent("MHọp muộn (sau ngày 10)");
    expect(cells[6]).toHaveClass("hm-late");
    expect(cells[0]).toHaveTextContent("Họp đúng hạn (đến ngày 10)");
    expect(cells[3]).toHaveTextContent("Có sinh hoạt chuyên đề");
    expect(cells[cells.length - 1]).toHaveTextContent("Có");

    const tanSon = within(table).getByRole("link", { name: "Chi bộ thôn Tân Sơn" }).closest("tr")!;
    const tanSonCells = within(tanSon).getAllByRole("cell");
    expect(tanSonCells[4]).toHaveTextContent("Không họp");
    expect(tanSonCells[4]).toHaveClass("hm-missing");
    expect(tanSonCells[15]).toHaveTextContent("Không sinh hoạt chuyên đề");
    expect(tanSonCells[tanSonCells.length - 1]).toHaveTextContent("Không");

    // The legend, in words.
    expect(screen.getByText("Sinh hoạt thường kỳ (mỗi tháng):")).toBeInTheDocument();
    expect(document.querySelector(".heatmap-legend")).toHaveTextContent(
      "ĐHọp đúng hạn (đến ngày 10)",
    );

    // Only the cells that missed a meeting.
    await user.click(screen.getByLabelText("Chỉ hiện chi bộ chưa thực hiện đầy đủ"));
    await screen.findByText("Đang hiển thị 1 / 1 chi bộ");
    expect(within(heatMap()).queryByRole("link", { name: "Chi bộ thôn Thành Ý" })).toBeNull();
    expect(
      within(heatMap()).getByRole("link", { name: "Chi bộ thôn Tân Sơn" }),
    ).toBeInTheDocument();
  });

  it("lays out the quarter columns of a quarter and of a year still running", () => {
    expect(
      heatMapColumns(4, 3, 1).map((c) => `${c.kind[0]}${"month" in c ? c.month : c.quarter}`),
    ).toEqual(["m4", "m5", "m6", "q2"]);
    expect(
      heatMapColumns(1, 11, 4)
        .slice(-3)
        .map((c) => `${c.kind[0]}${"month" in c ? c.month : c.quarter}`),
    ).toEqual(["m10", "m11", "q4"]);
  });
});

describe("compliance export", () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal("fetch", fetchMock);
    URL.createObjectURL = vi.fn(() => "blob:export");
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("exports the table and every page of the heat-map through the server", async () => {
    fetchMock.mockImplementation(async () => new Response("x\n", { status: 200 }));
    const { user } = renderApp({
      viewer: staff,
      path: `/compliance/${CITY.id}?year=2025`,
      mocks: mocks(),
    });
    await screen.findByText("Đang hiển thị 3 / 3 chi bộ");
    const byUnit = screen.getByRole("region", { name: "Theo đơn vị trực thuộc" });
    await user.click(within(byUnit).getByRole("button", { name: "Tải CSV" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const table = JSON.parse(String(fetchMock.mock.calls[0]![1]?.body));
    expect(table).toMatchObject({
      query: print(MeetingComplianceQuery),
      variables: { unitId: CITY.id, year: 2025 },
      path: "meetingCompliance.rows",
      format: "csv",
      filename: "sinh-hoat-chi-bo-theo-don-vi-2025",
    });
    expect(table.paginate).toBeUndefined();
    expect(table.columns[0]).toEqual({ key: "name", header: "Đơn vị" });

    const grid = screen.getByRole("region", { name: "Từng chi bộ theo tháng" });
    await user.click(within(grid).getByRole("button", { name: "Tải Excel" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    const cells = JSON.parse(String(fetchMock.mock.calls[1]![1]?.body));
    expect(cells).toMatchObject({
      query: print(CellComplianceQuery),
      variables: { unitId: CITY.id, year: 2025, onlyNonCompliant: false, first: 500 },
      path: "cellCompliance.edges.node",
      paginate: true,
      format: "xlsx",
      filename: "sinh-hoat-chi-bo-theo-thang-2025",
    });
    expect(cells.columns.map((c: { key: string }) => c.key)).toEqual([
      "groupName",
      "name",
      "complies",
      "meetings",
      "attendanceRate",
      "months",
      "quarters",
    ]);
  });
});
