import { screen, waitFor, within } from "@testing-library/react";
import { print } from "graphql";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { viewer } from "../../test/fixtures.ts";
import { renderApp, renderWithApp } from "../../test/render.tsx";
import {
  AdmissionCompositionQuery,
  AdmissionFunnelQuery,
  AdmissionProgressQuery,
  AdmissionTrendQuery,
  DashboardOverviewQuery,
  DashboardRootQuery,
} from "./dashboard.operations.ts";
import { DashboardPage } from "./DashboardPage.tsx";
import { todayIso } from "@dangbo/shared";
import { period, progressRow, PROVINCE } from "./testing.ts";

const unitRef = (id: string, name: string, asOf = "2024-12-31") => ({
  __typename: "OrgUnit",
  id,
  asOf,
  name,
});

/** The 2024 figures of the demo province (domain.md), plus a lagging and a dissolved unit. */
const ROWS = [
  progressRow({ unitId: "12", name: "Đảng bộ Bộ đội Biên phòng tỉnh", target: 20, admitted: 25 }),
  progressRow({ unitId: "11", name: "Đảng bộ Công an tỉnh", target: 30, admitted: 52 }),
  progressRow({ unitId: "6", name: "Đảng bộ huyện Bác Ái", target: 55, admitted: 33 }),
  progressRow({ unitId: "3", name: "Đảng bộ huyện Ninh Hải", target: 75, admitted: 85 }),
  progressRow({ unitId: "7", name: "Đảng bộ huyện Thuận Bắc", target: 55, admitted: 20 }),
  progressRow({
    unitId: "9",
    name: "Đảng bộ Khối các cơ quan tỉnh",
    kind: "BLOCK_COMMITTEE",
    target: 0,
    admitted: 0,
    current: false,
  }),
  progressRow({
    unitId: "2",
    name: "Đảng bộ thành phố Phan Rang - Tháp Chàm",
    target: 160,
    admitted: 190,
  }),
];

function dashboardMocks({
  unitId = PROVINCE.id,
  year = 2024,
  quarter = null as number | null,
  treeDate = period(year, quarter).treeDate,
} = {}) {
  const periodVars = quarter ? { year, quarter } : { year };
  const forever = { maxUsageCount: Number.POSITIVE_INFINITY };
  return [
    {
      request: { query: DashboardOverviewQuery, variables: { unitId, treeDate, ...periodVars } },
      result: {
        data: {
          orgUnit: {
            ...unitRef(unitId, PROVINCE.name, treeDate),
            kind: "PROVINCIAL_COMMITTEE",
            ancestors: [],
          },
          dashboardSummary: {
            __typename: "DashboardSummary",
            admitted: 853,
            target: 805,
            percent: 106,
            band: "MET",
            candidatesInPipeline: 1230,
            cellCount: 1576,
            grassrootsCount: 435,
            probationEndingSoon: 98,
            members: {
              __typename: "MemberCounts",
              official: 21576,
              probationary: 975,
              total: 22551,
            },
            period: period(year, quarter),
          },
        },
      },
      ...forever,
    },
    {
      request: { query: AdmissionProgressQuery, variables: { unitId, ...periodVars } },
      result: {
        data: {
          admissionProgress: {
            __typename: "AdmissionProgress",
            directAdmitted: 0,
            rowsTarget: 805,
            period: period(year, quarter),
            unit: progressRow({
              unitId,
              name: PROVINCE.name,
              kind: "PROVINCIAL_COMMITTEE",
              target: 805,
              admitted: 853,
            }),
            rows: ROWS,
          },
        },
      },
      ...forever,
    },
    {
      request: { query: AdmissionTrendQuery, variables: { unitId, fromYear: 2020 } },
      result: {
        data: {
          admissionTrend: [
            { __typename: "TrendPoint", year: 2023, target: 820, admitted: 827, percent: 100.9 },
            { __typename: "TrendPoint", year: 2024, target: 805, admitted: 853, percent: 106 },
          ],
        },
      },
      ...forever,
    },
    {
      request: {
        query: AdmissionCompositionQuery,
        variables: { unitId, ...periodVars, by: "SECTOR" },
      },
      result: {
        data: {
          admissionComposition: [
            { __typename: "CompositionSlice", key: "STATE_AGENCY", count: 210, share: 24.6 },
            { __typename: "CompositionSlice", key: "RESIDENTIAL", count: 208, share: 24.4 },
          ],
        },
      },
      ...forever,
    },
    {
      request: {
        query: AdmissionCompositionQuery,
        variables: { unitId, ...periodVars, by: "AGE_BAND" },
      },
      result: {
        data: {
          admissionComposition: [
            { __typename: "CompositionSlice", key: "UNDER_30", count: 617, share: 72.3 },
            { __typename: "CompositionSlice", key: "30_45", count: 236, share: 27.7 },
          ],
        },
      },
      ...forever,
    },
    {
      request: { query: AdmissionFunnelQuery, variables: { unitId, ...periodVars } },
      result: {
        data: {
          admissionFunnel: [
            { __typename: "FunnelStage", stage: "AWARENESS_CLASS", count: 885, conversion: null },
            { __typename: "FunnelStage", stage: "VERIFIED", count: 846, conversion: 95.6 },
            { __typename: "FunnelStage", stage: "PROPOSED", count: 848, conversion: 100.2 },
            { __typename: "FunnelStage", stage: "ADMITTED", count: 853, conversion: 100.6 },
            { __typename: "FunnelStage", stage: "OFFICIAL", count: 781, conversion: 91.6 },
          ],
        },
      },
      ...forever,
    },
  ];
}

