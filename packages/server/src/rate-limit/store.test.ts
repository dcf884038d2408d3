import { describe, expect, it } from 'vitest';
import { createMemoryRateLimitStore } from './store';

describe('memory rate-limit store', () => {
  it('counts hits in a sliding window per key, refused ones included', async () => {
    const store = createMemoryRateLimitStore();
    expect(await store.hit('a', 0, 1000)).toBe(1);
    expect(await store.hit('a', 500, 1000)).toBe(2);
    expect(await store.hit('b', 500, 1000)).toBe(1);
    expect(await store.hit('a', 1200, 1000)).toBe(2);
    expect(await store.hit('a', 5000, 1000)).toBe(1);
  });

  it('drops idle keys once it holds many', async () => {
    const store = createMemoryRateLimitStore({ sweepAbove: 2 });
    await store.hit('a', 0, 1000);
    await store.hit('b', 0, 1000);
    await store.hit('c', 5000, 1000);
    expect(await store.hit('a', 5001, 1000)).toBe(1);
  });
});
