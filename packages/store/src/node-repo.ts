import type { Kysely } from 'kysely';
import type { NewNodeExecution, NodeExecutionRecord } from '@blockloom/engine';
import { chunks } from './codec';
import { insertOrConflict } from './errors';
import { inputRow, nodeExecRow, toNodeExecRecord } from './mappers';
import type { Database, NodeExecutionInputTable, NodeExecutionOutputTable } from './schema';

/** Node executions with their input and output rows; shared by run creation, commits and reads. */

/** Inserts a node execution and its first inputs (ordinals 0..n-1); duplicates become CONFLICT. */
export async function insertNodeExecution(
  db: Kysely<Database>,
  graphExecId: string,
  exec: NewNodeExecution,
): Promise<void> {
  await insertOrConflict(`Node execution ${exec.id} (or seq ${exec.seq} in run ${graphExecId})`, () =>
    db.insertInto('node_executions').values(nodeExecRow(graphExecId, exec)).execute(),
  );
  const inputs = exec.inputs.map((pin, ordinal) => inputRow(exec.id, pin, ordinal));
  for (const part of chunks(inputs)) {
    await insertOrConflict(`An input name of node execution ${exec.id}`, () =>
      db.insertInto('node_execution_inputs').values(part).execute(),
    );
  }
}

function groupByExec<Row extends { node_exec_id: string }>(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.node_exec_id);
    if (group) group.push(row);
    else groups.set(row.node_exec_id, [row]);
  }
  return groups;
}

/**
 * Reads node executions selected by one column (a run's, or a single one), with inputs and outputs: three
 * queries whatever the count.
 */
export async function readNodeExecutions(
  db: Kysely<Database>,
  by: { column: 'n.id' | 'n.graph_exec_id'; value: string },
): Promise<NodeExecutionRecord[]> {
  const rows = await db
    .selectFrom('node_executions as n')
    .selectAll('n')
    .where(by.column, '=', by.value)
    .orderBy('n.seq')
    .execute();
  if (rows.length === 0) return [];
  const inputs: NodeExecutionInputTable[] = await db
    .selectFrom('node_execution_inputs as i')
    .innerJoin('node_executions as n', 'n.id', 'i.node_exec_id')
    .selectAll('i')
    .where(by.column, '=', by.value)
    .orderBy('i.node_exec_id')
    .orderBy('i.ordinal')
    .execute();
  const outputs: NodeExecutionOutputTable[] = await db
    .selectFrom('node_execution_outputs as o')
    .innerJoin('node_executions as n', 'n.id', 'o.node_exec_id')
    .selectAll('o')
    .where(by.column, '=', by.value)
    .orderBy('o.node_exec_id')
    .orderBy('o.ordinal')
    .execute();
  const inputsOf = groupByExec(inputs);
  const outputsOf = groupByExec(outputs);
  return rows.map((row) => toNodeExecRecord(row, inputsOf.get(row.id) ?? [], outputsOf.get(row.id) ?? []));
}
