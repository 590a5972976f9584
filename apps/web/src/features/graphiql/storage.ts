import type { Storage } from "@graphiql/toolkit";

/** GraphiQL's key for its tabs (queries, variables, headers and the last response of each). */
const TABS_KEY = "graphiql:tabState";

/** Keeps the tabs but not the responses: they may hold personal data of members. */
export function withoutResponses(tabState: string): string {
  try {
    const state = JSON.parse(tabState) as { tabs?: unknown };
    if (!state || !Array.isArray(state.tabs)) return tabState;
    return JSON.stringify({
      ...state,
      tabs: state.tabs.map((tab: unknown) =>
        typeof tab === "object" && tab !== null ? { ...tab, response: null } : tab,
      ),
    });
  } catch {
    return tabState;
  }
}

/**
 * GraphiQL's storage (tabs, query history, favourites, the open panel) in localStorage, under
 * the signed-in user's name: on a shared computer each user finds their own history and never
 * another's. Responses are not kept (see `withoutResponses`).
 */
export function userStorage(username: string, backing: globalThis.Storage = localStorage): Storage {
  const prefix = `dangbo.graphiql.${username}.`;
  const ownKeys = () => {
    const keys: string[] = [];
    for (let i = 0; i < backing.length; i++) {
      const key = backing.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    return keys;
  };
  return {
    getItem: (key) => backing.getItem(prefix + key),
    setItem: (key, value) =>
      backing.setItem(prefix + key, key === TABS_KEY ? withoutResponses(value) : value),
    removeItem: (key) => backing.removeItem(prefix + key),
    clear: () => {
      for (const key of ownKeys()) backing.removeItem(key);
    },
    get length() {
      return ownKeys().length;
    },
  };
}
