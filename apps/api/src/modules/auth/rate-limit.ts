/**
 * Counts failed sign-ins per key in a sliding window (per account and per client address).
 * In memory, per process: behind a load balancer each API instance limits on its own, which
 * multiplies the allowance by the number of instances but never lifts it.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may try again; 0 when it may try now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent);
    if (this.failures.size > 100_000) this.prune();
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
  }
}

export interface SignInLimits {
  perAccount: FailureLimiter;
  perAddress: FailureLimiter;
}

export function createSignInLimits(now?: () => number): SignInLimits {
  return {
    perAccount: new FailureLimiter(5, 15 * 60_000, now),
    perAddress: new FailureLimiter(30, 15 * 60_000, now),
  };
}
