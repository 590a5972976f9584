/**
 * The access matrix: for every operation in the schema × every role × (inside / outside the
 * caller's subtree), the expected outcome. Generated from the schema: an operation without an
 * entry in SPECS fails the test, so a new operation cannot ship without its access rule.
 */
import type { OrgUnit, User } from "@dangbo/db";
import { Role } from "@dangbo/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  codes,
  createTestApi,
  viewerOf,
  type GqlResult,
  type TestApi,
} from "../testing/harness.ts";
import { ANY_ROLE, READERS } from "./access.ts";
import { getSchema } from "./schema.ts";

interface World {
  province: OrgUnit;
  districtA: OrgUnit;
  cellA: OrgUnit;
  grA: OrgUnit;
  districtB: OrgUnit;
  grB: OrgUnit;
  cellB: OrgUnit;
  memberA: number;
  memberB: number;
  meetingA: number;
  meetingB: number;
  usersA: Record<Role, User>;
  userB: User;
  targetA: User;
  seq: () => number;
  /** Per role: fresh records of cell A for writes that can succeed only once. */
  fresh: Record<
    Role,
    {
      candidate: number;
      probationer: number;
      probationer2: number;
      member: number;
      mover: number;
      temp: number;
    }
  >;
  cellA2: OrgUnit;
  candidateB: number;
  probationerB: number;
  classA: number;
  classB: number;
  theoryA: number;
  theoryB: number;
}

type Vars = Record<string, unknown>;

interface OperationSpec {
  /** Roles that may call it; `"public"` for operations open to anyone. */
  roles: readonly Role[] | "public";
  kind: "read" | "write";
  query: string;
  /** Variables addressing something inside the caller's subtree (all callers sit in district A, the secretary in cell A). */
  inside: (w: World, role: Role) => Vars;
  /** Variables addressing something in district B; null when the operation has no target. */
  outside: ((w: World, role: Role) => Vars) | null;
  /** For lists: checks that nothing from outside leaks into an inside result. */
  check?: (result: GqlResult, w: World) => void;
  /** The callers per role, when not those of district A (e.g. the province's for province-only writes). */
  callers?: (w: World) => Record<Role, User>;
}

const id = (x: { id: number }) => String(x.id);

const importFile = (cellCode: string) =>
  Buffer.from(
    `Họ và tên,Giới tính,Ngày sinh,Dân tộc,Nghề nghiệp,Mã chi bộ\nLê Thị Nhập,Nữ,01/01/2000,Kinh,Công nhân,${cellCode}\n`,
  ).toString("base64");

const unitPanel = (query: string, roles: readonly Role[] = READERS): OperationSpec => ({
  roles,
  kind: "read",
  query,
  inside: (w, role) => ({ u: id(role === Role.SECRETARY ? w.cellA : w.districtA) }),
  outside: (w) => ({ u: id(w.districtB) }),
});

