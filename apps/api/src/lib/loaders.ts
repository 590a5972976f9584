import type { IsoDate } from "@dangbo/shared";
import DataLoader from "dataloader";

export interface DatedKey {
  id: number;
  asOf: IsoDate;
}

/**
 * A DataLoader over (id, as-of date) keys: one query per distinct date in a batch (in practice
 * one per request), never one per row.
 */
export function datedLoader<V>(
  batch: (ids: number[], asOf: IsoDate) => Promise<Map<number, V>>,
  missing: () => V,
): DataLoader<DatedKey, V, string> {
  return new DataLoader<DatedKey, V, string>(
    async (keys) => {
      const byDate = new Map<IsoDate, number[]>();
      for (const key of keys) {
        const ids = byDate.get(key.asOf) ?? [];
        ids.push(key.id);
        byDate.set(key.asOf, ids);
      }
      const results = new Map<string, V>();
      await Promise.all(
        [...byDate].map(async ([asOf, ids]) => {
          const values = await batch([...new Set(ids)], asOf);
          for (const id of ids) results.set(`${id}|${asOf}`, values.get(id) ?? missing());
        }),
      );
      return keys.map((key) => results.get(`${key.id}|${key.asOf}`) ?? missing());
    },
    { cacheKeyFn: (key) => `${key.id}|${key.asOf}` },
  );
}

/** A DataLoader by id. */
export function idLoader<V>(batch: (ids: number[]) => Promise<V[]>, idOf: (value: V) => number) {
  return new DataLoader<number, V | null>(async (ids) => {
    const rows = await batch([...ids]);
    const byId = new Map(rows.map((row) => [idOf(row), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}
