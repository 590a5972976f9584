import { graphql } from "../../gql/index.ts";

/** The signed-in user's own unit: where /dashboard starts. */
export const DashboardRootQuery = graphql(`
  query DashboardRoot {
    rootUnits {
      id
      asOf
      name
    }
  }
`);

/** The unit on the period's tree date (name, breadcrumb) and the KPI tiles of the period. */
export const DashboardOverviewQuery = graphql(`
  query DashboardOverview($unitId: ID!, $treeDate: Date!, $year: Int!, $quarter: Int) {
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
    dashboardSummary(unitId: $unitId, year: $year, quarter: $quarter) {
      admitted
      target
      percent
      band
      candidatesInPipeline
      cellCount
      grassrootsCount
      probationEndingSoon
      members {
        official
        probationary
        total
      }
      period {
        year
        quarter
        from
        until
        treeDate
      }
    }
  }
`);

/**
 * Admissions against targets for the unit and each direct subordinate, with the month series:
 * the "by subordinate unit" and "through the year" panels both read (and export) this result.
 */
export const AdmissionProgressQuery = graphql(`
  query AdmissionProgress($unitId: ID!, $year: Int!, $quarter: Int) {
    admissionProgress(unitId: $unitId, year: $year, quarter: $quarter) {
      directAdmitted
      rowsTarget
      period {
        year
        quarter
        from
        until
        treeDate
      }
      unit {
        unitId
        name
        kind
        target
        admitted
        percent
        band
        current
        monthly
        cumulative
        pace
      }
      rows {
        unitId
        name
        kind
        target
        admitted
        percent
        band
        current
        monthly
        cumulative
        pace
      }
    }
  }
`);

export const AdmissionTrendQuery = graphql(`
  query AdmissionTrend($unitId: ID!, $fromYear: Int!) {
    admissionTrend(unitId: $unitId, fromYear: $fromYear) {
      year
      target
      admitted
      percent
    }
  }
`);

export const AdmissionCompositionQuery = graphql(`
  query AdmissionComposition($unitId: ID!, $year: Int!, $quarter: Int, $by: CompositionDimension!) {
    admissionComposition(unitId: $unitId, year: $year, quarter: $quarter, by: $by) {
      key
      count
      share
    }
  }
`);

export const AdmissionFunnelQuery = graphql(`
  query AdmissionFunnel($unitId: ID!, $year: Int!, $quarter: Int) {
    admissionFunnel(unitId: $unitId, year: $year, quarter: $quarter) {
      stage
      count
      conversion
    }
  }
`);
