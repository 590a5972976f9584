import {
  ApolloClient,
  ApolloLink,
  HttpLink,
  InMemoryCache,
  type FieldPolicy,
} from "@apollo/client";
import { ErrorLink } from "@apollo/client/link/error";
import { reportSessionEnded } from "./features/auth/session-events.ts";
import { errorCode } from "./ui/errors.ts";

interface Connection {
  edges: readonly unknown[];
}

/**
 * A Relay connection paged with `after`: the first page (no `after`) replaces what is cached
 * for the same filters, later pages are appended. `keyArgs` are every argument but `after`,
 * so each filter combination has its own list.
 */
function connectionPolicy(keyArgs: string[]): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.["after"]) return incoming;
      return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
    },
  };
}

interface Coverage {
  units?: Connection;
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // The same unit on another date has other children, parent and counts.
      OrgUnit: { keyFields: ["id", "asOf"] },
      MemberCounts: { merge: true },
      // A target is one per unit and year: a saved target (setAdmissionTargets) updates the lists.
      TargetRow: { keyFields: ["unitId", "year"] },
      // A summary row's id is a unit's or a campaign's and the same unit has a "total" and a
      // "direct" row: never normalise them, or rows of one summary overwrite each other.
      CampaignSummaryRow: { keyFields: false },
      Query: {
        fields: {
          members: connectionPolicy([
            "orgUnitId",
            "includeSubtree",
            "search",
            "status",
            "asOf",
            "first",
          ]),
          orgUnits: connectionPolicy(["parentId", "kind", "search", "asOf", "first"]),
          cellCompliance: connectionPolicy([
            "unitId",
            "year",
            "quarter",
            "asOf",
            "onlyNonCompliant",
            "first",
          ]),
          users: connectionPolicy(["search", "role", "first"]),
          candidates: connectionPolicy([
            "unitId",
            "includeSubtree",
            "stages",
            "search",
            "registeredFrom",
            "registeredTo",
            "first",
          ]),
          probationDue: connectionPolicy(["unitId", "withinDays", "asOf", "first"]),
          trainingClasses: connectionPolicy(["unitId", "kind", "year", "first"]),
          campaigns: connectionPolicy(["unitId", "active", "from", "to", "asOf", "first"]),
          campaignRegistrations: connectionPolicy([
            "campaignId",
            "unitId",
            "includeSubtree",
            "completed",
            "first",
          ]),
          awards: connectionPolicy([
            "unitId",
            "includeSubtree",
            "memberId",
            "kind",
            "recipient",
            "year",
            "first",
          ]),
          ethicalStandards: connectionPolicy(["unitId", "includeSubtree", "first"]),
          goodModels: connectionPolicy([
            "unitId",
            "includeSubtree",
            "sector",
            "search",
            "active",
            "asOf",
            "first",
          ]),
          documents: connectionPolicy(["search", "kind", "issuer", "from", "to", "first"]),
          conferences: connectionPolicy([
            "unitId",
            "includeSubtree",
            "kind",
            "documentId",
            "from",
            "to",
            "first",
          ]),
          // The tracker's list of required units pages inside the coverage (after: next page).
          implementationCoverage: {
            keyArgs: ["documentId", "unitId", "asOf", "status", "first"],
            merge(existing: Coverage | undefined, incoming: Coverage, { args }) {
              if (!existing?.units || !incoming.units || !args?.["after"]) return incoming;
              return {
                ...incoming,
                units: {
                  ...incoming.units,
                  edges: [...existing.units.edges, ...incoming.units.edges],
                },
              };
            },
          },
          auditLog: connectionPolicy([
            "entity",
            "entityId",
            "operation",
            "username",
            "unitId",
            "from",
            "to",
            "first",
          ]),
          orgUnit: {
            // With an explicit date the unit may already be cached (e.g. the tree's children
            // fetched with their parent): read it from there instead of asking the server.
            read(existing, { args, toReference }) {
              if (existing !== undefined) return existing;
              if (typeof args?.["id"] !== "string" || typeof args["asOf"] !== "string") {
                return undefined;
              }
              return toReference({ __typename: "OrgUnit", id: args["id"], asOf: args["asOf"] });
            },
          },
        },
      },
    },
  });
}

/**
 * Any operation refused with UNAUTHENTICATED means the session is gone (expired, account
 * disabled, password changed elsewhere): the app goes to the sign-in page, once, from here.
 * A refused sign-in is only a wrong password.
 */
export const sessionEndedLink = new ErrorLink(({ error, operation }) => {
  if (operation.operationName !== "SignIn" && errorCode(error) === "UNAUTHENTICATED") {
    reportSessionEnded();
  }
});

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // HttpLink POSTs application/json, which satisfies the API's CSRF prevention.
    link: ApolloLink.from([
      sessionEndedLink,
      new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
    ]),
    cache: createCache(),
  });
}
