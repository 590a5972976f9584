import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);
// One graphql module for every importer, or type-graphql and Apollo see different realms.
const graphqlAlias = [{ find: /^graphql$/, replacement: require.resolve("graphql") }];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["packages/shared/src/**/*.test.ts", "tests/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "api",
          include: ["apps/api/src/**/*.test.ts"],
          exclude: ["apps/api/src/**/*.postgres-only.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true,
              test: {
                name: "api-postgres",
                include: ["apps/api/src/**/*.test.ts"],
                exclude: ["apps/api/src/**/*.pglite-only.test.ts"],
                env: { TEST_DB_ENGINE: "postgres" },
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: "web",
          environment: "jsdom",
          include: ["apps/web/src/**/*.test.{ts,tsx}"],
          setupFiles: ["apps/web/src/test/setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["packages/db/src/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
  resolve: { alias: graphqlAlias },
});
