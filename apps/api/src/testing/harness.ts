import { createTestDatabase, fixtures, type Fixtures, type TestDatabase } from "@dangbo/db/testing";
import type { Database, User } from "@dangbo/db";
import { todayIso } from "@dangbo/shared";
import type { GraphQLFormattedError } from "graphql";
import { createContext, type Viewer } from "../graphql/context.ts";
import { createServer, type AppServer } from "../server.ts";

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface GqlOptions {
  /** The signed-in user; `null` for an anonymous request; omitted: `api.defaultViewer`. */
  viewer?: Viewer | null;
  now?: Date;
}

export interface TestApi {
  db: Database;
  server: AppServer;
  f: Fixtures;
  /** Used when a call does not pass `viewer`. */
  defaultViewer: Viewer | null;
  /** Runs an operation through Apollo (validation, auth, error formatting). */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/** The viewer a session of this account would have. */
export function viewerOf(user: User): Viewer {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    pii: user.pii,
    sessionId: `test-session-${user.id}`,
  };
}

/** A fresh database and server for one test file; `now` fixes the clock of every request and of the fixtures. */
export async function createTestApi(
  options: { webDist?: string; now?: Date } = {},
): Promise<TestApi> {
  const testDb: TestDatabase = await createTestDatabase();
  const server = await createServer({ db: testDb.db, webDist: options.webDist });
  const api: TestApi = {
    db: testDb.db,
    server,
    f: fixtures(testDb.db, { today: options.now ? todayIso(options.now) : undefined }),
    defaultViewer: null,
    async gql(query, variables, opts = {}) {
      const viewer = opts.viewer === undefined ? api.defaultViewer : opts.viewer;
      const response = await server.apollo.executeOperation(
        { query, variables },
        {
          contextValue: createContext(testDb.db, {
            requestId: "test",
            viewer,
            now: opts.now ?? options.now,
          }),
        },
      );
      if (response.body.kind !== "single") throw new Error("unexpected incremental response");
      return response.body.singleResult as GqlResult<any>;
    },
    async close() {
      await server.close();
      await testDb.drop();
    },
  };
  return api;
}

/** The error codes of a result, for compact assertions. */
export function codes(result: GqlResult): string[] {
  return (result.errors ?? []).map((e) => String(e.extensions?.code));
}
