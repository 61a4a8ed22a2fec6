/** Whether a caller may create another link now, and if not, when to retry. */
export type LinkRateDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; limitedBy: 'user' | 'ip' };

/**
 * Counts link creations per user and per IP in one-minute windows, in memory: each API
 * instance counts on its own, enough to stop one account or one address from minting links in
 * bulk. Both counts must be under the limit; a refused attempt still counts, so hammering
 * does not shorten the wait.
 */
export class LinkRateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one attempt by `userId` from `ip` and says whether it may go ahead. */
  attempt(userId: string, ip: string): LinkRateDecision {
    const now = this.now();
    const window = Math.floor(now / 60_000) * 60_000;
    if (window !== this.windowStart) {
      // A new minute: forget the old one entirely, which also bounds the map's size.
      this.windowStart = window;
      this.counts = new Map();
    }
    const user = this.bump(`user:${userId}`);
    const address = this.bump(`ip:${ip}`);
    if (user <= this.perMinute && address <= this.perMinute) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((window + 60_000 - now) / 1000)),
      limitedBy: user > this.perMinute ? 'user' : 'ip',
    };
  }

  private bump(key: string): number {
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count;
  }
}
