import type { MemberStatus, OrgUnitKind, Sector } from "../gql/graphql.ts";

/** Builders for mocked API data, with unique ids and overridable fields. */

export const AS_OF = "2025-06-30";

let sequence = 0;
const nextId = () => String(++sequence);

export interface TreeRow {
  __typename: "OrgUnit";
  id: string;
  asOf: string;
  name: string;
  kind: OrgUnitKind;
  sector: Sector;
  childCount: number;
  memberCounts: { __typename: "MemberCounts"; official: number; probationary: number };
}

export function treeRow(overrides: Partial<TreeRow> = {}): TreeRow {
  const id = overrides.id ?? nextId();
  return {
    __typename: "OrgUnit",
    id,
    asOf: AS_OF,
    name: `Chi bộ ${id}`,
    kind: "CELL",
    sector: "RESIDENTIAL",
    childCount: 0,
    ...overrides,
    memberCounts: {
      __typename: "MemberCounts",
      official: 10,
      probationary: 1,
      ...overrides.memberCounts,
    },
  };
}

export interface MemberNode {
  __typename: "Member";
  id: string;
  fullName: string;
  status: MemberStatus;
  probationEndsOn: string | null;
  admittedOn: string;
  birthDate: string | null;
  unit: { __typename: "OrgUnit"; id: string; asOf: string; name: string };
}

export function member(overrides: Partial<MemberNode> = {}): MemberNode {
  const id = overrides.id ?? nextId();
  return {
    __typename: "Member",
    id,
    fullName: `Đảng viên ${id}`,
    status: "OFFICIAL",
    probationEndsOn: null,
    admittedOn: "2010-05-19",
    birthDate: "1965-01-02",
    unit: { __typename: "OrgUnit", id: "cell-1", asOf: AS_OF, name: "Chi bộ Thôn 1" },
    ...overrides,
  };
}

export function memberConnection(
  nodes: MemberNode[],
  { totalCount = nodes.length, hasNextPage = false, endCursor = null as string | null } = {},
) {
  return {
    __typename: "MemberConnection",
    totalCount,
    pageInfo: { __typename: "PageInfo", hasNextPage, endCursor },
    edges: nodes.map((node) => ({ __typename: "MemberEdge", cursor: `c-${node.id}`, node })),
  };
}

export interface ViewerFixture {
  __typename: "Viewer";
  username: string;
  displayName: string;
  role: "ADMIN" | "LEADER" | "STAFF" | "SECRETARY" | "ANALYST";
  pii: boolean;
  unit: { __typename: "OrgUnit"; id: string; asOf: string; name: string };
}

/** The signed-in user (a provincial leader unless overridden). */
export function viewer(overrides: Partial<ViewerFixture> = {}): ViewerFixture {
  return {
    __typename: "Viewer",
    username: "leader",
    displayName: "Lê Minh Khoa",
    role: "LEADER",
    pii: true,
    unit: { __typename: "OrgUnit", id: "p1", asOf: AS_OF, name: "Đảng bộ tỉnh Ninh Thuận" },
    ...overrides,
  };
}
