import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { printSdl } from "./schema.ts";

describe("schema.graphql", () => {
  it("is the schema the code builds (run `pnpm codegen` after changing resolvers)", async () => {
    const committed = readFileSync(join(import.meta.dirname, "..", "..", "schema.graphql"), "utf8");
    expect(committed).toBe(await printSdl());
  });
});
