import { graphql } from "../../gql/index.ts";

export const TrainingClassRowFragment = graphql(`
  fragment TrainingClassRow on TrainingClass {
    id
    name
    kind
    startsOn
    endsOn
    organiser {
      id
      asOf
      name
    }
    enrolments {
      enrolled
      completed
    }
  }
`);

export const TrainingClassesQuery = graphql(`
  query TrainingClasses(
    $unitId: ID!
    $kind: TrainingKind
    $year: Int
    $first: Int!
    $after: String
  ) {
    trainingClasses(unitId: $unitId, kind: $kind, year: $year, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...TrainingClassRow
        }
      }
    }
  }
`);

export const CreateTrainingClassMutation = graphql(`
  mutation CreateTrainingClass($input: CreateTrainingClassInput!) {
    createTrainingClass(input: $input) {
      id
      ...TrainingClassRow
    }
  }
`);

export const EnrolInTrainingMutation = graphql(`
  mutation EnrolInTraining($input: EnrolInput!) {
    enrolInTraining(input: $input) {
      enrolled
      completed
    }
  }
`);

export const RecordTrainingCompletionMutation = graphql(`
  mutation RecordTrainingCompletion($input: CompletionInput!) {
    recordTrainingCompletion(input: $input) {
      enrolled
      completed
    }
  }
`);

/** People to enrol: members of the viewer's subtree by name (probationary ones first for theory courses). */
export const PeopleMembersQuery = graphql(`
  query PeopleMembers($search: String, $status: MemberStatus, $first: Int!) {
    members(search: $search, status: $status, first: $first) {
      totalCount
      edges {
        cursor
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

export const PeopleCandidatesQuery = graphql(`
  query PeopleCandidates($search: String, $stages: [CandidateStage!], $first: Int!) {
    candidates(search: $search, stages: $stages, first: $first) {
      totalCount
      edges {
        cursor
        node {
          id
          fullName
          stage
          cell {
            id
            asOf
            name
          }
        }
      }
    }
  }
`);
