import { defineConfig } from "prisma/config";

// The CLI is only used for `generate` and `validate` here; migrations are applied by
// packages/db's own runner (see packages/db/src/migrate.ts), so no datasource URL is needed.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
