import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const apiDir = join(import.meta.dirname, "..");

function run(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(apiDir, "node_modules", ".bin", "tsx"), ["src/main.ts"], {
      cwd: apiDir,
      env: { ...process.env, VITEST: "", LOG_LEVEL: "info", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("start-up", () => {
  it("exits 1 with one clear line when DATABASE_URL is unreachable", async () => {
    const result = await run({
      DATABASE_URL: "postgresql://postgres:secret@127.0.0.1:1/nowhere",
      PORT: "0",
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^dangbo: cannot open the database \(PostgreSQL at 127\.0\.0\.1:1\/nowhere\)/,
    );
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stderr + result.stdout).not.toContain("secret"); // no password
  });

  it("refuses an invalid PORT with a clear message", async () => {
    const result = await run({
      PORT: "http",
      DATA_DIR: join(mkdtempSync(join(tmpdir(), "dangbo-")), "data"),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PORT must be a port number/);
  });
});
