// Runs the Prisma CLI offline. The CLI downloads its native schema engine on every command,
// even though `generate` never uses it; pointing PRISMA_SCHEMA_ENGINE_BINARY at a stub that
// fails loudly keeps it from trying (see ../shared/notes/stack.md).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const stub = join(here, "..", "node_modules", ".cache", "schema-engine-stub.sh");
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  if (!existsSync(stub)) {
    mkdirSync(dirname(stub), { recursive: true });
    writeFileSync(
      stub,
      '#!/bin/sh\necho "schema engine is not available offline; use the project migration runner" >&2\nexit 1\n',
    );
    chmodSync(stub, 0o755);
  }
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
process.env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
process.env.CHECKPOINT_DISABLE = "1";
const prismaBin = join(here, "..", "node_modules", ".bin", "prisma");
const result = spawnSync(
  prismaBin,
  [...process.argv.slice(2), "--config", join(root, "prisma.config.ts")],
  {
    stdio: "inherit",
    cwd: root,
  },
);
process.exit(result.status ?? 1);
