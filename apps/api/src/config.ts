import { isAbsolute, resolve } from "node:path";

export interface AppConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; unset → embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Seed the demo province into an empty database at start. */
  demoData: boolean;
  /** In-memory caches of dashboard figures and sessions (CACHE=off turns them off). */
  caches: boolean;
  production: boolean;
  webDist: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The directory the user ran pnpm in (pnpm runs scripts inside the package folder). */
export function invocationDir(): string {
  return process.env.INIT_CWD ?? process.cwd();
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false (on/off, yes/no, 1/0), got "${value}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const dataDir = env.DATA_DIR ?? "./data";
  const production = env.NODE_ENV === "production";
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir:
      dataDir.startsWith("memory://") || isAbsolute(dataDir)
        ? dataDir
        : resolve(invocationDir(), dataDir),
    demoData: flag(env, "DEMO_DATA", !production),
    caches: flag(env, "CACHE", true),
    production,
    webDist: env.WEB_DIST ?? resolve(import.meta.dirname, "..", "..", "web", "dist"),
  };
}
