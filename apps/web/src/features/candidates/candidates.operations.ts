import { graphql } from "../../gql/index.ts";

export const CandidateRowFragment = graphql(`
  fragment CandidateRow on Candidate {
    id
    fullName
    gender
    birthDate
    occupation
    stage
    stageOn
    registeredOn
    memberId
    cell {
      id
      asOf
      name
      parent {
        id
        asOf
        name
      }
    }
  }
`);

export const CandidatesQuery = graphql(`
  query Candidates(
    $unitId: ID
    $stages: [CandidateStage!]
    $search: String
    $registeredFrom: Date
    $registeredTo: Date
    $first: Int!
    $after: String
  ) {
    candidates(
      unitId: $unitId
      stages: $stages
      search: $search
      registeredFrom: $registeredFrom
      registeredTo: $registeredTo
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
          ...CandidateRow
        }
      }
    }
  }
`);

export const CandidateStageCountsQuery = graphql(`
  query CandidateStageCounts($unitId: ID!) {
    candidateStageCounts(unitId: $unitId) {
      stage
      count
    }
  }
`);

export const CandidateDetailFragment = graphql(`
  fragment CandidateDetail on Candidate {
    id
    fullName
    gender
    birthDate
    ethnicity
    occupation
    phone
    nationalId
    address
    stage
    stageOn
    registeredOn
    closedReason
    memberId
    cell {
      id
      asOf
      name
    }
    events {
      id
      stage
      occurredOn
      recordedBy
      decisionNo
      result
      note
      trainingClassId
    }
  }
`);

export const CandidateQuery = graphql(`
  query Candidate($id: ID!) {
    candidate(id: $id) {
      id
      ...CandidateDetail
    }
  }
`);

export const RegisterCandidateMutation = graphql(`
  mutation RegisterCandidate($input: RegisterCandidateInput!) {
    registerCandidate(input: $input) {
      id
      ...CandidateDetail
    }
  }
`);

export const AdvanceCandidateMutation = graphql(`
  mutation AdvanceCandidate($input: AdvanceCandidateInput!) {
    advanceCandidate(input: $input) {
      id
      ...CandidateDetail
    }
  }
`);

/** Party-awareness classes a candidate may have attended (organised in the viewer's subtree). */
export const AwarenessClassesQuery = graphql(`
  query AwarenessClasses($unitId: ID!, $first: Int!) {
    trainingClasses(unitId: $unitId, kind: AWARENESS_CLASS, first: $first) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          startsOn
          endsOn
          organiser {
            id
            asOf
            name
          }
        }
      }
    }
  }
`);
