import type { OrgUnit, User } from "@dangbo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext, createServices, type HttpExchange } from "../../graphql/context.ts";
import { codes, createTestApi, viewerOf, type TestApi } from "../../testing/harness.ts";
import { mutate } from "../audit/audit.service.ts";
import { signIn } from "./auth.service.ts";
import { readSessionToken, viewerFromToken } from "./session.ts";

let api: TestApi;
let province: OrgUnit, district: OrgUnit, cell: OrgUnit, otherCell: OrgUnit;
let admin: User;

beforeAll(async () => {
  api = await createTestApi();
  const { f } = api;
  province = await f.unit({ kind: "PROVINCIAL_COMMITTEE", name: "Tỉnh" });
  district = await f.unit({ kind: "DISTRICT_COMMITTEE", name: "Huyện", parent: province });
  const gr = await f.unit({ kind: "GRASSROOTS_COMMITTEE", name: "Xã", parent: district });
  cell = await f.unit({ kind: "CELL", name: "Chi bộ 1", parent: gr });
  otherCell = await f.unit({ kind: "CELL", name: "Chi bộ 2", parent: gr });
  await f.member({
    unit: cell,
    fullName: "Nguyễn Văn Tư",
    birthDate: "1970-01-02",
    phone: "0909000111",
    nationalId: "058070000111",
    address: "Thôn 1",
  });
  await f.member({ unit: otherCell, fullName: "Trần Văn Năm" });
  admin = await f.user({ unit: province, role: "ADMIN", username: "root-admin" });
  api.defaultViewer = viewerOf(admin);
});
afterAll(() => api.close());

/** A sign-in through the service with a fake HTTP exchange that captures the cookie. */
async function trySignIn(
  username: string,
  password: string,
  ip = "10.0.0.1",
  services = createServices(),
) {
  const cookies: string[] = [];
  const http: HttpExchange = { ip, secure: false, setCookie: (v) => cookies.push(v) };
  const ctx = createContext(api.db, { requestId: "t", http, services });
  try {
    const viewer = await signIn(ctx, username, password);
    return {
      viewer,
      cookies,
      error: null as null | { code: unknown; message: string; extensions: Record<string, unknown> },
    };
  } catch (error) {
    const e = error as { extensions?: Record<string, unknown>; message: string };
    return {
      viewer: null,
      cookies,
      error: { code: e.extensions?.code, message: e.message, extensions: e.extensions ?? {} },
    };
  }
}

describe("personal data", () => {
  const Q = `{ members(search: "nguyen van tu") { edges { node { fullName birthDate phone nationalId address } } } }`;
  it("is masked for analysts without pii, visible with pii and for other roles", async () => {
    const plain = viewerOf(await api.f.user({ unit: province, role: "ANALYST" }));
    const granted = viewerOf(await api.f.user({ unit: province, role: "ANALYST", pii: true }));
    const leader = viewerOf(await api.f.user({ unit: province, role: "LEADER" }));
    const masked = await api.gql(Q, {}, { viewer: plain });
    expect(masked.data!.members.edges[0].node).toEqual({
      fullName: "Nguyễn Văn Tư",
      birthDate: null,
      phone: null,
      nationalId: null,
      address: null,
    });
    for (const viewer of [granted, leader]) {
      const full = await api.gql(Q, {}, { viewer });
      expect(full.data!.members.edges[0].node).toEqual({
        fullName: "Nguyễn Văn Tư",
        birthDate: "1970-01-02",
        phone: "0909000111",
        nationalId: "058070000111",
        address: "Thôn 1",
      });
    }
    const one = await api.gql(
      `query($id: ID!) { member(id: $id) { birthDate phone } }`,
      {
        id: (await api.db.prisma.member.findFirstOrThrow({ where: { fullName: "Nguyễn Văn Tư" } }))
          .id,
      },
      { viewer: plain },
    );
    expect(one.data!.member).toEqual({ birthDate: null, phone: null });
  });
});

describe("secretaries", () => {
  it("see their own cell only", async () => {
    const secretary = viewerOf(await api.f.user({ unit: cell, role: "SECRETARY" }));
    const members = await api.gql(
      `{ members { edges { node { fullName } } } }`,
      {},
      { viewer: secretary },
    );
    expect(members.data!.members.edges.map((e: any) => e.node.fullName)).toEqual(["Nguyễn Văn Tư"]);
    expect(
      codes(
        await api.gql(
          `query($id: ID!) { orgUnit(id: $id) { id } }`,
          { id: String(otherCell.id) },
          { viewer: secretary },
        ),
      ),
    ).toEqual(["NOT_FOUND"]);
    const roots = await api.gql(
      `{ rootUnits { name ancestors { name } parent { name } } }`,
      {},
      { viewer: secretary },
    );
    expect(roots.data!.rootUnits).toEqual([{ name: "Chi bộ 1", ancestors: [], parent: null }]);
  });
});

