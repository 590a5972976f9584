import { CHANGE_CHANNEL, EVERYTHING_CHANGED, type Database, type Listener } from "@dangbo/db";
import type { Logger } from "../log.ts";

export interface ChangeCacheOptions {
  /** Whether a change of this table may change a cached value. */
  dependsOn(table: string): boolean;
  /** Entries kept at most; the oldest go first. */
  maxEntries: number;
  /** An entry is recomputed after this long even without a change (a bound on any missed notification). */
  maxAgeMs: number;
  /** Whether a computed value may be kept (e.g. not an unknown session). */
  keep?(value: unknown): boolean;
  now?: () => number;
}

/**
 * Values computed from the database, kept in this process and dropped as soon as a table they
 * depend on changes: every committed write notifies its tables (PostgreSQL NOTIFY from a
 * statement trigger on every table), which reaches every API instance.
 *
 * It serves only while those notifications are being received: off until the listening
 * connection is up, emptied and off again the moment it is lost (a change could be missed), and
 * emptied when it is back. A value whose computation began before a change that arrives before
 * it ends is handed to the requests already waiting for it but not kept (it may predate the
 * change). Values are shared between requests: callers must not modify them.
 */
export class ChangeCache<T> {
  private entries = new Map<string, { value: Promise<T>; at: number }>();
  private generation = 0;
  private enabled = false;
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(
    readonly name: string,
    private readonly options: ChangeCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get serving(): boolean {
    return this.enabled;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`: kept, or computed now (and kept when it succeeds, unless a change came first). */
  get(key: string, compute: () => Promise<T>, now = this.now()): Promise<T> {
    if (!this.enabled) return compute();
    const kept = this.entries.get(key);
    if (kept && now - kept.at < this.options.maxAgeMs) {
      this.hits++;
      return kept.value;
    }
    this.misses++;
    if (kept) this.entries.delete(key);
    const generation = this.generation;
    const value = compute();
    this.entries.set(key, { value, at: now });
    if (this.entries.size > this.options.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    value.then(
      (result) => {
        const keep = this.options.keep ? this.options.keep(result) : true;
        if (!keep || generation !== this.generation) this.forget(key, value);
      },
      () => this.forget(key, value),
    );
    return value;
  }

  /** A table changed (`null`: something may have changed that was not seen). */
  changed(table: string | null): void {
    if (table === null || this.options.dependsOn(table)) this.clear();
  }

  /** Serving or not, as the change notifications arrive or stop; either way starts empty. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.clear();
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private forget(key: string, value: Promise<T>): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }
}

/**
 * Connects caches to the database's change notifications. On PostgreSQL the listening
 * connection is re-opened when lost; the caches stop serving meanwhile.
 */
export function listenForChanges(
  db: Database,
  caches: ChangeCache<unknown>[],
  log: Logger,
): Promise<Listener> {
  return db.listen(CHANGE_CHANNEL, {
    onNotify: (table) => {
      for (const cache of caches) cache.changed(table === EVERYTHING_CHANGED ? null : table);
    },
    onState: (listening) => {
      for (const cache of caches) cache.setEnabled(listening);
      if (listening) log.info({ caches: caches.map((c) => c.name) }, "change notifications on");
      else log.warn({}, "change notifications lost: caches off until they are back");
    },
  });
}
