import { useApolloClient } from "@apollo/client/react";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { ViewerQuery as ViewerData } from "../../gql/graphql.ts";
import { SignOutMutation, ViewerQuery } from "./auth.operations.ts";
import { onSessionEnded } from "./session-events.ts";

export type Viewer = NonNullable<ViewerData["viewer"]>;

/** Why nobody is signed in: never was, signed out here, or the server ended the session. */
export type SignedOutReason = "signedOut" | "sessionEnded";

export type SessionState =
  | { status: "loading" }
  | { status: "error"; error: unknown }
  | { status: "signedIn"; viewer: Viewer }
  | { status: "signedOut"; reason?: SignedOutReason };

export interface Session {
  state: SessionState;
  /** The signed-in user, or null (also while loading). */
  viewer: Viewer | null;
  /** After a successful `signIn`: forgets everything cached for anyone before, then signs in. */
  signedIn: (viewer: Viewer) => Promise<void>;
  /** Ends the session on the server, then forgets every cached answer. Rejects if the server could not be reached. */
  signOut: () => Promise<void>;
  /** Asks the server again who is signed in (the Retry of the error state). */
  retry: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/**
 * Knows who is signed in: asks `viewer` once when the app starts, then follows sign-in,
 * sign-out and sessions ended by the server (reported by the Apollo link, see apollo.ts).
 *
 * The state is kept here rather than read from the cache: the cache is cleared whenever the
 * user changes, so that nothing fetched for one user is ever shown to the next.
 */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [state, setStateNow] = useState<SessionState>({ status: "loading" });
  // The session-ended listener needs the current state without re-subscribing.
  const current = useRef(state);
  const setState = useCallback((next: SessionState) => {
    current.current = next;
    setStateNow(next);
  }, []);

  const load = useCallback(() => {
    setState({ status: "loading" });
    client.query({ query: ViewerQuery, fetchPolicy: "network-only" }).then(
      ({ data }) => {
        const viewer = data?.viewer ?? null;
        setState(viewer ? { status: "signedIn", viewer } : { status: "signedOut" });
      },
      (error: unknown) => setState({ status: "error", error }),
    );
  }, [client, setState]);

  useEffect(load, [load]);

  useEffect(
    () =>
      onSessionEnded(() => {
        // Several queries may fail together: act on the first.
        if (current.current.status !== "signedIn") return;
        setState({ status: "signedOut", reason: "sessionEnded" });
        void client.clearStore();
      }),
    [client, setState],
  );

  const signedIn = useCallback(
    async (viewer: Viewer) => {
      await client.clearStore();
      setState({ status: "signedIn", viewer });
    },
    [client, setState],
  );

  const signOut = useCallback(async () => {
    await client.mutate({ mutation: SignOutMutation });
    setState({ status: "signedOut", reason: "signedOut" });
    await client.clearStore();
  }, [client, setState]);

  const session = useMemo<Session>(
    () => ({
      state,
      viewer: state.status === "signedIn" ? state.viewer : null,
      signedIn,
      signOut,
      retry: load,
    }),
    [state, signedIn, signOut, load],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() needs a <ViewerProvider> above it");
  return session;
}

/** The signed-in user, or null. Inside the app's pages (behind RequireViewer) it is never null. */
export function useViewer(): Viewer | null {
  return useSession().viewer;
}
