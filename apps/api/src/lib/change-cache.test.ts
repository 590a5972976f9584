import { describe, expect, it } from "vitest";
import { ChangeCache } from "./change-cache.ts";

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

function cache(options: Partial<ConstructorParameters<typeof ChangeCache>[1]> = {}) {
  let clock = 1_000;
  const c = new ChangeCache<number>("test", {
    dependsOn: (table) => table !== "meeting",
    maxEntries: 3,
    maxAgeMs: 60_000,
    now: () => clock,
    ...options,
  });
  let calls = 0;
  const compute =
    (value = 1) =>
    () => {
      calls++;
      return Promise.resolve(value);
    };
  return {
    c,
    compute,
    calls: () => calls,
    advance: (ms: number) => (clock += ms),
  };
}

describe("ChangeCache", () => {
  it("computes every time until change notifications are on", async () => {
    const { c, compute, calls } = cache();
    await c.get("k", compute());
    await c.get("k", compute());
    expect(calls()).toBe(2);
    expect(c.serving).toBe(false);
  });

  it("keeps a value until a table it depends on changes", async () => {
    const { c, compute, calls } = cache();
    c.setEnabled(true);
    expect(await c.get("k", compute(5))).toBe(5);
    expect(await c.get("k", compute(6))).toBe(5);
    expect(calls()).toBe(1);
    c.changed("meeting"); // not read by it
    expect(await c.get("k", compute(6))).toBe(5);
    c.changed("member_event");
    expect(await c.get("k", compute(7))).toBe(7);
    c.changed(null); // unknown changes count as changes
    expect(await c.get("k", compute(8))).toBe(8);
    expect(calls()).toBe(3);
    expect([c.hits, c.misses]).toEqual([2, 3]);
  });

  it("does not keep a value computed across a change (it may predate the change)", async () => {
    const { c, calls } = cache();
    c.setEnabled(true);
    const slow = deferred<number>();
    const first = c.get("k", () => slow.promise);
    // A second request while the first is computing shares its computation.
    const joined = c.get("k", () => Promise.resolve(99));
    c.changed("member_event"); // committed while the statement ran
    slow.resolve(1);
    expect(await first).toBe(1);
    expect(await joined).toBe(1);
    let computed = 0;
    expect(
      await c.get("k", () => {
        computed++;
        return Promise.resolve(2);
      }),
    ).toBe(2);
    expect(computed).toBe(1);
    expect(calls()).toBe(0);
  });

  it("keeps no failure and nothing `keep` refuses", async () => {
    const { c, compute, calls } = cache({ keep: (value) => value !== 0 });
    c.setEnabled(true);
    await expect(c.get("k", () => Promise.reject(new Error("not found")))).rejects.toThrow();
    expect(await c.get("k", compute(3))).toBe(3);
    await c.get("zero", compute(0));
    await c.get("zero", compute(0));
    expect(calls()).toBe(3);
  });

  it("recomputes after maxAgeMs and holds at most maxEntries", async () => {
    const { c, compute, calls, advance } = cache();
    c.setEnabled(true);
    await c.get("a", compute());
    advance(59_999);
    await c.get("a", compute());
    expect(calls()).toBe(1);
    advance(1);
    await c.get("a", compute());
    expect(calls()).toBe(2);
    for (const key of ["b", "c", "d"]) await c.get(key, compute());
    expect(c.size).toBe(3);
    await c.get("a", compute()); // the oldest went first
    expect(calls()).toBe(6);
  });

  it("stops serving, and forgets, when notifications are lost; starts empty when they are back", async () => {
    const { c, compute, calls } = cache();
    c.setEnabled(true);
    await c.get("k", compute());
    c.setEnabled(false);
    expect(c.size).toBe(0);
    await c.get("k", compute());
    await c.get("k", compute());
    expect(calls()).toBe(3);
    c.setEnabled(true);
    await c.get("k", compute());
    await c.get("k", compute());
    expect(calls()).toBe(4);
  });
});
