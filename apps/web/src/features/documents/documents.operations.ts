import { graphql } from "../../gql/index.ts";

/** One row of the registry, of a picker or of a "replaces" list. */
export const DocumentRowFragment = graphql(`
  fragment DocumentRow on Document {
    id
    number
    kind
    issuer
    issuedOn
    title
    central
  }
`);

export const DocumentsQuery = graphql(`
  query Documents(
    $search: String
    $kind: DocumentKind
    $issuer: String
    $from: Date
    $to: Date
    $first: Int!
    $after: String
  ) {
    documents(
      search: $search
      kind: $kind
      issuer: $issuer
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
          ...DocumentRow
        }
      }
    }
  }
`);

/** A few documents for a picker (search by number or title words). */
export const DocumentPickerQuery = graphql(`
  query DocumentPicker($search: String!, $first: Int!) {
    documents(search: $search, first: $first) {
      totalCount
      edges {
        cursor
        node {
          id
          ...DocumentRow
        }
      }
    }
  }
`);

/** The document page: the document and everything attached to it. */
export const DocumentDetailQuery = graphql(`
  query DocumentDetail($id: ID!) {
    document(id: $id) {
      id
      ...DocumentRow
      kindName
      summary
      createdAt
      issuerUnit {
        id
        asOf
        name
        kind
      }
      replaces {
        id
        ...DocumentRow
      }
      replacedBy {
        id
        ...DocumentRow
      }
      conferenceCount
      conferenceAttendees
      latestConferences {
        id
        kind
        title
        heldOn
        attendeeCount
        organiser {
          id
          asOf
          name
        }
      }
      requirements {
        id
        unitKinds
        dueOn
        scopeUnitName
        scopeUnit {
          id
          asOf
          name
        }
      }
      planCount
      latestPlans {
        id
        kind
        issuedOn
        reference
        unit {
          id
          asOf
          name
        }
      }
      reviewCount
      latestReviews {
        id
        kind
        heldOn
        summary
        unit {
          id
          asOf
          name
        }
      }
      meetingCount
      latestMeetings {
        id
        kind
        heldOn
        theme
        cell {
          id
          asOf
          name
        }
      }
      studyThemes {
        id
        year
        title
      }
    }
  }
`);

export const CreateDocumentMutation = graphql(`
  mutation CreateDocument($input: CreateDocumentInput!) {
    createDocument(input: $input) {
      id
      ...DocumentRow
    }
  }
`);

export const UpdateDocumentMutation = graphql(`
  mutation UpdateDocument($id: ID!, $input: UpdateDocumentInput!) {
    updateDocument(id: $id, input: $input) {
      id
      ...DocumentRow
      summary
    }
  }
`);

/** Units for a picker, found by name (within what the user may see). */
export const UnitSearchQuery = graphql(`
  query DocumentUnitSearch($search: String!, $kind: OrgUnitKind, $first: Int!) {
    orgUnits(search: $search, kind: $kind, first: $first) {
      totalCount
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

/** The signed-in user's own unit with its kind (the viewer query has no kind). */
export const OwnUnitQuery = graphql(`
  query DocumentsOwnUnit($id: ID!) {
    orgUnit(id: $id) {
      id
      asOf
      name
      kind
    }
  }
`);
