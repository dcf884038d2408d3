import { beforeEach, describe, expect, it } from 'vitest';
import type { RunChange, Store } from '../../ports/store';
import { at, nodeExec, output, readExec, seedTwoRuns } from './fixtures';

/** A commit is all or nothing, also when several are in flight at once. */
export function describeCommitAtomicityContract(store: () => Store): void {
  describe('commit atomicity', () => {
    beforeEach(() => seedTwoRuns(store()));
    const exec = (id?: string) => readExec(store(), id);
    const valid: RunChange[] = [
      {
        type: 'node.create',
        nodeExecution: nodeExec({ id: 'exec-new', seq: 2, inputs: [{ name: 'a', value: 1 }] }),
      },
      { type: 'node.input', nodeExecId: 'exec-new', name: 'b', value: 2 },
      { type: 'node.input', nodeExecId: 'exec-1', name: 'late', value: 1 },
      { type: 'node.output', nodeExecId: 'exec-1', name: 'result', value: 'hi', time: at(12) },
      {
        type: 'node.update',
        nodeExecId: 'exec-1',
        status: 'COMPLETED',
        endedTime: at(12),
        stats: { walltime: 1 },
      },
      { type: 'graph.update', status: 'RUNNING', startedAt: at(11), stats: { node_count: 1 } },
    ];
    it.each<[string, RunChange, string]>([
      [
        'node.input for an unknown node execution',
        { type: 'node.input', nodeExecId: 'nope', name: 'x', value: 1 },
        'NOT_FOUND',
      ],
      [
        'node.output for an unknown node execution',
        { type: 'node.output', nodeExecId: 'nope', name: 'x', value: 1, time: at(12) },
        'NOT_FOUND',
      ],
      [
        'node.update for an unknown node execution',
        { type: 'node.update', nodeExecId: 'nope', status: 'FAILED' },
        'NOT_FOUND',
      ],
      [
        "node.input for another run's execution",
        { type: 'node.input', nodeExecId: 'exec-other', name: 'x', value: 1 },
        'NOT_FOUND',
      ],
      [
        "node.update for another run's execution",
        { type: 'node.update', nodeExecId: 'exec-other', status: 'FAILED' },
        'NOT_FOUND',
      ],
      [
        'node.create with an id in use',
        { type: 'node.create', nodeExecution: nodeExec({ id: 'exec-other', seq: 9 }) },
        'CONFLICT',
      ],
      [
        'node.create with a stored seq',
        { type: 'node.create', nodeExecution: nodeExec({ id: 'exec-9', seq: 1 }) },
        'CONFLICT',
      ],
      [
        'node.create with a seq used in the batch',
        { type: 'node.create', nodeExecution: nodeExec({ id: 'exec-9', seq: 2 }) },
        'CONFLICT',
      ],
      [
        'node.input for a pin already set',
        { type: 'node.input', nodeExecId: 'exec-1', name: 'value', value: 1 },
        'CONFLICT',
      ],
      [
        'node.input for a pin set earlier in the batch',
        { type: 'node.input', nodeExecId: 'exec-new', name: 'b', value: 3 },
        'CONFLICT',
      ],
    ])('leaves nothing of a batch whose last change is invalid: %s', async (_case, bad, code) => {
      const before = {
        run: await store().getGraphExecution('run-1'),
        execs: await store().listNodeExecutions('run-1'),
      };
      const other = await store().listNodeExecutions('run-2');
      await expect(store().commit('run-1', [...valid, bad], at(20))).rejects.toMatchObject({ code });
      expect(await store().getGraphExecution('run-1')).toStrictEqual(before.run);
      expect(await store().listNodeExecutions('run-1')).toStrictEqual(before.execs);
      expect(await store().listNodeExecutions('run-2')).toStrictEqual(other);
      expect(await store().getNodeExecution('exec-new')).toBeUndefined();
      await store().commit('run-1', valid, at(21));
      expect((await exec('exec-new')).inputs).toHaveLength(2);
    });

    it('rejects a commit to an unknown run', async () => {
      await expect(store().commit('missing', [], at(20))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('runs concurrent commits one at a time, each all or nothing', async () => {
      const bad: RunChange = { type: 'node.input', nodeExecId: 'nope', name: 'x', value: 1 };
      const batches = Array.from({ length: 20 }, (_, i) =>
        i % 5 === 4 ? [output(i), bad] : [output(i), output(i)],
      );
      const results = await Promise.allSettled(
        batches.map((batch, i) => store().commit('run-1', batch, at(20 + i))),
      );
      expect(results.filter((result) => result.status === 'rejected')).toHaveLength(4);
      const values = (await exec()).outputs.map((pin) => pin.value as number);
      const pairs = Array.from({ length: values.length / 2 }, (_, i) => [values[2 * i], values[2 * i + 1]]);
      expect(pairs.every(([a, b]) => a === b)).toBe(true);
      expect(pairs.map(([a]) => a)).toEqual(batches.flatMap((_, i) => (i % 5 === 4 ? [] : [i])));
    });
  });
}
