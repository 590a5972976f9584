import type { Role } from "@dangbo/shared";
import { useViewer } from "../auth/ViewerProvider.tsx";

/** Who reads campaigns, awards, standards and models (the API's READERS). */
export const EMULATION_READERS = [
  "ADMIN",
  "LEADER",
  "STAFF",
  "ANALYST",
] as const satisfies readonly Role[];

/** Who records campaigns, registrations, ethical standards and good models. */
export const EMULATION_WRITERS = ["ADMIN", "STAFF"] as const satisfies readonly Role[];

/** Who records results and awards: standing committees (leaders) decide them too. */
export const RESULT_WRITERS = ["ADMIN", "STAFF", "LEADER"] as const satisfies readonly Role[];

/** Whether the signed-in user has one of the roles (the API checks again). */
export function useHasRole(roles: readonly Role[]): boolean {
  const viewer = useViewer();
  return viewer !== null && roles.includes(viewer.role);
}
