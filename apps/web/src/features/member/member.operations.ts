import { graphql } from "../../gql/index.ts";

export const MembersQuery = graphql(`
  query Members(
    $orgUnitId: ID
    $includeSubtree: Boolean
    $search: String
    $status: MemberStatus
    $first: Int!
    $after: String
  ) {
    members(
      orgUnitId: $orgUnitId
      includeSubtree: $includeSubtree
      search: $search
      status: $status
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
          ...MemberRow
        }
      }
    }
  }
`);