describe("sign-in", () => {
  it("signs in with the right password (username case-insensitive) and sets the cookie", async () => {
    await api.f.user({
      unit: district,
      role: "STAFF",
      username: "can-bo",
      password: "mat-khau-dung",
    });
    const ok = await trySignIn("Can-Bo", "mat-khau-dung");
    expect(ok.error).toBeNull();
    expect(ok.viewer!.username).toBe("can-bo");
    const token = readSessionToken(ok.cookies[0]!.split(";")[0]);
    expect(token).toBeTruthy();
    expect((await viewerFromToken(api.db, token!))?.username).toBe("can-bo");
    const session = await api.db.prisma.session.findFirstOrThrow({
      where: { user: { username: "can-bo" } },
    });
    expect(session.id).not.toBe(token); // only the hash is stored
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const unknown = await trySignIn("nobody", "whatever-password");
    const wrong = await trySignIn("root-admin", "wrong-password");
    expect(unknown.error).toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Wrong username or password",
    });
    expect(wrong.error).toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Wrong username or password",
    });
  });

  it("locks an account after 5 failures, even for the right password, and limits per address", async () => {
    await api.f.user({
      unit: district,
      role: "LEADER",
      username: "bi-khoa",
      password: "dung-mat-khau",
    });
    const services = createServices();
    for (let i = 0; i < 5; i++)
      expect(
        (await trySignIn("bi-khoa", `sai-${i}-password`, `10.1.0.${i}`, services)).error?.code,
      ).toBe("UNAUTHENTICATED");
    const locked = await trySignIn("bi-khoa", "dung-mat-khau", "10.9.9.9", services);
    expect(locked.error?.code).toBe("RATE_LIMITED");
    expect(locked.error?.extensions.retryAfterSeconds).toBeGreaterThan(800);
    // Per address: 30 failures from one address over many accounts block that address.
    for (let i = 0; i < 30; i++) await trySignIn(`ghost${i}`, "x-password", "10.2.2.2", services);
    expect((await trySignIn("can-bo", "mat-khau-dung", "10.2.2.2", services)).error?.code).toBe(
      "RATE_LIMITED",
    );
    expect((await trySignIn("can-bo", "mat-khau-dung", "10.3.3.3", services)).error).toBeNull();
  });

  it("refuses disabled accounts", async () => {
    await api.f.user({
      unit: district,
      role: "STAFF",
      username: "da-nghi",
      password: "mat-khau-cu",
      disabled: true,
    });
    expect((await trySignIn("da-nghi", "mat-khau-cu")).error).toMatchObject({
      code: "UNAUTHENTICATED",
      message: "This account is disabled",
    });
  });
});

describe("sessions end", () => {
  it("when the password changes (other sessions) and when an admin resets it or disables the account", async () => {
    const user = await api.f.user({
      unit: district,
      role: "STAFF",
      username: "doi-mat-khau",
      password: "mat-khau-1",
    });
    const first = await trySignIn("doi-mat-khau", "mat-khau-1");
    const second = await trySignIn("doi-mat-khau", "mat-khau-1");
    const tokenOf = (r: typeof first) => readSessionToken(r.cookies[0]!.split(";")[0])!;
    const current = await viewerFromToken(api.db, tokenOf(first));
    const change = await api.gql(
      `mutation { changePassword(currentPassword: "mat-khau-1", newPassword: "mat-khau-2") }`,
      {},
      { viewer: current },
    );
    expect(change.errors).toBeUndefined();
    expect(await viewerFromToken(api.db, tokenOf(first))).not.toBeNull();
    expect(await viewerFromToken(api.db, tokenOf(second))).toBeNull();

    const wrong = await api.gql(
      `mutation { changePassword(currentPassword: "sai-roi-nhe", newPassword: "mat-khau-3") }`,
      {},
      { viewer: current },
    );
    expect(wrong.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "currentPassword",
    });

    await api.gql(`mutation($id: ID!) { resetPassword(id: $id, newPassword: "mat-khau-moi") }`, {
      id: String(user.id),
    });
    expect(await viewerFromToken(api.db, tokenOf(first))).toBeNull();
    const third = await trySignIn("doi-mat-khau", "mat-khau-moi");
    await api.gql(
      `mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { disabled } }`,
      { id: String(user.id) },
    );
    expect(await viewerFromToken(api.db, tokenOf(third))).toBeNull();
  });
});

