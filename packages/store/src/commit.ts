import type { Kysely } from 'kysely';
import type { RunChange } from '@blockloom/engine';
import { toJson } from './codec';
import { insertOrConflict, notFound } from './errors';
import { inputRow, nodeUpdateColumns, runPatchColumns } from './mappers';
import { insertNodeExecution } from './node-repo';
import type { Database } from './schema';

/**
 * Applies one commit's changes, in order, inside the caller's transaction: any error rolls the whole batch
 * back. A change may only touch node executions of this run; the engine never sends anything else, so
 * anything else is refused loudly rather than written to another run.
 */
export async function applyCommit(
  tx: Kysely<Database>,
  commit: { graphExecId: string; changes: readonly RunChange[]; now: string },
): Promise<void> {
  const { graphExecId, now } = commit;
  const run = await tx
    .selectFrom('graph_executions')
    .select('id')
    .where('id', '=', graphExecId)
    .executeTakeFirst();
  if (!run) throw notFound(`Graph execution ${graphExecId}`);

  // Node executions of this run seen so far, and the next input/output ordinal of each, so a batch costs
  // one lookup per execution rather than one per change.
  const owned = new Set<string>();
  const nextInput = new Map<string, number>();
  const nextOutput = new Map<string, number>();

  async function own(nodeExecId: string): Promise<void> {
    if (owned.has(nodeExecId)) return;
    const row = await tx
      .selectFrom('node_executions')
      .select('id')
      .where('id', '=', nodeExecId)
      .where('graph_exec_id', '=', graphExecId)
      .executeTakeFirst();
    if (!row) throw notFound(`Node execution ${nodeExecId} of run ${graphExecId}`);
    owned.add(nodeExecId);
  }

  async function nextOrdinal(
    table: 'node_execution_inputs' | 'node_execution_outputs',
    nodeExecId: string,
  ): Promise<number> {
    const counters = table === 'node_execution_inputs' ? nextInput : nextOutput;
    let next = counters.get(nodeExecId);
    if (next === undefined) {
      const row = await tx
        .selectFrom(table)
        .select((eb) => eb.fn.max('ordinal').as('last'))
        .where('node_exec_id', '=', nodeExecId)
        .executeTakeFirst();
      next = row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
    }
    counters.set(nodeExecId, next + 1);
    return next;
  }

  for (const change of commit.changes) {
    switch (change.type) {
      case 'node.create': {
        const exec = change.nodeExecution;
        await insertNodeExecution(tx, graphExecId, exec);
        owned.add(exec.id);
        nextInput.set(exec.id, exec.inputs.length);
        nextOutput.set(exec.id, 0);
        break;
      }
      case 'node.input': {
        await own(change.nodeExecId);
        const row = inputRow(
          change.nodeExecId,
          change,
          await nextOrdinal('node_execution_inputs', change.nodeExecId),
        );
        await insertOrConflict(`Input "${change.name}" of node execution ${change.nodeExecId}`, () =>
          tx.insertInto('node_execution_inputs').values(row).execute(),
        );
        break;
      }
      case 'node.output': {
        await own(change.nodeExecId);
        const ordinal = await nextOrdinal('node_execution_outputs', change.nodeExecId);
        await tx
          .insertInto('node_execution_outputs')
          .values({
            node_exec_id: change.nodeExecId,
            ordinal,
            name: change.name,
            value: toJson(change.value),
            time: change.time,
          })
          .execute();
        break;
      }
      case 'node.update': {
        await own(change.nodeExecId);
        const set = nodeUpdateColumns(change);
        if (Object.keys(set).length > 0) {
          await tx.updateTable('node_executions').set(set).where('id', '=', change.nodeExecId).execute();
        }
        break;
      }
      case 'graph.update': {
        const set = runPatchColumns(change);
        if (Object.keys(set).length > 0) {
          await tx.updateTable('graph_executions').set(set).where('id', '=', graphExecId).execute();
        }
        break;
      }
    }
  }
  await tx.updateTable('graph_executions').set({ updated_at: now }).where('id', '=', graphExecId).execute();
}
