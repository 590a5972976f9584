import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client.ts";

export type DatabaseKind = "pglite" | "postgres";

/**
 * One handle on the database, whichever engine is behind it: the Prisma client for the
 * application, and a raw SQL channel for the migration runner, bulk seeding and aggregates
 * that Prisma cannot express.
 */
export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  /** Where the data lives, safe to print (no password). */
  readonly description: string;
  /** Runs a multi-statement SQL script (no parameters). */
  exec(script: string): Promise<void>;
  /**
   * Runs one parameterised statement and returns its rows. With `name`, PostgreSQL prepares the
   * statement once per connection and skips planning on later calls (hot dashboard queries).
   */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
  /** Runs `fn` inside one transaction on the raw channel. */
  transaction<T>(fn: (sql: RawSql) => Promise<T>): Promise<T>;
  /** Runs `fn` on one dedicated connection (session-level locks, explicit BEGIN/COMMIT). */
  session<T>(fn: (sql: RawSql) => Promise<T>): Promise<T>;
  /**
   * Receives the notifications of `channel` (PostgreSQL LISTEN) on a connection of its own, which
   * is re-opened when lost. A notification is delivered after the commit that sent it.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<Listener>;
  close(): Promise<void>;
}

export interface ListenHandlers {
  onNotify(payload: string): void;
  /**
   * The listening connection was lost (`false`: notifications may be missed from now on) or is
   * listening again (`true`: notifications sent while it was down are lost for good).
   */
  onState?(listening: boolean): void;
}

export interface Listener {
  /** Whether notifications are being received now. */
  readonly listening: boolean;
  /** Resolves once every notification committed before the call has been delivered. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface QueryOptions {
  /** A prepared-statement name; the same name must always carry the same SQL text. */
  name?: string;
  /**
   * With `name`: plan the statement once per connection for any parameter values (PostgreSQL's
   * `plan_cache_mode = force_generic_plan`, on connections kept for such statements) instead of
   * re-planning it on every call. Only for statements whose best plan does not depend on the
   * values: the dashboard's hot aggregates, whose planning cost more than their execution.
   */
  genericPlan?: boolean;
}

export interface RawSql {
  exec(script: string): Promise<void>;
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  url?: string;
  /** Folder of the embedded database; `memory://` for a throwaway in-memory one. */
  dataDir?: string;
  /** Pre-built PGlite data (a `dumpDataDir` tarball) to start from, for fast test databases. */
  loadDataDir?: Blob | File;
  /** Receives errors of idle pool connections (a restarted server), which would otherwise crash the process. */
  onPoolError?: (error: Error) => void;
  poolSize?: number;
  /** PostgreSQL: statements running longer are cancelled by the server (default 30 s). */
  statementTimeoutMs?: number;
}

