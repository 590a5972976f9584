import { graphql } from "../../gql/index.ts";

export const AuditLogQuery = graphql(`
  query AuditLog(
    $entity: String
    $entityId: String
    $operation: String
    $username: String
    $unitId: ID
    $from: DateTime
    $to: DateTime
    $first: Int!
    $after: String
  ) {
    auditLog(
      entity: $entity
      entityId: $entityId
      operation: $operation
      username: $username
      unitId: $unitId
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
          at
          username
          operation
          entity
          entityId
          before
          after
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
