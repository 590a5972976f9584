import { graphql } from "../../gql/index.ts";

export const StudyThemesQuery = graphql(`
  query StudyThemes {
    studyThemes {
      id
      year
      title
      description
      document {
        id
        number
        title
      }
    }
  }
`);

export const StudyThemeCoverageQuery = graphql(`
  query StudyThemeCoverage($unitId: ID!, $year: Int!) {
    studyThemeCoverage(unitId: $unitId, year: $year) {
      period {
        year
        from
        until
        treeDate
      }
      theme {
        id
        year
        title
      }
      total {
        unitId
        name
        cells
        cellsCovered
        percent
        meetings
      }
      rows {
        unitId
        name
        cells
        cellsCovered
        percent
        meetings
      }
    }
  }
`);

export const SetStudyThemeMutation = graphql(`
  mutation SetStudyTheme($year: Int!, $title: String!, $description: String, $documentId: ID) {
    setStudyTheme(year: $year, title: $title, description: $description, documentId: $documentId) {
      id
      year
      title
      description
      document {
        id
        number
        title
      }
    }
  }
`);
