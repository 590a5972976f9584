import { graphql } from "../../gql/index.ts";

/** The unit on the period's tree date: its name and the way up (breadcrumb). */
export const ComplianceUnitQuery = graphql(`
  query ComplianceUnit($unitId: ID!, $treeDate: Date!) {
    orgUnit(id: $unitId, asOf: $treeDate) {
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
  }
`);

/**
 * Compliance per direct subordinate, the total, the cells missing the period's last thematic
 * meeting and the themes covered: the table panel reads (and exports `meetingCompliance.rows`).
 */
export const MeetingComplianceQuery = graphql(`
  query MeetingCompliance($unitId: ID!, $year: Int!, $quarter: Int) {
    meetingCompliance(unitId: $unitId, year: $year, quarter: $quarter) {
      year
      quarter
      months
      total {
        unitId
        name
        cellsRequired
        cellsCompliant
        percent
        thematicMissing
        attendanceRate
        meetings
      }
      rows {
        unitId
        name
        cellsRequired
        cellsCompliant
        percent
        thematicMissing
        attendanceRate
        meetings
      }
      missingThematic {
        cellId
        name
        groupName
      }
      themes {
        theme
        meetings
        studyTheme
      }
    }
  }
`);

/** Each cell month by month (the heat-map); paged, and exported through every page. */
export const CellComplianceQuery = graphql(`
  query CellCompliance(
    $unitId: ID!
    $year: Int!
    $quarter: Int
    $onlyNonCompliant: Boolean
    $first: Int
    $after: String
  ) {
    cellCompliance(
      unitId: $unitId
      year: $year
      quarter: $quarter
      onlyNonCompliant: $onlyNonCompliant
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
          cellId
          name
          groupName
          complies
          meetings
          attendanceRate
          months
          quarters
        }
      }
    }
  }
`);
