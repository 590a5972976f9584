import type { Role } from "@dangbo/shared";

/** Who may log and edit meetings (the API's writers; a secretary only for her cell). */
export const MEETING_WRITERS = ["ADMIN", "STAFF", "SECRETARY"] as const satisfies readonly Role[];
/** Who may unlock a meeting locked after 30 days. */
export const MEETING_UNLOCKERS = ["ADMIN", "STAFF"] as const satisfies readonly Role[];
/** Who may open the audit log (its page's roles). */
export const AUDIT_READERS = ["ADMIN", "LEADER"] as const satisfies readonly Role[];

export function hasRole(roles: readonly Role[], role: Role | undefined): boolean {
  return role !== undefined && roles.includes(role);
}
