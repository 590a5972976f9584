import { hashPassword, verifyPassword } from "@dangbo/db";
import type { Context, Viewer } from "../../graphql/context.ts";
import { badInput, ErrorCode, UserFacingError } from "../../graphql/errors.ts";
import { mutate } from "../audit/audit.service.ts";
import { createSession, SESSION_IDLE_MS, sessionCookie } from "./session.ts";

// Compared against when the username is unknown, so that both cases take the same time.
const DUMMY_HASH = hashPassword("not-a-real-password");

function invalidCredentials(): UserFacingError {
  return new UserFacingError(ErrorCode.UNAUTHENTICATED, "Wrong username or password", {
    reason: "INVALID_CREDENTIALS",
  });
}

export async function signIn(
  ctx: Context,
  usernameInput: string,
  password: string,
): Promise<Viewer> {
  const username = usernameInput.trim().toLowerCase();
  const { perAccount, perAddress } = ctx.services.signInLimits;
  const address = ctx.http?.ip ?? "local";
  const wait = Math.max(perAccount.retryAfter(username), perAddress.retryAfter(address));
  if (wait > 0) {
    throw new UserFacingError(
      ErrorCode.RATE_LIMITED,
      `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} min`,
      {
        retryAfterSeconds: wait,
      },
    );
  }
  const user = await ctx.primary.user.findUnique({ where: { username } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
  if (!user || !ok || user.disabled) {
    perAccount.fail(username);
    perAddress.fail(address);
    throw user && ok && user.disabled
      ? new UserFacingError(ErrorCode.UNAUTHENTICATED, "This account is disabled", {
          reason: "ACCOUNT_DISABLED",
        })
      : invalidCredentials();
  }
  perAccount.reset(username);
  const signedIn: Viewer = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    pii: user.pii,
    sessionId: "",
  };
  const session = await mutate({ ...ctx, viewer: signedIn }, async (tx, audit) => {
    const created = await createSession(tx, user.id, ctx.now);
    audit({
      operation: "signIn",
      entity: "Session",
      entityId: user.id,
      unitId: user.unitId,
      after: { username, ip: address },
    });
    return created;
  });
  ctx.http?.setCookie(
    sessionCookie(session.token, { secure: ctx.http.secure, maxAgeMs: SESSION_IDLE_MS }),
  );
  return { ...signedIn, sessionId: session.id };
}

export async function signOut(ctx: Context): Promise<boolean> {
  ctx.http?.setCookie(sessionCookie(null, { secure: ctx.http.secure }));
  const viewer = ctx.viewer;
  if (!viewer) return true;
  await mutate(ctx, async (tx, audit) => {
    await tx.session.deleteMany({ where: { id: viewer.sessionId } });
    audit({
      operation: "signOut",
      entity: "Session",
      entityId: viewer.userId,
      unitId: viewer.unitId,
    });
  });
  return true;
}

/** Changes one's own password; every other session of the account ends. */
export async function changePassword(
  ctx: Context,
  currentPassword: string,
  newPassword: string,
): Promise<boolean> {
  const viewer = ctx.viewer!;
  const user = await ctx.primary.user.findUniqueOrThrow({ where: { id: viewer.userId } });
  if (!(await verifyPassword(currentPassword, user.passwordHash)))
    throw badInput("currentPassword", "The current password is wrong");
  if (currentPassword === newPassword)
    throw badInput("newPassword", "Choose a password different from the current one");
  const passwordHash = await hashPassword(newPassword);
  await mutate(ctx, async (tx, audit) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id, id: { not: viewer.sessionId } } });
    audit({
      operation: "changePassword",
      entity: "User",
      entityId: user.id,
      unitId: user.unitId,
      after: { passwordChanged: true },
    });
  });
  return true;
}