describe("user management", () => {
  const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id username role pii unit { id } } }`;
  const base = () => ({
    username: "bi-thu-moi",
    displayName: "Bí thư mới",
    password: "mat-khau-tot",
    role: "SECRETARY",
    unitId: String(cell.id),
  });

  it("creates an account, audited without the password", async () => {
    const result = await api.gql(CREATE, { input: base() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createUser).toMatchObject({
      username: "bi-thu-moi",
      role: "SECRETARY",
      pii: false,
      unit: { id: String(cell.id) },
    });
    const entry = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { operation: "createUser", entityId: result.data!.createUser.id },
    });
    expect(entry).toMatchObject({ username: "root-admin", entity: "User", unitId: cell.id });
    expect(JSON.stringify(entry.after)).not.toMatch(/password|scrypt/i);
    expect(await trySignIn("bi-thu-moi", "mat-khau-tot")).toMatchObject({ error: null });
  });

  it("rejects bad input with the field and changes nothing", async () => {
    const before = await api.db.prisma.user.count();
    const auditBefore = await api.db.prisma.auditLog.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ username: "A B" }, "username"],
      [{ username: "bi-thu-moi" }, "username"], // taken
      [{ password: "short" }, "password"],
      [{ displayName: "" }, "displayName"],
      [{ role: "STAFF", unitId: "abc" }, "unitId"],
      [{ unitId: String(district.id) }, "unitId"], // a secretary's unit must be a cell
      [{ unitId: "999999" }, "unitId"],
    ];
    for (const [override, field] of cases) {
      const result = await api.gql(CREATE, {
        input: { ...base(), username: "hop-le", ...override },
      });
      expect(codes(result), JSON.stringify(override)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0]!.extensions!.field, JSON.stringify(override)).toBe(field);
    }
    expect(await api.db.prisma.user.count()).toBe(before);
    expect(await api.db.prisma.auditLog.count()).toBe(auditBefore);
  });

  it("does not let admins lock themselves out", async () => {
    const result = await api.gql(
      `mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { id } }`,
      { id: String(admin.id) },
    );
    expect(result.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "disabled",
    });
  });

  it("records before and after values of an update", async () => {
    const target = await api.f.user({ unit: district, role: "STAFF", username: "se-doi" });
    await api.gql(
      `mutation($id: ID!) { updateUser(id: $id, input: { role: LEADER, pii: true }) { role } }`,
      { id: String(target.id) },
    );
    const entry = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { operation: "updateUser", entityId: String(target.id) },
      orderBy: { id: "desc" },
    });
    expect(entry.before).toMatchObject({ role: "STAFF", pii: false });
    expect(entry.after).toMatchObject({ role: "LEADER", pii: true });
    const log = await api.gql(
      `query($id: String) { auditLog(entity: "User", entityId: $id) { totalCount edges { node { operation username before after unit { id } } } } }`,
      { id: String(target.id) },
    );
    expect(log.data!.auditLog.totalCount).toBe(1);
    expect(log.data!.auditLog.edges[0].node).toMatchObject({
      operation: "updateUser",
      username: "root-admin",
      unit: { id: String(district.id) },
    });
  });
});

describe("the audit log", () => {
  it("is written in the same transaction as the change: both roll back together", async () => {
    const ctx = createContext(api.db, { requestId: "t", viewer: viewerOf(admin) });
    const usersBefore = await api.db.prisma.user.count();
    const auditBefore = await api.db.prisma.auditLog.count();
    await expect(
      mutate(ctx, async (tx, audit) => {
        const user = await tx.user.create({
          data: {
            username: "bong-ma",
            displayName: "x",
            passwordHash: "x",
            role: "STAFF",
            unitId: district.id,
          },
        });
        audit({
          operation: "createUser",
          entity: "User",
          entityId: user.id,
          unitId: district.id,
          after: user,
        });
        throw new Error("fails after the write");
      }),
    ).rejects.toThrow("fails after the write");
    expect(await api.db.prisma.user.count()).toBe(usersBefore);
    expect(await api.db.prisma.auditLog.count()).toBe(auditBefore);
  });

  it("refuses a mutation that records no audit entry", async () => {
    const ctx = createContext(api.db, { requestId: "t", viewer: viewerOf(admin) });
    await expect(mutate(ctx, async (tx) => tx.user.count())).rejects.toThrow(/audit/);
  });

  it("shows leaders only their subtree", async () => {
    const leader = viewerOf(await api.f.user({ unit: cell, role: "LEADER" }));
    const entries = await api.gql(
      `{ auditLog(first: 500) { edges { node { unit { id } } } } }`,
      {},
      { viewer: leader },
    );
    expect(entries.errors).toBeUndefined();
    for (const e of entries.data!.auditLog.edges) expect(e.node.unit.id).toBe(String(cell.id));
  });
});
