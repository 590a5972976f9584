import type { OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

let api: TestApi;
let province: OrgUnit,
  districtA: OrgUnit,
  districtB: OrgUnit,
  grassroots: OrgUnit,
  cellA: OrgUnit,
  cellB: OrgUnit,
  oldBlock: OrgUnit;

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  province = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Đảng bộ tỉnh Thử Nghiệm" });
  api.defaultViewer = viewerOf(await f.user({ unit: province, role: "ADMIN" }));
  districtA = await f.unit({
    kind: "DISTRICT_COMMITTEE",
    name: "Đảng bộ huyện Ninh Hải",
    parent: province,
  });
  districtB = await f.unit({
    kind: "DISTRICT_COMMITTEE",
    name: "Đảng bộ huyện Bác Ái",
    parent: province,
  });
  oldBlock = await f.unit({
    kind: "BLOCK_COMMITTEE",
    name: "Đảng bộ Khối các cơ quan tỉnh",
    parent: province,
  });
  grassroots = await f.unit({
    kind: "GRASSROOTS_COMMITTEE",
    name: "Đảng bộ xã Vĩnh Hải",
    parent: districtA,
    sector: "COMMUNE_WARD",
  });
  cellA = await f.unit({
    kind: "CELL",
    name: "Chi bộ thôn Thái An",
    parent: grassroots,
    sector: "RESIDENTIAL",
  });
  cellB = await f.unit({
    kind: "CELL",
    name: "Chi bộ thôn Vĩnh Hy",
    parent: grassroots,
    sector: "RESIDENTIAL",
  });
  // Reorganisation: the block is dissolved on 2025-02-01 and its grassroots cell moves to district B.
  const agencyCell = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ Sở Tư pháp",
    parent: oldBlock,
  });
  await f.member({ unit: agencyCell, admittedOn: "2010-01-01" });
  await f.moveUnit(agencyCell, districtB, "2025-02-01");
  await f.dissolveUnit(oldBlock, "2025-02-01");

  await f.member({ unit: cellA, fullName: "Nguyễn Văn An", admittedOn: "2005-05-19" });
  await f.member({
    unit: cellA,
    fullName: "Trần Thị Bình",
    admittedOn: "2026-03-01",
    officialOn: null,
  });
  await f.member({ unit: cellB, fullName: "Đàng Văn Cường", admittedOn: "2000-02-03" });
  // Left the party in 2024: counted in 2023, not today.
  await f.member({
    unit: cellB,
    fullName: "Lê Văn Dũng",
    admittedOn: "1990-01-01",
    status: "DECEASED",
    exitedOn: "2024-06-01",
  });
});
afterAll(() => api.close());

const UNIT = `query($id: ID!, $asOf: Date) { orgUnit(id: $id, asOf: $asOf) {
  id name kind sector asOf childCount
  parent { id name }
  ancestors { id name }
  children { id name kind childCount memberCounts { official probationary total } }
  memberCounts { official probationary total } } }`;

