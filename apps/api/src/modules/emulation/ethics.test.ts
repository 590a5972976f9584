import { Prisma, type OrgUnit } from "@dangbo/db";
import { foldVietnamese } from "@dangbo/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../graphql/context.ts";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";
import { foldSql } from "./emulation.sql.ts";

let api: TestApi;
let P: OrgUnit, D1: OrgUnit, D2: OrgUnit, G1: OrgUnit, C1: OrgUnit, G2: OrgUnit, G4: OrgUnit;
let G8: OrgUnit, G9: OrgUnit;
let staffP: Viewer, staffD1: Viewer, staffD2: Viewer, leaderP: Viewer, secretaryC1: Viewer;
const std: Record<string, string> = {};

const gql = (query: string, variables: Record<string, unknown>, viewer: Viewer) =>
  api.gql(query, variables, { viewer });

const RECORD = `mutation($input: RecordEthicalStandardInput!) { recordEthicalStandard(input: $input) {
  id content slogans unit { id } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEthicalStandardInput!) { updateEthicalStandard(id: $id, input: $input) {
  id content slogans } }`;
const COUNTS = `query($u: ID!, $asOf: Date) { ethicalStandardCounts(unitId: $u, asOf: $asOf) { asOf
  total { unitId standards slogans unitsWithStandards grassroots grassrootsWithStandards }
  direct { standards slogans unitsWithStandards grassroots }
  rows { name standards slogans unitsWithStandards grassroots grassrootsWithStandards } } }`;
const LIST = `query($u: ID, $sub: Boolean) { ethicalStandards(unitId: $u, includeSubtree: $sub) {
  totalCount edges { node { id content slogans } } } }`;

async function record(key: string, unit: OrgUnit, slogans: string[]) {
  const result = await gql(
    RECORD,
    { input: { unitId: String(unit.id), content: `Chuẩn mực ${key}`, slogans } },
    staffP,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  std[key] = result.data!.recordEthicalStandard.id;
}

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh ủy" });
  D1 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Ninh Hải", parent: P });
  D2 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Thuận Bắc", parent: P });
  G1 = await f.unit({
    kind: "GRASSROOTS_COMMITTEE",
    name: "Đảng bộ xã Hộ Hải",
    parent: D1,
    sector: "COMMUNE_WARD",
  });
  C1 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 1", parent: G1, sector: "RESIDENTIAL" });
  G2 = await f.unit({
    kind: "GRASSROOTS_COMMITTEE",
    name: "Đảng bộ xã Tân Hải",
    parent: D1,
    sector: "COMMUNE_WARD",
  });
  G4 = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ Trường THCS Bắc Sơn",
    parent: D2,
    sector: "SCHOOL",
  });
  G8 = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ Công ty",
    parent: D2,
    sector: "NON_STATE_ENTERPRISE",
  });
  G9 = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ đã giải thể",
    parent: D2,
    validTo: "2025-01-01",
  });
  staffP = viewerOf(await f.user({ unit: P, role: "STAFF" }));
  leaderP = viewerOf(await f.user({ unit: P, role: "LEADER" }));
  staffD1 = viewerOf(await f.user({ unit: D1, role: "STAFF" }));
  staffD2 = viewerOf(await f.user({ unit: D2, role: "STAFF" }));
  secretaryC1 = viewerOf(await f.user({ unit: C1, role: "SECRETARY" }));

  await record("S1", G1, ["Nói đi đôi với làm", "Gần dân, trọng dân"]);
  await record("S2", G1, ["Nêu gương"]);
  await record("S3", C1, []);
  await record("S4", G2, ["Tận tụy", "Liêm chính", "Sáng tạo"]);
  await record("S5", G4, ["Vì học sinh thân yêu"]);
  await record("S6", P, ["Đoàn kết"]);
  // A standard of a cell dissolved on 1 January 2025, recorded in 2024.
  await api.db.prisma.ethicalStandard.create({
    data: {
      unitId: G9.id,
      content: "Chuẩn mực cũ",
      createdAt: new Date("2024-03-01T03:00:00Z"),
      slogans: { create: [{ text: "Kỷ cương" }, { text: "Trách nhiệm" }] },
    },
  });
});
afterAll(() => api.close());

