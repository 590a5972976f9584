import { graphql } from "../../gql/index.ts";

/** Cells (subordinate and grassroots) of the viewer's subtree, found by name. */
export const CellSearchQuery = graphql(`
  query PickerCellSearch($search: String!, $first: Int!) {
    cells: orgUnits(search: $search, kind: CELL, first: $first) {
      totalCount
      edges {
        cursor
        node {
          ...PickerUnit
        }
      }
    }
    grassrootsCells: orgUnits(search: $search, kind: GRASSROOTS_CELL, first: $first) {
      totalCount
      edges {
        cursor
        node {
          ...PickerUnit
        }
      }
    }
  }
`);

/** Any unit of the viewer's subtree, found by name. */
export const UnitSearchQuery = graphql(`
  query PickerUnitSearch($search: String!, $first: Int!) {
    orgUnits(search: $search, first: $first) {
      totalCount
      edges {
        cursor
        node {
          ...PickerUnit
        }
      }
    }
  }
`);

export const PickerUnitFragment = graphql(`
  fragment PickerUnit on OrgUnit {
    id
    asOf
    name
    kind
    code
    parent {
      id
      asOf
      name
    }
  }
`);

export const ProbationRowFragment = graphql(`
  fragment ProbationRow on Member {
    id
    fullName
    status
    admittedOn
    probationEndsOn
    theoryCourseCompleted
    theoryCourseOverdue
    unit {
      id
      asOf
      name
    }
  }
`);

export const ProbationDueQuery = graphql(`
  query ProbationDue($unitId: ID!, $withinDays: Int!, $first: Int!, $after: String) {
    probationDue(unitId: $unitId, withinDays: $withinDays, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ProbationRow
        }
      }
    }
  }
`);

export const RecogniseOfficialMutation = graphql(`
  mutation RecogniseOfficial($input: RecogniseOfficialInput!) {
    recogniseOfficial(input: $input) {
      id
      status
      officialOn
    }
  }
`);

export const ExtendProbationMutation = graphql(`
  mutation ExtendProbation($input: ExtendProbationInput!) {
    extendProbation(input: $input) {
      id
      status
      probationEndsOn
    }
  }
`);

export const RecordExitMutation = graphql(`
  mutation RecordExit($input: RecordExitInput!) {
    recordExit(input: $input) {
      id
      status
      exitedOn
    }
  }
`);

export const MemberDetailFragment = graphql(`
  fragment MemberDetail on Member {
    id
    code
    fullName
    gender
    birthDate
    ethnicity
    occupation
    phone
    nationalId
    address
    status
    admittedOn
    officialOn
    probationEndsOn
    exitedOn
    theoryCourseCompleted
    theoryCourseOverdue
    unit {
      id
      asOf
      name
    }
    events {
      id
      kind
      effectiveOn
      decisionNo
      reason
      statusAfter
      unit {
        id
        asOf
        name
      }
    }
    assignments {
      temporary
      validFrom
      validTo
      unit {
        id
        asOf
        name
      }
    }
  }
`);

export const MemberQuery = graphql(`
  query MemberPage($id: ID!) {
    member(id: $id) {
      id
      ...MemberDetail
    }
  }
`);

export const MoveMemberMutation = graphql(`
  mutation MoveMember($input: MoveMemberInput!) {
    moveMember(input: $input) {
      id
      ...MemberDetail
    }
  }
`);

export const RecordMemberExitMutation = graphql(`
  mutation RecordMemberExit($input: RecordExitInput!) {
    recordExit(input: $input) {
      id
      ...MemberDetail
    }
  }
`);

export const StartTemporaryActivityMutation = graphql(`
  mutation StartTemporaryActivity($input: TemporaryActivityInput!) {
    startTemporaryActivity(input: $input) {
      id
      ...MemberDetail
    }
  }
`);

export const EndTemporaryActivityMutation = graphql(`
  mutation EndTemporaryActivity($input: TemporaryActivityInput!) {
    endTemporaryActivity(input: $input) {
      id
      ...MemberDetail
    }
  }
`);

export const TransferInMutation = graphql(`
  mutation TransferIn($input: TransferInInput!) {
    transferIn(input: $input) {
      id
      ...MemberDetail
    }
  }
`);
