import type { Role } from "@dangbo/shared";

/** Who reads dashboards and targets (the API's READERS); secretaries get an explanation instead. */
export const DASHBOARD_ROLES = [
  "ADMIN",
  "LEADER",
  "STAFF",
  "ANALYST",
] as const satisfies readonly Role[];
