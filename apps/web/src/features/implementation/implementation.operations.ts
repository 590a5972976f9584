import { graphql } from "../../gql/index.ts";

/**
 * The implementation matrix of a document in a unit's subtree on a date: the headline, the rows
 * per direct subordinate (table and heat-map) and one page of the required units with the
 * statuses asked for (by default those that have not issued a plan).
 */
export const ImplementationCoverageQuery = graphql(`
  query ImplementationCoverage(
    $documentId: ID!
    $unitId: ID!
    $asOf: Date
    $status: [ImplementationStatus!]
    $first: Int
    $after: String
  ) {
    implementationCoverage(
      documentId: $documentId
      unitId: $unitId
      asOf: $asOf
      status: $status
      first: $first
      after: $after
    ) {
      asOf
      document {
        id
        number
        title
        issuedOn
      }
      unit {
        id
        asOf
        name
        kind
        ancestors {
          id
          asOf
          name
        }
      }
      requirements {
        id
        unitKinds
        dueOn
        scopeUnitName
        scopeUnit {
          id
          asOf
          name
        }
      }
      total {
        unitId
        name
        required
        issued
        onTime
        late
        overdue
        pending
        disseminated
        midTermReviewed
        finalReviewed
        percent
        onTimePercent
        disseminatedPercent
      }
      rows {
        unitId
        name
        required
        issued
        onTime
        late
        overdue
        pending
        disseminated
        midTermReviewed
        finalReviewed
        percent
        onTimePercent
        disseminatedPercent
      }
      units {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            unitId
            name
            kind
            groupId
            groupName
            dueOn
            status
            planKind
            planIssuedOn
            planReference
            daysLate
            disseminatedOn
            midTermReviewOn
            finalReviewOn
            dissolvedOn
          }
        }
      }
    }
  }
`);

export const SetRequirementMutation = graphql(`
  mutation SetImplementationRequirement(
    $documentId: ID!
    $scopeUnitId: ID!
    $unitKinds: [OrgUnitKind!]!
    $dueOn: Date!
  ) {
    setImplementationRequirement(
      documentId: $documentId
      scopeUnitId: $scopeUnitId
      unitKinds: $unitKinds
      dueOn: $dueOn
    ) {
      id
      unitKinds
      dueOn
      scopeUnitName
    }
  }
`);

export const RecordPlanMutation = graphql(`
  mutation RecordImplementationPlan(
    $documentId: ID!
    $unitId: ID!
    $kind: PlanKind!
    $issuedOn: Date!
    $reference: String!
  ) {
    recordImplementationPlan(
      documentId: $documentId
      unitId: $unitId
      kind: $kind
      issuedOn: $issuedOn
      reference: $reference
    ) {
      id
      kind
      issuedOn
      reference
    }
  }
`);

export const RecordReviewMutation = graphql(`
  mutation RecordDocumentReview(
    $documentId: ID!
    $unitId: ID!
    $kind: ReviewKind!
    $heldOn: Date!
    $summary: String
  ) {
    recordDocumentReview(
      documentId: $documentId
      unitId: $unitId
      kind: $kind
      heldOn: $heldOn
      summary: $summary
    ) {
      id
      kind
      heldOn
      summary
    }
  }
`);

/** The coverage headline alone (the document page shows it beside the requirements). */
export const CoverageHeadlineQuery = graphql(`
  query CoverageHeadline($documentId: ID!, $unitId: ID!) {
    implementationCoverage(documentId: $documentId, unitId: $unitId, first: 0) {
      asOf
      requirements {
        id
        unitKinds
      }
      total {
        unitId
        name
        required
        issued
        onTime
        late
        overdue
        pending
        percent
      }
    }
  }
`);
