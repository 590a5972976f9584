import { graphql } from "../../gql/index.ts";

export const ReviewSheetFieldsFragment = graphql(`
  fragment ReviewSheetFields on ReviewSheet {
    year
    unitClassification
    rows {
      memberId
      fullName
      classification
      committed
      keyLeader
      commitment
      commitmentOutcome
    }
  }
`);

export const ReviewSheetQuery = graphql(`
  query ReviewSheet($cellId: ID!, $year: Int!) {
    orgUnit(id: $cellId) {
      id
      asOf
      name
      kind
    }
    reviewSheet(cellId: $cellId, year: $year) {
      ...ReviewSheetFields
    }
  }
`);

export const SetReviewsMutation = graphql(`
  mutation SetReviews(
    $cellId: ID!
    $year: Int!
    $entries: [ReviewEntryInput!]!
    $unitClassification: Classification
  ) {
    setReviews(
      cellId: $cellId
      year: $year
      entries: $entries
      unitClassification: $unitClassification
    ) {
      ...ReviewSheetFields
    }
  }
`);

export const SetCommitmentsMutation = graphql(`
  mutation SetCommitments($cellId: ID!, $year: Int!, $entries: [CommitmentEntryInput!]!) {
    setCommitments(cellId: $cellId, year: $year, entries: $entries) {
      ...ReviewSheetFields
    }
  }
`);

export const ReviewSummaryQuery = graphql(`
  query ReviewSummary($unitId: ID!, $year: Int!) {
    orgUnit(id: $unitId) {
      id
      asOf
      name
      kind
    }
    reviewSummary(unitId: $unitId, year: $year) {
      unitId
      name
      members
      reviewed
      excellent
      good
      completed
      notCompleted
      commitments
      keyLeaderCommitments
      commitmentPercent
    }
  }
`);

/** The summary's rows alone: what the CSV/XLSX export runs on the server. */
export const ReviewSummaryExportQuery = graphql(`
  query ReviewSummaryExport($unitId: ID!, $year: Int!) {
    reviewSummary(unitId: $unitId, year: $year) {
      unitId
      name
      members
      reviewed
      excellent
      good
      completed
      notCompleted
      commitments
      keyLeaderCommitments
      commitmentPercent
    }
  }
`);
