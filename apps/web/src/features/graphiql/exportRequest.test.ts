import { afterEach, describe, expect, it, vi } from "vitest";
import {
  downloadExport,
  exportFilename,
  exportRequestBody,
  GraphiQLExportError,
} from "./exportRequest.ts";

const MEMBERS = `query ProbationaryMembers($unitId: ID, $first: Int = 100, $after: String) {
  members(orgUnitId: $unitId, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { fullName } }
  }
}`;
const STATS = `query AdmissionsByUnitAndYear($unitId: ID!) {
  stats(metric: ADMISSIONS, unitId: $unitId, groupBy: [UNIT, YEAR]) { rows { keys value } }
}`;

describe("exportRequestBody", () => {
  it("pages through a connection when the query declares $after, starting from the first page", () => {
    expect(
      exportRequestBody({
        query: MEMBERS,
        variables: { unitId: "1", after: "cursor-of-page-3" },
        operationName: "ProbationaryMembers",
        path: "members.edges.node",
        format: "csv",
      }),
    ).toEqual({
      query: MEMBERS,
      variables: { unitId: "1" },
      operationName: "ProbationaryMembers",
      path: "members.edges.node",
      format: "csv",
      filename: "graphiql-ProbationaryMembers",
      title: "GraphiQL: ProbationaryMembers",
      paginate: true,
    });
  });

  it("does not page a list that is not a connection, nor a query without $after", () => {
    const stats = exportRequestBody({
      query: STATS,
      variables: { unitId: "1" },
      operationName: null,
      path: "stats.rows",
      format: "xlsx",
    });
    expect(stats).toEqual({
      query: STATS,
      variables: { unitId: "1" },
      path: "stats.rows",
      format: "xlsx",
      filename: "graphiql-stats-rows",
      title: "GraphiQL: stats.rows",
      paginate: false,
    });
    const noAfter = exportRequestBody({
      query: "{ members(first: 10) { edges { node { id } } } }",
      variables: {},
      path: "members.edges.node",
      format: "csv",
    });
    expect(noAfter.paginate).toBe(false);
  });

  it("keeps an explicit choice, and `after` when not paging", () => {
    const body = exportRequestBody({
      query: MEMBERS,
      variables: { after: "x" },
      operationName: "ProbationaryMembers",
      path: "members.edges.node",
      format: "csv",
      paginate: false,
    });
    expect(body.paginate).toBe(false);
    expect(body.variables).toEqual({ after: "x" });
  });

  it("names the file after the operation or the path", () => {
    expect(exportFilename("MembersBySectorAndAgeBand", "stats.rows")).toBe(
      "graphiql-MembersBySectorAndAgeBand",
    );
    expect(exportFilename(null, "members.edges.node")).toBe("graphiql-members-edges-node");
    expect(exportFilename("", "")).toBe("graphiql-export");
  });
});

describe("downloadExport", () => {
  afterEach(() => vi.restoreAllMocks());

  const body = exportRequestBody({
    query: STATS,
    variables: { unitId: "1" },
    path: "stats.rows",
    format: "csv",
  });

  it("POSTs JSON with the session cookie and saves the file under the server's name", async () => {
    const createObjectURL = vi.fn(() => "blob:export");
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const fetchImpl = vi.fn(
      async () =>
        new Response("\uFEFFkeys,value\n", {
          status: 200,
          headers: {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition":
              "attachment; filename=\"graphiql-stats-rows.csv\"; filename*=UTF-8''k%E1%BA%BFt%20n%E1%BA%A1p.csv",
          },
        }),
    );
    await expect(downloadExport(body, fetchImpl)).resolves.toBe("kết nạp.csv");
    expect(fetchImpl).toHaveBeenCalledWith("/export", {
      method: "POST",
      credentials: "same-origin",
      headers: expect.objectContaining({ "content-type": "application/json" }),
      body: JSON.stringify(body),
    });
    expect(createObjectURL).toHaveBeenCalledOnce();
    expect(click).toHaveBeenCalledOnce();
  });

  it("throws the server's code, message and figures", async () => {
    const fetchImpl = vi.fn(async () =>
      Response.json(
        {
          errors: [
            {
              message: "This query would cost 61000 points; the limit is 50000.",
              extensions: { code: "QUERY_TOO_COMPLEX", cost: 61000, maxCost: 50000 },
            },
          ],
        },
        { status: 400 },
      ),
    );
    const error = await downloadExport(body, fetchImpl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphiQLExportError);
    expect(error).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      status: 400,
      message: "This query would cost 61000 points; the limit is 50000.",
      extensions: { cost: 61000, maxCost: 50000 },
    });
  });

  it("falls back to the status when the body is not JSON, and reports an unreachable server", async () => {
    const proxy = vi.fn(async () => new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(downloadExport(body, proxy)).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      status: 502,
    });
    const offline = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(downloadExport(body, offline)).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
    });
    const anonymous = vi.fn(async () =>
      Response.json(
        { errors: [{ message: "Sign in to continue", extensions: { code: "UNAUTHENTICATED" } }] },
        { status: 401 },
      ),
    );
    await expect(downloadExport(body, anonymous)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});
