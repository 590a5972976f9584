import { graphql } from "../../gql/index.ts";

export const PreviewImportMutation = graphql(`
  mutation PreviewImport($input: ImportInput!) {
    previewImport(input: $input) {
      totalRows
      validRows
      invalidRows
      issues {
        line
        field
        message
      }
      sample {
        line
        fullName
        birthDate
        cellCode
      }
    }
  }
`);

export const CommitImportMutation = graphql(`
  mutation CommitImport($input: ImportInput!) {
    commitImport(input: $input) {
      imported
      skipped
      issues {
        line
        field
        message
      }
    }
  }
`);
