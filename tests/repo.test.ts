import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "..");

// docker compose cannot run on these machines (no Docker engine): check what can be checked.
describe("docker-compose.yml", () => {
  const compose = parse(readFileSync(join(root, "docker-compose.yml"), "utf8"));

  it("runs the app against a PostgreSQL service", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "db"]);
    expect(compose.services.db.image).toMatch(/^postgres:\d+/);
    const env = compose.services.db.environment;
    const url = new URL(compose.services.app.environment.DATABASE_URL);
    expect(url.protocol).toBe("postgresql:");
    expect(url.hostname).toBe("db");
    expect(url.username).toBe(env.POSTGRES_USER);
    expect(url.password).toBe(env.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${env.POSTGRES_DB}`);
  });

  it("starts the app after the database is healthy and publishes its port", () => {
    expect(compose.services.app.depends_on.db.condition).toBe("service_healthy");
    expect(compose.services.db.healthcheck.test.join(" ")).toContain("pg_isready");
    expect(compose.services.app.ports).toContain(`4000:${compose.services.app.environment.PORT}`);
    expect(compose.services.app.build).toBe(".");
    expect(existsSync(join(root, "Dockerfile"))).toBe(true);
  });

  it("builds an image that runs the same start command as the README", () => {
    const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/pnpm install --frozen-lockfile/);
    expect(dockerfile).toMatch(/pnpm build/);
    expect(dockerfile).toMatch(/CMD \["node", "--import", "tsx", "src\/main.ts"\]/);
    // Every workspace manifest is copied before the install layer.
    for (const pkg of ["apps/api", "apps/web", "packages/shared", "packages/db", "e2e"]) {
      expect(dockerfile).toContain(`COPY ${pkg}/package.json`);
    }
  });
});

describe("the README and CI", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const ci = readFileSync(join(root, ".ci", "run"), "utf8");

  it("gives the two commands first, and CI runs the README's test command", () => {
    const head = readme.split("\n").slice(0, 15).join("\n");
    expect(head).toContain("pnpm install && pnpm start");
    expect(head).toContain("pnpm test");
    expect(ci).toMatch(/^\s*pnpm test\b/m);
  });
});
