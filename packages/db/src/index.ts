export * from "./client.ts";
export * from "./migrate.ts";
export * from "./bulk.ts";
export * from "./closure.ts";
export * from "./rollups.ts";
export * from "./password.ts";
export * from "./backup.ts";
export { PrismaClient, Prisma } from "./generated/prisma/client.ts";
export type * from "./generated/prisma/client.ts";
