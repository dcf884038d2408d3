import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventBus } from '../ports/bus';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** What every EventBus adapter must do: per-channel delivery in order, to every subscriber, until unsubscribed. */
export function describeBusContract(name: string, factory: () => Promise<EventBus>) {
  describe(`EventBus contract: ${name}`, () => {
    let bus: EventBus;
    beforeEach(async () => {
      bus = await factory();
    });
    afterEach(async () => {
      await bus.close();
    });

    it('delivers messages on a channel in publish order, as JSON-equal copies', async () => {
      const seen: unknown[] = [];
      await bus.subscribe('exec/1', (message) => seen.push(message));
      for (let i = 0; i < 20; i++) await bus.publish('exec/1', { i, nested: { list: [i, null] } });
      await settle();
      expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => ({ i, nested: { list: [i, null] } })));
    });

    it('delivers to every subscriber and only on its channel', async () => {
      const a: unknown[] = [];
      const b: unknown[] = [];
      const other: unknown[] = [];
      await bus.subscribe('exec/1', (message) => a.push(message));
      await bus.subscribe('exec/1', (message) => b.push(message));
      await bus.subscribe('exec/2', (message) => other.push(message));
      await bus.publish('exec/1', 'hello');
      await settle();
      expect(a).toEqual(['hello']);
      expect(b).toEqual(['hello']);
      expect(other).toEqual([]);
    });

    it('stops delivering after unsubscribe', async () => {
      const seen: unknown[] = [];
      const unsubscribe = await bus.subscribe('c', (message) => seen.push(message));
      await bus.publish('c', 1);
      await settle();
      await unsubscribe();
      await bus.publish('c', 2);
      await settle();
      expect(seen).toEqual([1]);
    });

    it('a throwing subscriber does not stop delivery to the others or fail the publisher', async () => {
      const seen: unknown[] = [];
      await bus.subscribe('c', () => {
        throw new Error('bad subscriber');
      });
      await bus.subscribe('c', (message) => seen.push(message));
      await expect(bus.publish('c', 'x')).resolves.toBeUndefined();
      await settle();
      expect(seen).toEqual(['x']);
    });
  });
}
