import { graphql } from "../../gql/index.ts";

/** Who is signed in (null when nobody is): asked once when the app starts. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      username
      displayName
      role
      pii
      unit {
        id
        asOf
        name
      }
    }
  }
`);

/** Sets the session cookie; answers with the same fields as `viewer`. */
export const SignInMutation = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      username
      displayName
      role
      pii
      unit {
        id
        asOf
        name
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
