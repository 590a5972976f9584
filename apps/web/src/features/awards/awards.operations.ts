import { graphql } from "../../gql/index.ts";

export const AwardsQuery = graphql(`
  query Awards(
    $unitId: ID
    $kind: AwardKind
    $year: Int
    $recipient: AwardRecipient
    $first: Int!
    $after: String
  ) {
    awards(
      unitId: $unitId
      kind: $kind
      year: $year
      recipient: $recipient
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
          kind
          title
          issuer
          decisionNo
          decidedOn
          yearFrom
          yearTo
          years
          recipientName
          unit {
            id
            asOf
          }
          member {
            id
          }
          campaign {
            id
            title
          }
        }
      }
    }
  }
`);

export const RecordAwardMutation = graphql(`
  mutation RecordAward($input: RecordAwardInput!) {
    recordAward(input: $input) {
      id
      kind
      recipientName
      yearFrom
      yearTo
    }
  }
`);

/** Campaigns an award may crown (the record form's optional choice). */
export const AwardCampaignsQuery = graphql(`
  query AwardCampaigns($first: Int!) {
    campaigns(first: $first) {
      edges {
        node {
          id
          title
          startsOn
          endsOn
        }
      }
    }
  }
`);

/** People for the recipient picker: members the user may see, by name. */
export const AwardMemberSearchQuery = graphql(`
  query AwardMemberSearch($search: String!, $first: Int!) {
    members(search: $search, first: $first) {
      totalCount
      edges {
        node {
          id
          fullName
          status
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

/** A unit's own awards (the section on the unit page). */
export const UnitAwardsQuery = graphql(`
  query UnitAwards($id: ID!) {
    orgUnit(id: $id) {
      id
      asOf
      awards {
        id
        kind
        title
        issuer
        decisionNo
        decidedOn
        yearFrom
        yearTo
        campaign {
          id
          title
        }
      }
    }
  }
`);

/** A member's awards (the section on the member page). */
export const MemberAwardsQuery = graphql(`
  query MemberAwards($id: ID!) {
    member(id: $id) {
      id
      awards {
        id
        kind
        title
        issuer
        decisionNo
        decidedOn
        yearFrom
        yearTo
        campaign {
          id
          title
        }
      }
    }
  }
`);

/** The awards panels of /emulation: by kind and by direct subordinate, for a year. */
export const EmulationAwardsQuery = graphql(`
  query EmulationAwards($unitId: ID!, $year: Int!) {
    awardSummary(unitId: $unitId, year: $year) {
      year
      treeDate
      asOf
      total {
        unitId
        name
        kind
        awards
        unitAwards
        memberAwards
        flags
        certificates
        titles
        multiYear
        current
      }
      direct {
        unitId
        name
        kind
        awards
        unitAwards
        memberAwards
        flags
        certificates
        titles
        multiYear
        current
      }
      byKind {
        kind
        awards
        unitAwards
        memberAwards
      }
      bySubordinate {
        unitId
        name
        kind
        awards
        unitAwards
        memberAwards
        flags
        certificates
        titles
        multiYear
        current
      }
    }
  }
`);

export const DeleteAwardMutation = graphql(`
  mutation DeleteAward($id: ID!, $reason: String!) {
    deleteAward(id: $id, reason: $reason)
  }
`);
