import type { OrgUnit } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "../../graphql/context.ts";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";

let api: TestApi;
let P: OrgUnit, D1: OrgUnit, D2: OrgUnit, D3: OrgUnit;
let G1: OrgUnit, C1: OrgUnit, C2: OrgUnit, G2: OrgUnit, G3: OrgUnit, G4: OrgUnit, G5: OrgUnit;
let G6: OrgUnit;
let staffP: Viewer, staffD1: Viewer, staffD2: Viewer, leaderP: Viewer, analystP: Viewer;
let secretaryC1: Viewer;
let K1: string, K2: string, K3: string;
const reg: Record<string, string> = {};

const gql = (query: string, variables: Record<string, unknown>, viewer: Viewer) =>
  api.gql(query, variables, { viewer });

const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) {
  id title startsOn endsOn organiserName eligibleUnits { unitId name } } }`;
const REGISTER = `mutation($input: RegisterForCampaignInput!) { registerForCampaign(input: $input) {
  id title progress registeredOn completed unit { id } responsibleUnitName campaign { id } } }`;
const UPDATE_REG = `mutation($id: ID!, $input: UpdateRegistrationInput!) { updateRegistration(id: $id, input: $input) {
  id progress result completedOn completed } }`;
const SUMMARY = `query($u: ID!, $year: Int, $campaignId: ID, $asOf: Date, $limit: Int) {
  campaignSummary(unitId: $u, year: $year, campaignId: $campaignId, asOf: $asOf, notRegisteredLimit: $limit) {
    year campaignId treeDate notRegisteredCount
    total { id name registrations units completed completionRate averageProgress eligibleGrassroots registeredGrassroots notRegisteredGrassroots }
    direct { registrations eligibleGrassroots }
    bySubordinate { id name registrations units completed completionRate averageProgress eligibleGrassroots registeredGrassroots notRegisteredGrassroots current }
    byCampaign { id name registrations units completed completionRate averageProgress eligibleGrassroots registeredGrassroots }
    notRegistered { unitId name kind groupName campaignId campaignTitle } } }`;

async function createCampaign(input: Record<string, unknown>, viewer = staffP) {
  const result = await gql(CREATE, { input }, viewer);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.createCampaign.id as string;
}

async function register(
  key: string,
  campaignId: string,
  unit: OrgUnit,
  registeredOn: string,
  state: Record<string, unknown> | null = null,
) {
  const result = await gql(
    REGISTER,
    { input: { campaignId, unitId: String(unit.id), title: key, registeredOn } },
    staffP,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  reg[key] = result.data!.registerForCampaign.id;
  if (state) {
    const update = await gql(UPDATE_REG, { id: reg[key], input: state }, staffP);
    expect(update.errors, JSON.stringify(update.errors)).toBeUndefined();
  }
}

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  P = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh ủy Ninh Thuận" });
  D1 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Ninh Hải", parent: P });
  D2 = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện ủy Thuận Bắc", parent: P });
  D3 = await f.unit({ kind: "DIRECT_COMMITTEE", name: "Đảng ủy Công an tỉnh", parent: P });
  G1 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng bộ xã Hộ Hải", parent: D1 });
  C1 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 1", parent: G1 });
  C2 = await f.unit({ kind: "CELL", name: "Chi bộ thôn 2", parent: G1 });
  G2 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng bộ xã Tân Hải", parent: D1 });
  G3 = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ Trường THPT", parent: D1 });
  G4 = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Đảng bộ xã Bắc Sơn", parent: D2 });
  G5 = await f.unit({
    kind: "GRASSROOTS_COMMITTEE",
    name: "Đảng bộ xã Lợi Hải",
    parent: D2,
    validTo: "2025-07-01",
  });
  G6 = await f.unit({ kind: "GRASSROOTS_CELL", name: "Chi bộ Phòng PC01", parent: D3 });
  staffP = viewerOf(await f.user({ unit: P, role: "STAFF" }));
  leaderP = viewerOf(await f.user({ unit: P, role: "LEADER" }));
  analystP = viewerOf(await f.user({ unit: P, role: "ANALYST" }));
  staffD1 = viewerOf(await f.user({ unit: D1, role: "STAFF" }));
  staffD2 = viewerOf(await f.user({ unit: D2, role: "STAFF" }));
  secretaryC1 = viewerOf(await f.user({ unit: C1, role: "SECRETARY" }));

  K1 = await createCampaign({
    title: "Thi đua chào mừng 95 năm Ngày thành lập Đảng",
    theme: "Thi đua lập thành tích chào mừng",
    occasion: "95 năm Ngày thành lập Đảng Cộng sản Việt Nam",
    startsOn: "2024-10-01",
    endsOn: "2025-02-03",
    organiserUnitId: String(P.id),
    eligibleUnitIds: [String(D1.id), String(D2.id)],
  });
  K2 = await createCampaign({
    title: "Phong trào thi đua năm 2025",
    theme: "Đoàn kết, kỷ cương",
    startsOn: "2025-03-01",
    endsOn: "2025-12-31",
    organiserUnitId: String(P.id),
  });
  K3 = await createCampaign(
    {
      title: "Thi đua xây dựng xã Hộ Hải",
      theme: "Nông thôn mới",
      startsOn: "2025-01-01",
      endsOn: "2025-12-31",
      organiserUnitId: String(D1.id),
      eligibleUnitIds: [String(G1.id)],
    },
    staffD1,
  );

  await register("G1-K1", K1, G1, "2024-10-10", {
    completedOn: "2025-01-20",
    result: "Hoàn thành",
  });
  await register("C1-K1", K1, C1, "2024-10-15", { progress: 60 });
  await register("G4-K1", K1, G4, "2024-11-01", { completedOn: "2025-02-01" });
  await register("G5-K1", K1, G5, "2024-11-05", { progress: 40 });
  await register("G1-K2", K2, G1, "2025-03-10", { progress: 50 });
  await register("G3-K2", K2, G3, "2025-04-01", { progress: 100, completedOn: "2025-09-30" });
  await register("G6-K2", K2, G6, "2025-05-01", { progress: 20 });
  await register("C2-K3", K3, C2, "2025-02-01", { progress: 10 });
});
afterAll(() => api.close());

describe("createCampaign and updateCampaign", () => {
  it("creates a campaign open to the organiser by default, audited", async () => {
    const result = await gql(
      `query($id: ID!) { campaign(id: $id) { title occasion organiser { id } organiserName eligibleUnits { unitId unit { id } } active(asOf: "2025-01-15") } }`,
      { id: K1 },
      staffP,
    );
    expect(result.data!.campaign).toEqual({
      title: "Thi đua chào mừng 95 năm Ngày thành lập Đảng",
      occasion: "95 năm Ngày thành lập Đảng Cộng sản Việt Nam",
      organiser: { id: String(P.id) },
      organiserName: "Tỉnh ủy Ninh Thuận",
      eligibleUnits: [
        { unitId: String(D1.id), unit: { id: String(D1.id) } },
        { unitId: String(D2.id), unit: { id: String(D2.id) } },
      ],
      active: true,
    });
    const k2 = await gql(
      `query($id: ID!) { campaign(id: $id) { eligibleUnits { unitId } } }`,
      { id: K2 },
      staffP,
    );
    expect(k2.data!.campaign.eligibleUnits).toEqual([{ unitId: String(P.id) }]);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "EmulationCampaign", entityId: K1 },
    });
    expect(audit).toMatchObject({ operation: "createCampaign", unitId: P.id });
    expect((audit.after as { eligibility: number[] }).eligibility).toEqual([D1.id, D2.id]);
  });

  it("refuses bad campaigns with the field, and writes nothing", async () => {
    const before = await api.db.prisma.emulationCampaign.count();
    const audits = await api.db.prisma.auditLog.count();
    const base = {
      title: "Thi đua",
      theme: "Chủ đề",
      startsOn: "2025-01-01",
      endsOn: "2025-12-31",
      organiserUnitId: String(D1.id),
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ endsOn: "2024-12-31" }, "endsOn"],
      [{ eligibleUnitIds: [String(D2.id)] }, "eligibleUnitIds.0"], // outside the organiser's subtree
      [{ eligibleUnitIds: [String(G1.id), String(G1.id)] }, "eligibleUnitIds.1"],
      [{ eligibleUnitIds: [] }, "eligibleUnitIds"],
      [{ organiserUnitId: String(G5.id), startsOn: "2025-08-01" }, "organiserUnitId"], // dissolved by then
      [{ title: "   " }, "title"],
      [{ theme: "" }, "theme"],
      [{ startsOn: "2025-02-30" }, undefined as unknown as string], // not a date: the scalar refuses it
    ];
    for (const [override, field] of cases) {
      const result = await gql(CREATE, { input: { ...base, ...override } }, staffP);
      expect(codes(result), JSON.stringify(override)).toEqual(["BAD_USER_INPUT"]);
      if (field) expect(result.errors![0]!.extensions!.field, JSON.stringify(override)).toBe(field);
    }
    expect(await api.db.prisma.emulationCampaign.count()).toBe(before);
    expect(await api.db.prisma.auditLog.count()).toBe(audits);
  });

  it("lets a district organise only in its own subtree, and change only its own campaigns", async () => {
    const outside = await gql(
      CREATE,
      {
        input: {
          title: "Thi đua",
          theme: "Chủ đề",
          startsOn: "2025-01-01",
          endsOn: "2025-12-31",
          organiserUnitId: String(P.id),
        },
      },
      staffD1,
    );
    expect(codes(outside)).toEqual(["FORBIDDEN"]);
    const update = `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { id occasion theme } }`;
    expect(codes(await gql(update, { id: K1, input: { theme: "Khác" } }, staffD1))).toEqual([
      "FORBIDDEN",
    ]);
    expect(codes(await gql(update, { id: K3, input: { theme: "Khác" } }, staffD2))).toEqual([
      "FORBIDDEN",
    ]);
    expect(codes(await gql(update, { id: K3, input: { theme: "Khác" } }, analystP))).toEqual([
      "FORBIDDEN",
    ]);
    const ok = await gql(update, { id: K3, input: { occasion: "Xuân 2025" } }, staffD1);
    expect(ok.data!.updateCampaign).toEqual({
      id: K3,
      occasion: "Xuân 2025",
      theme: "Nông thôn mới",
    });
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "EmulationCampaign", entityId: K3, operation: "updateCampaign" },
    });
    expect(audit.before).toMatchObject({ occasion: null });
    expect(audit.after).toMatchObject({ occasion: "Xuân 2025" });
  });

  it("keeps what was registered valid: the period and the eligibility cannot drop registrations", async () => {
    const update = `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { id } }`;
    const cases: [Record<string, unknown>, string][] = [
      [{ startsOn: "2024-10-12" }, "startsOn"], // G1 registered on 10 October
      [{ endsOn: "2024-11-03" }, "endsOn"], // G5 registered on 5 November
      [{ eligibleUnitIds: [String(D1.id)] }, "eligibleUnitIds"], // G4 and G5 registered through D2
      [{ endsOn: "2024-09-01" }, "endsOn"],
    ];
    for (const [input, field] of cases) {
      const result = await gql(update, { id: K1, input }, staffP);
      expect(codes(result), JSON.stringify(input)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field, JSON.stringify(input)).toBe(field);
    }
    const widened = await gql(
      update,
      {
        id: K1,
        input: { eligibleUnitIds: [String(D1.id), String(D2.id)], startsOn: "2024-09-15" },
      },
      staffP,
    );
    expect(widened.errors).toBeUndefined();
    await gql(update, { id: K1, input: { startsOn: "2024-10-01" } }, staffP);
  });
});

describe("registerForCampaign", () => {
  it("registers a unit open through a superior, with the unit in charge", async () => {
    const result = await gql(
      REGISTER,
      {
        input: {
          campaignId: K2,
          unitId: String(C1.id),
          title: "Đề tài: Ứng dụng phần mềm quản lý đảng viên",
          target: "Triển khai tại 100% chi bộ",
          responsibleUnitId: String(G1.id),
          registeredOn: "2025-03-05",
        },
      },
      staffD1,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerForCampaign).toMatchObject({
      progress: 0,
      registeredOn: "2025-03-05",
      completed: false,
      unit: { id: String(C1.id) },
      responsibleUnitName: "Đảng bộ xã Hộ Hải",
      campaign: { id: K2 },
    });
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "CampaignRegistration", entityId: result.data!.registerForCampaign.id },
    });
    expect(audit).toMatchObject({ operation: "registerForCampaign", unitId: C1.id });
    await api.db.prisma.campaignRegistration.delete({
      where: { id: Number(result.data!.registerForCampaign.id) },
    });
  });

  it("refuses units the campaign is not open to, dates outside its period, and other mistakes", async () => {
    const before = await api.db.prisma.campaignRegistration.count();
    const audits = await api.db.prisma.auditLog.count();
    const base = {
      campaignId: K1,
      unitId: String(G1.id),
      title: "Công trình mới",
      registeredOn: "2024-12-01",
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ unitId: String(G6.id) }, "unitId"], // the police committee is not among D1, D2
      [{ campaignId: K3, unitId: String(G2.id), registeredOn: "2025-03-01" }, "unitId"], // K3 is G1's only
      [{ registeredOn: "2024-09-30" }, "registeredOn"], // before the campaign
      [{ registeredOn: "2025-02-04" }, "registeredOn"], // after it
      [{ campaignId: K2, registeredOn: "2099-06-01" }, "registeredOn"], // in the future
      [{ campaignId: K2, unitId: String(G5.id), registeredOn: "2025-08-01" }, "registeredOn"], // dissolved
      [{ responsibleUnitId: String(D2.id) }, "responsibleUnitId"], // not in G1's line
      [{ responsibleUnitId: String(G2.id) }, "responsibleUnitId"],
      [{ title: "  " }, "title"],
      [{ title: "x".repeat(501) }, "title"],
    ];
    for (const [override, field] of cases) {
      const result = await gql(REGISTER, { input: { ...base, ...override } }, staffP);
      expect(codes(result), JSON.stringify(override)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field, JSON.stringify(override)).toBe(field);
    }
    const again = await gql(REGISTER, { input: { ...base, title: "g1-k1" } }, staffP);
    expect(codes(again)).toEqual(["CONFLICT"]);
    expect(again.errors![0]!.extensions!.field).toBe("title");
    expect(await api.db.prisma.campaignRegistration.count()).toBe(before);
    expect(await api.db.prisma.auditLog.count()).toBe(audits);
  });

  it("accepts the unit in charge from the unit's line: a superior or a unit below", async () => {
    for (const responsible of [D1, P, C1, G1]) {
      const result = await gql(
        REGISTER,
        {
          input: {
            campaignId: K1,
            unitId: String(G1.id),
            title: `Trách nhiệm ${responsible.id}`,
            responsibleUnitId: String(responsible.id),
            registeredOn: "2024-12-01",
          },
        },
        staffP,
      );
      expect(result.errors, responsible.name).toBeUndefined();
      await api.db.prisma.campaignRegistration.delete({
        where: { id: Number(result.data!.registerForCampaign.id) },
      });
    }
  });

  it("keeps writers to their subtree and to campaigns that concern them", async () => {
    const input = {
      campaignId: K1,
      unitId: String(G4.id),
      title: "Ngoài phạm vi",
      registeredOn: "2024-12-01",
    };
    expect(codes(await gql(REGISTER, { input }, staffD1))).toEqual(["FORBIDDEN"]);
    // K3 (D1's own campaign) does not concern D2: FORBIDDEN, whatever the unit.
    const k3 = { ...input, campaignId: K3, registeredOn: "2025-03-01" };
    expect(codes(await gql(REGISTER, { input: k3 }, staffD2))).toEqual(["FORBIDDEN"]);
    expect(
      codes(await gql(REGISTER, { input: { ...input, campaignId: "987654" } }, staffD2)),
    ).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(REGISTER, { input }, leaderP))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(REGISTER, { input }, secretaryC1))).toEqual(["FORBIDDEN"]);
  });
});

describe("updateRegistration", () => {
  let id: string;
  beforeAll(async () => {
    const result = await gql(
      REGISTER,
      {
        input: {
          campaignId: K2,
          unitId: String(G2.id),
          title: "Thắp sáng 3 km đường quê",
          registeredOn: "2025-06-01",
        },
      },
      staffP,
    );
    id = result.data!.registerForCampaign.id;
  });
  afterAll(() => api.db.prisma.campaignRegistration.delete({ where: { id: Number(id) } }));

  it("records progress, then a completion date alone completes it at 100 %", async () => {
    const progress = await gql(UPDATE_REG, { id, input: { progress: 45 } }, leaderP);
    expect(progress.data!.updateRegistration).toEqual({
      id,
      progress: 45,
      result: null,
      completedOn: null,
      completed: false,
    });
    const done = await gql(
      UPDATE_REG,
      { id, input: { completedOn: "2025-10-15", result: "Hoàn thành, đưa vào sử dụng" } },
      staffD1,
    );
    expect(done.data!.updateRegistration).toEqual({
      id,
      progress: 100,
      result: "Hoàn thành, đưa vào sử dụng",
      completedOn: "2025-10-15",
      completed: true,
    });
    const reopened = await gql(
      UPDATE_REG,
      { id, input: { completedOn: null, progress: 90 } },
      staffP,
    );
    expect(reopened.data!.updateRegistration).toMatchObject({ progress: 90, completedOn: null });
    const audit = await api.db.prisma.auditLog.findMany({
      where: { entity: "CampaignRegistration", entityId: id, operation: "updateRegistration" },
      orderBy: { id: "asc" },
    });
    expect(audit).toHaveLength(3);
    expect(audit[1]!.before).toMatchObject({ progress: 45, completedOn: null });
    expect(audit[1]!.after).toMatchObject({ progress: 100, result: "Hoàn thành, đưa vào sử dụng" });
  });

  it("refuses progress out of range and completions out of order", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ progress: 101 }, "progress"],
      [{ progress: -1 }, "progress"],
      [{ progress: 100 }, "completedOn"], // 100 % needs the date
      [{ completedOn: "2025-05-31" }, "completedOn"], // before the registration
      [{ completedOn: "2099-01-01" }, "completedOn"], // in the future
      [{ completedOn: "2025-07-01", progress: 70 }, "progress"], // completed means 100 %
      [{ title: "" }, "title"],
    ];
    for (const [input, field] of cases) {
      const result = await gql(UPDATE_REG, { id, input }, staffP);
      expect(codes(result), JSON.stringify(input)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field, JSON.stringify(input)).toBe(field);
    }
  });

  it("is FORBIDDEN outside the writer's subtree and for readers", async () => {
    expect(codes(await gql(UPDATE_REG, { id, input: { progress: 10 } }, staffD2))).toEqual([
      "FORBIDDEN",
    ]);
    expect(codes(await gql(UPDATE_REG, { id: "987654", input: { progress: 10 } }, staffP))).toEqual(
      ["FORBIDDEN"],
    );
    expect(codes(await gql(UPDATE_REG, { id, input: { progress: 10 } }, analystP))).toEqual([
      "FORBIDDEN",
    ]);
  });
});

describe("reading campaigns and registrations", () => {
  const CAMPAIGNS = `query($u: ID, $active: Boolean, $asOf: Date, $from: Date, $to: Date) {
    campaigns(unitId: $u, active: $active, asOf: $asOf, from: $from, to: $to) {
      totalCount edges { node { id registrationCounts { registrations units completed } } } } }`;
  const ids = (r: { data?: any }) =>
    r.data!.campaigns.edges.map((e: { node: { id: string } }) => e.node.id);

  it("shows campaigns organised in the subtree or open to the caller's line, newest first", async () => {
    expect(ids(await gql(CAMPAIGNS, {}, staffP))).toEqual([K2, K3, K1]);
    expect(ids(await gql(CAMPAIGNS, {}, staffD1))).toEqual([K2, K3, K1]);
    expect(ids(await gql(CAMPAIGNS, {}, staffD2))).toEqual([K2, K1]); // K3 is D1's
    expect(ids(await gql(CAMPAIGNS, { u: String(D3.id) }, staffP))).toEqual([K2]); // K1 is not open to D3
    expect(ids(await gql(CAMPAIGNS, { u: String(G1.id) }, staffP))).toEqual([K2, K3, K1]);
    expect(
      codes(await gql(`query($id: ID!) { campaign(id: $id) { id } }`, { id: K3 }, staffD2)),
    ).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(CAMPAIGNS, { u: String(D1.id) }, staffD2))).toEqual(["NOT_FOUND"]);
    expect(codes(await gql(CAMPAIGNS, {}, secretaryC1))).toEqual(["FORBIDDEN"]);
  });

  it("filters by running on a date and by a date range", async () => {
    expect(ids(await gql(CAMPAIGNS, { active: true, asOf: "2025-02-01" }, staffP))).toEqual([
      K3,
      K1,
    ]);
    expect(ids(await gql(CAMPAIGNS, { active: false, asOf: "2025-02-01" }, staffP))).toEqual([K2]);
    expect(ids(await gql(CAMPAIGNS, { from: "2025-02-04" }, staffP))).toEqual([K2, K3]);
    expect(ids(await gql(CAMPAIGNS, { to: "2024-12-31" }, staffP))).toEqual([K1]);
    expect(codes(await gql(CAMPAIGNS, { from: "2025-02-04", to: "2025-01-01" }, staffP))).toEqual([
      "BAD_USER_INPUT",
    ]);
  });

  it("counts and lists only the registrations of the caller's subtree", async () => {
    const all = await gql(CAMPAIGNS, {}, staffP);
    const k1 = all.data!.campaigns.edges.find((e: any) => e.node.id === K1).node;
    expect(k1.registrationCounts).toEqual({ registrations: 4, units: 4, completed: 2 });
    const d1 = await gql(CAMPAIGNS, {}, staffD1);
    expect(
      d1.data!.campaigns.edges.find((e: any) => e.node.id === K1).node.registrationCounts,
    ).toEqual({
      registrations: 2,
      units: 2,
      completed: 1,
    });
    const one = await gql(
      `query($id: ID!) { campaign(id: $id) { organiser { id } organiserName eligibleUnits { unitId unit { id } }
        registrations(first: 1) { totalCount edges { node { title unit { id } } } pageInfo { hasNextPage } } } }`,
      { id: K1 },
      staffD1,
    );
    expect(one.data!.campaign).toEqual({
      organiser: null, // the province is above D1's subtree
      organiserName: "Tỉnh ủy Ninh Thuận",
      eligibleUnits: [
        { unitId: String(D1.id), unit: { id: String(D1.id) } },
        { unitId: String(D2.id), unit: null },
      ],
      registrations: {
        totalCount: 2,
        edges: [{ node: { title: "C1-K1", unit: { id: String(C1.id) } } }],
        pageInfo: { hasNextPage: true },
      },
    });
    const list = await gql(
      `query($c: ID, $u: ID, $sub: Boolean, $done: Boolean) { campaignRegistrations(campaignId: $c, unitId: $u, includeSubtree: $sub, completed: $done) {
        totalCount edges { node { title } } } }`,
      { u: String(G1.id) },
      staffP,
    );
    expect(list.data!.campaignRegistrations.edges.map((e: any) => e.node.title)).toEqual([
      "G1-K2",
      "C2-K3",
      "C1-K1",
      "G1-K1",
    ]);
    const own = await gql(
      `query($u: ID) { campaignRegistrations(unitId: $u, includeSubtree: false, completed: true) { totalCount } }`,
      { u: String(G1.id) },
      staffP,
    );
    expect(own.data!.campaignRegistrations.totalCount).toBe(1);
    expect(
      codes(
        await gql(
          `query($c: ID) { campaignRegistrations(campaignId: $c) { totalCount } }`,
          { c: K3 },
          staffD2,
        ),
      ),
    ).toEqual(["NOT_FOUND"]);
  });

  it("serves the registrations of a list of campaigns in one batch", async () => {
    const findMany = vi.spyOn(api.db.prisma.campaignRegistration, "findMany");
    const result = await gql(
      `{ campaigns { edges { node { id registrations(first: 2) { totalCount edges { node { title } } } } } } }`,
      {},
      staffP,
    );
    const byId = Object.fromEntries(
      result.data!.campaigns.edges.map((e: any) => [e.node.id, e.node.registrations]),
    );
    expect(byId[K1].totalCount).toBe(4);
    expect(byId[K1].edges.map((e: any) => e.node.title)).toEqual(["G5-K1", "G4-K1"]);
    expect(byId[K2].totalCount).toBe(3);
    expect(byId[K3].edges.map((e: any) => e.node.title)).toEqual(["C2-K3"]);
    expect(findMany).toHaveBeenCalledTimes(1); // not one query per campaign
    findMany.mockRestore();
  });
});

describe("campaignSummary", () => {
  it("counts registrations, units and completion per subordinate and campaign for a year", async () => {
    const { data, errors } = await gql(
      SUMMARY,
      { u: String(P.id), year: 2025, asOf: "2025-12-31" },
      leaderP,
    );
    expect(errors).toBeUndefined();
    const s = data!.campaignSummary;
    expect(s.treeDate).toBe("2025-12-31");
    expect(s.total).toEqual({
      id: String(P.id),
      name: "Tỉnh ủy Ninh Thuận",
      registrations: 8,
      units: 7,
      completed: 3,
      completionRate: 37.5,
      averageProgress: 60,
      eligibleGrassroots: 10,
      registeredGrassroots: 6,
      notRegisteredGrassroots: 4,
    });
    expect(s.direct).toEqual({ registrations: 0, eligibleGrassroots: 0 });
    const rows = s.bySubordinate.map((r: any) => [
      r.name,
      r.registrations,
      r.units,
      r.completed,
      r.completionRate,
      r.averageProgress,
      r.eligibleGrassroots,
      r.registeredGrassroots,
      r.current,
    ]);
    expect(rows).toEqual([
      ["Đảng ủy Công an tỉnh", 1, 1, 0, 0, 20, 1, 1, true],
      ["Huyện ủy Ninh Hải", 5, 4, 2, 40, 64, 7, 4, true],
      ["Huyện ủy Thuận Bắc", 2, 2, 1, 50, 70, 2, 1, true], // G5 (dissolved in July) counts on its last day
    ]);
    expect(
      s.byCampaign.map((r: any) => [
        r.id,
        r.registrations,
        r.units,
        r.completed,
        r.averageProgress,
        r.eligibleGrassroots,
        r.registeredGrassroots,
      ]),
    ).toEqual([
      [K2, 3, 3, 1, 56.7, 5, 3],
      [K3, 1, 1, 0, 10, 1, 1],
      [K1, 4, 4, 2, 75, 4, 2],
    ]);
    expect(s.notRegisteredCount).toBe(4);
    expect(s.notRegistered.map((n: any) => [n.name, n.groupName, n.campaignId])).toEqual([
      ["Chi bộ Trường THPT", "Huyện ủy Ninh Hải", K1],
      ["Đảng bộ xã Tân Hải", "Huyện ủy Ninh Hải", K2],
      ["Đảng bộ xã Tân Hải", "Huyện ủy Ninh Hải", K1],
      ["Đảng bộ xã Bắc Sơn", "Huyện ủy Thuận Bắc", K2],
    ]);
    expect(s.notRegistered[0]).toMatchObject({
      unitId: String(G3.id),
      kind: "GRASSROOTS_CELL",
      campaignTitle: "Thi đua chào mừng 95 năm Ngày thành lập Đảng",
    });
    // Sums agree.
    const sum = (k: string) =>
      s.bySubordinate.reduce((a: number, r: any) => a + r[k], 0) + (s.direct[k] ?? 0);
    expect(sum("registrations")).toBe(s.total.registrations);
    expect(sum("eligibleGrassroots")).toBe(s.total.eligibleGrassroots);
    const limited = await gql(
      SUMMARY,
      { u: String(P.id), year: 2025, asOf: "2025-12-31", limit: 1 },
      leaderP,
    );
    expect(limited.data!.campaignSummary.notRegistered).toHaveLength(1);
    expect(limited.data!.campaignSummary.notRegisteredCount).toBe(4);
  });

  it("cuts at asOf: later registrations and completions do not count yet", async () => {
    const { data } = await gql(
      SUMMARY,
      { u: String(P.id), year: 2025, asOf: "2025-01-31" },
      staffP,
    );
    const s = data!.campaignSummary;
    expect(s.treeDate).toBe("2025-01-31");
    expect(s.byCampaign.map((r: any) => r.id)).toEqual([K3, K1]); // K2 starts in March
    expect(s.total).toMatchObject({
      registrations: 4,
      units: 4,
      completed: 1, // G4 completed on 1 February
      averageProgress: 75, // the latest progress (no history is kept)
      eligibleGrassroots: 6, // K1: G1–G5 (G5 still exists); K3: G1
      registeredGrassroots: 3, // K1: G1 (with C1), G4, G5; C2 registered for K3 on 1 February
    });
  });

  it("summarises one campaign up to its last day, and a district by its grassroots organisations", async () => {
    const one = await gql(SUMMARY, { u: String(P.id), campaignId: K1 }, staffP);
    expect(one.data!.campaignSummary).toMatchObject({
      year: null,
      campaignId: K1,
      treeDate: "2025-02-03",
      total: { registrations: 4, completed: 2, eligibleGrassroots: 5, registeredGrassroots: 3 },
    });
    const district = await gql(
      SUMMARY,
      { u: String(D1.id), year: 2025, asOf: "2025-12-31" },
      staffD1,
    );
    expect(
      district.data!.campaignSummary.bySubordinate.map((r: any) => [
        r.name,
        r.registrations,
        r.units,
        r.completed,
        r.averageProgress,
        r.eligibleGrassroots,
        r.registeredGrassroots,
      ]),
    ).toEqual([
      ["Chi bộ Trường THPT", 1, 1, 1, 100, 2, 1],
      ["Đảng bộ xã Hộ Hải", 4, 3, 1, 55, 3, 3],
      ["Đảng bộ xã Tân Hải", 0, 0, 0, null, 2, 0],
    ]);
  });

  it("is scoped: NOT_FOUND outside, only the caller's units counted, bad arguments refused", async () => {
    expect(codes(await gql(SUMMARY, { u: String(D1.id), year: 2025 }, staffD2))).toEqual([
      "NOT_FOUND",
    ]);
    expect(codes(await gql(SUMMARY, { u: String(D2.id), campaignId: K3 }, staffD2))).toEqual([
      "NOT_FOUND",
    ]);
    expect(codes(await gql(SUMMARY, { u: String(P.id), year: 2025 }, secretaryC1))).toEqual([
      "FORBIDDEN",
    ]);
    expect(codes(await gql(SUMMARY, { u: String(P.id) }, staffP))).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(await gql(SUMMARY, { u: String(P.id), year: 2025, campaignId: K1 }, staffP)),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(await gql(SUMMARY, { u: String(P.id), year: 2025, asOf: "2024-12-31" }, staffP)),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await gql(SUMMARY, { u: String(P.id), year: 2025, limit: 501 }, staffP))).toEqual([
      "BAD_USER_INPUT",
    ]);
    const d2 = await gql(SUMMARY, { u: String(D2.id), year: 2025, asOf: "2025-12-31" }, staffD2);
    expect(d2.data!.campaignSummary.byCampaign.map((r: any) => r.id)).toEqual([K2, K1]);
    expect(d2.data!.campaignSummary.total).toMatchObject({ registrations: 2, completed: 1 });
  });
});
