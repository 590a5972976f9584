import { graphql } from "../../gql/index.ts";

export const EthicalStandardsQuery = graphql(`
  query EthicalStandards($unitId: ID, $first: Int!, $after: String) {
    ethicalStandards(unitId: $unitId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          content
          slogans
          createdAt
          unit {
            id
            asOf
            name
            kind
          }
        }
      }
    }
  }
`);

/** Standards and slogans per direct subordinate ("3.260 chuẩn mực đạo đức"). */
export const EthicalStandardCountsQuery = graphql(`
  query EthicalStandardCounts($unitId: ID!) {
    ethicalStandardCounts(unitId: $unitId) {
      asOf
      total {
        unitId
        name
        kind
        standards
        slogans
        unitsWithStandards
        grassroots
        grassrootsWithStandards
      }
      direct {
        unitId
        name
        kind
        standards
        slogans
        unitsWithStandards
        grassroots
        grassrootsWithStandards
      }
      rows {
        unitId
        name
        kind
        standards
        slogans
        unitsWithStandards
        grassroots
        grassrootsWithStandards
      }
    }
  }
`);

export const RecordEthicalStandardMutation = graphql(`
  mutation RecordEthicalStandard($input: RecordEthicalStandardInput!) {
    recordEthicalStandard(input: $input) {
      id
      content
      slogans
    }
  }
`);

export const UpdateEthicalStandardMutation = graphql(`
  mutation UpdateEthicalStandard($id: ID!, $input: UpdateEthicalStandardInput!) {
    updateEthicalStandard(id: $id, input: $input) {
      id
      content
      slogans
    }
  }
`);
