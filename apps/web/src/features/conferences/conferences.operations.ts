import { graphql } from "../../gql/index.ts";

export const ConferenceRowFragment = graphql(`
  fragment ConferenceRow on Conference {
    id
    kind
    title
    heldOn
    format
    audience
    attendeeCount
    organiser {
      id
      asOf
      name
    }
    documents {
      id
      number
    }
  }
`);

export const ConferencesQuery = graphql(`
  query Conferences(
    $unitId: ID
    $includeSubtree: Boolean
    $kind: ConferenceKind
    $documentId: ID
    $from: Date
    $to: Date
    $first: Int!
    $after: String
  ) {
    conferences(
      unitId: $unitId
      includeSubtree: $includeSubtree
      kind: $kind
      documentId: $documentId
      from: $from
      to: $to
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ConferenceRow
        }
      }
    }
  }
`);

export const ConferenceQuery = graphql(`
  query Conference($id: ID!) {
    conference(id: $id) {
      id
      ...ConferenceRow
      createdAt
      organiser {
        id
        asOf
        name
        kind
      }
      documents {
        id
        number
        title
        issuedOn
      }
      attendees {
        id
        fullName
      }
    }
  }
`);

export const RecordConferenceMutation = graphql(`
  mutation RecordConference($input: RecordConferenceInput!) {
    recordConference(input: $input) {
      id
      ...ConferenceRow
    }
  }
`);

export const UpdateConferenceMutation = graphql(`
  mutation UpdateConference($id: ID!, $input: UpdateConferenceInput!) {
    updateConference(id: $id, input: $input) {
      id
      ...ConferenceRow
    }
  }
`);

/** The dissemination panel: per kind and per direct subordinate, for a year or quarter. */
export const DisseminationSummaryQuery = graphql(`
  query DisseminationSummary($unitId: ID!, $year: Int!, $quarter: Int) {
    disseminationSummary(unitId: $unitId, year: $year, quarter: $quarter) {
      period {
        year
        quarter
        from
        until
        treeDate
      }
      unit {
        unitId
        name
        kind
        current
        conferences
        attendees
        byKind {
          kind
          conferences
          attendees
        }
      }
      own {
        unitId
        name
        kind
        current
        conferences
        attendees
        byKind {
          kind
          conferences
          attendees
        }
      }
      rows {
        unitId
        name
        kind
        current
        conferences
        attendees
        byKind {
          kind
          conferences
          attendees
        }
      }
    }
  }
`);

/** Members who may be listed as attendees: in the organiser's subtree, by name. */
export const AttendeeSearchQuery = graphql(`
  query ConferenceAttendeeSearch($unitId: ID!, $search: String!, $asOf: Date, $first: Int!) {
    members(orgUnitId: $unitId, includeSubtree: true, search: $search, asOf: $asOf, first: $first) {
      totalCount
      edges {
        cursor
        node {
          id
          fullName
          unit {
            id
            asOf
            name
          }
        }
      }
    }
  }
`);
