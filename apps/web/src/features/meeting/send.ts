import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorCode, type ErrorCode } from "../../ui/errors.ts";

/**
 * Sending a meeting over a flaky connection: a failure of the network, a timeout or a server
 * that is briefly unavailable is retried with growing pauses (and at once when the device comes
 * back online), always running the same job — which sends the same idempotency key. Answers
 * that another try cannot change (bad input, conflict, forbidden) stop the retries.
 */

/** Pauses before the 1st, 2nd, … retry; the last one repeats. */
export const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 20_000, 30_000, 60_000];
/** A request that has not answered after this long is abandoned and retried. */
export const SEND_TIMEOUT_MS = 20_000;

const RETRIABLE_CODES: readonly ErrorCode[] = [
  "SERVICE_UNAVAILABLE",
  "RATE_LIMITED",
  "INTERNAL_SERVER_ERROR",
];

export type FailureKind = "retry" | "input" | "stop";

/** Whether trying again later may succeed. */
export function classifyFailure(error: unknown): FailureKind {
  if (CombinedGraphQLErrors.is(error) || ServerError.is(error)) {
    const code = errorCode(error);
    if (code === "BAD_USER_INPUT") return "input";
    if (RETRIABLE_CODES.includes(code)) return "retry";
    // A 5xx without a readable body is a gateway or a restarting server.
    if (ServerError.is(error) && code === "UNKNOWN") return "retry";
    return "stop";
  }
  // fetch() failed (offline, DNS, reset), the timeout aborted it, or a proxy sent HTML.
  return "retry";
}

export type SendState =
  | { status: "idle" }
  | { status: "sending"; attempt: number }
  | { status: "waiting"; attempt: number; code: ErrorCode }
  | { status: "stopped"; error: unknown; code: ErrorCode };

interface Job<T> {
  run: (signal: AbortSignal) => Promise<T>;
  onSuccess: (result: T) => void;
  onInputError: (error: unknown) => void;
}

export function useReliableSend<T>(delays: readonly number[] = RETRY_DELAYS_MS) {
  const [state, setState] = useState<SendState>({ status: "idle" });
  const job = useRef<Job<T> | null>(null);
  /** The job whose request is under way, and how to abandon it. */
  const flying = useRef<{ job: Job<T>; controller: AbortController } | null>(null);
  const attempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const attemptNow = useCallback(async () => {
    const current = job.current;
    if (!current || flying.current?.job === current) return;
    clearTimer();
    const controller = new AbortController();
    flying.current = { job: current, controller };
    attempt.current += 1;
    setState({ status: "sending", attempt: attempt.current });
    const timeout = setTimeout(() => controller.abort(), SEND_TIMEOUT_MS);
    const settle = () => {
      clearTimeout(timeout);
      if (flying.current?.job === current) flying.current = null;
      // Cancelled or replaced meanwhile, or the page is gone: the answer changes nothing.
      return mounted.current && job.current === current;
    };
    try {
      const result = await current.run(controller.signal);
      if (!settle()) return;
      job.current = null;
      setState({ status: "idle" });
      current.onSuccess(result);
    } catch (error) {
      if (!settle()) return;
      const kind = classifyFailure(error);
      if (kind === "retry") {
        const delay = delays[Math.min(attempt.current - 1, delays.length - 1)] ?? 60_000;
        setState({ status: "waiting", attempt: attempt.current, code: errorCode(error) });
        timer.current = setTimeout(() => void attemptNow(), delay);
        return;
      }
      job.current = null;
      if (kind === "input") {
        setState({ status: "idle" });
        current.onInputError(error);
      } else {
        setState({ status: "stopped", error, code: errorCode(error) });
      }
    }
  }, [delays]);

  /** Starts sending; ignored while another job is still being sent. */
  const send = useCallback(
    (next: Job<T>) => {
      if (job.current) return;
      job.current = next;
      attempt.current = 0;
      void attemptNow();
    },
    [attemptNow],
  );

  /** Tries the waiting job at once (the "Retry now" button). */
  const retryNow = useCallback(() => {
    void attemptNow();
  }, [attemptNow]);

  /**
   * Stops sending, e.g. to change the form; what was typed stays on the device. A request
   * under way is abandoned (if it reached the server, the same key finds that meeting again).
   */
  const cancel = useCallback(() => {
    clearTimer();
    flying.current?.controller.abort();
    flying.current = null;
    job.current = null;
    setState({ status: "idle" });
  }, []);

  /** Forgets a stopped failure (after the user read it). */
  const reset = useCallback(() => {
    if (!job.current) setState({ status: "idle" });
  }, []);

  useEffect(() => {
    mounted.current = true;
    const online = () => void attemptNow();
    window.addEventListener("online", online);
    return () => {
      mounted.current = false;
      window.removeEventListener("online", online);
      clearTimer();
    };
  }, [attemptNow]);

  return { state, send, retryNow, cancel, reset };
}