function renderDashboard(path = "/dashboard/1?year=2024", mocks: object[] = dashboardMocks()) {
  return renderWithApp(<DashboardPage />, {
    mocks: mocks as never,
    path,
    route: "/dashboard/:unitId?",
  });
}

const byUnitPanel = () =>
  screen.getByRole("region", {
    name: "Kết nạp đảng viên so với chỉ tiêu, theo đơn vị trực thuộc",
  });

async function showTable(panel: HTMLElement, user: ReturnType<typeof renderDashboard>["user"]) {
  await user.click(within(panel).getByRole("button", { name: "Bảng số liệu" }));
  return within(panel).getByRole("table");
}

/** Names in the table's body (its drill-down links), in order. */
const tableNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole("link")
    .map((link) => link.textContent);

// The charts are lazy chunks; loading recharts the first time takes a while in a fresh worker.
beforeAll(async () => {
  await Promise.all([
    import("../../ui/charts/CategoryBarChart.tsx"),
    import("../../ui/charts/SeriesLineChart.tsx"),
  ]);
}, 30_000);

describe("leaders' dashboard", () => {
  it("shows the KPI tiles of the unit and period", async () => {
    renderDashboard();
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent(PROVINCE.name);
    expect(screen.getByText("Số liệu từ ngày 01/01/2024 đến ngày 31/12/2024.")).toBeInTheDocument();

    const kpi = screen.getByRole("region", { name: "Số liệu chính" });
    const tile = (label: string) => within(kpi).getByText(label).closest("div")!;
    expect(tile("Kết nạp / chỉ tiêu")).toHaveTextContent("853 / 805 — 106%");
    expect(tile("Kết nạp / chỉ tiêu")).toHaveTextContent("Đạt hoặc vượt chỉ tiêu");
    expect(tile("Đảng viên chính thức")).toHaveTextContent("21.576");
    expect(tile("Đảng viên dự bị")).toHaveTextContent("975");
    expect(tile("Tổ chức cơ sở đảng")).toHaveTextContent("435");
    expect(tile("Chi bộ")).toHaveTextContent("1.576");
    expect(tile("Dự bị hết thời hạn trong 60 ngày tới")).toHaveTextContent("98");
    expect(tile("Quần chúng ưu tú đang trong quy trình")).toHaveTextContent("1.230");

    expect(screen.getByLabelText("Năm")).toHaveValue("2024");
    expect(screen.getByLabelText("Thời gian")).toHaveValue("");
    expect(document.title).toBe(`Bảng điều hành: ${PROVINCE.name} – Dangbo`);
  });

  it("draws the bar chart and its table from the same rows, with % and bands in words", async () => {
    const { user } = renderDashboard();
    const panel = await waitFor(byUnitPanel);
    const figure = await within(panel).findByRole("img");
    expect(figure).toHaveAccessibleName(
      "Biểu đồ thanh: số kết nạp so với chỉ tiêu của 7 đơn vị trực thuộc, 4 đơn vị đạt chỉ tiêu. Cao nhất: Đảng bộ Công an tỉnh, 173,3%. Thấp nhất: Đảng bộ huyện Thuận Bắc, 36,4%.",
    );
    // recharts drew the bars: target and admitted for each unit with a target (0 draws nothing).
    await waitFor(() =>
      expect(figure.querySelectorAll(".recharts-bar-rectangle path").length).toBeGreaterThan(0),
    );
    const fills = [...figure.querySelectorAll(".recharts-bar-rectangle path")].map((p) =>
      p.getAttribute("fill"),
    );
    expect(fills.filter((fill) => fill === "#2e7d32")).toHaveLength(4); // MET: green
    expect(fills.filter((fill) => fill === "#b26a00")).toHaveLength(1); // MEDIUM: amber (Bác Ái)
    expect(fills.filter((fill) => fill === "#c62828")).toHaveLength(1); // LOW: red (Thuận Bắc)
    const chartText = figure.textContent ?? "";
    for (const label of ["125%", "173,3%", "60%", "113,3%", "36,4%", "118,8%"]) {
      expect(chartText).toContain(label);
    }
    expect(within(panel).getByRole("list", { name: "Chú giải" })).toHaveTextContent(
      "Đã kết nạp – màu đỏ: dưới 50% chỉ tiêu",
    );

    const table = await showTable(panel, user);
    expect(within(panel).queryByRole("img")).not.toBeInTheDocument();
    expect(tableNames(table)).toEqual([
      "Đảng bộ Bộ đội Biên phòng tỉnh",
      "Đảng bộ Công an tỉnh",
      "Đảng bộ huyện Bác Ái",
      "Đảng bộ huyện Ninh Hải",
      "Đảng bộ huyện Thuận Bắc",
      "Đảng bộ Khối các cơ quan tỉnh",
      "Đảng bộ thành phố Phan Rang - Tháp Chàm",
    ]);
    const row = (name: string) => within(table).getByRole("row", { name: new RegExp(name) });
    expect(row("Công an tỉnh")).toHaveTextContent(/30\s*52\s*173,3%\s*Đạt hoặc vượt chỉ tiêu/);
    expect(row("Bộ đội Biên phòng")).toHaveTextContent("125%");
    expect(row("Ninh Hải")).toHaveTextContent("113,3%");
    expect(row("Bác Ái")).toHaveTextContent("Từ 50% đến dưới 100% chỉ tiêu");
    expect(row("Thuận Bắc")).toHaveTextContent("Dưới 50% chỉ tiêu");
    expect(row("Khối các cơ quan")).toHaveTextContent("Chưa được giao chỉ tiêu");
    expect(row("Khối các cơ quan")).toHaveTextContent(
      "Đã giải thể, sáp nhập hoặc chuyển đi trong kỳ",
    );
    // The whole committee closes the table.
    expect(within(table).getByRole("row", { name: /Toàn đảng bộ/ })).toHaveTextContent(
      /805\s*853\s*106%/,
    );
  });

  it("sorts units by % of target, in the chart and the table", async () => {
    const { user } = renderDashboard();
    const panel = await waitFor(byUnitPanel);
    const table = await showTable(panel, user);
    await user.selectOptions(within(panel).getByLabelText("Sắp xếp"), "percentAsc");
    expect(tableNames(table)).toEqual([
      "Đảng bộ huyện Thuận Bắc",
      "Đảng bộ huyện Bác Ái",
      "Đảng bộ huyện Ninh Hải",
      "Đảng bộ thành phố Phan Rang - Tháp Chàm",
      "Đảng bộ Bộ đội Biên phòng tỉnh",
      "Đảng bộ Công an tỉnh",
      // No target, no percent: last.
      "Đảng bộ Khối các cơ quan tỉnh",
    ]);
    await user.selectOptions(within(panel).getByLabelText("Sắp xếp"), "percentDesc");
    expect(tableNames(table)[0]).toBe("Đảng bộ Công an tỉnh");
    await user.selectOptions(within(panel).getByLabelText("Sắp xếp"), "admitted");
    expect(tableNames(table)[0]).toBe("Đảng bộ thành phố Phan Rang - Tháp Chàm");
  });

  it("drills down to a unit keeping the period, from the table's links", async () => {
    const { user } = renderDashboard(
      "/dashboard/1?year=2024&quarter=2",
      dashboardMocks({ year: 2024, quarter: 2 }),
    );
    const panel = await waitFor(byUnitPanel);
    expect(screen.getByLabelText("Thời gian")).toHaveValue("2");
    const table = await showTable(panel, user);
    expect(within(table).getByRole("link", { name: "Đảng bộ Công an tỉnh" })).toHaveAttribute(
      "href",
      "/dashboard/11?year=2024&quarter=2",
    );
    expect(
      within(table).getByRole("link", { name: "Đảng bộ thành phố Phan Rang - Tháp Chàm" }),
    ).toHaveAttribute("href", "/dashboard/2?year=2024&quarter=2");
    expect(screen.getByRole("link", { name: "Chỉ tiêu kết nạp năm 2024" })).toHaveAttribute(
      "href",
      "/targets/1?year=2024",
    );
  });

  it("toggles between chart and table, and remembers the choice", async () => {
    const { user, unmount } = renderDashboard();
    const panel = await waitFor(byUnitPanel);
    const chartButton = within(panel).getByRole("button", { name: "Biểu đồ" });
    const tableButton = within(panel).getByRole("button", { name: "Bảng số liệu" });
    expect(chartButton).toHaveAttribute("aria-pressed", "true");
    expect(tableButton).toHaveAttribute("aria-pressed", "false");
    expect(await within(panel).findByRole("img")).toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: "Lưu ảnh PNG" })).toBeInTheDocument();

    await user.click(tableButton);
    expect(tableButton).toHaveAttribute("aria-pressed", "true");
    expect(within(panel).getByRole("table")).toBeInTheDocument();
    expect(within(panel).queryByRole("img")).not.toBeInTheDocument();
    // No picture to save from a table.
    expect(within(panel).queryByRole("button", { name: "Lưu ảnh PNG" })).not.toBeInTheDocument();

    unmount();
    renderDashboard();
    const again = await waitFor(byUnitPanel);
    expect(within(again).getByRole("button", { name: "Bảng số liệu" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    expect(within(again).getByRole("table")).toBeInTheDocument();
  });

  it("shows the other panels: progress by month, trend, composition with translated groups, funnel", async () => {
    const { user } = renderDashboard();
    const progress = await screen.findByRole("region", { name: "Tiến độ kết nạp trong kỳ" });
    expect(await within(progress).findByRole("img")).toHaveAccessibleName(
      "Biểu đồ đường: đến tháng 12, Đảng bộ tỉnh Ninh Thuận đã kết nạp 853 đảng viên, tiến độ đều theo chỉ tiêu là 805.",
    );
    await user.selectOptions(
      within(progress).getByLabelText("So sánh với đơn vị trực thuộc"),
      "Đảng bộ Công an tỉnh",
    );
    const progressTable = await showTable(progress, user);
    expect(
      within(progressTable)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual([
      "Tháng",
      "Đảng bộ tỉnh Ninh Thuận: đã kết nạp (cộng dồn)",
      "Đảng bộ tỉnh Ninh Thuận: tiến độ đều theo chỉ tiêu",
      "Đảng bộ Công an tỉnh: đã kết nạp (cộng dồn)",
      "Đảng bộ Công an tỉnh: tiến độ đều theo chỉ tiêu",
    ]);
    expect(within(progressTable).getByRole("row", { name: /Tháng 12/ })).toHaveTextContent(
      /853\s*805\s*52\s*30/,
    );
    await user.click(within(progress).getByLabelText("Hiện đường của Đảng bộ tỉnh Ninh Thuận"));
    expect(within(progressTable).getAllByRole("columnheader")).toHaveLength(3);

    const trend = screen.getByRole("region", { name: "Kết nạp qua các năm" });
    expect(await within(trend).findByRole("img")).toHaveAccessibleName(
      "Biểu đồ cột: kết nạp và chỉ tiêu từ năm 2023 đến năm 2024. Năm 2024: 853 / 805, 106%.",
    );

    const composition = screen.getByRole("region", { name: "Cơ cấu đảng viên mới kết nạp" });
    const compositionTable = await showTable(composition, user);
    expect(compositionTable).toHaveTextContent(/Cơ quan nhà nước\s*210\s*24,6%/);
    expect(compositionTable).toHaveTextContent(/Thôn, tổ dân phố\s*208\s*24,4%/);
    await user.selectOptions(within(composition).getByLabelText("Phân theo"), "AGE_BAND");
    expect(await within(composition).findByText("Dưới 30 tuổi")).toBeInTheDocument();
    expect(within(composition).getByText("Từ 30 đến 45 tuổi")).toBeInTheDocument();

    const funnel = screen.getByRole("region", { name: "Quy trình phát triển đảng viên" });
    const funnelTable = await showTable(funnel, user);
    expect(
      within(funnelTable)
        .getAllByRole("rowheader")
        .map((th) => th.textContent),
    ).toEqual([
      "Học lớp bồi dưỡng nhận thức về Đảng",
      "Đã thẩm tra lý lịch",
      "Được đề nghị kết nạp",
      "Được kết nạp",
      "Được công nhận đảng viên chính thức",
    ]);
    expect(within(funnelTable).getByRole("row", { name: /Được kết nạp/ })).toHaveTextContent(
      /853\s*100,6%/,
    );
  });

  it("changes the period through the URL", async () => {
    const { user } = renderDashboard("/dashboard/1?year=2024", [
      ...dashboardMocks(),
      ...dashboardMocks({ year: 2024, quarter: 3 }),
    ]);
    await screen.findByRole("heading", { level: 1 });
    await user.selectOptions(screen.getByLabelText("Thời gian"), "3");
    expect(
      await screen.findByText("Số liệu từ ngày 01/07/2024 đến ngày 30/09/2024."),
    ).toBeInTheDocument();
  });

  it("starts from the user's own unit on /dashboard, which is home for a leader", async () => {
    renderApp({
      path: "/",
      mocks: [
        {
          request: { query: DashboardRootQuery },
          result: { data: { rootUnits: [unitRef("1", PROVINCE.name, "2026-01-01")] } },
        },
        // The current year, on today's tree.
        ...dashboardMocks({ year: Number(todayIso().slice(0, 4)), treeDate: todayIso() }),
      ],
    });
    expect(
      await screen.findByRole("link", { name: "Bảng điều hành", current: "page" }),
    ).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent(PROVINCE.name);
    expect(screen.getByLabelText("Năm")).toHaveValue(todayIso().slice(0, 4));
  });

  it("explains to a cell secretary that dashboards are for other roles", async () => {
    renderWithApp(<DashboardPage />, {
      path: "/dashboard",
      route: "/dashboard",
      viewer: viewer({ username: "secretary", role: "SECRETARY" }),
    });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Không có quyền truy cập" }),
    ).toBeInTheDocument();
  });

  it("explains a unit that does not exist", async () => {
    renderDashboard("/dashboard/404?year=2024", [
      {
        request: {
          query: DashboardOverviewQuery,
          variables: { unitId: "404", treeDate: "2024-12-31", year: 2024 },
        },
        result: {
          data: null,
          errors: [{ message: "OrgUnit 404 not found", extensions: { code: "NOT_FOUND" } }],
        },
      },
      {
        request: { query: AdmissionProgressQuery, variables: { unitId: "404", year: 2024 } },
        result: { data: null, errors: [{ message: "nope", extensions: { code: "NOT_FOUND" } }] },
      },
    ]);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Không tìm thấy đơn vị" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Về bảng điều hành của đơn vị mình" })).toHaveAttribute(
      "href",
      "/dashboard?year=2024",
    );
  });
});