describe("orgUnit", () => {
  it("returns a unit with its place in the tree and subtree member counts", async () => {
    const { data, errors } = await api.gql(UNIT, { id: String(grassroots.id), asOf: "2026-11-01" });
    expect(errors).toBeUndefined();
    expect(data!.orgUnit).toMatchObject({
      id: String(grassroots.id),
      kind: "GRASSROOTS_COMMITTEE",
      sector: "COMMUNE_WARD",
      asOf: "2026-11-01",
      childCount: 2,
      parent: { id: String(districtA.id) },
      ancestors: [{ id: String(province.id) }, { id: String(districtA.id) }],
      memberCounts: { official: 2, probationary: 1, total: 3 },
    });
    expect(data!.orgUnit.children.map((c: { name: string }) => c.name)).toEqual([
      "Chi bộ thôn Thái An",
      "Chi bộ thôn Vĩnh Hy",
    ]);
    expect(data!.orgUnit.children[0].memberCounts).toEqual({
      official: 1,
      probationary: 1,
      total: 2,
    });
  });

  it("counts members as of a past date (members who left since are still counted then)", async () => {
    const { data } = await api.gql(UNIT, { id: String(cellB.id), asOf: "2023-12-31" });
    expect(data!.orgUnit.memberCounts).toEqual({ official: 2, probationary: 0, total: 2 });
    const today = await api.gql(UNIT, { id: String(cellB.id), asOf: "2026-11-01" });
    expect(today.data!.orgUnit.memberCounts.total).toBe(1);
  });

  it("shows the tree as it was: a reorganised unit under its old parent in 2024, its new one now", async () => {
    const before = await api.gql(UNIT, { id: String(province.id), asOf: "2024-12-31" });
    const after = await api.gql(UNIT, { id: String(province.id), asOf: "2026-01-01" });
    const names = (r: typeof before) =>
      r.data!.orgUnit.children.map((c: { name: string }) => c.name);
    expect(names(before)).toContain("Đảng bộ Khối các cơ quan tỉnh");
    expect(names(after)).not.toContain("Đảng bộ Khối các cơ quan tỉnh");
    const blockThen = before.data!.orgUnit.children.find(
      (c: { name: string }) => c.name === "Đảng bộ Khối các cơ quan tỉnh",
    );
    expect(blockThen.memberCounts.total).toBe(1);
    const districtBNow = after.data!.orgUnit.children.find(
      (c: { id: string }) => c.id === String(districtB.id),
    );
    expect(districtBNow.memberCounts.total).toBe(1);
    // Province totals are the same both days: the member moved with the cell.
    expect(before.data!.orgUnit.memberCounts.total).toBe(
      before.data!.orgUnit.children.reduce((s: number, c: any) => s + c.memberCounts.total, 0),
    );
  });

  it("gives NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one", async () => {
    expect(codes(await api.gql(UNIT, { id: "999999" }))).toEqual(["NOT_FOUND"]);
    const bad = await api.gql(UNIT, { id: "abc" });
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    expect(bad.errors![0]!.extensions!.field).toBe("id");
    expect(codes(await api.gql(UNIT, { id: String(province.id), asOf: "2024-02-30" }))).toEqual([
      "BAD_USER_INPUT",
    ]);
  });
});

describe("orgUnits", () => {
  const LIST = `query($parentId: ID, $kind: OrgUnitKind, $search: String, $first: Int, $after: String, $asOf: Date) {
    orgUnits(parentId: $parentId, kind: $kind, search: $search, first: $first, after: $after, asOf: $asOf) {
      totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;

  it("pages through direct subordinates with cursors", async () => {
    const first = await api.gql(LIST, {
      parentId: String(province.id),
      first: 2,
      asOf: "2026-01-01",
    });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.orgUnits;
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(false);
    const all = await api.gql(LIST, { first: 3 });
    expect(all.data!.orgUnits.totalCount).toBe(7); // the dissolved block no longer exists today
    expect(all.data!.orgUnits.pageInfo.hasNextPage).toBe(true);
    const next = await api.gql(LIST, { first: 3, after: all.data!.orgUnits.pageInfo.endCursor });
    const seen = [...all.data!.orgUnits.edges, ...next.data!.orgUnits.edges].map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(new Set(seen).size).toBe(6);
  });

  it("searches names ignoring diacritics and case", async () => {
    const { data } = await api.gql(LIST, { search: "vinh hai" });
    expect(data!.orgUnits.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      "Đảng bộ xã Vĩnh Hải",
    ]);
    const cells = await api.gql(LIST, { search: "THÔN", kind: "CELL" });
    expect(cells.data!.orgUnits.totalCount).toBe(2);
  });

  it("rejects bad paging arguments with BAD_USER_INPUT and the field", async () => {
    for (const variables of [
      { first: -1 },
      { first: 501 },
      { after: "not-a-cursor" },
      { after: "Zm9vOjE" },
    ]) {
      const result = await api.gql(LIST, variables);
      expect(codes(result), JSON.stringify(variables)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field).toMatch(/first|after/);
    }
    expect(codes(await api.gql(LIST, { parentId: "424242" }))).toEqual(["NOT_FOUND"]);
  });

  it("lists the roots of the tree", async () => {
    const { data } = await api.gql(`{ rootUnits { id name } }`);
    expect(data!.rootUnits).toEqual([{ id: String(province.id), name: "Đảng bộ tỉnh Thử Nghiệm" }]);
  });
});
