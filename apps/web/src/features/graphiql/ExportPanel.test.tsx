import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { GraphiQLExportError, type GraphiQLExportBody } from "./exportRequest.ts";
import { ExportForm, type CurrentOperation } from "./ExportPanel.tsx";
import type { LastRun } from "./run.ts";

const MEMBERS = `query ProbationaryMembers($unitId: ID, $after: String) {
  members(orgUnitId: $unitId, first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { fullName unit { name } } }
  }
}`;

function run(data: unknown, query = MEMBERS): LastRun {
  return {
    query,
    variables: {},
    operationName: null,
    response: { data },
    failure: null,
  };
}

const membersRun = run({
  members: {
    totalCount: 230,
    pageInfo: { hasNextPage: true, endCursor: "c1" },
    edges: [{ node: { fullName: "A", unit: { name: "Chi bộ 1" } } }],
  },
  studyThemes: [{ title: "7 dám" }, { title: "Trách nhiệm" }],
});

const editors =
  (over: Partial<CurrentOperation> = {}) =>
  () => ({
    query: MEMBERS,
    variables: '{ "unitId": "1" /* the province */ }',
    operationName: "ProbationaryMembers",
    ...over,
  });

describe("ExportForm", () => {
  it("offers the lists of the last result, the connection first, and exports every page", async () => {
    const download = vi.fn(async (_body: GraphiQLExportBody) => "graphiql-ProbationaryMembers.csv");
    render(<ExportForm lastRun={membersRun} current={editors()} download={download} />);

    const path = screen.getByRole("textbox", { name: "Danh sách cần xuất" });
    expect(path).toHaveValue("members.edges.node");
    const radios = screen.getAllByRole("radio");
    expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual([
      "members.edges.node",
      "studyThemes",
    ]);
    expect(screen.getByRole("radio", { name: /members\.edges\.node \(1 dòng\)/ })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Lấy mọi trang (theo $after)" })).toBeChecked();

    await userEvent.click(screen.getByRole("button", { name: "Tải CSV" }));
    expect(download).toHaveBeenCalledWith({
      query: MEMBERS,
      variables: { unitId: "1" },
      operationName: "ProbationaryMembers",
      path: "members.edges.node",
      format: "csv",
      filename: "graphiql-ProbationaryMembers",
      title: "GraphiQL: ProbationaryMembers",
      paginate: true,
    });
    expect(await screen.findByText("Đã tải graphiql-ProbationaryMembers.csv.")).toBeVisible();
  });

  it("exports another list of the result as XLSX, one page", async () => {
    const download = vi.fn(async () => "x.xlsx");
    render(<ExportForm lastRun={membersRun} current={editors()} download={download} />);
    await userEvent.click(screen.getByRole("radio", { name: /studyThemes/ }));
    expect(screen.getByRole("textbox", { name: "Danh sách cần xuất" })).toHaveValue("studyThemes");
    expect(screen.getByRole("checkbox", { name: /Lấy mọi trang/ })).not.toBeChecked();
    await userEvent.click(screen.getByRole("button", { name: "Tải XLSX" }));
    expect(download).toHaveBeenCalledWith(
      expect.objectContaining({ path: "studyThemes", format: "xlsx", paginate: false }),
    );
  });

  it("takes a typed path before anything ran, and says why paging is off", async () => {
    const download = vi.fn(async () => "f.csv");
    const query =
      "query Stats { stats(metric: MEMBERS, unitId: 1, groupBy: [SECTOR]) { rows { keys value } } }";
    render(
      <ExportForm
        lastRun={null}
        current={editors({ query, variables: "", operationName: "Stats" })}
        download={download}
      />,
    );
    expect(screen.getByText(/Chạy truy vấn một lần/)).toBeVisible();
    expect(screen.getByRole("checkbox", { name: /Lấy mọi trang/ })).toBeDisabled();
    expect(screen.getByText(/không khai báo biến \$after/)).toBeVisible();
    await userEvent.type(screen.getByRole("textbox", { name: "Danh sách cần xuất" }), "stats.rows");
    await userEvent.click(screen.getByRole("button", { name: "Tải CSV" }));
    expect(download).toHaveBeenCalledWith(
      expect.objectContaining({ query, variables: {}, path: "stats.rows", paginate: false }),
    );
  });

  it("refuses a bad path, bad variables and an empty editor without asking the server", async () => {
    const download = vi.fn(async () => "f.csv");
    const { rerender } = render(
      <ExportForm
        lastRun={membersRun}
        current={editors({ variables: "{ unitId: }" })}
        download={download}
      />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Tải CSV" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Phần biến không phải JSON hợp lệ.");

    rerender(<ExportForm lastRun={membersRun} current={editors()} download={download} />);
    const path = screen.getByRole("textbox", { name: "Danh sách cần xuất" });
    await userEvent.clear(path);
    await userEvent.type(path, "members..edges");
    await userEvent.click(screen.getByRole("button", { name: "Tải CSV" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Đường dẫn chưa hợp lệ");

    rerender(
      <ExportForm lastRun={membersRun} current={editors({ query: "  " })} download={download} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Tải CSV" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Trình soạn thảo chưa có truy vấn.");
    expect(download).not.toHaveBeenCalled();
  });

  it("shows the endpoint's errors: the limits in plain words, others with the server's message", async () => {
    const download = vi
      .fn<(body: GraphiQLExportBody) => Promise<string>>()
      .mockRejectedValueOnce(
        new GraphiQLExportError(
          "QUERY_TOO_COMPLEX",
          "This query would cost 61000 points; the limit is 50000.",
          400,
          { code: "QUERY_TOO_COMPLEX", cost: 61000, maxCost: 50000 },
        ),
      )
      .mockRejectedValueOnce(
        new GraphiQLExportError("BAD_USER_INPUT", "members.edges.node is not a list", 400, {
          code: "BAD_USER_INPUT",
          field: "path",
        }),
      )
      .mockRejectedValueOnce(
        new GraphiQLExportError("RATE_LIMITED", "Your query budget is spent", 400, {
          code: "RATE_LIMITED",
          retryAfterSeconds: 12,
        }),
      );
    render(<ExportForm lastRun={membersRun} current={editors()} download={download} />);
    const csv = screen.getByRole("button", { name: "Tải CSV" });

    await userEvent.click(csv);
    const tooComplex = await screen.findByRole("alert");
    expect(tooComplex).toHaveTextContent("Không xuất được tệp");
    expect(tooComplex).toHaveTextContent(/61\.000 điểm, vượt mức 50\.000 điểm/);
    expect(tooComplex).toHaveTextContent("hãy giảm first");

    await userEvent.click(csv);
    const badInput = await screen.findByRole("alert");
    expect(badInput).toHaveTextContent("Thông tin tìm kiếm chưa hợp lệ");
    expect(badInput).toHaveTextContent("Máy chủ báo: members.edges.node is not a list");

    await userEvent.click(csv);
    expect(await screen.findByRole("alert")).toHaveTextContent(/đợi khoảng 12 giây/);
  });
});
