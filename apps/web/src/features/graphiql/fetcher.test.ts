import { afterEach, describe, expect, it, vi } from "vitest";
import { onSessionEnded } from "../auth/session-events.ts";
import { createDangboFetcher } from "./fetcher.ts";
import { createRunStore } from "./run.ts";
import { userStorage, withoutResponses } from "./storage.ts";

const answer = (body: unknown) => vi.fn(async (..._args: unknown[]) => Response.json(body));

describe("createDangboFetcher", () => {
  it("POSTs JSON to /graphql with the session cookie and keeps the answer for the page", async () => {
    const store = createRunStore();
    const fetchImpl = answer({
      data: { viewer: { username: "analyst" } },
      extensions: { cost: { requested: 1 } },
    });
    const fetcher = createDangboFetcher(store, fetchImpl as unknown as typeof fetch);
    const result = await fetcher({
      query: "query Me { viewer { username } }",
      operationName: "Me",
      variables: { a: 1 },
    });
    expect(result).toEqual({
      data: { viewer: { username: "analyst" } },
      extensions: { cost: { requested: 1 } },
    });
    const [url, init] = fetchImpl.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/graphql");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect(init.headers).toMatchObject({ "content-type": "application/json" });
    expect(JSON.parse(String(init.body))).toEqual({
      query: "query Me { viewer { username } }",
      operationName: "Me",
      variables: { a: 1 },
    });
    expect(store.get()).toEqual({
      query: "query Me { viewer { username } }",
      variables: { a: 1 },
      operationName: "Me",
      response: result,
      failure: null,
    });
  });

  it("leaves the schema's introspection out of the last run", async () => {
    const store = createRunStore();
    const fetcher = createDangboFetcher(
      store,
      answer({ data: { __schema: {} } }) as unknown as typeof fetch,
    );
    await fetcher({
      query: "query IntrospectionQuery { __schema { types { name } } }",
      operationName: "IntrospectionQuery",
    });
    expect(store.get()).toBeNull();
  });

  it("ends the session on UNAUTHENTICATED, like the rest of the app", async () => {
    const ended = vi.fn();
    const stop = onSessionEnded(ended);
    const fetcher = createDangboFetcher(
      createRunStore(),
      answer({
        errors: [{ message: "Sign in", extensions: { code: "UNAUTHENTICATED" } }],
      }) as unknown as typeof fetch,
    );
    await fetcher({ query: "{ members { totalCount } }" });
    expect(ended).toHaveBeenCalledOnce();
    stop();
  });

  it("records a failed request", async () => {
    const store = createRunStore();
    const fetcher = createDangboFetcher(store, (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch);
    await expect(fetcher({ query: "{ a }" })).rejects.toThrow("Failed to fetch");
    expect(store.get()).toMatchObject({ response: null, failure: "Failed to fetch" });
  });
});

describe("userStorage", () => {
  afterEach(() => localStorage.clear());

  it("keeps each user's GraphiQL state apart", () => {
    const analyst = userStorage("analyst");
    const leader = userStorage("leader");
    analyst.setItem("graphiql:queries", "[1]");
    localStorage.setItem("dangbo.language", "vi");
    expect(analyst.getItem("graphiql:queries")).toBe("[1]");
    expect(leader.getItem("graphiql:queries")).toBeNull();
    expect(localStorage.getItem("dangbo.graphiql.analyst.graphiql:queries")).toBe("[1]");
    expect(analyst.length).toBe(1);
    leader.setItem("graphiql:theme", "dark");
    analyst.clear();
    expect(analyst.length).toBe(0);
    expect(leader.getItem("graphiql:theme")).toBe("dark");
    expect(localStorage.getItem("dangbo.language")).toBe("vi");
    leader.removeItem("graphiql:theme");
    expect(leader.length).toBe(0);
  });

  it("never stores the responses of the tabs (they may hold members' personal data)", () => {
    const tabs = JSON.stringify({
      activeTabIndex: 0,
      tabs: [
        { id: "1", query: "{ a }", response: '{"data":{"members":["Nguyễn Văn An"]}}' },
        { id: "2", query: "{ b }", response: null },
      ],
    });
    userStorage("analyst").setItem("graphiql:tabState", tabs);
    const stored = JSON.parse(localStorage.getItem("dangbo.graphiql.analyst.graphiql:tabState")!);
    expect(stored.tabs).toEqual([
      { id: "1", query: "{ a }", response: null },
      { id: "2", query: "{ b }", response: null },
    ]);
    expect(stored.activeTabIndex).toBe(0);
    expect(withoutResponses("not json")).toBe("not json");
  });
});
