import { graphql } from "../../gql/index.ts";

export const GoodModelsQuery = graphql(`
  query GoodModels(
    $unitId: ID
    $sector: Sector
    $search: String
    $active: Boolean
    $first: Int!
    $after: String
  ) {
    goodModels(
      unitId: $unitId
      sector: $sector
      search: $search
      active: $active
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
          title
          description
          startsOn
          endsOn
          results
          sector
          active
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

export const RecordGoodModelMutation = graphql(`
  mutation RecordGoodModel($input: RecordGoodModelInput!) {
    recordGoodModel(input: $input) {
      id
      title
    }
  }
`);

export const UpdateGoodModelMutation = graphql(`
  mutation UpdateGoodModel($id: ID!, $input: UpdateGoodModelInput!) {
    updateGoodModel(id: $id, input: $input) {
      id
      title
      description
      startsOn
      endsOn
      results
      active
    }
  }
`);