describe("dashboard export", () => {
  const fetchMock = vi.fn<typeof fetch>();
  const clicked: HTMLAnchorElement[] = [];

  beforeEach(() => {
    fetchMock.mockReset();
    clicked.length = 0;
    vi.stubGlobal("fetch", fetchMock);
    URL.createObjectURL = vi.fn(() => "blob:export");
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("asks the server for the panel's own query and rows, with translated headers, and saves the file", async () => {
    fetchMock.mockResolvedValue(
      new Response("Đơn vị,Chỉ tiêu\n", {
        status: 200,
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition":
            "attachment; filename=\"ket-nap.csv\"; filename*=UTF-8''ket-n%E1%BA%A1p-2024.csv",
        },
      }),
    );
    const { user } = renderDashboard();
    const panel = await waitFor(byUnitPanel);
    await user.click(within(panel).getByRole("button", { name: "Tải CSV" }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/export");
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("same-origin");
    expect(new Headers(init?.headers).get("content-type")).toBe("application/json");
    expect(JSON.parse(String(init?.body))).toEqual({
      query: print(AdmissionProgressQuery),
      variables: { unitId: "1", year: 2024 },
      path: "admissionProgress.rows",
      format: "csv",
      columns: [
        { key: "name", header: "Đơn vị" },
        { key: "target", header: "Chỉ tiêu" },
        { key: "admitted", header: "Đã kết nạp" },
        { key: "percent", header: "Tỷ lệ hoàn thành" },
        { key: "band", header: "Mức hoàn thành" },
        { key: "current", header: "Còn tồn tại cuối kỳ" },
      ],
      filename: "ket-nap-theo-don-vi-2024",
      title: `Kết nạp đảng viên so với chỉ tiêu, theo đơn vị trực thuộc – ${PROVINCE.name} – 2024`,
    });
    expect(clicked[0]!.download).toBe("ket-nạp-2024.csv");
    expect(clicked[0]!.href).toBe("blob:export");
  });

  it("exports XLSX of the chosen composition, and explains a refusal", async () => {
    fetchMock.mockResolvedValue(
      new Response(
        JSON.stringify({
          errors: [{ message: "You may not do this", extensions: { code: "FORBIDDEN" } }],
        }),
        { status: 400, headers: { "content-type": "application/json" } },
      ),
    );
    const { user } = renderDashboard();
    const composition = await screen.findByRole("region", { name: "Cơ cấu đảng viên mới kết nạp" });
    await user.selectOptions(within(composition).getByLabelText("Phân theo"), "AGE_BAND");
    await within(composition).findByText(/Độ tuổi khi kết nạp/, { selector: "option" });
    await waitFor(() =>
      expect(within(composition).getByRole("button", { name: "Tải Excel" })).toHaveAttribute(
        "aria-disabled",
        "false",
      ),
    );
    await user.click(within(composition).getByRole("button", { name: "Tải Excel" }));

    expect(await within(composition).findByRole("alert")).toHaveTextContent(
      "Không xuất được tệp. Bạn không có quyền xem nội dung này.",
    );
    const body = JSON.parse(String(fetchMock.mock.calls[0]![1]?.body));
    expect(body).toMatchObject({
      query: print(AdmissionCompositionQuery),
      variables: { unitId: "1", year: 2024, by: "AGE_BAND" },
      path: "admissionComposition",
      format: "xlsx",
      filename: "co-cau-dang-vien-moi-age_band-2024",
    });
    expect(body.columns[0]).toEqual({ key: "key", header: "Nhóm (Độ tuổi khi kết nạp)" });
    expect(clicked).toHaveLength(0);
  });
});
