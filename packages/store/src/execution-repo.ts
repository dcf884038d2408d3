import type { Kysely } from 'kysely';
import type { Clock, ExecutionStore, GraphExecutionRecord } from '@blockloom/engine';
import { applyCommit } from './commit';
import { insertOrConflict } from './errors';
import { runPatchColumns, runRow, toRunRecord } from './mappers';
import { insertNodeExecution, readNodeExecutions } from './node-repo';
import type { Database } from './schema';
import type { InTransaction } from './transactions';

/** Graph executions (runs) and their node executions. */

async function readRun(db: Kysely<Database>, id: string): Promise<GraphExecutionRecord | undefined> {
  const row = await db.selectFrom('graph_executions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRunRecord(row);
}

export function createExecutionRepo(inTransaction: InTransaction, clock: Clock): ExecutionStore {
  return {
    createGraphExecution: (execution) =>
      inTransaction(async (tx) => {
        const row = runRow(execution);
        await insertOrConflict(`Graph execution ${execution.id}`, () =>
          tx.insertInto('graph_executions').values(row).execute(),
        );
        for (const exec of execution.nodeExecutions) await insertNodeExecution(tx, execution.id, exec);
        return toRunRecord(row);
      }),

    getGraphExecution: (id) => inTransaction((tx) => readRun(tx, id)),

    listGraphExecutions: async (query) => {
      // `status IN ()` is not valid SQL everywhere; no status at all matches no run.
      if (query.statuses?.length === 0) return { items: [], total: 0 };
      return inTransaction(async (tx) => {
        let filtered = tx.selectFrom('graph_executions');
        if (query.includeDeleted !== true) filtered = filtered.where('is_deleted', '=', 0);
        if (query.userId !== undefined) filtered = filtered.where('user_id', '=', query.userId);
        if (query.graphId !== undefined) filtered = filtered.where('graph_id', '=', query.graphId);
        if (query.statuses !== undefined) filtered = filtered.where('status', 'in', query.statuses);
        if (query.parentGraphExecutionId !== undefined) {
          filtered = filtered.where('parent_graph_execution_id', '=', query.parentGraphExecutionId);
        }
        const counted = await filtered
          .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
          .executeTakeFirstOrThrow();
        // The id breaks createdAt ties so pages are stable.
        let page = filtered.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
        // SQLite accepts OFFSET only after a LIMIT.
        if (query.limit !== undefined || query.offset !== undefined) {
          page = page.limit(query.limit ?? Number.MAX_SAFE_INTEGER).offset(query.offset ?? 0);
        }
        const rows = await page.execute();
        return { items: rows.map(toRunRecord), total: Number(counted.count) };
      });
    },

    updateGraphExecution: (id, patch, onlyFrom) =>
      inTransaction(async (tx) => {
        const set = runPatchColumns(patch);
        // An empty `onlyFrom` allows no current status; an empty patch changes nothing, updatedAt included.
        if (Object.keys(set).length > 0 && onlyFrom?.length !== 0) {
          let update = tx
            .updateTable('graph_executions')
            .set({ ...set, updated_at: clock.now().toISOString() })
            .where('id', '=', id);
          if (onlyFrom !== undefined) update = update.where('status', 'in', onlyFrom);
          await update.execute();
        }
        return readRun(tx, id);
      }),

    commit: (graphExecId, changes, now) =>
      inTransaction((tx) => applyCommit(tx, { graphExecId, changes, now })),

    listNodeExecutions: (graphExecId) =>
      inTransaction((tx) => readNodeExecutions(tx, { column: 'n.graph_exec_id', value: graphExecId })),

    getNodeExecution: (id) =>
      inTransaction(async (tx) => (await readNodeExecutions(tx, { column: 'n.id', value: id }))[0]),
  };
}
