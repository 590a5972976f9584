import { graphql } from "../../gql/index.ts";

/**
 * A unit's target for a year and those of its direct subordinates (on the year's tree: 31
 * December, or today during the year), with the unit's place in the tree for the breadcrumb.
 * TargetRow is cached by unitId + year (apollo.ts), so a saved target updates this list.
 */
export const AdmissionTargetsQuery = graphql(`
  query AdmissionTargets($unitId: ID!, $year: Int!, $treeDate: Date!) {
    orgUnit(id: $unitId, asOf: $treeDate) {
      id
      asOf
      name
      ancestors {
        id
        asOf
        name
      }
    }
    admissionTargets(unitId: $unitId, year: $year) {
      year
      editable
      difference
      rowsTotal
      unit {
        unitId
        year
        name
        kind
        target
        updatedAt
        updatedBy
      }
      rows {
        unitId
        year
        name
        kind
        target
        updatedAt
        updatedBy
      }
    }
  }
`);

export const SetAdmissionTargetsMutation = graphql(`
  mutation SetAdmissionTargets($year: Int!, $targets: [TargetInput!]!) {
    setAdmissionTargets(year: $year, targets: $targets) {
      unitId
      year
      name
      kind
      target
      updatedAt
      updatedBy
    }
  }
`);
