import { graphql } from "../../gql/index.ts";

export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    username
    displayName
    role
    pii
    disabled
    unit {
      id
      asOf
      name
      kind
    }
  }
`);

export const UsersQuery = graphql(`
  query Users($search: String, $role: Role, $first: Int!, $after: String) {
    users(search: $search, role: $role, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...UserRow
        }
      }
    }
  }
`);

export const UserQuery = graphql(`
  query User($id: ID!) {
    user(id: $id) {
      id
      createdAt
      ...UserRow
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      ...UserRow
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      ...UserRow
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($id: ID!, $newPassword: String!) {
    resetPassword(id: $id, newPassword: $newPassword)
  }
`);

/** Units to bind an account to, found by name. */
export const UnitPickerQuery = graphql(`
  query UnitPicker($search: String!, $first: Int!) {
    orgUnits(search: $search, first: $first) {
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
