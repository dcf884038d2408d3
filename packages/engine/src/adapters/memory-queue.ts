import type { ExecutionJob, ExecutionQueue, QueueConsumer } from '../ports/queue';

/**
 * The in-process run queue. Jobs live in memory: on a restart, unfinished runs are found in the store and
 * re-enqueued (`Engine.resumeUnfinished`), so nothing is lost with the process. A handler that throws puts
 * its job back at the end of the queue after `retryDelayMs`.
 */
export function createMemoryQueue(options: { retryDelayMs?: number } = {}): ExecutionQueue {
  const retryDelayMs = options.retryDelayMs ?? 100;
  const waiting: ExecutionJob[] = [];
  const consumers = new Set<() => void>();
  let closed = false;
  const wake = () => {
    for (const pump of consumers) pump();
  };
  return {
    async enqueue(job) {
      if (closed) throw new Error('Queue is closed');
      waiting.push({ ...job });
      wake();
    },
    consume(handler, { concurrency }) {
      let active = 0;
      let stopping = false;
      const idle: (() => void)[] = [];
      const pump = () => {
        while (!stopping && active < concurrency && waiting.length > 0) {
          const job = waiting.shift() as ExecutionJob;
          active++;
          handler(job)
            .catch(() => {
              setTimeout(() => {
                if (closed) return;
                waiting.push(job);
                wake();
              }, retryDelayMs).unref();
            })
            .finally(() => {
              active--;
              if (active === 0) idle.splice(0).forEach((resolve) => resolve());
              pump();
            });
        }
      };
      consumers.add(pump);
      queueMicrotask(pump);
      const consumer: QueueConsumer = {
        async stop() {
          stopping = true;
          consumers.delete(pump);
          if (active > 0) await new Promise<void>((resolve) => idle.push(resolve));
        },
      };
      return consumer;
    },
    async depth() {
      return waiting.length;
    },
    async close() {
      closed = true;
      waiting.length = 0;
    },
  };
}
