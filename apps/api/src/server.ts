import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { pendingMigrations, type Database, type Listener } from "@dangbo/db";
import express, { type Express } from "express";
import helmet from "helmet";
import { createContext, createServices, type Context, type Services } from "./graphql/context.ts";
import { hashToken, readSessionToken, viewerFromToken } from "./modules/auth/session.ts";
import { listenForChanges } from "./lib/change-cache.ts";
import { createErrorFormatter } from "./graphql/format-error.ts";
import { getSchema } from "./graphql/schema.ts";
import { armor, limitsPlugin, type CostBudget } from "./graphql/limits.ts";
import { log as defaultLogger, type Logger } from "./log.ts";
import { handleExport } from "./export/export.route.ts";

export interface ServerOptions {
  db: Database;
  /** Folder of the built SPA; not served when missing. */
  webDist?: string;
  logger?: Logger;
  /** Fixed clock for tests. */
  now?: () => Date;
  /** Mark session cookies Secure even on plain HTTP (behind a TLS-terminating proxy). */
  secureCookies?: boolean;
  services?: Services;
  /** A read replica: analysts' requests read from it (writes still go to `db`). */
  replica?: Database;
  /** Per-user cost budget (tests pass a small one). */
  costBudget?: CostBudget;
  /**
   * Keep dashboard figures and sessions in memory, dropped on every change the database notifies
   * (default true; `CACHE=off` turns it off, e.g. to measure without).
   */
  caches?: boolean;
}

export interface AppServer {
  app: Express;
  apollo: ApolloServer<Context>;
  /** The database's change notifications behind the caches; null with `caches: false`. */
  changes: Listener | null;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, lets in-flight requests finish, then stops Apollo. The database stays open. */
  close(): Promise<void>;
}

