import type { OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";
import type { Viewer } from "../../graphql/context.ts";

let api: TestApi;
let P: OrgUnit, A: OrgUnit, B: OrgUnit, GA: OrgUnit, GA2: OrgUnit, Old: OrgUnit;
let leaderP: Viewer, leaderA: Viewer, staffA: Viewer, analyst: Viewer;

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh" });
  A = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện A", parent: P });
  B = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện B", parent: P });
  GA = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ 1", parent: A });
  GA2 = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ 2", parent: A });
  Old = await f.unit({
    kind: "GRASSROOTS_CELL",
    name: "Chi bộ cũ",
    parent: A,
    validTo: "2020-01-01",
  });
  leaderP = viewerOf(await f.user({ unit: P, role: "LEADER", username: "lanh-dao-tinh" }));
  leaderA = viewerOf(await f.user({ unit: A, role: "LEADER" }));
  staffA = viewerOf(await f.user({ unit: A, role: "STAFF", username: "can-bo-huyen" }));
  analyst = viewerOf(await f.user({ unit: P, role: "ANALYST" }));
});
afterAll(() => api.close());

const SET = `mutation($year: Int!, $targets: [TargetInput!]!) { setAdmissionTargets(year: $year, targets: $targets) { unitId target updatedBy } }`;
const GET = `query($u: ID!, $y: Int!) { admissionTargets(unitId: $u, year: $y) { unit { target } rows { name target updatedBy } rowsTotal difference editable } }`;

describe("admission targets", () => {
  it("lets a provincial leader set districts' targets and shows whether they add up", async () => {
    const set = await api.gql(
      SET,
      {
        year: 2026,
        targets: [
          { unitId: String(A.id), target: 40 },
          { unitId: String(B.id), target: 25 },
        ],
      },
      { viewer: leaderP },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setAdmissionTargets).toEqual([
      { unitId: String(A.id), target: 40, updatedBy: "lanh-dao-tinh" },
      { unitId: String(B.id), target: 25, updatedBy: "lanh-dao-tinh" },
    ]);
    await api.db.prisma.admissionTarget.create({ data: { unitId: P.id, year: 2026, target: 70 } });
    const view = await api.gql(GET, { u: String(P.id), y: 2026 }, { viewer: leaderP });
    expect(view.data!.admissionTargets).toMatchObject({
      unit: { target: 70 },
      rowsTotal: 65,
      difference: 5,
      editable: true,
    });
  });

  it("lets district staff set grassroots targets, but not their own district's", async () => {
    const ok = await api.gql(
      SET,
      {
        year: 2026,
        targets: [
          { unitId: String(GA.id), target: 30 },
          { unitId: String(GA2.id), target: 10 },
        ],
      },
      { viewer: staffA },
    );
    expect(ok.errors).toBeUndefined();
    const view = await api.gql(GET, { u: String(A.id), y: 2026 }, { viewer: staffA });
    expect(view.data!.admissionTargets).toMatchObject({
      unit: { target: 40 },
      rowsTotal: 40,
      difference: 0,
    });
    expect(view.data!.admissionTargets.rows.map((r: any) => r.name)).toEqual([
      "Chi bộ 1",
      "Chi bộ 2",
    ]); // the dissolved cell is not on the 2026 tree
    expect(
      codes(
        await api.gql(
          SET,
          { year: 2026, targets: [{ unitId: String(A.id), target: 99 }] },
          { viewer: leaderA },
        ),
      ),
    ).toEqual(["FORBIDDEN"]);
    expect(
      codes(
        await api.gql(
          SET,
          { year: 2026, targets: [{ unitId: String(B.id), target: 99 }] },
          { viewer: staffA },
        ),
      ),
    ).toEqual(["FORBIDDEN"]);
    expect(
      codes(
        await api.gql(
          SET,
          { year: 2026, targets: [{ unitId: String(GA.id), target: 1 }] },
          { viewer: analyst },
        ),
      ),
    ).toEqual(["FORBIDDEN"]);
  });

  it("records every change with before and after in the audit log", async () => {
    await api.gql(
      SET,
      { year: 2026, targets: [{ unitId: String(GA.id), target: 33 }] },
      { viewer: staffA },
    );
    const history = await api.gql(
      `query($id: String) { auditLog(entity: "AdmissionTarget", entityId: $id) { edges { node { username before after } } } }`,
      { id: `${GA.id}:2026` },
      { viewer: leaderP },
    );
    expect(history.data!.auditLog.edges.map((e: any) => e.node)).toEqual([
      {
        username: "can-bo-huyen",
        before: { target: 30, year: 2026 },
        after: { target: 33, year: 2026 },
      },
      { username: "can-bo-huyen", before: null, after: { target: 30, year: 2026 } },
    ]);
  });

  it("rejects bad input as a whole and changes nothing", async () => {
    const before = await api.db.prisma.admissionTarget.findMany({ orderBy: { id: "asc" } });
    const cases: [Record<string, unknown>, string][] = [
      [{ year: 2026, targets: [{ unitId: String(GA.id), target: -1 }] }, "BAD_USER_INPUT"],
      [{ year: 2026, targets: [{ unitId: String(GA.id), target: 100001 }] }, "BAD_USER_INPUT"],
      [{ year: 1999, targets: [{ unitId: String(GA.id), target: 1 }] }, "BAD_USER_INPUT"],
      [{ year: 2026, targets: [] }, "BAD_USER_INPUT"],
      [
        {
          year: 2026,
          targets: [
            { unitId: String(GA.id), target: 1 },
            { unitId: String(GA.id), target: 2 },
          ],
        },
        "BAD_USER_INPUT",
      ],
      [
        {
          year: 2026,
          targets: [
            { unitId: String(GA2.id), target: 5 },
            { unitId: String(Old.id), target: 2 },
          ],
        },
        "BAD_USER_INPUT",
      ],
      [
        {
          year: 2026,
          targets: [
            { unitId: String(GA2.id), target: 5 },
            { unitId: "424242", target: 2 },
          ],
        },
        "FORBIDDEN",
      ],
    ];
    for (const [variables, code] of cases) {
      expect(
        codes(await api.gql(SET, variables, { viewer: staffA })),
        JSON.stringify(variables),
      ).toEqual([code]);
    }
    expect(await api.db.prisma.admissionTarget.findMany({ orderBy: { id: "asc" } })).toEqual(
      before,
    );
  });
});
