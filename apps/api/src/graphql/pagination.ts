import "reflect-metadata";
import { DEFAULT_PAGE_SIZE, PAGE_CAP } from "@dangbo/shared";
import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { badInput } from "./errors.ts";

@ObjectType({ simpleResolvers: true, description: "Where a page of a connection ends." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page." })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  totalCount: number;
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A Relay-style connection type for `nodeType` (`<Name>Connection`, `<Name>Edge`). */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => Int, { description: "Number of items matching the filters, over all pages." })
    totalCount!: number;

    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

const CURSOR_PREFIX = "c1:";

/** Cursors are opaque to clients: base64url of a versioned id. */
export function encodeCursor(id: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, field = "after"): number {
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(cursor)
    ? Buffer.from(cursor, "base64url").toString("utf8")
    : "";
  const id = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0)
    throw badInput(field, "Malformed cursor: pass an endCursor returned by this list");
  return id;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageRequest {
  take: number;
  afterId: number | null;
}

export function pageRequest(args: PageArgs): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0)
    throw badInput("first", "first must be zero or a positive whole number");
  if (first > PAGE_CAP)
    throw badInput("first", `first may be at most ${PAGE_CAP}`, { max: PAGE_CAP });
  return { take: first, afterId: args.after ? decodeCursor(args.after) : null };
}

/**
 * Runs a keyset page through Prisma's cursor pagination: fetches one extra row to know whether
 * another page follows.
 */
export async function paginate<T extends { id: number }>(
  request: PageRequest,
  fetchPage: (args: { take: number; skip?: number; cursor?: { id: number } }) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<ConnectionShape<T>> {
  const [rows, totalCount] = await Promise.all([
    request.take === 0
      ? Promise.resolve([] as T[])
      : fetchPage(
          request.afterId === null
            ? { take: request.take + 1 }
            : { take: request.take + 1, skip: 1, cursor: { id: request.afterId } },
        ),
    count(),
  ]);
  const hasNextPage = rows.length > request.take;
  const page = hasNextPage ? rows.slice(0, request.take) : rows;
  const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null },
  };
}
