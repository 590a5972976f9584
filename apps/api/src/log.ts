import { pino } from "pino";

/** Structured JSON logs on stdout (one object per line), quiet in tests unless LOG_LEVEL is set. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: { service: "dangbo-api" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["password", "*.password", "req.headers.cookie"], censor: "[redacted]" },
});
export type Logger = typeof log;