describe("ethical standards", () => {
  it("records a standard with its slogans, audited; slogans replace on update", async () => {
    const result = await gql(
      RECORD,
      {
        input: {
          unitId: String(G8.id),
          content: "  Gương mẫu, tận tụy với công việc  ",
          slogans: [" Ba không ", "Làm việc hết mình"],
        },
      },
      staffD2,
    );
    expect(result.errors).toBeUndefined();
    const id = result.data!.recordEthicalStandard.id;
    expect(result.data!.recordEthicalStandard).toEqual({
      id,
      content: "Gương mẫu, tận tụy với công việc",
      slogans: ["Ba không", "Làm việc hết mình"],
      unit: { id: String(G8.id) },
    });
    const updated = await gql(UPDATE, { id, input: { slogans: ["Một lòng vì dân"] } }, staffD2);
    expect(updated.data!.updateEthicalStandard).toEqual({
      id,
      content: "Gương mẫu, tận tụy với công việc",
      slogans: ["Một lòng vì dân"],
    });
    const audit = await api.db.prisma.auditLog.findMany({
      where: { entity: "EthicalStandard", entityId: id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.operation)).toEqual([
      "recordEthicalStandard",
      "updateEthicalStandard",
    ]);
    expect(audit[1]!.before).toMatchObject({ slogans: ["Ba không", "Làm việc hết mình"] });
    expect(audit[1]!.after).toMatchObject({ slogans: ["Một lòng vì dân"] });
    await api.db.prisma.ethicalStandard.delete({ where: { id: Number(id) } });
  });

  it("refuses blank text, repeated slogans and dissolved units, and writes nothing", async () => {
    const before = await api.db.prisma.ethicalStandard.count();
    const audits = await api.db.prisma.auditLog.count();
    const base = { unitId: String(G1.id), content: "Chuẩn mực", slogans: ["Một"] };
    const cases: [Record<string, unknown>, string][] = [
      [{ content: "   " }, "content"],
      [{ content: "x".repeat(2001) }, "content"],
      [{ slogans: ["Nói đi đôi với làm", "noi di doi voi lam"] }, "slogans.1"],
      [{ slogans: ["Một", " "] }, "slogans.1"],
      [{ slogans: Array.from({ length: 21 }, (_, i) => `Khẩu hiệu ${i}`) }, "slogans"],
      [{ unitId: String(G9.id) }, "unitId"],
    ];
    for (const [override, field] of cases) {
      const result = await gql(RECORD, { input: { ...base, ...override } }, staffP);
      expect(codes(result), JSON.stringify(override).slice(0, 80)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field, JSON.stringify(override).slice(0, 80)).toBe(
        field,
      );
    }
    expect(
      codes(await gql(UPDATE, { id: std.S1, input: { slogans: ["A", "a"] } }, staffP)),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(await api.db.prisma.ethicalStandard.count()).toBe(before);
    expect(await api.db.prisma.auditLog.count()).toBe(audits);
  });

  it("keeps writers to their subtree", async () => {
    const input = { unitId: String(G1.id), content: "Chuẩn mực", slogans: [] };
    expect(codes(await gql(RECORD, { input }, staffD2))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(RECORD, { input }, leaderP))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(UPDATE, { id: std.S1, input: { content: "Khác" } }, staffD2))).toEqual([
      "FORBIDDEN",
    ]);
    expect(codes(await gql(UPDATE, { id: "987654", input: { content: "Khác" } }, staffP))).toEqual([
      "FORBIDDEN",
    ]);
  });

  it("lists standards by unit and subtree, scoped (a secretary sees their cell's)", async () => {
    const list = await gql(LIST, { u: String(G1.id) }, staffP);
    expect(list.data!.ethicalStandards.totalCount).toBe(3);
    expect(list.data!.ethicalStandards.edges[0].node).toEqual({
      id: std.S3,
      content: "Chuẩn mực S3",
      slogans: [],
    });
    expect(
      (await gql(LIST, { u: String(G1.id), sub: false }, staffP)).data!.ethicalStandards.totalCount,
    ).toBe(2);
    expect((await gql(LIST, {}, staffP)).data!.ethicalStandards.totalCount).toBe(7);
    expect((await gql(LIST, {}, staffD1)).data!.ethicalStandards.totalCount).toBe(4);
    const own = await gql(LIST, {}, secretaryC1);
    expect(own.data!.ethicalStandards.edges.map((e: any) => e.node.id)).toEqual([std.S3]);
    expect(codes(await gql(LIST, { u: String(D2.id) }, staffD1))).toEqual(["NOT_FOUND"]);
  });

  it("counts standards and slogans per direct subordinate ('3,260 ethical standards')", async () => {
    const { data, errors } = await gql(COUNTS, { u: String(P.id) }, leaderP);
    expect(errors).toBeUndefined();
    const c = data!.ethicalStandardCounts;
    expect(c.total).toEqual({
      unitId: String(P.id),
      standards: 6,
      slogans: 8,
      unitsWithStandards: 5, // G1, C1, G2, G4 and the province itself
      grassroots: 4, // G1, G2, G4, G8 (G9 is dissolved)
      grassrootsWithStandards: 3,
    });
    expect(c.direct).toEqual({ standards: 1, slogans: 1, unitsWithStandards: 1, grassroots: 0 });
    expect(
      c.rows.map((r: any) => [
        r.name,
        r.standards,
        r.slogans,
        r.unitsWithStandards,
        r.grassroots,
        r.grassrootsWithStandards,
      ]),
    ).toEqual([
      ["Huyện ủy Ninh Hải", 4, 6, 3, 2, 2],
      ["Huyện ủy Thuận Bắc", 1, 1, 1, 2, 1],
    ]);
    const sum = (k: string) => c.rows.reduce((a: number, r: any) => a + r[k], 0) + c.direct[k];
    expect(sum("standards")).toBe(c.total.standards);
    expect(sum("slogans")).toBe(c.total.slogans);
  });

  it("counts on a past date: the tree and the standards of that day", async () => {
    const past = (await gql(COUNTS, { u: String(D2.id), asOf: "2024-06-01" }, staffD2)).data!
      .ethicalStandardCounts;
    expect(past.total).toMatchObject({
      standards: 1,
      slogans: 2,
      grassroots: 3,
      grassrootsWithStandards: 1,
    });
    expect(past.rows.map((r: any) => [r.name, r.standards])).toEqual([
      ["Chi bộ Công ty", 0],
      ["Chi bộ đã giải thể", 1],
      ["Chi bộ Trường THCS Bắc Sơn", 0], // recorded later
    ]);
    expect(codes(await gql(COUNTS, { u: String(D1.id) }, staffD2))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(COUNTS, { u: String(C1.id) }, secretaryC1))).toEqual(["FORBIDDEN"]);
  });
});

