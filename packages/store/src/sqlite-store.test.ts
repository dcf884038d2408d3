import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewGraphExecution } from '@blockloom/engine';
import { describeStoreContract } from '@blockloom/engine/testing';
import type { StoredGraph } from '@blockloom/graph';
import {
  createSqliteStore,
  migrateToLatest,
  migrations,
  type SqliteStoreOptions,
  type SqlStore,
} from './index';

const tempFile = () => join(tmpdir(), `blockloom-store-${randomUUID()}.db`);
/** The database and the WAL files SQLite keeps beside it. */
const removeDb = async (file: string) => {
  await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(file + suffix, { force: true })));
};

describeStoreContract('sqlite file', async () => {
  const file = tempFile();
  return { store: await createSqliteStore({ filename: file }), cleanup: () => removeDb(file) };
});

describeStoreContract('sqlite :memory:', async () => ({
  store: await createSqliteStore({ filename: ':memory:' }),
}));

const T0 = '2024-01-01T00:00:00.000Z';
const T1 = '2024-01-01T00:00:01.000Z';

const graph: StoredGraph = {
  id: 'g',
  version: 1,
  is_active: true,
  name: 'Ünïcode ✨',
  description: '',
  instructions: null,
  recommended_schedule_cron: null,
  forked_from_id: null,
  forked_from_version: null,
  user_id: 'u',
  created_at: T0,
  nodes: [{ id: 'n', block_id: 'b', input_default: { deep: [0, false, null, { s: '' }] }, metadata: {} }],
  links: [{ id: 'l', source_id: 'n', sink_id: 'n', source_name: 'out', sink_name: 'in', is_static: true }],
};

const run: NewGraphExecution = {
  id: 'r',
  graphId: 'g',
  graphVersion: 1,
  userId: 'u',
  createdAt: T0,
  inputs: { a: 1 },
  credentialInputs: {},
  nodesInputMasks: null,
  parentGraphExecutionId: null,
  presetId: null,
  stats: null,
  nodeExecutions: [
    {
      id: 'e',
      nodeId: 'n',
      blockId: 'b',
      seq: 1,
      status: 'QUEUED',
      addedTime: T0,
      queuedTime: T0,
      executionData: {},
      inputs: [],
    },
  ],
};

describe('sqlite store', () => {
  const file = tempFile();
  const opened: SqlStore[] = [];
  const open = async (options: Partial<SqliteStoreOptions> = {}) => {
    const store = await createSqliteStore({ filename: file, ...options });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    // A test may have closed its store already; a second close must not mask that test's result.
    for (const store of opened.splice(0)) await store.close().catch(() => undefined);
    await removeDb(file);
  });
  const pragma = async (store: SqlStore, name: string) => {
    const { rows } = await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(store.db);
    return Object.values(rows[0] ?? {})[0];
  };
  const migrationCount = async (store: SqlStore) => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(store.db);
    return rows[0]?.n;
  };

  it('opens in WAL mode with NORMAL sync, foreign keys and a busy timeout', async () => {
    const store = await open();
    expect(await pragma(store, 'journal_mode')).toBe('wal');
    expect(await pragma(store, 'synchronous')).toBe(1);
    expect(await pragma(store, 'foreign_keys')).toBe(1);
    expect(await pragma(store, 'busy_timeout')).toBe(5000);
  });

  it('migrates once: opening the same file again applies nothing', async () => {
    const first = await open();
    const all = Object.keys(migrations).length;
    expect(await migrationCount(first)).toBe(all);
    await first.close();
    const second = await open();
    expect(await migrateToLatest(second.db)).toEqual([]);
    expect(await migrationCount(second)).toBe(all);
  });

  it('returns after reopening what was written before closing', async () => {
    const writer = await open();
    await writer.createGraph(graph);
    await writer.createGraphExecution(run);
    await writer.commit(
      'r',
      [
        { type: 'node.output', nodeExecId: 'e', name: 'out', value: [1, { x: 'y' }], time: T1 },
        { type: 'node.update', nodeExecId: 'e', status: 'COMPLETED', endedTime: T1 },
        { type: 'graph.update', status: 'COMPLETED', endedAt: T1 },
      ],
      T1,
    );
    const read = async (store: SqlStore) => ({
      graph: await store.getGraph('g'),
      run: await store.getGraphExecution('r'),
      execs: await store.listNodeExecutions('r'),
    });
    const written = await read(writer);
    await writer.close();

    const reader = await open();
    expect(await read(reader)).toStrictEqual(written);
    expect(written.graph).toStrictEqual(graph);
    expect(written.run).toMatchObject({ status: 'COMPLETED', endedAt: T1, updatedAt: T1 });
    expect(written.execs[0]?.outputs).toStrictEqual([{ name: 'out', value: [1, { x: 'y' }], time: T1 }]);
  });

  it('stamps updateGraphExecution with its clock', async () => {
    const now = '2030-05-06T07:08:09.010Z';
    const store = await open({ clock: { now: () => new Date(now) } });
    await store.createGraphExecution(run);
    expect((await store.updateGraphExecution('r', { status: 'QUEUED' }))?.updatedAt).toBe(now);
  });

  it('refuses a status outside the enum in the database itself', async () => {
    const store = await open();
    const row = {
      id: 'r',
      graph_id: 'g',
      graph_version: 1,
      user_id: 'u',
      created_at: T0,
      updated_at: T0,
      inputs: '{}',
      credential_inputs: '{}',
      is_deleted: 0,
    };
    await store.db
      .insertInto('graph_executions')
      .values({ ...row, status: 'QUEUED' })
      .execute();
    const bogus = { ...row, id: 'r2', status: 'DONE' as 'QUEUED' };
    await expect(store.db.insertInto('graph_executions').values(bogus).execute()).rejects.toThrow(/CHECK/);
  });

  it('deletes a graph’s nodes and links with it, and a run’s node executions with the run', async () => {
    const store = await open();
    await store.createGraph(graph);
    await store.createGraphExecution(run);
    await store.commit('r', [{ type: 'node.input', nodeExecId: 'e', name: 'x', value: 1 }], T1);
    expect(await store.deleteGraph('g')).toBe(1);
    await store.db.deleteFrom('graph_executions').where('id', '=', 'r').execute();
    const left = await Promise.all(
      (['graph_nodes', 'graph_links', 'node_executions', 'node_execution_inputs'] as const).map(
        async (table) => (await store.db.selectFrom(table).selectAll().execute()).length,
      ),
    );
    expect(left).toEqual([0, 0, 0, 0]);
  });
});
