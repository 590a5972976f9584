import type { ParseKeys } from "i18next";
import type { Role } from "@dangbo/shared";

export interface NavItem {
  to: string;
  label: ParseKeys;
  /** Roles that see the entry; omitted: every signed-in user. (The API enforces access either way.) */
  roles?: Role[];
}

export interface NavGroup {
  id: string;
  label: ParseKeys;
  items: NavItem[];
}

/**
 * The whole navigation, grouped by the kind of user it serves. Features add their entries
 * here; the header renders this array and nothing else.
 */
export const NAVIGATION: NavGroup[] = [
  {
    id: "leaders",
    label: "nav.groups.leaders",
    items: [
      { to: "/dashboard", label: "dashboard.nav", roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"] },
      { to: "/targets", label: "targets.nav", roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"] },
      {
        to: "/compliance",
        label: "compliance.nav",
        roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"],
      },
      { to: "/units", label: "nav.units" },
    ],
  },
  {
    id: "development",
    label: "candidates.nav.group",
    items: [
      // Secretaries see their own cell's candidates and review; the rest is the board's work.
      { to: "/candidates", label: "candidates.nav.candidates" },
      {
        to: "/probation",
        label: "lifecycle.nav.probation",
        roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"],
      },
      { to: "/training", label: "training.nav", roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"] },
      { to: "/review", label: "review.nav" },
      { to: "/members/transfer-in", label: "lifecycle.nav.transferIn", roles: ["ADMIN", "STAFF"] },
      { to: "/import", label: "import.nav", roles: ["ADMIN", "STAFF"] },
    ],
  },
  {
    id: "secretaries",
    label: "nav.groups.secretaries",
    items: [
      { to: "/cell", label: "cell.nav", roles: ["SECRETARY"] },
      { to: "/members", label: "nav.members" },
    ],
  },
  {
    id: "emulation",
    label: "campaigns.nav.group",
    items: [
      {
        to: "/campaigns",
        label: "campaigns.nav.campaigns",
        roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"],
      },
      {
        to: "/emulation",
        label: "campaigns.nav.panels",
        roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"],
      },
      { to: "/awards", label: "awards.nav", roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"] },
      { to: "/ethics", label: "ethics.nav", roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"] },
      { to: "/models", label: "models.nav", roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"] },
    ],
  },
  {
    id: "documents",
    label: "documents.nav.group",
    items: [
      { to: "/documents", label: "documents.nav.registry" },
      {
        to: "/conferences",
        label: "documents.nav.conferences",
        roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"],
      },
      {
        to: "/study-themes",
        label: "documents.nav.studyThemes",
        roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"],
      },
    ],
  },
  {
    id: "analysts",
    label: "nav.groups.analysts",
    items: [
      { to: "/members", label: "nav.members" },
      { to: "/graphiql", label: "graphiql.nav", roles: ["ADMIN", "LEADER", "STAFF", "ANALYST"] },
    ],
  },
  {
    id: "admin",
    label: "users.nav.group",
    items: [
      { to: "/admin/users", label: "users.nav.users", roles: ["ADMIN"] },
      { to: "/admin/audit", label: "audit.nav", roles: ["ADMIN", "LEADER"] },
    ],
  },
];
