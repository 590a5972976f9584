import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { E2E_PORT } from "./playwright.config.ts";

const root = resolve(import.meta.dirname, "..");

/** Starts the built product on a fresh data folder and stops it (its whole process group) afterwards. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), "dangbo-e2e-"));
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: join(root, "apps", "api"),
    env: {
      ...process.env,
      PORT: String(E2E_PORT),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      NODE_ENV: "test",
    },
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
  });
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));

  const deadline = Date.now() + 240_000;
  for (;;) {
    if (exited !== null)
      throw new Error(`the product exited with code ${exited} before it was ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${E2E_PORT}/health`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      if (child.pid) process.kill(-child.pid, "SIGKILL"); // never leave a server behind
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error("the product did not become healthy within 240 s");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(
    `e2e: product ready on port ${E2E_PORT} after ${((Date.now() - started) / 1000).toFixed(1)} s (fresh data folder, demo seed)`,
  );

  return async () => {
    if (exited === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      await new Promise<void>((done) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            /* gone */
          }
          done();
        }, 10_000);
        child.on("exit", () => {
          clearTimeout(timer);
          done();
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
