import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../testing/harness.ts";

let api: TestApi;
let base: string;
const cookies: Record<string, string> = {};
let provinceId = "";

beforeAll(async () => {
  api = await createTestApi();
  const { f, db } = api;
  const province = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Đảng bộ tỉnh Thử" });
  provinceId = String(province.id);
  const district = await f.unit({
    kind: "DISTRICT_COMMITTEE",
    name: "Đảng bộ huyện Ninh Hải",
    parent: province,
  });
  const cell = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ Trường THPT",
    parent: district,
  });
  for (let i = 0; i < 7; i++)
    await f.member({
      unit: cell,
      fullName: `Nguyễn Thị Số ${i}`,
      admittedOn: `2024-0${i + 1}-10`,
      birthDate: "1990-01-01",
      phone: "0912000111",
    });
  await db.prisma.admissionTarget.createMany({
    data: [
      { unitId: province.id, year: 2024, target: 10 },
      { unitId: district.id, year: 2024, target: 8 },
    ],
  });
  await f.user({ unit: province, role: "LEADER", username: "lanh-dao" });
  await f.user({ unit: province, role: "ANALYST", username: "phan-tich" });
  const port = await api.server.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${port}`;
  for (const username of ["lanh-dao", "phan-tich"]) {
    const r = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation { signIn(username: "${username}", password: "secret-password") { username } }`,
      }),
    });
    cookies[username] = r.headers.get("set-cookie")!.split(";")[0]!;
  }
});
afterAll(() => api.close());

const exportFile = (body: unknown, user: string | null = "lanh-dao") =>
  fetch(`${base}/export`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(user ? { cookie: cookies[user]! } : {}) },
    body: JSON.stringify(body),
  });

const PROGRESS = `query($u: ID!) { admissionProgress(unitId: $u, year: 2024, asOf: "2026-01-01") { rows { name target admitted percent } } }`;

describe("POST /export", () => {
  it("streams a CSV of a dashboard table, stamped with query, scope and as-of", async () => {
    const response = await exportFile({
      query: PROGRESS,
      variables: { u: provinceId },
      path: "admissionProgress.rows",
      format: "csv",
      filename: "tiến độ kết nạp",
      title: "Kết nạp đảng viên 2024",
      columns: [
        { key: "name", header: "Đơn vị" },
        { key: "target", header: "Chỉ tiêu" },
        { key: "admitted", header: "Đã kết nạp" },
        { key: "percent", header: "%" },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(
      "filename*=UTF-8''ti%E1%BA%BFn%20%C4%91%E1%BB%99%20k%E1%BA%BFt%20n%E1%BA%A1p.csv",
    );
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const records: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true });
    expect(records[0]).toEqual(["Dangbo", "Kết nạp đảng viên 2024"]);
    const stamp = Object.fromEntries(records.slice(0, 7).map((r) => [r[0], r[1]]));
    expect(stamp["Phạm vi / Scope"]).toContain("Đảng bộ tỉnh Thử");
    expect(stamp["Người xuất / Exported by"]).toContain("lanh-dao");
    expect(stamp["Truy vấn / Query"]).toContain("admissionProgress");
    const header = records.findIndex((r) => r[0] === "Đơn vị");
    expect(records.slice(header)).toEqual([
      ["Đơn vị", "Chỉ tiêu", "Đã kết nạp", "%"],
      ["Đảng bộ huyện Ninh Hải", "8", "7", "87.5"],
    ]);
  });

  it("writes XLSX with a data sheet and an information sheet", async () => {
    const response = await exportFile({
      query: PROGRESS,
      variables: { u: provinceId },
      path: "admissionProgress.rows",
      format: "xlsx",
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const data = workbook.getWorksheet("Dữ liệu")!;
    expect(data.getRow(1).values).toEqual([undefined, "name", "target", "admitted", "percent"]);
    expect(data.getRow(2).values).toEqual([undefined, "Đảng bộ huyện Ninh Hải", 8, 7, 87.5]);
    const about = workbook.getWorksheet("Thông tin")!;
    expect(about.getRow(6).values).toEqual([
      undefined,
      "Tính đến ngày / As of",
      expect.any(String),
    ]);
  });

  it("follows cursors through every page, and masks personal data for analysts", async () => {
    const body = {
      query: `query($after: String) { members(first: 3, after: $after) { edges { node { fullName birthDate phone unit { name } } } pageInfo { hasNextPage endCursor } } }`,
      path: "members.edges.node",
      format: "csv",
      paginate: true,
    };
    const leader = parse((await (await exportFile(body)).text()).replace(/^\uFEFF/, ""), {
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    const h = leader.findIndex((r) => r[0] === "fullName");
    expect(leader[h]).toEqual(["fullName", "birthDate", "phone", "unit.name"]);
    expect(leader.slice(h + 1)).toHaveLength(7);
    expect(leader[h + 1]).toEqual([
      "Nguyễn Thị Số 0",
      "1990-01-01",
      "0912000111",
      "Chi bộ Trường THPT",
    ]);
    const analyst = parse(
      (await (await exportFile(body, "phan-tich")).text()).replace(/^\uFEFF/, ""),
      { relax_column_count: true, skip_empty_lines: true },
    ) as string[][];
    const a = analyst.findIndex((r) => r[0] === "fullName");
    expect(analyst.slice(a + 1)).toHaveLength(7);
    expect(analyst[a + 1]).toEqual(["Nguyễn Thị Số 0", "", "", "Chi bộ Trường THPT"]);
  });

  it("refuses anonymous callers, bad requests and failing queries with a code", async () => {
    const anonymous = await exportFile(
      {
        query: PROGRESS,
        variables: { u: provinceId },
        path: "admissionProgress.rows",
        format: "csv",
      },
      null,
    );
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    for (const [body, field] of [
      [{ query: PROGRESS, path: "admissionProgress.rows", format: "pdf" }, "format"],
      [{ query: PROGRESS, path: "a..b", format: "csv" }, "path"],
      [{ query: "", path: "x", format: "csv" }, "query"],
    ] as const) {
      const r = await exportFile(body);
      expect(r.status).toBe(400);
      expect(((await r.json()) as any).errors[0].extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
      });
    }
    const notAList = await exportFile({
      query: PROGRESS,
      variables: { u: provinceId },
      path: "admissionProgress",
      format: "csv",
    });
    expect(((await notAList.json()) as any).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const notFound = await exportFile({
      query: PROGRESS,
      variables: { u: "99999" },
      path: "admissionProgress.rows",
      format: "csv",
    });
    expect(notFound.status).toBe(400);
    expect(((await notFound.json()) as any).errors[0].extensions.code).toBe("NOT_FOUND");
  });
});