export async function createServer(options: ServerOptions): Promise<AppServer> {
  const logger = options.logger ?? defaultLogger;
  const app = express();
  app.disable("x-powered-by");
  // No ETag on API responses: hashing every GraphQL response body buys nothing (POST responses
  // are not revalidated). Static files keep theirs (serve-static sets its own).
  app.set("etag", false);
  app.set("trust proxy", "loopback");
  let httpServer: Server | null = null;
  // Requests still being handled: on shutdown the database closes only after they finish.
  const inFlight = new Set<Promise<unknown>>();
  let draining = false;
  const track =
    (handler: express.RequestHandler): express.RequestHandler =>
    (req, res, next) => {
      const done = Promise.resolve(handler(req, res, next)).catch(next);
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
    };
  const services = options.services ?? createServices();
  const caches = [services.figures, services.sessions];
  const changes =
    options.caches === false ? null : await listenForChanges(options.db, caches, logger);

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "worker-src": ["'self'", "blob:"],
          "connect-src": ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use((req, res, next) => {
    if (draining) res.setHeader("connection", "close");
    const started = process.hrtime.bigint();
    const requestId = (req.get("x-request-id") ?? "").slice(0, 64) || randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      if (req.path === "/health") return;
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          user: res.locals.user,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        "request",
      );
    });
    next();
  });

  app.get("/health", async (_req, res) => {
    try {
      await options.db.query("SELECT 1");
      res.json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable" });
    }
  });

  // Readiness for a load balancer: the database answers and every migration is applied.
  app.get("/ready", async (_req, res) => {
    try {
      const pending = await pendingMigrations(options.db);
      if (pending.length > 0)
        return void res.status(503).json({ status: "migrations pending", pending });
      // Caches: "on", "off" (CACHE=off), or "reconnecting" (notifications lost: every request
      // computes until they are back; correct, slower).
      const caches = !changes ? "off" : changes.listening ? "on" : "reconnecting";
      res.json({ status: "ready", draining, caches });
    } catch {
      res.status(503).json({ status: "database unavailable" });
    }
  });

  const protection = armor();
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    // The default landing page loads from a CDN; GraphiQL is bundled with the web app instead.
    // No HTTP cache hints are used; without the plugin no resolver is wrapped per field.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...protection.plugins,
      limitsPlugin(options.costBudget),
      {
        // Read your own writes: before a mutation's answer leaves, this instance has received
        // the notifications of what it committed (one round trip on the listening connection),
        // so the person who saved reads the new figures here. Other instances get them as soon
        // as PostgreSQL delivers them.
        async requestDidStart() {
          return {
            async willSendResponse({ operation }) {
              if (operation?.operation !== "mutation" || !changes?.listening) return;
              await changes.sync().catch(() => {
                for (const cache of caches) cache.clear();
              });
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  /** The per-request context: the session behind the cookie, fresh loaders, the HTTP exchange. */
  const contextFor = async (req: express.Request, res: express.Response): Promise<Context> => {
    const now = options.now?.() ?? new Date();
    const token = readSessionToken(req.headers.cookie);
    const viewer = token
      ? await services.sessions.get(
          hashToken(token),
          () => viewerFromToken(options.db, token, now),
          now.getTime(),
        )
      : null;
    if (viewer) res.locals.user = viewer.username;
    const readFrom = viewer?.role === "ANALYST" && options.replica ? options.replica : options.db;
    return createContext(readFrom, {
      primary: options.db,
      requestId: String(res.locals.requestId),
      now,
      viewer,
      services,
      http: {
        ip: req.ip ?? "unknown",
        secure: req.secure || Boolean(options.secureCookies),
        setCookie: (value) => res.append("set-cookie", value),
      },
    });
  };

  app.use(
    "/graphql",
    // Large enough for member imports (base64 files of up to 8 MB); everything else is small.
    express.json({ limit: "12mb" }),
    track(expressMiddleware(apollo, { context: ({ req, res }) => contextFor(req, res) })),
  );

  app.post(
    "/export",
    express.json({ limit: "256kb" }),
    track((req, res) => handleExport(apollo, contextFor, req, res)),
  );

  const webDist = options.webDist;
  if (webDist && existsSync(join(webDist, "index.html"))) {
    app.use(express.static(webDist, { index: false, maxAge: "1h", setHeaders: cacheAssets }));
    app.get("/{*splat}", (req, res, next) => {
      if (!req.accepts("html")) return next();
      res.setHeader("cache-control", "no-cache");
      res.sendFile(join(webDist, "index.html"));
    });
  } else {
    app.get("/", (_req, res) => {
      res
        .type("text/plain")
        .send("Dangbo API is running. The web app is not built: run `pnpm build`.");
    });
  }

  app.use((_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  // Express error handler: malformed JSON bodies and the like get a clear 4xx, never a stack.
  app.use(
    (
      error: { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
      if (status === 500) logger.error({ err: error }, "unhandled error");
      res.status(status).json({
        errors: [
          {
            message: status === 500 ? "Internal error" : "Malformed request",
            extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" },
          },
        ],
      });
    },
  );

  return {
    app,
    apollo,
    changes,
    listen: (port, host) =>
      new Promise((resolvePort, reject) => {
        const server = app.listen(port, host ?? "0.0.0.0", (error?: Error) => {
          if (error) return reject(error);
          const address = server.address();
          resolvePort(typeof address === "object" && address ? address.port : port);
        });
        httpServer = server;
      }),
    close: async () => {
      draining = true;
      if (httpServer) {
        const server = httpServer;
        const closed = new Promise<void>((done) => server.close(() => done()));
        server.closeIdleConnections();
        // Keep-alive connections get `connection: close` on their next response; then go.
        await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
        server.closeAllConnections();
      }
      await Promise.allSettled([...inFlight]);
      await changes?.close();
      await apollo.stop();
    },
  };
}

function cacheAssets(res: express.Response, path: string) {
  // Hashed build assets never change; everything else revalidates.
  if (/[\\/]assets[\\/]/.test(path))
    res.setHeader("cache-control", "public, max-age=31536000, immutable");
}
