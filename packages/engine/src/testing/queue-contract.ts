import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExecutionJob, ExecutionQueue } from '../ports/queue';

const job = (n: number): ExecutionJob => ({
  graphExecId: `run-${n}`,
  userId: 'u',
  graphId: 'g',
  graphVersion: 1,
});
const until = async (check: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** What every ExecutionQueue adapter must do: deliver each job, honour concurrency, retry failed handlers. */
export function describeQueueContract(name: string, factory: () => Promise<ExecutionQueue>) {
  describe(`ExecutionQueue contract: ${name}`, () => {
    let queue: ExecutionQueue;
    beforeEach(async () => {
      queue = await factory();
    });
    afterEach(async () => {
      await queue.close();
    });

    it('delivers every job once, in enqueue order for one consumer slot', async () => {
      const seen: string[] = [];
      for (let i = 0; i < 5; i++) await queue.enqueue(job(i));
      expect(await queue.depth()).toBe(5);
      const consumer = queue.consume(async (j) => void seen.push(j.graphExecId), { concurrency: 1 });
      await until(() => seen.length === 5);
      await consumer.stop();
      expect(seen).toEqual(['run-0', 'run-1', 'run-2', 'run-3', 'run-4']);
      expect(await queue.depth()).toBe(0);
    });

    it('never runs more handlers at once than the concurrency', async () => {
      let active = 0;
      let max = 0;
      let done = 0;
      const consumer = queue.consume(
        async () => {
          active++;
          max = Math.max(max, active);
          await new Promise((resolve) => setTimeout(resolve, 10));
          active--;
          done++;
        },
        { concurrency: 3 },
      );
      for (let i = 0; i < 9; i++) await queue.enqueue(job(i));
      await until(() => done === 9);
      await consumer.stop();
      expect(max).toBe(3);
    });

    it('gives a job whose handler threw to a later attempt', async () => {
      const attempts = new Map<string, number>();
      const consumer = queue.consume(
        async (j) => {
          const n = (attempts.get(j.graphExecId) ?? 0) + 1;
          attempts.set(j.graphExecId, n);
          if (n < 3) throw new Error('not yet');
        },
        { concurrency: 1 },
      );
      await queue.enqueue(job(1));
      await until(() => attempts.get('run-1') === 3);
      await consumer.stop();
    });

    it('stop waits for the handlers in hand and takes no new job', async () => {
      let started = 0;
      let finished = 0;
      const consumer = queue.consume(
        async () => {
          started++;
          await new Promise((resolve) => setTimeout(resolve, 30));
          finished++;
        },
        { concurrency: 1 },
      );
      await queue.enqueue(job(1));
      await until(() => started === 1);
      await consumer.stop();
      expect(finished).toBe(1);
      await queue.enqueue(job(2));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(finished).toBe(1);
      expect(await queue.depth()).toBe(1);
    });
  });
}
