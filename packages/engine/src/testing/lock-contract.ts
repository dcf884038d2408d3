import { describe, expect, it } from 'vitest';
import type { LockManager } from '../ports/lock';

/** What every LockManager adapter must do: one holder at a time, expiry, owner-checked refresh and release. */
export function describeLockContract(name: string, factory: () => Promise<LockManager>) {
  describe(`LockManager contract: ${name}`, () => {
    it('grants a lease to one holder at a time', async () => {
      const locks = await factory();
      const first = await locks.acquire('exec_lock:a', 10_000);
      expect(first).toBeDefined();
      expect(await locks.acquire('exec_lock:a', 10_000)).toBeUndefined();
      expect(await locks.acquire('exec_lock:b', 10_000)).toBeDefined();
      await first?.release();
      expect(await locks.acquire('exec_lock:a', 10_000)).toBeDefined();
    });

    it('lets an expired lease be taken, and its old holder can no longer refresh or release it', async () => {
      const locks = await factory();
      const old = await locks.acquire('k', 50);
      await new Promise((resolve) => setTimeout(resolve, 80));
      const taker = await locks.acquire('k', 10_000);
      expect(taker).toBeDefined();
      expect(await old?.refresh()).toBe(false);
      await old?.release();
      expect(await locks.acquire('k', 10_000)).toBeUndefined();
      expect(await taker?.refresh()).toBe(true);
    });

    it('a refreshed lease outlives its first time to live', async () => {
      const locks = await factory();
      const lease = await locks.acquire('r', 80);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await lease?.refresh()).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await locks.acquire('r', 80)).toBeUndefined();
    });
  });
}
