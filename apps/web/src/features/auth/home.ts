import type { Role } from "@dangbo/shared";

export const SIGN_IN_PATH = "/sign-in";

/**
 * Where a user lands after signing in when they were not going anywhere in particular.
 * The one place to change when a role gets a new home (e.g. the leaders' dashboard).
 */
export function homeFor(viewer: { role: Role; unit: { id: string } }): string {
  switch (viewer.role) {
    case "SECRETARY":
      // My cell: what the cell owes, its members and meetings (viewer.unit is her cell).
      return "/cell";
    case "ADMIN":
    case "LEADER":
    case "STAFF":
    case "ANALYST":
      return "/dashboard";
  }
}

const ORIGIN = "http://dangbo.invalid";

/**
 * The `next` address if it is a path of this app: never another site ("//evil.example",
 * "https://…", "/\\evil.example"), never the sign-in page itself. Null otherwise.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  if (url.pathname === SIGN_IN_PATH || url.pathname === "/") return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, remembering where to go afterwards. */
export function signInPath(next?: string | null): string {
  const target = safeNext(next);
  return target ? `${SIGN_IN_PATH}?next=${encodeURIComponent(target)}` : SIGN_IN_PATH;
}
