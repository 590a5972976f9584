import { parse } from "graphql";
import { afterEach, describe, expect, it, vi } from "vitest";
import { filenameFromDisposition } from "./download.ts";
import { downloadExport, ExportError, exportRequestBody } from "./exportFile.ts";
import { formatMonth, formatPercent } from "./format.ts";

describe("export request", () => {
  it("prints the document and carries variables, path, format and columns", () => {
    const body = exportRequestBody(
      {
        document: parse("query Trend($unitId: ID!) { admissionTrend(unitId: $unitId) { year } }"),
        variables: { unitId: "1" },
        path: "admissionTrend",
        columns: [{ key: "year", header: "Năm" }],
        filename: "ket-nap",
        title: "Kết nạp",
      },
      "xlsx",
    );
    expect(body).toEqual({
      query: "query Trend($unitId: ID!) {\n  admissionTrend(unitId: $unitId) {\n    year\n  }\n}",
      variables: { unitId: "1" },
      path: "admissionTrend",
      format: "xlsx",
      columns: [{ key: "year", header: "Năm" }],
      filename: "ket-nap",
      title: "Kết nạp",
    });
  });

  it("reads the file name the server chose, preferring the UTF-8 one", () => {
    expect(
      filenameFromDisposition(
        "attachment; filename=\"ket-n_p.csv\"; filename*=UTF-8''k%E1%BA%BFt-n%E1%BA%A1p.csv",
      ),
    ).toBe("kết-nạp.csv");
    expect(filenameFromDisposition('attachment; filename="plain.xlsx"')).toBe("plain.xlsx");
    expect(filenameFromDisposition(null)).toBeUndefined();
  });
});

describe("export errors", () => {
  afterEach(() => vi.unstubAllGlobals());
  const body = exportRequestBody(
    { document: parse("{ a }"), variables: {}, path: "a", columns: [], filename: "f", title: "t" },
    "csv",
  );

  async function failure(response: Response | Error): Promise<ExportError> {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        if (response instanceof Error) throw response;
        return response;
      }),
    );
    return downloadExport(body).then(
      () => {
        throw new Error("expected a failure");
      },
      (error: unknown) => error as ExportError,
    );
  }

  it("takes the code from the server's errors, else from the status", async () => {
    const json = (status: number, code: string) =>
      new Response(JSON.stringify({ errors: [{ message: "m", extensions: { code } }] }), {
        status,
      });
    expect((await failure(json(401, "UNAUTHENTICATED"))).code).toBe("UNAUTHENTICATED");
    expect((await failure(json(400, "BAD_USER_INPUT"))).code).toBe("BAD_USER_INPUT");
    // A code the UI does not know (e.g. a stale query): by status.
    expect((await failure(json(400, "GRAPHQL_VALIDATION_FAILED"))).code).toBe("UNKNOWN");
    expect((await failure(new Response("<html>", { status: 502 }))).code).toBe(
      "SERVICE_UNAVAILABLE",
    );
    expect((await failure(new TypeError("Failed to fetch"))).code).toBe("SERVICE_UNAVAILABLE");
  });
});

describe("chart formatting", () => {
  it("writes percents with one decimal in each language, and a dash without a target", () => {
    expect(formatPercent(106, "vi")).toBe("106%");
    expect(formatPercent(173.3, "vi")).toBe("173,3%");
    expect(formatPercent(173.3, "en")).toBe("173.3%");
    expect(formatPercent(null, "en")).toBe("—");
  });

  it("names months", () => {
    expect(formatMonth(3, "en", "long")).toBe("March");
    expect(formatMonth(12, "vi", "long")).toBe("Tháng 12");
  });
});
