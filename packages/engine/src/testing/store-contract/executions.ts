import { beforeEach, describe, expect, it } from 'vitest';
import type { ExecutionStatus } from '../../ports/status';
import type { GraphExecutionRecord, ListGraphExecutionsQuery, Store } from '../../ports/store';
import { ALICE, BOB, at, createdExec, createdRecord, isIsoTime, newRun, nodeExec } from './fixtures';

export function describeExecutionContract(store: () => Store): void {
  describe('graph executions', () => {
    it('creates a run INCOMPLETE with its starting node executions', async () => {
      const second = nodeExec({
        id: 'exec-2',
        nodeId: 'node-a',
        seq: 2,
        status: 'INCOMPLETE',
        queuedTime: null,
        executionData: null,
        inputs: [],
      });
      const run = newRun({
        stats: { node_count: 0, custom: { nested: [null] } },
        nodeExecutions: [nodeExec(), second],
      });
      const created = await store().createGraphExecution(run);
      expect(created).toStrictEqual(createdRecord(run));
      expect(await store().getGraphExecution('run-1')).toStrictEqual(created);
      expect(await store().listNodeExecutions('run-1')).toStrictEqual([
        createdExec('run-1', nodeExec()),
        createdExec('run-1', second),
      ]);
      expect(await store().getNodeExecution('exec-2')).toStrictEqual(createdExec('run-1', second));
      expect(await store().getGraphExecution('missing')).toBeUndefined();
    });

    it('keeps optional run fields', async () => {
      const run = newRun({
        id: 'child',
        parentGraphExecutionId: 'run-0',
        presetId: 'preset-1',
        nodesInputMasks: null,
        credentialInputs: {},
        inputs: {},
        nodeExecutions: [],
      });
      expect(await store().createGraphExecution(run)).toStrictEqual(createdRecord(run));
      expect(await store().listNodeExecutions('child')).toEqual([]);
    });

    it.each([
      ['a duplicate node execution id', [nodeExec(), nodeExec({ seq: 2 })]],
      ['a duplicate seq', [nodeExec(), nodeExec({ id: 'exec-2' })]],
      [
        'a duplicate input name',
        [
          nodeExec({
            inputs: [
              { name: 'a', value: 1 },
              { name: 'a', value: 2 },
            ],
          }),
        ],
      ],
    ])('creates nothing when a starting execution is invalid: %s', async (_case, nodeExecutions) => {
      await expect(store().createGraphExecution(newRun({ nodeExecutions }))).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect(await store().getGraphExecution('run-1')).toBeUndefined();
      expect(await store().getNodeExecution('exec-1')).toBeUndefined();
      await store().createGraphExecution(newRun());
    });

    it('rejects a duplicate run id, or a node execution id another run uses, and keeps the first', async () => {
      const first = await store().createGraphExecution(newRun());
      await expect(
        store().createGraphExecution(newRun({ userId: BOB, nodeExecutions: [] })),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(store().createGraphExecution(newRun({ id: 'run-2' }))).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect(await store().getGraphExecution('run-1')).toStrictEqual(first);
      expect(await store().getGraphExecution('run-2')).toBeUndefined();
      expect(await store().listNodeExecutions('run-1')).toStrictEqual([createdExec('run-1', nodeExec())]);
    });

    describe('updateGraphExecution', () => {
      let created: GraphExecutionRecord;
      beforeEach(async () => {
        created = await store().createGraphExecution(newRun());
      });

      it('applies the fields a patch sets and returns the row as it now stands', async () => {
        const stats = {
          walltime: 1.5,
          error: null,
          cost: 0,
          is_dry_run: false,
          extra: { deep: ['ü', null] },
        };
        const updated = await store().updateGraphExecution('run-1', {
          status: 'RUNNING',
          startedAt: at(11),
          stats,
        });
        expect(updated).toStrictEqual({
          ...created,
          status: 'RUNNING',
          startedAt: at(11),
          stats,
          updatedAt: updated?.updatedAt,
        });
        expect(isIsoTime(updated!.updatedAt)).toBe(true);
        expect(await store().getGraphExecution('run-1')).toStrictEqual(updated);
        const ended = await store().updateGraphExecution('run-1', {
          endedAt: at(12),
          stats: { walltime: 2 },
          isDeleted: true,
        });
        expect(ended).toMatchObject({
          status: 'RUNNING',
          startedAt: at(11),
          endedAt: at(12),
          isDeleted: true,
        });
        expect(ended?.stats).toStrictEqual({ walltime: 2 });
        expect((await store().updateGraphExecution('run-1', { isDeleted: false }))?.isDeleted).toBe(false);
      });

      it('applies a conditional update only from an allowed status', async () => {
        const queued = await store().updateGraphExecution('run-1', { status: 'QUEUED' }, [
          'INCOMPLETE',
          'REVIEW',
        ]);
        expect(queued?.status).toBe('QUEUED');
        const refused = await store().updateGraphExecution(
          'run-1',
          { status: 'COMPLETED', endedAt: at(20), stats: { cost: 1 } },
          ['RUNNING'],
        );
        expect(refused).toStrictEqual(queued);
        expect(await store().getGraphExecution('run-1')).toStrictEqual(queued);
        expect(await store().updateGraphExecution('run-1', { status: 'RUNNING' }, [])).toStrictEqual(queued);
      });

      it('returns the current row for an empty patch and undefined for an unknown run', async () => {
        expect(await store().updateGraphExecution('run-1', {})).toStrictEqual(created);
        expect(await store().updateGraphExecution('missing', { status: 'FAILED' })).toBeUndefined();
        expect(
          await store().updateGraphExecution('missing', { status: 'FAILED' }, ['QUEUED']),
        ).toBeUndefined();
      });
    });

    describe('listGraphExecutions', () => {
      const seeds: [
        id: string,
        userId: string,
        graphId: string,
        second: number,
        status: ExecutionStatus,
        parent?: string,
      ][] = [
        ['r1', ALICE, 'g1', 3, 'QUEUED'],
        ['r2', ALICE, 'g2', 5, 'RUNNING'],
        ['r3', ALICE, 'g1', 1, 'INCOMPLETE', 'r2'],
        ['r4', BOB, 'g1', 4, 'COMPLETED'],
        ['r5', ALICE, 'g1', 2, 'FAILED', 'r2'],
        ['r6', ALICE, 'g1', 6, 'QUEUED'],
      ];
      beforeEach(async () => {
        for (const [id, userId, graphId, second, status, parent] of seeds) {
          const run = newRun({
            id,
            userId,
            graphId,
            createdAt: at(second),
            parentGraphExecutionId: parent ?? null,
            nodeExecutions: [],
          });
          await store().createGraphExecution(run);
          if (status !== 'INCOMPLETE') await store().updateGraphExecution(id, { status });
        }
        await store().updateGraphExecution('r6', { isDeleted: true });
      });
      const ids = async (query: ListGraphExecutionsQuery) => {
        const { items, total } = await store().listGraphExecutions(query);
        return { ids: items.map((item) => item.id), total };
      };

      it.each<[string, ListGraphExecutionsQuery, string[]]>([
        ['everything not deleted', {}, ['r2', 'r4', 'r1', 'r5', 'r3']],
        ['by user', { userId: ALICE }, ['r2', 'r1', 'r5', 'r3']],
        [
          'by user, deleted included',
          { userId: ALICE, includeDeleted: true },
          ['r6', 'r2', 'r1', 'r5', 'r3'],
        ],
        ['by graph', { graphId: 'g1' }, ['r4', 'r1', 'r5', 'r3']],
        ['by user and graph', { userId: ALICE, graphId: 'g1' }, ['r1', 'r5', 'r3']],
        ['by statuses', { statuses: ['QUEUED', 'FAILED'] }, ['r1', 'r5']],
        ['by status, deleted included', { statuses: ['QUEUED'], includeDeleted: true }, ['r6', 'r1']],
        ['by no status at all', { statuses: [] }, []],
        ['by parent', { parentGraphExecutionId: 'r2' }, ['r5', 'r3']],
        ['by unknown user', { userId: 'nobody' }, []],
      ])('filters %s, newest first', async (_case, query, expected) => {
        expect(await ids(query)).toEqual({ ids: expected, total: expected.length });
      });

      it('pages with limit and offset; total ignores paging', async () => {
        expect(await ids({ userId: ALICE, limit: 2 })).toEqual({ ids: ['r2', 'r1'], total: 4 });
        expect(await ids({ userId: ALICE, limit: 2, offset: 2 })).toEqual({ ids: ['r5', 'r3'], total: 4 });
        expect(await ids({ userId: ALICE, offset: 3 })).toEqual({ ids: ['r3'], total: 4 });
        expect(await ids({ userId: ALICE, offset: 10 })).toEqual({ ids: [], total: 4 });
        expect(await ids({ userId: ALICE, limit: 0 })).toEqual({ ids: [], total: 4 });
      });

      it('breaks ties on createdAt by id, descending, and returns full records', async () => {
        // Inserted in neither id order: neither insertion order nor its reverse passes by accident.
        for (const id of ['r7', 'r0'])
          await store().createGraphExecution(newRun({ id, createdAt: at(5), nodeExecutions: [] }));
        expect((await ids({ userId: ALICE, limit: 4 })).ids).toEqual(['r7', 'r2', 'r0', 'r1']);
        const { items } = await store().listGraphExecutions({ parentGraphExecutionId: 'r2' });
        expect(items[0]).toStrictEqual(await store().getGraphExecution('r5'));
      });
    });
  });
}
