import { beforeEach, describe, expect, it } from 'vitest';
import type { RunChange, Store } from '../../ports/store';
import { at, createdExec, nodeExec, output, readExec, seedTwoRuns, tricky, trickyValues } from './fixtures';

export function describeCommitContract(store: () => Store): void {
  describe('commit', () => {
    beforeEach(() => seedTwoRuns(store()));
    const exec = (id?: string) => readExec(store(), id);

    it('creates node executions and appends inputs in arrival order', async () => {
      const fresh = nodeExec({
        id: 'exec-2',
        nodeId: 'node-a',
        seq: 2,
        status: 'INCOMPLETE',
        queuedTime: null,
        executionData: null,
        inputs: [{ name: 'zeta', value: 1 }],
      });
      await store().commit(
        'run-1',
        [
          { type: 'node.create', nodeExecution: fresh },
          { type: 'node.input', nodeExecId: 'exec-2', name: 'alpha', value: 'a' },
          { type: 'node.input', nodeExecId: 'exec-1', name: 'late', value: { x: 1 } },
        ],
        at(11),
      );
      await store().commit(
        'run-1',
        [{ type: 'node.input', nodeExecId: 'exec-2', name: 'mid', value: null }],
        at(12),
      );
      expect((await exec('exec-2')).inputs).toStrictEqual([
        { name: 'zeta', value: 1 },
        { name: 'alpha', value: 'a' },
        { name: 'mid', value: null },
      ]);
      expect((await exec()).inputs.map((pin) => pin.name)).toEqual(['value', 'name', 'late']);
      expect((await store().getGraphExecution('run-1'))?.updatedAt).toBe(at(12));
    });

    it('keeps outputs in yield order, repeated pins included, across commits', async () => {
      await store().commit(
        'run-1',
        [output('a1', 'a', at(12)), output('b1', 'b', at(12)), output('a2', 'a', at(13))],
        at(13),
      );
      await store().commit('run-1', [output('a3', 'a', at(14)), output('b2', 'b', at(14))], at(14));
      expect((await exec()).outputs).toStrictEqual([
        { name: 'a', value: 'a1', time: at(12) },
        { name: 'b', value: 'b1', time: at(12) },
        { name: 'a', value: 'a2', time: at(13) },
        { name: 'a', value: 'a3', time: at(14) },
        { name: 'b', value: 'b2', time: at(14) },
      ]);
      expect((await exec('exec-other')).outputs).toEqual([]);
    });

    it('updates only the node fields a change sets; stats are replaced', async () => {
      const before = await exec();
      await store().commit(
        'run-1',
        [{ type: 'node.update', nodeExecId: 'exec-1', status: 'RUNNING', startedTime: at(11) }],
        at(11),
      );
      expect(await exec()).toStrictEqual({ ...before, status: 'RUNNING', startedTime: at(11) });
      const executionData = { text: 'ü', list: [0, false, null], nested: { empty: {} } };
      const stats = { walltime: 0.25, error: null, input_size: 0, custom: [{ a: '' }] };
      const update = {
        type: 'node.update',
        nodeExecId: 'exec-1',
        status: 'COMPLETED',
        executionData,
        queuedTime: at(9),
        endedTime: at(12),
        stats,
      } as const;
      await store().commit('run-1', [update], at(12));
      const done = {
        ...before,
        status: 'COMPLETED' as const,
        startedTime: at(11),
        executionData,
        queuedTime: at(9),
        endedTime: at(12),
        stats,
      };
      expect(await exec()).toStrictEqual(done);
      await store().commit(
        'run-1',
        [{ type: 'node.update', nodeExecId: 'exec-1', stats: { walltime: 1 } }],
        at(13),
      );
      await store().commit('run-1', [{ type: 'node.update', nodeExecId: 'exec-1' }], at(14));
      expect(await exec()).toStrictEqual({ ...done, stats: { walltime: 1 } });
    });

    it('updates the run and sets updatedAt to now, even for an empty batch', async () => {
      const before = (await store().getGraphExecution('run-1'))!;
      await store().commit('run-1', [{ type: 'graph.update', status: 'RUNNING', startedAt: at(11) }], at(11));
      const stats = { node_count: 2, error: 'boom', correctness_score: null, extra: { ü: [1] } };
      await store().commit(
        'run-1',
        [{ type: 'graph.update', status: 'FAILED', endedAt: at(12), stats }],
        at(12),
      );
      const expected = {
        ...before,
        status: 'FAILED',
        startedAt: at(11),
        endedAt: at(12),
        stats,
        updatedAt: at(12),
      };
      expect(await store().getGraphExecution('run-1')).toStrictEqual(expected);
      await store().commit('run-1', [], at(13));
      expect(await store().getGraphExecution('run-1')).toStrictEqual({ ...expected, updatedAt: at(13) });
      expect((await store().getGraphExecution('run-2'))?.updatedAt).toBe(at(10));
    });

    it('applies a batch in order', async () => {
      await store().commit(
        'run-1',
        [
          {
            type: 'node.create',
            nodeExecution: nodeExec({ id: 'exec-2', seq: 2, status: 'INCOMPLETE', inputs: [] }),
          },
          { type: 'node.update', nodeExecId: 'exec-2', status: 'QUEUED' },
          { type: 'node.update', nodeExecId: 'exec-2', status: 'RUNNING' },
          { type: 'graph.update', status: 'QUEUED' },
          { type: 'graph.update', status: 'RUNNING' },
        ],
        at(11),
      );
      expect((await exec('exec-2')).status).toBe('RUNNING');
      expect((await store().getGraphExecution('run-1'))?.status).toBe('RUNNING');
    });

    it('keeps null, false, 0, "", arrays, nested objects and unicode exactly; undefined becomes null', async () => {
      const values = [...trickyValues, undefined];
      const expected = [...trickyValues, null];
      const inputs = values.map((value, i) => ({ name: `pin_${i}`, value }));
      await store().commit(
        'run-1',
        [
          {
            type: 'node.create',
            nodeExecution: nodeExec({ id: 'exec-2', seq: 2, inputs, executionData: tricky }),
          },
          ...inputs.map(({ name, value }): RunChange => ({
            type: 'node.input',
            nodeExecId: 'exec-1',
            name,
            value,
          })),
          ...values.map((value) => output(value)),
        ],
        at(11),
      );
      const pins = expected.map((value, i) => ({ name: `pin_${i}`, value }));
      expect((await exec('exec-2')).inputs).toStrictEqual(pins);
      expect((await exec('exec-2')).executionData).toStrictEqual(tricky);
      expect((await exec()).inputs.slice(2)).toStrictEqual(pins);
      expect((await exec()).outputs.map((pin) => pin.value)).toStrictEqual(expected);
    });

    it('copies values in and out', async () => {
      const value = { list: [1] };
      await store().commit(
        'run-1',
        [output(value), { type: 'node.input', nodeExecId: 'exec-1', name: 'v', value }],
        at(11),
      );
      value.list.push(2);
      const read = await exec();
      (read.outputs[0]!.value as typeof value).list.push(3);
      read.inputs.pop();
      const run = (await store().getGraphExecution('run-1'))!;
      run.inputs.greeting = 'changed';
      expect((await exec()).outputs[0]!.value).toStrictEqual({ list: [1] });
      expect((await exec()).inputs.at(-1)).toStrictEqual({ name: 'v', value: { list: [1] } });
      expect((await store().getGraphExecution('run-1'))?.inputs.greeting).toBe('hi');
    });

    it('lists a run’s node executions by seq, not by creation order', async () => {
      const create = (id: string, seq: number): RunChange => ({
        type: 'node.create',
        nodeExecution: nodeExec({ id, seq, inputs: [] }),
      });
      await store().commit('run-1', [create('exec-5', 5)], at(11));
      await store().commit('run-1', [create('exec-3', 3), create('exec-4', 4)], at(12));
      const listed = await store().listNodeExecutions('run-1');
      expect(listed.map((e) => [e.id, e.seq])).toEqual([
        ['exec-1', 1],
        ['exec-3', 3],
        ['exec-4', 4],
        ['exec-5', 5],
      ]);
      expect(listed[1]).toStrictEqual(createdExec('run-1', nodeExec({ id: 'exec-3', seq: 3, inputs: [] })));
      expect(await exec('exec-3')).toStrictEqual(listed[1]);
      expect((await store().listNodeExecutions('run-2')).map((e) => e.id)).toEqual(['exec-other']);
      expect(await store().listNodeExecutions('missing')).toEqual([]);
      expect(await store().getNodeExecution('missing')).toBeUndefined();
    });
  });
}
