import type { Clock } from '../ports/clock';
import { systemClock } from '../ports/clock';
import type { Lease, LockManager } from '../ports/lock';

/** Leases in memory, with the same expiry semantics as the Redis adapter, on an injectable clock. */
export function createMemoryLocks(clock: Clock = systemClock): LockManager {
  const held = new Map<string, { owner: symbol; expiresAt: number }>();
  return {
    async acquire(key, ttlMs) {
      const now = clock.now().getTime();
      const current = held.get(key);
      if (current && current.expiresAt > now) return undefined;
      const owner = Symbol(key);
      held.set(key, { owner, expiresAt: now + ttlMs });
      const lease: Lease = {
        key,
        async refresh() {
          const entry = held.get(key);
          if (!entry || entry.owner !== owner) return false;
          entry.expiresAt = clock.now().getTime() + ttlMs;
          return true;
        },
        async release() {
          if (held.get(key)?.owner === owner) held.delete(key);
        },
      };
      return lease;
    },
  };
}
