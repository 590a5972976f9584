import { createHash, randomBytes } from "node:crypto";
import type { RawSql } from "@dangbo/db";
import { parse as parseCookies, serialize } from "cookie";
import type { Viewer } from "../../graphql/context.ts";
import type { Tx } from "../audit/audit.service.ts";

export const SESSION_COOKIE = "dangbo_session";
/** Idle timeout: a session unused for this long ends; each use extends it. */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** Extend at most this often, to avoid a write per request. */
const TOUCH_EVERY_MS = 5 * 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a session and returns the token for the cookie; the database keeps only its hash. */
export async function createSession(
  tx: Tx,
  userId: number,
  now = new Date(),
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const id = hashToken(token);
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await tx.session.create({ data: { id, userId, expiresAt, createdAt: now, lastSeenAt: now } });
  return { token, id, expiresAt };
}

export function readSessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const token = parseCookies(cookieHeader)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

export function sessionCookie(
  token: string | null,
  options: { secure: boolean; maxAgeMs?: number },
): string {
  return serialize(SESSION_COOKIE, token ?? "", {
    httpOnly: true,
    sameSite: "strict",
    secure: options.secure,
    path: "/",
    maxAge: token ? Math.floor((options.maxAgeMs ?? SESSION_IDLE_MS) / 1000) : 0,
  });
}

interface SessionRow {
  user_id: number;
  username: string;
  display_name: string;
  role: string;
  unit_id: number;
  pii: boolean;
  /** Seconds since the epoch (timestamp(3) columns hold UTC). */
  last_seen: number;
}

/**
 * The signed-in user behind a cookie token, or null (unknown, expired, or the account is
 * disabled). Runs on every request, so it is one plain indexed statement, not an ORM call.
 */
export async function viewerFromToken(
  db: RawSql,
  token: string,
  now = new Date(),
): Promise<Viewer | null> {
  const id = hashToken(token);
  const [row] = await db.query<SessionRow>(
    `SELECT s.user_id, EXTRACT(EPOCH FROM s.last_seen_at)::float8 AS last_seen, u.username, u.display_name,
            u.role::text AS role, u.unit_id, u.pii
     FROM session s JOIN app_user u ON u.id = s.user_id
     WHERE s.id = $1 AND s.expires_at > $2::timestamp AND NOT u.disabled`,
    [id, now.toISOString()],
    // Prepared once per connection: parsing and planning it cost more than running it.
    { name: "session_viewer_v1", genericPlan: true },
  );
  if (!row) return null;
  if (now.getTime() - row.last_seen * 1000 > TOUCH_EVERY_MS) {
    await db
      .query(
        `UPDATE session SET last_seen_at = $2::timestamp, expires_at = $3::timestamp WHERE id = $1`,
        [id, now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString()],
      )
      .catch(() => {}); // a failed touch only shortens the session
  }
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unitId: row.unit_id,
    pii: row.pii,
    sessionId: id,
  };
}