export const SPECS: Record<string, OperationSpec> = {
  // ── documents: registry, conferences, implementation, study themes (ids in `docs`) ──
  "Query.documents": {
    roles: ANY_ROLE,
    kind: "read",
    query: `{ documents(first: 500) { edges { node { id } } } }`,
    inside: () => ({}),
    outside: null,
    check: (r) => {
      const ids = r.data!.documents.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).toEqual(expect.arrayContaining([String(docs.central), String(docs.ownA)]));
      expect(ids).not.toContain(String(docs.ownB));
    },
  },
  "Query.document": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($id: ID!) { document(id: $id) { id conferenceCount planCount meetingCount } }`,
    inside: () => ({ id: String(docs.ownA) }),
    outside: () => ({ id: String(docs.ownB) }),
  },
  "Mutation.createDocument": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
    inside: (w) => ({
      input: {
        number: `${w.seq()}-NQ/HU`,
        issuedOn: "2025-01-01",
        title: "Nghị quyết",
        issuerUnitId: id(w.districtA),
      },
    }),
    outside: (w) => ({
      input: {
        number: `${w.seq()}-NQ/HU`,
        issuedOn: "2025-01-01",
        title: "Nghị quyết",
        issuerUnitId: id(w.districtB),
      },
    }),
  },
  "Mutation.updateDocument": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!) { updateDocument(id: $id, input: { summary: "Tóm tắt" }) { id } }`,
    inside: () => ({ id: String(docs.ownA) }),
    outside: () => ({ id: String(docs.ownB) }),
  },
  "Query.conferences": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($u: ID) { conferences(unitId: $u, first: 500) { edges { node { id } } } }`,
    inside: (w) => ({ u: id(w.cellA) }),
    outside: (w) => ({ u: id(w.districtB) }),
    check: (r) => {
      const ids = r.data!.conferences.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).toContain(String(docs.confA));
      expect(ids).not.toContain(String(docs.confB));
    },
  },
  "Query.conference": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($id: ID!) { conference(id: $id) { id documents { id } } }`,
    inside: () => ({ id: String(docs.confA) }),
    outside: () => ({ id: String(docs.confB) }),
  },
  "Mutation.recordConference": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($u: ID!, $d: ID!) { recordConference(input: { kind: DISSEMINATION, title: "Quán triệt", organiserUnitId: $u, heldOn: "2025-06-01", format: IN_PERSON, audience: CADRES, attendeeCount: 30, documentIds: [$d] }) { id } }`,
    inside: (w) => ({ u: id(w.grA), d: String(docs.central) }),
    outside: (w) => ({ u: id(w.grB), d: String(docs.central) }),
  },
  "Mutation.updateConference": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!) { updateConference(id: $id, input: { attendeeCount: 25 }) { id } }`,
    inside: () => ({ id: String(docs.confA) }),
    outside: () => ({ id: String(docs.confB) }),
  },
  "Query.disseminationSummary": unitPanel(
    `query($u: ID!) { disseminationSummary(unitId: $u, year: 2025) { unit { conferences } } }`,
    ANY_ROLE,
  ),
  "Query.implementationCoverage": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($d: ID!, $u: ID!) { implementationCoverage(documentId: $d, unitId: $u) { total { required } } }`,
    inside: (w, role) => ({
      d: String(docs.central),
      u: id(role === Role.SECRETARY ? w.cellA : w.districtA),
    }),
    outside: (w) => ({ d: String(docs.central), u: id(w.districtB) }),
  },
  "Mutation.setImplementationRequirement": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($d: ID!, $s: ID!) { setImplementationRequirement(documentId: $d, scopeUnitId: $s, unitKinds: [GRASSROOTS_COMMITTEE], dueOn: "2025-01-01") { id } }`,
    inside: (w) => ({ d: String(docs.central), s: id(w.districtA) }),
    outside: (w) => ({ d: String(docs.central), s: id(w.districtB) }),
  },
  "Mutation.recordImplementationPlan": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($d: ID!, $u: ID!) { recordImplementationPlan(documentId: $d, unitId: $u, kind: PLAN, issuedOn: "2025-02-01", reference: "1-KH/ĐU") { id } }`,
    inside: (w) => ({ d: String(docs.central), u: id(w.grA) }),
    outside: (w) => ({ d: String(docs.central), u: id(w.grB) }),
  },
  "Mutation.recordDocumentReview": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($d: ID!, $u: ID!) { recordDocumentReview(documentId: $d, unitId: $u, kind: MID_TERM, heldOn: "2025-03-01") { id } }`,
    inside: (w) => ({ d: String(docs.central), u: id(w.grA) }),
    outside: (w) => ({ d: String(docs.central), u: id(w.grB) }),
  },
  "Mutation.setStudyTheme": {
    // The province sets the theme: the callers are the province's (district staff: FORBIDDEN, in document/study-theme.test.ts).
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation { setStudyTheme(year: 2035, title: "Chủ đề năm") { id } }`,
    inside: () => ({}),
    outside: null,
    callers: () => docs.provinceUsers,
  },
  "Query.studyThemeCoverage": unitPanel(
    `query($u: ID!) { studyThemeCoverage(unitId: $u, year: 2025) { total { cells } } }`,
    ANY_ROLE,
  ),
  // ── emulation: campaigns, awards, ethical standards, good models (ids in `emu`) ──
  "Query.campaigns": {
    roles: READERS,
    kind: "read",
    query: `query($u: ID) { campaigns(unitId: $u, first: 500) { edges { node { id } } } }`,
    inside: () => ({}),
    outside: (w) => ({ u: id(w.districtB) }),
    check: (r) => {
      const ids = r.data!.campaigns.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).toContain(String(emu.campaignA));
      expect(ids).not.toContain(String(emu.campaignB));
    },
  },
  "Query.campaign": {
    roles: READERS,
    kind: "read",
    query: `query($id: ID!) { campaign(id: $id) { id registrations { totalCount } } }`,
    inside: () => ({ id: String(emu.campaignA) }),
    outside: () => ({ id: String(emu.campaignB) }),
  },
  "Query.campaignRegistrations": {
    roles: READERS,
    kind: "read",
    query: `query($c: ID) { campaignRegistrations(campaignId: $c, first: 500) { edges { node { id } } } }`,
    inside: () => ({}),
    outside: () => ({ c: String(emu.campaignB) }),
    check: (r) => {
      const ids = r.data!.campaignRegistrations.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
      expect(ids).toContain(String(emu.registrationA));
      expect(ids).not.toContain(String(emu.registrationB));
    },
  },
  "Query.campaignSummary": unitPanel(
    `query($u: ID!) { campaignSummary(unitId: $u, year: 2025) { total { registrations } } }`,
  ),
  "Mutation.createCampaign": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($o: ID!) { createCampaign(input: { title: "Thi đua", theme: "Chủ đề", startsOn: "2025-01-01", endsOn: "2025-12-31", organiserUnitId: $o }) { id } }`,
    inside: (w) => ({ o: id(w.districtA) }),
    outside: (w) => ({ o: id(w.districtB) }),
  },
  "Mutation.updateCampaign": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!) { updateCampaign(id: $id, input: { occasion: "Kỷ niệm" }) { id } }`,
    inside: () => ({ id: String(emu.campaignA) }),
    outside: () => ({ id: String(emu.campaignB) }),
  },
  "Mutation.registerForCampaign": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($c: ID!, $u: ID!, $t: String!) { registerForCampaign(input: { campaignId: $c, unitId: $u, title: $t, registeredOn: "2025-03-01" }) { id } }`,
    inside: (w) => ({ c: String(emu.campaignA), u: id(w.grA), t: `Công trình ${w.seq()}` }),
    outside: (w) => ({ c: String(emu.campaignB), u: id(w.grB), t: `Công trình ${w.seq()}` }),
  },
  "Mutation.updateRegistration": {
    roles: [Role.ADMIN, Role.STAFF, Role.LEADER],
    kind: "write",
    query: `mutation($id: ID!, $p: Int!) { updateRegistration(id: $id, input: { progress: $p }) { id } }`,
    inside: (w) => ({ id: String(emu.registrationA), p: w.seq() % 100 }),
    outside: (w) => ({ id: String(emu.registrationB), p: w.seq() % 100 }),
  },
  "Query.awards": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($u: ID) { awards(unitId: $u, first: 500) { edges { node { id } } } }`,
    inside: () => ({}),
    outside: (w) => ({ u: id(w.districtB) }),
    check: (r) => {
      const ids = r.data!.awards.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).not.toContain(String(emu.awardB));
    },
  },
  "Query.awardSummary": unitPanel(
    `query($u: ID!) { awardSummary(unitId: $u, year: 2024) { total { awards } } }`,
  ),
  "Mutation.recordAward": {
    roles: [Role.ADMIN, Role.STAFF, Role.LEADER],
    kind: "write",
    query: `mutation($u: ID!, $d: String!) { recordAward(input: { kind: PROVINCE_FLAG, issuer: "UBND tỉnh", decisionNo: $d, decidedOn: "2025-01-10", yearFrom: 2024, unitId: $u }) { id } }`,
    inside: (w) => ({ u: id(w.grA), d: `${w.seq()}/QĐ-UBND` }),
    outside: (w) => ({ u: id(w.grB), d: `${w.seq()}/QĐ-UBND` }),
  },
  "Query.award": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($id: ID!) { award(id: $id) { id } }`,
    inside: (_w, role) => ({ id: String(emu.awardsA[role]) }),
    outside: () => ({ id: String(emu.awardB) }),
  },
  "Mutation.deleteAward": {
    roles: [Role.ADMIN, Role.STAFF, Role.LEADER],
    kind: "write",
    query: `mutation($id: ID!) { deleteAward(id: $id, reason: "Ghi nhầm") }`,
    inside: (_w, role) => ({ id: String(emu.awardsA[role]) }),
    outside: () => ({ id: String(emu.awardB) }),
  },
  "Query.ethicalStandards": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($u: ID) { ethicalStandards(unitId: $u, first: 500) { edges { node { id slogans } } } }`,
    inside: () => ({}),
    outside: (w) => ({ u: id(w.districtB) }),
    check: (r) => {
      const ids = r.data!.ethicalStandards.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).not.toContain(String(emu.standardB));
    },
  },
  "Query.ethicalStandardCounts": unitPanel(
    `query($u: ID!) { ethicalStandardCounts(unitId: $u) { total { standards } } }`,
  ),
  "Mutation.recordEthicalStandard": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($u: ID!) { recordEthicalStandard(input: { unitId: $u, content: "Chuẩn mực", slogans: ["Khẩu hiệu"] }) { id } }`,
    inside: (w) => ({ u: id(w.grA) }),
    outside: (w) => ({ u: id(w.grB) }),
  },
  "Mutation.updateEthicalStandard": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!) { updateEthicalStandard(id: $id, input: { content: "Chuẩn mực mới" }) { id } }`,
    inside: () => ({ id: String(emu.standardA) }),
    outside: () => ({ id: String(emu.standardB) }),
  },
  "Query.goodModels": {
    roles: READERS,
    kind: "read",
    query: `query($u: ID) { goodModels(unitId: $u, first: 500) { edges { node { id } } } }`,
    inside: () => ({}),
    outside: (w) => ({ u: id(w.districtB) }),
    check: (r) => {
      const ids = r.data!.goodModels.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).toContain(String(emu.modelA));
      expect(ids).not.toContain(String(emu.modelB));
    },
  },
  "Mutation.recordGoodModel": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($u: ID!) { recordGoodModel(input: { unitId: $u, title: "Dân vận khéo", startsOn: "2025-01-01" }) { id } }`,
    inside: (w) => ({ u: id(w.grA) }),
    outside: (w) => ({ u: id(w.grB) }),
  },
  "Mutation.updateGoodModel": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!) { updateGoodModel(id: $id, input: { results: "Nhân rộng" }) { id } }`,
    inside: () => ({ id: String(emu.modelA) }),
    outside: () => ({ id: String(emu.modelB) }),
  },
  "Query.viewer": {
    roles: "public",
    kind: "read",
    query: "{ viewer { username } }",
    inside: () => ({}),
    outside: null,
  },
  "Mutation.signIn": {
    roles: "public",
    kind: "write",
    query: `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }`,
    inside: (w) => ({ u: w.usersA.LEADER.username, p: "secret-password" }),
    outside: null,
  },
  "Mutation.signOut": {
    roles: "public",
    kind: "write",
    query: "mutation { signOut }",
    inside: () => ({}),
    outside: null,
  },
  "Mutation.changePassword": {
    roles: ANY_ROLE,
    kind: "write",
    query: `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
    inside: (_w, role) => ({ c: "secret-password", n: `new-password-${role}` }),
    outside: null,
  },
  "Query.orgUnit": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($id: ID!) { orgUnit(id: $id) { id name } }`,
    inside: (w) => ({ id: id(w.cellA) }),
    outside: (w) => ({ id: id(w.cellB) }),
  },
  "Query.orgUnits": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($parentId: ID) { orgUnits(parentId: $parentId, first: 500) { totalCount edges { node { id } } } }`,
    inside: (w, role) => ({ parentId: role === Role.SECRETARY ? undefined : id(w.districtA) }),
    outside: (w) => ({ parentId: id(w.districtB) }),
    check: (r, w) => {
      const ids = r.data!.orgUnits.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).not.toContain(id(w.cellB));
      expect(ids).not.toContain(id(w.districtB));
      expect(ids).not.toContain(id(w.province));
    },
  },
  "Query.rootUnits": {
    roles: ANY_ROLE,
    kind: "read",
    query: `{ rootUnits { id parent { id } ancestors { id } } }`,
    inside: () => ({}),
    outside: null,
    check: (r, w) => {
      const [root] = r.data!.rootUnits;
      expect([id(w.districtA), id(w.cellA)]).toContain(root.id);
      expect(root.parent).toBeNull();
      expect(root.ancestors).toEqual([]);
    },
  },
  "Query.member": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($id: ID!) { member(id: $id) { id } }`,
    inside: (w) => ({ id: String(w.memberA) }),
    outside: (w) => ({ id: String(w.memberB) }),
  },
  "Query.members": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($orgUnitId: ID) { members(orgUnitId: $orgUnitId, first: 500) { totalCount edges { node { id } } } }`,
    inside: () => ({}),
    outside: (w) => ({ orgUnitId: id(w.cellB) }),
    check: (r, w) => {
      const ids = r.data!.members.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).toContain(String(w.memberA));
      expect(ids).not.toContain(String(w.memberB));
    },
  },
  "Query.users": {
    roles: [Role.ADMIN],
    kind: "read",
    query: `{ users(first: 500) { edges { node { username } } } }`,
    inside: () => ({}),
    outside: null,
    check: (r, w) => {
      const names = r.data!.users.edges.map((e: { node: { username: string } }) => e.node.username);
      expect(names).toContain(w.targetA.username);
      expect(names).not.toContain(w.userB.username);
    },
  },
  "Query.user": {
    roles: [Role.ADMIN],
    kind: "read",
    query: `query($id: ID!) { user(id: $id) { id } }`,
    inside: (w) => ({ id: id(w.targetA) }),
    outside: (w) => ({ id: id(w.userB) }),
  },
  "Mutation.createUser": {
    roles: [Role.ADMIN],
    kind: "write",
    query: `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    inside: (w) => ({
      input: {
        username: `new${w.seq()}`,
        displayName: "Mới",
        password: "a-long-password",
        role: "STAFF",
        unitId: id(w.districtA),
      },
    }),
    outside: (w) => ({
      input: {
        username: `new${w.seq()}`,
        displayName: "Mới",
        password: "a-long-password",
        role: "STAFF",
        unitId: id(w.districtB),
      },
    }),
  },
  "Mutation.updateUser": {
    roles: [Role.ADMIN],
    kind: "write",
    query: `mutation($id: ID!) { updateUser(id: $id, input: { displayName: "Đổi tên" }) { id } }`,
    inside: (w) => ({ id: id(w.targetA) }),
    outside: (w) => ({ id: id(w.userB) }),
  },
  "Mutation.resetPassword": {
    roles: [Role.ADMIN],
    kind: "write",
    query: `mutation($id: ID!) { resetPassword(id: $id, newPassword: "another-password") }`,
    inside: (w) => ({ id: id(w.targetA) }),
    outside: (w) => ({ id: id(w.userB) }),
  },
  "Query.admissionProgress": unitPanel(
    `query($u: ID!) { admissionProgress(unitId: $u, year: 2025) { unit { admitted } } }`,
  ),
  "Query.dashboardSummary": unitPanel(
    `query($u: ID!) { dashboardSummary(unitId: $u, year: 2025) { admitted } }`,
  ),
  "Query.admissionTrend": unitPanel(`query($u: ID!) { admissionTrend(unitId: $u) { year } }`),
  "Query.admissionComposition": unitPanel(
    `query($u: ID!) { admissionComposition(unitId: $u, year: 2025, by: GENDER) { key } }`,
  ),
  "Query.admissionFunnel": unitPanel(
    `query($u: ID!) { admissionFunnel(unitId: $u, year: 2025) { stage } }`,
  ),
  "Query.keptFigures": {
    roles: READERS,
    kind: "read",
    query: `{ keptFigures { name fresh } }`,
    inside: () => ({}),
    outside: null,
  },
  "Query.admissionTargets": unitPanel(
    `query($u: ID!) { admissionTargets(unitId: $u, year: 2025) { rowsTotal } }`,
  ),
  "Mutation.setAdmissionTargets": {
    roles: [Role.ADMIN, Role.LEADER, Role.STAFF],
    kind: "write",
    query: `mutation($u: ID!, $t: Int!) { setAdmissionTargets(year: 2025, targets: [{ unitId: $u, target: $t }]) { target } }`,
    inside: (w) => ({ u: id(w.grA), t: w.seq() }),
    outside: (w) => ({ u: id(w.grB), t: w.seq() }),
  },
  "Query.meeting": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($id: ID!) { meeting(id: $id) { id } }`,
    inside: (w) => ({ id: String(w.meetingA) }),
    outside: (w) => ({ id: String(w.meetingB) }),
  },
  "Query.meetings": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($c: ID!) { meetings(cellId: $c) { totalCount } }`,
    inside: (w) => ({ c: id(w.cellA) }),
    outside: (w) => ({ c: id(w.cellB) }),
  },
  "Query.cellOverview": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($c: ID!) { cellOverview(cellId: $c) { memberCount } }`,
    inside: (w) => ({ c: id(w.cellA) }),
    outside: (w) => ({ c: id(w.cellB) }),
  },
  "Query.studyThemes": {
    roles: ANY_ROLE,
    kind: "read",
    query: `{ studyThemes { year } }`,
    inside: () => ({}),
    outside: null,
  },
  "Query.meetingCompliance": unitPanel(
    `query($u: ID!) { meetingCompliance(unitId: $u, year: 2025) { total { cellsRequired } } }`,
  ),
  "Query.cellCompliance": unitPanel(
    `query($u: ID!) { cellCompliance(unitId: $u, year: 2025) { totalCount } }`,
  ),
  "Mutation.logMeeting": {
    roles: [Role.ADMIN, Role.STAFF, Role.SECRETARY],
    kind: "write",
    query: `mutation($c: ID!, $k: String!) { logMeeting(input: { idempotencyKey: $k, cellId: $c, kind: EXTRAORDINARY, heldAt: "2025-06-01T01:00:00Z", attendance: [] }) { id } }`,
    inside: (w) => ({ c: id(w.cellA), k: `matrix-key-${w.seq()}` }),
    outside: (w) => ({ c: id(w.cellB), k: `matrix-key-${w.seq()}` }),
  },
  "Mutation.updateMeeting": {
    roles: [Role.ADMIN, Role.STAFF, Role.SECRETARY],
    kind: "write",
    query: `mutation($id: ID!) { updateMeeting(id: $id, input: { minutes: "x" }) { id } }`,
    inside: (w) => ({ id: String(w.meetingA) }),
    outside: (w) => ({ id: String(w.meetingB) }),
  },
  "Mutation.unlockMeeting": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!) { unlockMeeting(id: $id) { id } }`,
    inside: (w) => ({ id: String(w.meetingA) }),
    outside: (w) => ({ id: String(w.meetingB) }),
  },
  "Query.candidate": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($id: ID!) { candidate(id: $id) { id } }`,
    inside: (w, role) => ({ id: String(w.fresh[role].candidate) }),
    outside: (w) => ({ id: String(w.candidateB) }),
  },
  "Query.candidates": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($u: ID) { candidates(unitId: $u, first: 500) { edges { node { id } } } }`,
    inside: () => ({}),
    outside: (w) => ({ u: id(w.cellB) }),
    check: (r, w) => {
      expect(
        r.data!.candidates.edges.map((e: { node: { id: string } }) => e.node.id),
      ).not.toContain(String(w.candidateB));
    },
  },
  "Query.candidateStageCounts": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($u: ID!) { candidateStageCounts(unitId: $u) { stage count } }`,
    inside: (w) => ({ u: id(w.cellA) }),
    outside: (w) => ({ u: id(w.cellB) }),
  },
  "Mutation.registerCandidate": {
    roles: [Role.ADMIN, Role.STAFF, Role.SECRETARY],
    kind: "write",
    query: `mutation($c: ID!) { registerCandidate(input: { fullName: "Người Mới", gender: MALE, birthDate: "2000-02-02", ethnicity: "Kinh", occupation: WORKER, cellId: $c, registeredOn: "2025-02-01" }) { id } }`,
    inside: (w) => ({ c: id(w.cellA) }),
    outside: (w) => ({ c: id(w.cellB) }),
  },
  "Mutation.advanceCandidate": {
    roles: [Role.ADMIN, Role.STAFF, Role.SECRETARY],
    kind: "write",
    query: `mutation($id: ID!) { advanceCandidate(input: { candidateId: $id, stage: WITHDRAWN, on: "2025-02-01", note: "Lý do" }) { id } }`,
    inside: (w, role) => ({ id: String(w.fresh[role].candidate) }),
    outside: (w) => ({ id: String(w.candidateB) }),
  },
  "Query.probationDue": unitPanel(
    `query($u: ID!) { probationDue(unitId: $u) { totalCount } }`,
    ANY_ROLE,
  ),
  "Mutation.recogniseOfficial": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!) { recogniseOfficial(input: { memberIds: [$id], on: "2025-06-01", decisionNo: "1-QĐ/ĐU" }) { id } }`,
    inside: (w, role) => ({ id: String(w.fresh[role].probationer) }),
    outside: (w) => ({ id: String(w.probationerB) }),
  },
  "Mutation.extendProbation": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!) { extendProbation(input: { memberIds: [$id], on: "2025-07-01", months: 1, decisionNo: "2-QĐ/ĐU", reason: "Lý do" }) { id } }`,
    inside: (w, role) => ({ id: String(w.fresh[role].probationer2) }),
    outside: (w) => ({ id: String(w.probationerB) }),
  },
  "Mutation.recordExit": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!) { recordExit(input: { memberIds: [$id], on: "2025-08-01", status: DECEASED }) { id } }`,
    inside: (w, role) => ({ id: String(w.fresh[role].member) }),
    outside: (w) => ({ id: String(w.memberB) }),
  },
  "Mutation.moveMember": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!, $to: ID!) { moveMember(input: { memberId: $id, toCellId: $to, on: "2025-08-01" }) { id } }`,
    inside: (w, role) => ({ id: String(w.fresh[role].mover), to: id(w.cellA2) }),
    outside: (w) => ({ id: String(w.memberB), to: id(w.cellA2) }),
  },
  "Mutation.transferIn": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($c: ID!) { transferIn(input: { fullName: "Người Đến", gender: FEMALE, birthDate: "1990-01-01", ethnicity: "Kinh", occupation: TEACHER, cellId: $c, on: "2025-03-01", admittedOn: "2015-01-01", officialOn: "2016-01-01", origin: "Đảng bộ tỉnh Bình Thuận" }) { id } }`,
    inside: (w) => ({ c: id(w.cellA) }),
    outside: (w) => ({ c: id(w.cellB) }),
  },
  "Mutation.startTemporaryActivity": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!, $c: ID!) { startTemporaryActivity(input: { memberId: $id, cellId: $c, on: "2025-09-01" }) { id } }`,
    inside: (w, role) => ({ id: String(w.fresh[role].probationer2), c: id(w.cellA2) }),
    outside: (w) => ({ id: String(w.memberB), c: id(w.cellA2) }),
  },
  "Mutation.endTemporaryActivity": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($id: ID!, $c: ID!) { endTemporaryActivity(input: { memberId: $id, cellId: $c, on: "2025-09-01" }) { id } }`,
    inside: (w, role) => ({ id: String(w.fresh[role].temp), c: id(w.cellA2) }),
    outside: (w) => ({ id: String(w.memberB), c: id(w.cellB) }),
  },
  "Query.reviewSheet": {
    roles: ANY_ROLE,
    kind: "read",
    query: `query($c: ID!) { reviewSheet(cellId: $c, year: 2025) { year } }`,
    inside: (w) => ({ c: id(w.cellA) }),
    outside: (w) => ({ c: id(w.cellB) }),
  },
  "Mutation.setReviews": {
    roles: [Role.ADMIN, Role.STAFF, Role.SECRETARY],
    kind: "write",
    query: `mutation($c: ID!, $m: ID!) { setReviews(cellId: $c, year: 2025, entries: [{ memberId: $m, classification: GOOD }]) { year } }`,
    inside: (w) => ({ c: id(w.cellA), m: String(w.memberA) }),
    outside: (w) => ({ c: id(w.cellB), m: String(w.memberB) }),
  },
  "Mutation.setCommitments": {
    roles: [Role.ADMIN, Role.STAFF, Role.SECRETARY],
    kind: "write",
    query: `mutation($c: ID!, $m: ID!) { setCommitments(cellId: $c, year: 2025, entries: [{ memberId: $m, content: "Gương mẫu" }]) { year } }`,
    inside: (w) => ({ c: id(w.cellA), m: String(w.memberA) }),
    outside: (w) => ({ c: id(w.cellB), m: String(w.memberB) }),
  },
  "Query.reviewSummary": unitPanel(
    `query($u: ID!) { reviewSummary(unitId: $u, year: 2025) { reviewed } }`,
  ),
  "Query.trainingClasses": unitPanel(
    `query($u: ID!) { trainingClasses(unitId: $u) { totalCount } }`,
    ANY_ROLE,
  ),
  "Mutation.createTrainingClass": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($u: ID!) { createTrainingClass(input: { kind: CADRE_TRAINING, name: "Lớp", organiserUnitId: $u, startsOn: "2025-05-01" }) { id } }`,
    inside: (w) => ({ u: id(w.districtA) }),
    outside: (w) => ({ u: id(w.districtB) }),
  },
  "Mutation.enrolInTraining": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($c: ID!, $p: ID!) { enrolInTraining(input: { classId: $c, candidateIds: [$p] }) { enrolled } }`,
    inside: (w, role) => ({ c: String(w.classA), p: String(w.fresh[role].candidate) }),
    outside: (w) => ({ c: String(w.classB), p: String(w.candidateB) }),
  },
  "Mutation.recordTrainingCompletion": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($c: ID!, $m: ID!) { recordTrainingCompletion(input: { classId: $c, memberIds: [$m], completedOn: "2025-05-01" }) { completed } }`,
    inside: (w) => ({ c: String(w.theoryA), m: String(w.memberA) }),
    outside: (w) => ({ c: String(w.theoryB), m: String(w.memberB) }),
  },
  "Mutation.previewImport": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($u: ID!, $f: String!) { previewImport(input: { unitId: $u, kind: CANDIDATES, filename: "a.csv", contentBase64: $f }) { totalRows } }`,
    inside: (w) => ({ u: id(w.districtA), f: importFile(w.cellA.code) }),
    outside: (w) => ({ u: id(w.districtB), f: importFile(w.cellB.code) }),
  },
  "Mutation.commitImport": {
    roles: [Role.ADMIN, Role.STAFF],
    kind: "write",
    query: `mutation($u: ID!, $f: String!) { commitImport(input: { unitId: $u, kind: CANDIDATES, filename: "a.csv", contentBase64: $f }) { imported } }`,
    inside: (w) => ({ u: id(w.districtA), f: importFile(w.cellA.code) }),
    outside: (w) => ({ u: id(w.districtB), f: importFile(w.cellB.code) }),
  },
  "Query.stats": unitPanel(
    `query($u: ID!) { stats(metric: ADMISSIONS, unitId: $u, groupBy: [YEAR]) { total } }`,
  ),
  "Query.auditLog": {
    roles: [Role.ADMIN, Role.LEADER],
    kind: "read",
    query: `query($unitId: ID) { auditLog(unitId: $unitId, first: 500) { edges { node { unit { id } } } } }`,
    inside: (w) => ({ unitId: id(w.districtA) }),
    outside: (w) => ({ unitId: id(w.districtB) }),
    check: (r, w) => {
      for (const e of r.data!.auditLog.edges) expect(e.node.unit?.id).not.toBe(id(w.districtB));
    },
  },
};

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  const province = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh" });
  const districtA = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện A", parent: province });
  const grA = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Xã A", parent: districtA });
  const cellA = await f.unit({ kind: "CELL", name: "Chi bộ A", parent: grA });
  const districtB = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện B", parent: province });
  const grB = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Xã B", parent: districtB });
  const cellB = await f.unit({ kind: "CELL", name: "Chi bộ B", parent: grB });
  const memberA = (await f.member({ unit: cellA })).id;
  const memberB = (await f.member({ unit: cellB })).id;
  const usersA = {} as Record<Role, User>;
  for (const role of ANY_ROLE)
    usersA[role] = await f.user({ unit: role === Role.SECRETARY ? cellA : districtA, role });
  const userB = await f.user({ unit: districtB, role: Role.STAFF });
  const targetA = await f.user({ unit: cellA, role: Role.SECRETARY });
  // Audit entries on both sides, so the audit log has something to scope.
  await api.gql(
    `mutation($id: ID!) { updateUser(id: $id, input: { displayName: "B" }) { id } }`,
    { id: String(userB.id) },
    {
      viewer: viewerOf(await f.user({ unit: province, role: Role.ADMIN })),
    },
  );
  await api.gql(
    `mutation($id: ID!) { updateUser(id: $id, input: { displayName: "A" }) { id } }`,
    { id: String(targetA.id) },
    {
      viewer: viewerOf(usersA.ADMIN),
    },
  );
  const recent = new Date(Date.now() - 2 * 86_400_000);
  const meetingOf = (unitId: number) =>
    api.db.prisma.meeting.create({
      data: {
        unitId,
        kind: "REGULAR",
        heldAt: recent,
        heldOn: new Date(recent.toISOString().slice(0, 10)),
      },
    });
  const meetingA = (await meetingOf(cellA.id)).id;
  const meetingB = (await meetingOf(cellB.id)).id;
  const cellA2 = await f.unit({ kind: "CELL", name: "Chi bộ A2", parent: grA });
  const candidateOf = async (unitId: number) =>
    (
      await api.db.prisma.candidate.create({
        data: {
          fullName: "Quần Chúng",
          nameSearch: "quan chung",
          gender: "MALE",
          birthDate: new Date("2000-01-01"),
          ethnicity: "Kinh",
          occupation: "WORKER",
          unitId,
          stage: "REGISTERED",
          stageOn: new Date("2025-01-01"),
          registeredOn: new Date("2025-01-01"),
          events: { create: { stage: "REGISTERED", occurredOn: new Date("2025-01-01") } },
        },
      })
    ).id;
  const fresh = {} as World["fresh"];
  for (const role of ANY_ROLE) {
    const temp = await f.member({ unit: cellA });
    await api.db.prisma.memberAssignment.create({
      data: {
        memberId: temp.id,
        unitId: cellA2.id,
        validFrom: new Date("2025-01-01"),
        temporary: true,
      },
    });
    fresh[role] = {
      candidate: await candidateOf(cellA.id),
      probationer: (await f.member({ unit: cellA, admittedOn: "2023-01-01", officialOn: null })).id,
      probationer2: (await f.member({ unit: cellA, admittedOn: "2025-06-01", officialOn: null }))
        .id,
      member: (await f.member({ unit: cellA })).id,
      mover: (await f.member({ unit: cellA })).id,
      temp: temp.id,
    };
  }
  const classOf = async (unitId: number, kind: "AWARENESS_CLASS" | "NEW_MEMBER_THEORY") =>
    (
      await api.db.prisma.trainingClass.create({
        data: { kind, name: "Lớp", organiserUnitId: unitId, startsOn: new Date("2025-01-01") },
      })
    ).id;
  let n = 0;
  world = {
    fresh,
    cellA2,
    candidateB: await candidateOf(cellB.id),
    probationerB: (await f.member({ unit: cellB, admittedOn: "2023-01-01", officialOn: null })).id,
    classA: await classOf(districtA.id, "AWARENESS_CLASS"),
    classB: await classOf(districtB.id, "AWARENESS_CLASS"),
    theoryA: await classOf(districtA.id, "NEW_MEMBER_THEORY"),
    theoryB: await classOf(districtB.id, "NEW_MEMBER_THEORY"),
    meetingA,
    meetingB,
    province,
    districtA,
    cellA,
    grA,
    districtB,
    grB,
    cellB,
    memberA,
    memberB,
    usersA,
    userB,
    targetA,
    seq: () => ++n,
  };
});
/** Emulation records on both sides (district A and district B), for the emulation SPECS. */
const emu = {
  campaignA: 0,
  campaignB: 0,
  registrationA: 0,
  registrationB: 0,
  awardB: 0,
  /** One award in district A per role, for deleteAward (a write that succeeds once). */
  awardsA: {} as Record<Role, number>,
  standardA: 0,
  standardB: 0,
  modelA: 0,
  modelB: 0,
};
beforeAll(async () => {
  const { prisma } = api.db;
  const w = world;
  const campaignOf = async (unit: OrgUnit) =>
    (
      await prisma.emulationCampaign.create({
        data: {
          title: `Thi đua ${unit.name}`,
          theme: "Chủ đề",
          startsOn: new Date("2020-01-01"),
          endsOn: new Date("2099-12-31"),
          organiserUnitId: unit.id,
          eligibility: { create: { unitId: unit.id } },
        },
      })
    ).id;
  emu.campaignA = await campaignOf(w.districtA);
  emu.campaignB = await campaignOf(w.districtB);
  const registrationOf = async (campaignId: number, unit: OrgUnit) =>
    (
      await prisma.campaignRegistration.create({
        data: {
          campaignId,
          unitId: unit.id,
          title: "Phần việc",
          registeredOn: new Date("2025-02-01"),
        },
      })
    ).id;
  emu.registrationA = await registrationOf(emu.campaignA, w.grA);
  emu.registrationB = await registrationOf(emu.campaignB, w.grB);
  emu.awardB = (
    await prisma.award.create({
      data: {
        kind: "PROVINCE_FLAG",
        issuer: "UBND tỉnh",
        decisionNo: "1/QĐ-UBND",
        decidedOn: new Date("2025-01-10"),
        yearFrom: 2024,
        yearTo: 2024,
        unitId: w.grB.id,
      },
    })
  ).id;
  for (const role of ANY_ROLE)
    emu.awardsA[role] = (
      await prisma.award.create({
        data: {
          kind: "PROVINCE_FLAG",
          issuer: "UBND tỉnh",
          decisionNo: `${role}/QĐ-UBND`,
          decidedOn: new Date("2025-01-10"),
          yearFrom: 2024,
          yearTo: 2024,
          // The secretary sees her cell's awards, not those of the grassroots above it.
          unitId: role === Role.SECRETARY ? w.cellA.id : w.grA.id,
        },
      })
    ).id;
  const standardOf = async (unit: OrgUnit) =>
    (await prisma.ethicalStandard.create({ data: { unitId: unit.id, content: "Chuẩn mực" } })).id;
  emu.standardA = await standardOf(w.grA);
  emu.standardB = await standardOf(w.grB);
  const modelOf = async (unit: OrgUnit) =>
    (
      await prisma.goodModel.create({
        data: { unitId: unit.id, title: "Dân vận khéo", startsOn: new Date("2024-01-01") },
      })
    ).id;
  emu.modelA = await modelOf(w.grA);
  emu.modelB = await modelOf(w.grB);
});
/** Document-registry records on both sides, for the document SPECS. */
const docs = {
  central: 0,
  ownA: 0,
  ownB: 0,
  confA: 0,
  confB: 0,
  provinceUsers: {} as Record<Role, User>,
};
beforeAll(async () => {
  const { prisma } = api.db;
  const w = world;
  const documentOf = async (
    number: string,
    seq: number,
    kind: "NQ" | "KH",
    issuer: string,
    issuerUnitId: number | null,
  ) =>
    (
      await prisma.document.create({
        data: {
          number,
          seq,
          kind,
          issuer,
          issuedOn: new Date("2022-06-16"),
          title: number,
          titleSearch: number.toLowerCase(),
          issuerUnitId,
        },
      })
    ).id;
  docs.central = await documentOf("21-NQ/TW", 21, "NQ", "TW", null);
  docs.ownA = await documentOf("01-KH/HU", 1, "KH", "HU", w.districtA.id);
  docs.ownB = await documentOf("02-KH/HU", 2, "KH", "HU", w.districtB.id);
  const conferenceOf = async (unit: OrgUnit) =>
    (
      await prisma.conference.create({
        data: {
          kind: "DISSEMINATION",
          title: `Quán triệt ${unit.name}`,
          organiserUnitId: unit.id,
          heldOn: new Date("2025-03-01"),
          format: "IN_PERSON",
          audience: "MEMBERS",
          attendeeCount: 20,
          documents: { create: { documentId: docs.central } },
        },
      })
    ).id;
  docs.confA = await conferenceOf(w.cellA);
  docs.confB = await conferenceOf(w.cellB);
  await prisma.implementationRequirement.create({
    data: {
      documentId: docs.central,
      scopeUnitId: w.province.id,
      unitKinds: ["GRASSROOTS_COMMITTEE"],
      dueOn: new Date("2022-09-30"),
    },
  });
  for (const role of ANY_ROLE)
    docs.provinceUsers[role] = await api.f.user({ unit: w.province, role });
});
afterAll(() => api.close());

describe("access matrix", () => {
  it("has a rule for every operation in the schema, and no rule for operations that do not exist", async () => {
    const schema = await getSchema();
    const operations = [schema.getQueryType(), schema.getMutationType()].flatMap((t) =>
      t ? Object.keys(t.getFields()).map((name) => `${t.name}.${name}`) : [],
    );
    expect(
      operations.filter((op) => !SPECS[op]),
      "operations missing from SPECS",
    ).toEqual([]);
    expect(
      Object.keys(SPECS).filter((op) => !operations.includes(op)),
      "SPECS for unknown operations",
    ).toEqual([]);
  });

  it("gives each role the expected outcome inside and outside its subtree", async () => {
    const failures: string[] = [];
    for (const [operation, spec] of Object.entries(SPECS)) {
      // Anonymous callers.
      const anonymous = await api.gql(spec.query, spec.inside(world, Role.LEADER), {
        viewer: null,
      });
      if (spec.roles === "public") {
        if (anonymous.errors) failures.push(`${operation} anonymous: ${codes(anonymous)}`);
        continue;
      }
      if (codes(anonymous).join() !== "UNAUTHENTICATED")
        failures.push(`${operation} anonymous: expected UNAUTHENTICATED, got ${codes(anonymous)}`);

      for (const role of ANY_ROLE) {
        const viewer = viewerOf((spec.callers?.(world) ?? world.usersA)[role]);
        const allowed = spec.roles.includes(role);
        const inside = await api.gql(spec.query, spec.inside(world, role), { viewer });
        if (!allowed) {
          if (codes(inside).join() !== "FORBIDDEN")
            failures.push(
              `${operation} ${role} inside: expected FORBIDDEN, got ${codes(inside) || "success"}`,
            );
        } else if (inside.errors) {
          failures.push(
            `${operation} ${role} inside: expected success, got ${codes(inside)} ${inside.errors[0]!.message}`,
          );
        } else if (spec.check) {
          try {
            spec.check(inside, world);
          } catch (error) {
            failures.push(`${operation} ${role} inside: ${(error as Error).message}`);
          }
        }
        if (!spec.outside) continue;
        const outside = await api.gql(spec.query, spec.outside(world, role), { viewer });
        const expected = !allowed ? "FORBIDDEN" : spec.kind === "read" ? "NOT_FOUND" : "FORBIDDEN";
        if (codes(outside).join() !== expected)
          failures.push(
            `${operation} ${role} outside: expected ${expected}, got ${codes(outside) || "success"}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });
});