describe("good models", () => {
  const MODELS = `query($u: ID, $sub: Boolean, $sector: Sector, $search: String, $active: Boolean, $asOf: Date) {
    goodModels(unitId: $u, includeSubtree: $sub, sector: $sector, search: $search, active: $active, asOf: $asOf) {
      totalCount edges { node { id title sector active(asOf: "2026-01-01") unit { id } } } } }`;
  const RECORD_MODEL = `mutation($input: RecordGoodModelInput!) { recordGoodModel(input: $input) { id title startsOn endsOn results sector } }`;
  const model: Record<string, string> = {};
  const titles = (r: { data?: any }) => r.data!.goodModels.edges.map((e: any) => e.node.title);

  beforeAll(async () => {
    const rows: [string, OrgUnit, string, string, string | null][] = [
      ["M1", G1, 'Mô hình "Dân vận khéo" tại xã Hộ Hải', "2024-01-01", null],
      ["M2", G4, 'Mô hình "Chi bộ 4 tốt"', "2020-01-01", "2022-12-31"],
      ["M3", G2, "DÂN VẬN KHÉO TRONG XÂY DỰNG NÔNG THÔN MỚI", "2025-06-01", null],
      ["M4", G8, "Dân vận khéo ở doanh nghiệp".normalize("NFD"), "2023-05-01", "2027-01-01"],
    ];
    for (const [key, unit, title, startsOn, endsOn] of rows) {
      const result = await gql(
        RECORD_MODEL,
        {
          input: {
            unitId: String(unit.id),
            title,
            startsOn,
            endsOn,
            results: "Nhân rộng ra 5 đơn vị",
          },
        },
        staffP,
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      model[key] = result.data!.recordGoodModel.id;
    }
  });

  it("searches titles without diacritics or case, in precomposed and decomposed text", async () => {
    for (const search of ["dan van kheo", "Dân Vận", "  KHÉO ", "dân vận khéo".normalize("NFD")])
      expect(titles(await gql(MODELS, { search }, staffP)).length, search).toBe(3);
    expect(titles(await gql(MODELS, { search: "4 tot" }, staffP))).toEqual([
      'Mô hình "Chi bộ 4 tốt"',
    ]);
    expect(titles(await gql(MODELS, { search: "tai xa ho hai" }, staffP))).toEqual([
      'Mô hình "Dân vận khéo" tại xã Hộ Hải',
    ]);
    expect(titles(await gql(MODELS, { search: "100%" }, staffP))).toEqual([]);
  });

  it("filters by unit subtree, sector and whether they run on a date, newest first", async () => {
    expect(titles(await gql(MODELS, { u: String(D1.id) }, staffP))).toEqual([
      "DÂN VẬN KHÉO TRONG XÂY DỰNG NÔNG THÔN MỚI",
      'Mô hình "Dân vận khéo" tại xã Hộ Hải',
    ]);
    const communes = await gql(MODELS, { sector: "COMMUNE_WARD" }, staffP);
    expect(communes.data!.goodModels.totalCount).toBe(2);
    expect(communes.data!.goodModels.edges[0].node.sector).toBe("COMMUNE_WARD");
    const running = await gql(MODELS, { active: true, asOf: "2024-06-01" }, staffP);
    expect(running.data!.goodModels.edges.map((e: any) => e.node.id).sort()).toEqual(
      [model.M1, model.M4].sort(),
    );
    const ended = await gql(MODELS, { active: false, asOf: "2024-06-01" }, staffP);
    expect(ended.data!.goodModels.edges.map((e: any) => e.node.id).sort()).toEqual(
      [model.M2, model.M3].sort(),
    );
    const school = await gql(
      MODELS,
      { search: "chi bo", sector: "SCHOOL", u: String(D2.id) },
      staffP,
    );
    expect(school.data!.goodModels.edges[0].node).toMatchObject({ id: model.M2, active: false });
  });

  it("is scoped for readers and writers", async () => {
    expect(titles(await gql(MODELS, { search: "dan van" }, staffD2))).toHaveLength(1); // M4 only
    expect(codes(await gql(MODELS, { u: String(D1.id) }, staffD2))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(MODELS, {}, secretaryC1))).toEqual(["FORBIDDEN"]);
    const input = { unitId: String(G1.id), title: "Mô hình", startsOn: "2025-01-01" };
    expect(codes(await gql(RECORD_MODEL, { input }, staffD2))).toEqual(["FORBIDDEN"]);
    const update = `mutation($id: ID!, $input: UpdateGoodModelInput!) { updateGoodModel(id: $id, input: $input) { id endsOn results } }`;
    expect(codes(await gql(update, { id: model.M1, input: { results: "x" } }, staffD2))).toEqual([
      "FORBIDDEN",
    ]);
  });

  it("validates periods and text; updates and closes a model, audited", async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ endsOn: "2024-12-31" }, "endsOn"],
      [{ title: " " }, "title"],
      [{ title: "x".repeat(501) }, "title"],
    ];
    for (const [override, field] of bad) {
      const result = await gql(
        RECORD_MODEL,
        { input: { unitId: String(G1.id), title: "Mô hình", startsOn: "2025-01-01", ...override } },
        staffP,
      );
      expect(codes(result), JSON.stringify(override)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field).toBe(field);
    }
    const update = `mutation($id: ID!, $input: UpdateGoodModelInput!) { updateGoodModel(id: $id, input: $input) { id endsOn results } }`;
    expect(
      codes(await gql(update, { id: model.M1, input: { endsOn: "2023-12-31" } }, staffD1)),
    ).toEqual(["BAD_USER_INPUT"]);
    const closed = await gql(
      update,
      { id: model.M1, input: { endsOn: "2025-12-31", results: "Nhân rộng toàn huyện" } },
      staffD1,
    );
    expect(closed.data!.updateGoodModel).toEqual({
      id: model.M1,
      endsOn: "2025-12-31",
      results: "Nhân rộng toàn huyện",
    });
    const reopened = await gql(update, { id: model.M1, input: { endsOn: null } }, staffD1);
    expect(reopened.data!.updateGoodModel.endsOn).toBeNull();
    const audit = await api.db.prisma.auditLog.findMany({
      where: { entity: "GoodModel", entityId: model.M1 },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.operation)).toEqual([
      "recordGoodModel",
      "updateGoodModel",
      "updateGoodModel",
    ]);
    expect(audit[1]!.before).toMatchObject({ endsOn: null });
  });
});

describe("foldSql", () => {
  it("folds in SQL exactly as foldVietnamese does in TypeScript", async () => {
    const lower = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";
    const samples = [
      lower,
      lower.toUpperCase(),
      "Nguyễn Văn Ánh",
      "ĐẢNG BỘ TỈNH",
      "  Pinăng   Thị  Hòa ",
      "Katơr Văn Sơn",
      'Mô hình "Dân vận khéo" 100%',
      "Hòa Thuận".normalize("NFD"),
      "Quảng Đại Tuấn".normalize("NFD"),
    ];
    for (const text of samples) {
      const [row] = await api.db.prisma.$queryRaw<{ folded: string }[]>`
        SELECT ${foldSql(Prisma.sql`${text}::text`)} AS folded`;
      expect(row!.folded, text).toBe(foldVietnamese(text));
    }
  });
});
