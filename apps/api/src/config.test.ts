import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration from the environment", () => {
  it("reads on/off switches in the usual spellings, with their defaults", () => {
    expect(loadConfig({}).caches).toBe(true);
    expect(loadConfig({ CACHE: "off" }).caches).toBe(false);
    expect(loadConfig({ CACHE: "0" }).caches).toBe(false);
    expect(loadConfig({ CACHE: "Yes" }).caches).toBe(true);
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", DEMO_DATA: "true" }).demoData).toBe(true);
  });

  it("refuses anything else, naming the variable", () => {
    expect(() => loadConfig({ CACHE: "maybe" })).toThrow(ConfigError);
    expect(() => loadConfig({ CACHE: "maybe" })).toThrow(
      'CACHE must be true or false (on/off, yes/no, 1/0), got "maybe"',
    );
    expect(() => loadConfig({ DEMO_DATA: "sometimes" })).toThrow(/^DEMO_DATA must be/);
  });
});