/** Strips the password from a connection string for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgresql://(unparseable url)";
  }
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? "./data";
  const pglite = new PGlite(
    dataDir,
    options.loadDataDir ? { loadDataDir: options.loadDataDir } : {},
  );
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const raw: RawSql = {
    exec: async (script) => {
      await pglite.exec(script);
    },
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await pglite.query<T>(sql, params)).rows,
  };
  return {
    kind: "pglite",
    prisma,
    description: dataDir.startsWith("memory://")
      ? "embedded PGlite in memory"
      : `embedded PGlite in ${dataDir}`,
    ...raw,
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async <T>(sql: string, params: unknown[] = []) =>
            (await tx.query<T>(sql, params)).rows,
        }),
      ),
    // PGlite has exactly one connection; nothing else runs while the caller holds it at start-up.
    session: (fn) => fn(raw),
    // One connection in this process: a notification is delivered as its transaction commits.
    listen: async (channel, handlers) => {
      const unlisten = await pglite.listen(channel, (payload) => handlers.onNotify(payload));
      let listening = true;
      handlers.onState?.(true);
      return {
        get listening() {
          return listening;
        },
        sync: async () => {},
        close: async () => {
          listening = false;
          if (!pglite.closed) await unlisten();
        },
      };
    },
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
    // Exposed for backups (dumpDataDir) and tests.
    ...({ pglite } as object),
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    // JIT off: the API's statements are short, and a plan costed above jit_above_cost (a branch
    // that a one-time filter skips still counts) paid ~100 ms of compilation per dashboard query.
    options: `-c statement_timeout=${options.statementTimeoutMs ?? 30_000} -c jit=off`,
  });
  const onError = options.onPoolError ?? (() => {});
  pool.on("error", onError);
  // Connections for named statements planned once (QueryOptions.genericPlan); opened on first use.
  let genericPool: pg.Pool | null = null;
  const generic = () => {
    if (!genericPool) {
      genericPool = new pg.Pool({
        connectionString: url,
        max: Math.max(2, Math.ceil((options.poolSize ?? 10) / 2)),
        connectionTimeoutMillis: 5_000,
        options: `-c statement_timeout=${options.statementTimeoutMs ?? 30_000} -c jit=off -c plan_cache_mode=force_generic_plan`,
      });
      genericPool.on("error", onError);
    }
    return genericPool;
  };
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { onPoolError: onError, onConnectionError: onError }),
  });
  const raw: RawSql = {
    exec: async (script) => {
      await pool.query(script);
    },
    query: async <T>(sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
      (
        await (options.name && options.genericPlan ? generic() : pool).query(
          options.name
            ? { name: options.name, text: sql, values: params }
            : { text: sql, values: params },
        )
      ).rows as T[],
  };
  return {
    kind: "postgres",
    prisma,
    description: `PostgreSQL at ${redactUrl(url)}`,
    ...raw,
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <T>(sql: string, params: unknown[] = []) =>
            (await client.query(sql, params)).rows as T[],
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    session: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <T>(sql: string, params: unknown[] = []) =>
            (await client.query(sql, params)).rows as T[],
        });
      } finally {
        client.release();
      }
    },
    listen: (channel, handlers) => listenPostgres(url, channel, handlers, onError),
    close: async () => {
      await prisma.$disconnect();
      await Promise.all([pool.end(), genericPool?.end()]);
    },
  };
}

/** `application_name` of the listening connection. */
export const LISTENER_APPLICATION_NAME = "dangbo-listen";

/** How long to wait before re-opening a lost listening connection. */
const RELISTEN_DELAY_MS = 1_000;

/**
 * LISTEN on a dedicated client (a pooled connection would lose its LISTEN when released). When
 * the connection is lost it reports `onState(false)` at once and keeps trying to re-open it;
 * `onState(true)` comes only once LISTEN is active again.
 */
async function listenPostgres(
  url: string,
  channel: string,
  handlers: ListenHandlers,
  onError: (error: Error) => void,
): Promise<Listener> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    handlers.onState?.(false);
    void c.end().catch(() => {});
    reopenLater();
  };
  const open = async () => {
    const c = new pg.Client({
      connectionString: url,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      // Named, so that an operator (and a test) can tell it in pg_stat_activity.
      application_name: LISTENER_APPLICATION_NAME,
    });
    c.on("notification", (message) => {
      if (message.channel === channel) handlers.onNotify(message.payload ?? "");
    });
    c.on("error", (error) => {
      onError(error);
      lost(c);
    });
    c.on("end", () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      void c.end().catch(() => {});
      throw error;
    }
    if (closed) return void (await c.end().catch(() => {}));
    client = c;
    handlers.onState?.(true);
  };
  const reopenLater = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      open().catch((error: Error) => {
        onError(error);
        reopenLater();
      });
    }, RELISTEN_DELAY_MS);
    retry.unref();
  };
  await open().catch((error: Error) => {
    onError(error);
    reopenLater();
  });
  return {
    get listening() {
      return client !== null;
    },
    // PostgreSQL sends a listening session its pending notifications before it answers the
    // next statement, so one round trip on that connection flushes them.
    sync: async () => {
      if (client) await client.query("SELECT 1");
    },
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}

/** The PGlite instance behind an embedded database (for backups and test templates). */
export function pgliteOf(db: Database): PGlite | undefined {
  return (db as unknown as { pglite?: PGlite }).pglite;
}
