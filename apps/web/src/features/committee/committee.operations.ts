import { graphql } from "../../gql/index.ts";

/**
 * The starting units with their direct subordinates, so the first level opens without a
 * second round trip (the children are then read from the cache, see apollo.ts).
 */
export const RootUnitsQuery = graphql(`
  query RootUnits {
    rootUnits {
      id
      asOf
      ...UnitTreeRow
      children {
        id
        asOf
        ...UnitTreeRow
      }
    }
  }
`);

/** Children of one unit, loaded when its row is expanded; `asOf` keeps the tree on one date. */
export const UnitChildrenQuery = graphql(`
  query UnitChildren($id: ID!, $asOf: Date) {
    orgUnit(id: $id, asOf: $asOf) {
      id
      asOf
      children {
        id
        asOf
        ...UnitTreeRow
      }
    }
  }
`);

export const UnitSearchQuery = graphql(`
  query UnitSearch($search: String!, $first: Int!, $after: String) {
    orgUnits(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          asOf
          name
          kind
          parent {
            id
            asOf
            name
          }
        }
      }
    }
  }
`);

export const UnitPageQuery = graphql(`
  query UnitPage($id: ID!) {
    orgUnit(id: $id) {
      id
      asOf
      name
      code
      kind
      sector
      validFrom
      validTo
      childCount
      memberCounts {
        official
        probationary
        total
      }
      ancestors {
        id
        asOf
        name
      }
      children {
        id
        asOf
        name
        kind
        childCount
        memberCounts {
          official
          probationary
          total
        }
      }
    }
  }
`);
