import { graphql } from "../../gql/index.ts";

/**
 * A cell as its secretary sees it (My cell), and the members of the cell on a date (the
 * attendance checklist of the meeting form asks it with the meeting's date as `asOf`).
 */
export const CellOverviewQuery = graphql(`
  query CellOverview($cellId: ID!, $asOf: Date) {
    cellOverview(cellId: $cellId, asOf: $asOf) {
      asOf
      memberCount
      cell {
        id
        asOf
        name
        validFrom
        validTo
      }
      due {
        regularThisMonth
        thematicThisQuarter
        probationsEnding {
          memberId
          fullName
          probationEndsOn
        }
        absentMembers {
          memberId
          fullName
          months
        }
      }
      members {
        memberId
        fullName
        status
        probationEndsOn
        temporary
      }
      meetingsThisYear {
        id
        kind
        heldAt
        heldOn
        theme
        draft
        editable
        presentCount
        excusedCount
        absentCount
      }
      studyTheme {
        id
        title
        year
      }
    }
  }
`);
