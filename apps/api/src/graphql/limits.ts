import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { DEFAULT_PAGE_SIZE, PAGE_CAP } from "@dangbo/shared";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLList,
  GraphQLObjectType,
  isListType,
  Kind,
  visit,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import type { Context } from "./context.ts";
import { ErrorCode } from "./errors.ts";

/** Deepest selection allowed (introspection excepted). */
export const MAX_DEPTH = 10;
/** Aliases per operation: enough for dashboards, too few to multiply a query into a flood. */
export const MAX_ALIASES = 20;
/** Most cost points one request may ask for (see `estimateCost`). */
export const MAX_COST = 50_000;
/** Cost points each user may spend per minute (refilled continuously, like GitHub's and Shopify's limits). */
export const COST_BUDGET_PER_MINUTE = 500_000;
/** Assumed length of a list field that has no `first` argument (children, rows, attendance…). */
export const DEFAULT_LIST_SIZE = 20;

/**
 * The cost model: a scalar costs 0; an object field 1 plus its selection; a paginated field
 * (one with `first`) 1 + first × its selection (first defaults to its declared default, else the page size); any other
 * list its `listSize` field extension (or DEFAULT_LIST_SIZE) × its selection. Connection `edges` do not multiply again.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
  const fieldType = getNullableType(field.type);
  const named = getNamedType(field.type);
  if (!(named instanceof GraphQLObjectType)) return 0;
  const firstArg = field.args.find((a) => a.name === "first");
  if (firstArg) {
    const fallback =
      typeof firstArg.defaultValue === "number" ? firstArg.defaultValue : DEFAULT_PAGE_SIZE;
    // Out-of-range page sizes are refused by argument validation (BAD_USER_INPUT), not here.
    const first =
      typeof args.first === "number" ? Math.min(Math.max(args.first, 0), PAGE_CAP) : fallback;
    return 1 + first * childComplexity;
  }
  if (isListType(fieldType) || fieldType instanceof GraphQLList) {
    if (field.name === "edges" && type.name.endsWith("Connection")) return childComplexity;
    const hinted = (field.extensions as { listSize?: number } | undefined)?.listSize;
    return 1 + (typeof hinted === "number" ? hinted : DEFAULT_LIST_SIZE) * childComplexity;
  }
  return 1 + childComplexity;
};

export function estimateCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  return getComplexity({ schema, query, variables, operationName, estimators: [costEstimator] });
}

/** A refilling bucket of cost points per user, in memory (each API instance keeps its own). */
export class CostBudget {
  private readonly buckets = new Map<string, { points: number; at: number }>();
  constructor(
    private readonly perMinute = COST_BUDGET_PER_MINUTE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` points if available; returns what remains, or the seconds to wait. */
  take(
    key: string,
    cost: number,
  ): { ok: true; remaining: number } | { ok: false; remaining: number; retryAfterSeconds: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { points: this.perMinute, at: now };
    const points = Math.min(
      this.perMinute,
      bucket.points + ((now - bucket.at) / 60_000) * this.perMinute,
    );
    if (cost > points) {
      this.buckets.set(key, { points, at: now });
      return {
        ok: false,
        remaining: Math.floor(points),
        retryAfterSeconds: Math.ceil(((cost - points) / this.perMinute) * 60),
      };
    }
    this.buckets.set(key, { points: points - cost, at: now });
    if (this.buckets.size > 50_000) this.buckets.clear();
    return { ok: true, remaining: Math.floor(points - cost) };
  }
}

/**
 * What the limits need to know of a parsed document, worked out once per document: Apollo keeps
 * parsed documents in its document store and hands the same object to every request that sends
 * the same query, so a dashboard panel asked a thousand times is walked once, not a thousand times.
 */
interface DocumentFacts {
  introspection: boolean;
  /** Variables the cost can depend on: those passed to `first` or to a directive's `if`. */
  costVariables: string[];
  /** Cost by operation name and the values of costVariables. */
  costs: Map<string, number>;
}
const facts = new WeakMap<DocumentNode, DocumentFacts>();
const COSTS_PER_DOCUMENT = 1_000;

function factsOf(document: DocumentNode): DocumentFacts {
  let known = facts.get(document);
  if (known) return known;
  let introspection = false;
  const costVariables = new Set<string>();
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") introspection = true;
    },
    Argument(node) {
      if (
        (node.name.value === "first" || node.name.value === "if") &&
        node.value.kind === Kind.VARIABLE
      )
        costVariables.add(node.value.name.value);
    },
  });
  known = { introspection, costVariables: [...costVariables].sort(), costs: new Map() };
  facts.set(document, known);
  return known;
}

/** estimateCost, remembered per document for the same operation and cost-relevant variables. */
export function documentCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  const known = factsOf(document);
  const key = JSON.stringify([
    operationName ?? null,
    ...known.costVariables.map((v) => variables?.[v] ?? null),
  ]);
  const cached = known.costs.get(key);
  if (cached !== undefined) return cached;
  const cost = estimateCost(schema, document, variables, operationName);
  if (known.costs.size >= COSTS_PER_DOCUMENT) known.costs.clear();
  known.costs.set(key, cost);
  return cost;
}

/**
 * Checks every operation before it runs: anonymous introspection is refused, the cost is
 * computed and refused above MAX_COST, and the user's per-minute budget is charged. The
 * response reports `extensions.cost` (requested, limit, remaining budget).
 */
export function limitsPlugin(budget = new CostBudget()): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let report: Record<string, number> | null = null;
      return {
        async didResolveOperation({ request, document, schema, contextValue, operation }) {
          if (factsOf(document).introspection && !contextValue.viewer) {
            throw new GraphQLError("Sign in to read the schema", {
              extensions: { code: ErrorCode.UNAUTHENTICATED },
            });
          }
          if (
            operation?.selectionSet.selections.every(
              (s) => s.kind === Kind.FIELD && s.name.value.startsWith("__"),
            )
          )
            return;
          let cost: number;
          try {
            cost = documentCost(
              schema,
              document,
              request.variables,
              request.operationName ?? undefined,
            );
          } catch {
            // Variables that do not coerce: execution refuses them with BAD_USER_INPUT and a clear message.
            return;
          }
          if (cost > MAX_COST) {
            throw new GraphQLError(
              `This query would cost ${cost} points; the limit is ${MAX_COST}. Ask for smaller pages (first) or fewer nested lists.`,
              {
                extensions: { code: "QUERY_TOO_COMPLEX", cost, maxCost: MAX_COST },
              },
            );
          }
          const key = contextValue.viewer
            ? `user:${contextValue.viewer.userId}`
            : `ip:${contextValue.http?.ip ?? "local"}`;
          const charged = budget.take(key, cost);
          if (!charged.ok) {
            throw new GraphQLError(
              `Your query budget is spent (${COST_BUDGET_PER_MINUTE} points per minute); try again in ${charged.retryAfterSeconds} s.`,
              {
                extensions: {
                  code: ErrorCode.RATE_LIMITED,
                  cost,
                  remaining: charged.remaining,
                  retryAfterSeconds: charged.retryAfterSeconds,
                },
              },
            );
          }
          report = {
            requested: cost,
            limit: MAX_COST,
            remaining: charged.remaining,
            budgetPerMinute: COST_BUDGET_PER_MINUTE,
          };
        },
        async willSendResponse({ response }) {
          if (report && response.body.kind === "single") {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: report,
            };
          }
        },
      };
    },
  };
}

/** graphql-armor: depth, aliases, directives, tokens; no field suggestions (they leak the schema); no batching. */
export function armor() {
  return new ApolloArmor({
    maxDepth: { n: MAX_DEPTH, ignoreIntrospection: true },
    maxAliases: { n: MAX_ALIASES },
    maxDirectives: { n: 20 },
    maxTokens: { n: 5_000 },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
