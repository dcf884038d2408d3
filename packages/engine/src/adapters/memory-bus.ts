import type { BusHandler, EventBus } from '../ports/bus';

/**
 * The in-process event bus. Delivery is synchronous and in publish order; a handler that throws is isolated
 * from the publisher and from other handlers (live updates must never break a run).
 */
export function createMemoryBus(options: { onHandlerError?: (error: unknown) => void } = {}): EventBus {
  const subscribers = new Map<string, Set<BusHandler>>();
  return {
    async publish(channel, message) {
      for (const handler of [...(subscribers.get(channel) ?? [])]) {
        try {
          handler(message);
        } catch (error) {
          options.onHandlerError?.(error);
        }
      }
    },
    async subscribe(channel, handler) {
      let handlers = subscribers.get(channel);
      if (!handlers) subscribers.set(channel, (handlers = new Set()));
      // A wrapper per subscription, so subscribing the same function twice gives two independent subscriptions.
      const entry: BusHandler = (message) => handler(message);
      handlers.add(entry);
      return async () => {
        handlers.delete(entry);
        if (handlers.size === 0) subscribers.delete(channel);
      };
    },
    async close() {
      subscribers.clear();
    },
  };
}
