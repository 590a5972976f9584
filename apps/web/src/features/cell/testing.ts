import type { CellOverviewQuery } from "../../gql/graphql.ts";

/** Builders for mocked My cell answers (tests only), with the demo secretary's cell. */

type Overview = CellOverviewQuery["cellOverview"];
type Member = Overview["members"][number];
type MeetingRow = Overview["meetingsThisYear"][number];

export const CELL = { id: "c7", name: "Chi bộ thôn Thành Ý" };

export function cellMember(
  fullName: string,
  overrides: Partial<Member> = {},
): Member & { __typename: "CellMember" } {
  return {
    __typename: "CellMember",
    memberId: overrides.memberId ?? `m-${fullName}`,
    fullName,
    status: "OFFICIAL",
    probationEndsOn: null,
    temporary: false,
    ...overrides,
  };
}

export const MEMBERS = [
  cellMember("Nguyễn Văn An", { memberId: "101" }),
  cellMember("Trần Thị Bình", { memberId: "102" }),
  cellMember("Lê Văn Cường", {
    memberId: "103",
    status: "PROBATIONARY",
    probationEndsOn: "2026-12-20",
  }),
  cellMember("Phạm Thị Dung", { memberId: "104", temporary: true }),
];

export function meetingRow(overrides: Partial<MeetingRow> = {}): MeetingRow & {
  __typename: "Meeting";
} {
  return {
    __typename: "Meeting",
    id: "501",
    kind: "REGULAR",
    heldAt: "2026-11-05T12:30:00.000Z",
    heldOn: "2026-11-05",
    theme: "Sinh hoạt chi bộ định kỳ tháng 11/2026",
    draft: false,
    editable: true,
    presentCount: 3,
    excusedCount: 0,
    absentCount: 0,
    ...overrides,
  };
}

export function overview(
  overrides: Partial<Omit<Overview, "due">> & { due?: Partial<Overview["due"]> } = {},
) {
  const { due, ...rest } = overrides;
  return {
    __typename: "CellOverview",
    asOf: "2026-11-17",
    memberCount: 3,
    cell: {
      __typename: "OrgUnit",
      id: CELL.id,
      asOf: rest.asOf ?? "2026-11-17",
      name: CELL.name,
      validFrom: "2010-01-01",
      validTo: null,
    },
    due: {
      __typename: "CellDue",
      regularThisMonth: "ON_TIME",
      thematicThisQuarter: "MISSING",
      probationsEnding: [],
      absentMembers: [],
      ...due,
    },
    members: MEMBERS,
    meetingsThisYear: [meetingRow()],
    studyTheme: {
      __typename: "StudyTheme",
      id: "st-2026",
      title: "Bảy dám",
      year: 2026,
    },
    ...rest,
  };
}
