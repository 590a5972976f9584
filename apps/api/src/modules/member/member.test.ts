import type { OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

let api: TestApi;
let province: OrgUnit, cellA: OrgUnit, cellB: OrgUnit;

const MEMBERS = `query($orgUnitId: ID, $includeSubtree: Boolean, $search: String, $status: MemberStatus, $first: Int, $after: String, $asOf: Date) {
  members(orgUnitId: $orgUnitId, includeSubtree: $includeSubtree, search: $search, status: $status, first: $first, after: $after, asOf: $asOf) {
    totalCount edges { node { id fullName status birthDate unit { id name } } } pageInfo { hasNextPage endCursor } } }`;

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  province = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh" });
  api.defaultViewer = viewerOf(await f.user({ unit: province, role: "ADMIN" }));
  const gr = await f.unit({
    kind: "GRASSROOTS_COMMITTEE",
    name: "Đảng bộ phường Đô Vinh",
    parent: province,
  });
  cellA = await f.unit({ kind: "CELL", name: "Chi bộ khu phố 1", parent: gr });
  cellB = await f.unit({ kind: "CELL", name: "Chi bộ khu phố 2", parent: gr });
  await f.member({ unit: cellA, fullName: "Nguyễn Văn An", birthDate: "1975-04-30" });
  await f.member({ unit: cellA, fullName: "Nguyễn Văn Ánh" });
  await f.member({
    unit: cellA,
    fullName: "Nguyễn Thị Lan",
    gender: "FEMALE",
    admittedOn: "2026-06-01",
    officialOn: null,
  });
  await f.member({ unit: cellB, fullName: "Pinăng Thị Hòa" });
  await f.member({
    unit: cellB,
    fullName: "Quảng Đại Tuấn",
    status: "REMOVED",
    exitedOn: "2025-03-01",
  });
  const mover = await f.member({
    unit: cellB,
    fullName: "Katơr Văn Sơn",
    admittedOn: "2012-01-01",
  });
  await f.transferMember(mover, cellA, "2026-01-15");
  for (let i = 0; i < 30; i++)
    await f.member({ unit: cellB, fullName: `Trần Văn Số ${String(i).padStart(2, "0")}` });
});
afterAll(() => api.close());

const names = (r: { data?: any }) =>
  r.data!.members.edges.map((e: { node: { fullName: string } }) => e.node.fullName);

describe("members", () => {
  it("finds names without diacritics: 'nguyen van a' finds Nguyễn Văn An and Ánh", async () => {
    const result = await api.gql(MEMBERS, { search: "nguyen van a" });
    expect(result.errors).toBeUndefined();
    expect(names(result)).toEqual(["Nguyễn Văn An", "Nguyễn Văn Ánh"]);
    expect(names(await api.gql(MEMBERS, { search: "  PINANG   thi " }))).toEqual([
      "Pinăng Thị Hòa",
    ]);
  });

  it("lists a cell, or a whole subtree, on a date", async () => {
    const cell = await api.gql(MEMBERS, { orgUnitId: String(cellA.id), includeSubtree: false });
    expect(names(cell)).toEqual([
      "Katơr Văn Sơn",
      "Nguyễn Thị Lan",
      "Nguyễn Văn An",
      "Nguyễn Văn Ánh",
    ]);
    const before = await api.gql(MEMBERS, { orgUnitId: String(cellA.id), asOf: "2025-12-31" });
    expect(names(before)).toEqual(["Nguyễn Văn An", "Nguyễn Văn Ánh"]);
    const subtree = await api.gql(MEMBERS, { orgUnitId: String(province.id), first: 0 });
    expect(subtree.data!.members.totalCount).toBe(35);
  });

  it("filters by status on the date, and lists members who left by their exit status", async () => {
    const probationary = await api.gql(MEMBERS, {
      orgUnitId: String(province.id),
      status: "PROBATIONARY",
    });
    expect(names(probationary)).toEqual(["Nguyễn Thị Lan"]);
    const removed = await api.gql(MEMBERS, { orgUnitId: String(province.id), status: "REMOVED" });
    expect(names(removed)).toEqual(["Quảng Đại Tuấn"]);
    const official = await api.gql(MEMBERS, {
      orgUnitId: String(province.id),
      status: "OFFICIAL",
      first: 0,
    });
    expect(official.data!.members.totalCount).toBe(34);
  });

  it("paginates with stable cursors and reports the total", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: any = await api.gql(MEMBERS, { orgUnitId: String(cellB.id), first: 7, after });
      expect(result.data.members.totalCount).toBe(31);
      seen.push(...names(result));
      after = result.data.members.pageInfo.hasNextPage
        ? result.data.members.pageInfo.endCursor
        : null;
      pages++;
    } while (after);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
    expect([...seen].sort((a, b) => a.localeCompare(b, "vi"))[0]).toBe("Pinăng Thị Hòa");
  });

  it("filters by lists, date ranges and the cell's sector, and sorts with stable cursors", async () => {
    const Q = `query($f: MemberFilter, $o: MemberOrder, $first: Int, $after: String) {
      members(filter: $f, orderBy: $o, first: $first, after: $after) { totalCount edges { node { fullName admittedOn } } pageInfo { endCursor hasNextPage } } }`;
    const women = await api.gql(Q, { f: { gender: ["FEMALE"] } });
    expect(names(women)).toEqual(["Nguyễn Thị Lan"]);
    const recent = await api.gql(Q, { f: { admittedOn: { from: "2012-01-01" } } });
    expect(names(recent)).toEqual(["Katơr Văn Sơn", "Nguyễn Thị Lan"]);
    const bothEnds = await api.gql(Q, {
      f: { admittedOn: { from: "2012-01-01", to: "2020-01-01" } },
    });
    expect(names(bothEnds)).toEqual(["Katơr Văn Sơn"]);
    const bad = await api.gql(Q, { f: { admittedOn: { from: "2020-01-01", to: "2012-01-01" } } });
    expect(bad.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "filter.admittedOn.to",
    });
    const byDate = await api.gql(Q, { o: { field: "ADMITTED_ON", direction: "DESC" }, first: 2 });
    expect(names(byDate)).toEqual(["Nguyễn Thị Lan", "Katơr Văn Sơn"]);
    const next = await api.gql(Q, {
      o: { field: "ADMITTED_ON", direction: "DESC" },
      first: 2,
      after: byDate.data!.members.pageInfo.endCursor,
    });
    expect(next.data!.members.edges).toHaveLength(2);
    expect(names(next)).not.toContain("Nguyễn Thị Lan");
  });

  it("returns one member, NOT_FOUND for unknown ids, BAD_USER_INPUT for bad arguments", async () => {
    const list = await api.gql(MEMBERS, { search: "Nguyễn Văn An" });
    const id = list.data!.members.edges[0].node.id;
    const one = await api.gql(
      `query($id: ID!) { member(id: $id) { id fullName birthDate unit { name } } }`,
      { id },
    );
    expect(one.data!.member).toEqual({
      id,
      fullName: "Nguyễn Văn An",
      birthDate: "1975-04-30",
      unit: { name: "Chi bộ khu phố 1" },
    });
    expect(codes(await api.gql(`{ member(id: "987654") { id } }`))).toEqual(["NOT_FOUND"]);
    expect(codes(await api.gql(MEMBERS, { first: 100000 }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await api.gql(MEMBERS, { status: "ALIVE" }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await api.gql(MEMBERS, { orgUnitId: "-3" }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await api.gql(MEMBERS, { search: "x".repeat(201) }))).toEqual(["BAD_USER_INPUT"]);
  });
});
