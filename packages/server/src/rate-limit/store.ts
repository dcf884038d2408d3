/**
 * The rate-limit port: a sliding-window log per key (internals §7.3). In memory here; a Redis sorted set
 * (ZREMRANGEBYSCORE, ZADD, ZCOUNT, EXPIRE in one pipeline) in distributed mode, behind the same interface.
 */
export interface RateLimitStore {
  /** Records a request at `nowMs` and returns how many fall in the window ending now, this one included. */
  hit(key: string, nowMs: number, windowMs: number): Promise<number>;
}

/** Keys idle for a whole window are dropped when the map grows, so memory follows active clients only. */
export function createMemoryRateLimitStore(options: { sweepAbove?: number } = {}): RateLimitStore {
  const log = new Map<string, number[]>();
  const sweepAbove = options.sweepAbove ?? 10_000;
  return {
    async hit(key, nowMs, windowMs) {
      const since = nowMs - windowMs;
      const times = (log.get(key) ?? []).filter((time) => time > since);
      // Refused requests are recorded too, as AutoGPT does: hammering keeps a client limited.
      times.push(nowMs);
      log.set(key, times);
      if (log.size > sweepAbove) {
        for (const [other, stamps] of log) if ((stamps.at(-1) ?? 0) <= since) log.delete(other);
      }
      return times.length;
    },
  };
}
