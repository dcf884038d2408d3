import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { executionStatuses } from '@blockloom/engine';
import { accountsMigration } from './accounts/migration';
import { userPreferencesMigration } from './accounts/preferences';
import { credentialsMigration } from './credentials/migration';
import type { Database } from './schema';

/**
 * Migrations live in code, not in files read at run time, so the store works from any bundle or install
 * layout. Each migration sees `Kysely<unknown>`: it must not depend on today's table types. Names sort in
 * the order they run; never edit one that has shipped, add the next.
 */

/** The status enum as an SQL list of literals; CHECK constraints cannot take bound parameters. */
const statusList = sql.join(executionStatuses.map((status) => sql.lit(status)));

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('graphs')
      .addColumn('id', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('user_id', 'text', (col) => col.notNull())
      .addColumn('is_active', 'integer', (col) => col.notNull().check(sql`is_active in (0, 1)`))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('description', 'text', (col) => col.notNull())
      .addColumn('instructions', 'text')
      .addColumn('recommended_schedule_cron', 'text')
      .addColumn('forked_from_id', 'text')
      .addColumn('forked_from_version', 'integer')
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('graphs_pk', ['id', 'version'])
      .execute();
    await db.schema
      .createIndex('graphs_user_active_idx')
      .on('graphs')
      .columns(['user_id', 'is_active', 'created_at'])
      .execute();

    await db.schema
      .createTable('graph_nodes')
      .addColumn('graph_id', 'text', (col) => col.notNull())
      .addColumn('graph_version', 'integer', (col) => col.notNull())
      .addColumn('id', 'text', (col) => col.notNull())
      .addColumn('ordinal', 'integer', (col) => col.notNull())
      .addColumn('block_id', 'text', (col) => col.notNull())
      .addColumn('input_default', 'text', (col) => col.notNull())
      .addColumn('metadata', 'text', (col) => col.notNull())
      .addColumn('webhook_id', 'text')
      .addPrimaryKeyConstraint('graph_nodes_pk', ['graph_id', 'graph_version', 'id'])
      .addForeignKeyConstraint(
        'graph_nodes_graph_fk',
        ['graph_id', 'graph_version'],
        'graphs',
        ['id', 'version'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();

    await db.schema
      .createTable('graph_links')
      .addColumn('graph_id', 'text', (col) => col.notNull())
      .addColumn('graph_version', 'integer', (col) => col.notNull())
      .addColumn('id', 'text', (col) => col.notNull())
      .addColumn('ordinal', 'integer', (col) => col.notNull())
      .addColumn('source_id', 'text', (col) => col.notNull())
      .addColumn('sink_id', 'text', (col) => col.notNull())
      .addColumn('source_name', 'text', (col) => col.notNull())
      .addColumn('sink_name', 'text', (col) => col.notNull())
      .addColumn('is_static', 'integer', (col) => col.notNull().check(sql`is_static in (0, 1)`))
      .addPrimaryKeyConstraint('graph_links_pk', ['graph_id', 'graph_version', 'id'])
      .addForeignKeyConstraint(
        'graph_links_graph_fk',
        ['graph_id', 'graph_version'],
        'graphs',
        ['id', 'version'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();

    // Runs are history: no foreign key to `graphs`, so deleting a graph does not rewrite what ran.
    await db.schema
      .createTable('graph_executions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('graph_id', 'text', (col) => col.notNull())
      .addColumn('graph_version', 'integer', (col) => col.notNull())
      .addColumn('user_id', 'text', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('started_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('inputs', 'text', (col) => col.notNull())
      .addColumn('credential_inputs', 'text', (col) => col.notNull())
      .addColumn('nodes_input_masks', 'text')
      .addColumn('stats', 'text')
      .addColumn('parent_graph_execution_id', 'text')
      .addColumn('preset_id', 'text')
      .addColumn('is_deleted', 'integer', (col) => col.notNull().check(sql`is_deleted in (0, 1)`))
      .addCheckConstraint('graph_executions_status_check', sql`status in (${statusList})`)
      .execute();
    // Listing is newest first, by user, or by user and graph (a graph's runs page).
    await db.schema
      .createIndex('graph_executions_user_created_idx')
      .on('graph_executions')
      .columns(['user_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('graph_executions_user_graph_created_idx')
      .on('graph_executions')
      .columns(['user_id', 'graph_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('graph_executions_parent_idx')
      .on('graph_executions')
      .column('parent_graph_execution_id')
      .execute();
    // Resuming unfinished runs after a restart filters on status alone.
    await db.schema
      .createIndex('graph_executions_status_idx')
      .on('graph_executions')
      .column('status')
      .execute();

    await db.schema
      .createTable('node_executions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('graph_exec_id', 'text', (col) =>
        col.notNull().references('graph_executions.id').onDelete('cascade'),
      )
      .addColumn('node_id', 'text', (col) => col.notNull())
      .addColumn('block_id', 'text', (col) => col.notNull())
      .addColumn('seq', 'integer', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('execution_data', 'text')
      .addColumn('added_time', 'text', (col) => col.notNull())
      .addColumn('queued_time', 'text')
      .addColumn('started_time', 'text')
      .addColumn('ended_time', 'text')
      .addColumn('stats', 'text')
      .addCheckConstraint('node_executions_status_check', sql`status in (${statusList})`)
      .execute();
    // Unique: `seq` is a run's creation counter, and listing orders by it.
    await db.schema
      .createIndex('node_executions_run_seq_idx')
      .on('node_executions')
      .columns(['graph_exec_id', 'seq'])
      .unique()
      .execute();

    await db.schema
      .createTable('node_execution_inputs')
      .addColumn('node_exec_id', 'text', (col) =>
        col.notNull().references('node_executions.id').onDelete('cascade'),
      )
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('ordinal', 'integer', (col) => col.notNull())
      .addColumn('value', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('node_execution_inputs_pk', ['node_exec_id', 'name'])
      .addUniqueConstraint('node_execution_inputs_ordinal_unique', ['node_exec_id', 'ordinal'])
      .execute();

    await db.schema
      .createTable('node_execution_outputs')
      .addColumn('node_exec_id', 'text', (col) =>
        col.notNull().references('node_executions.id').onDelete('cascade'),
      )
      .addColumn('ordinal', 'integer', (col) => col.notNull())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('value', 'text', (col) => col.notNull())
      .addColumn('time', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('node_execution_outputs_pk', ['node_exec_id', 'ordinal'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'node_execution_outputs',
      'node_execution_inputs',
      'node_executions',
      'graph_executions',
      'graph_links',
      'graph_nodes',
      'graphs',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** Durable values of PersistInformation / RetrieveInformation blocks, per user and namespace. */
const blockValues: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('block_values')
      .addColumn('user_id', 'text', (col) => col.notNull())
      .addColumn('namespace', 'text', (col) => col.notNull())
      .addColumn('key', 'text', (col) => col.notNull())
      .addColumn('value', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('block_values_pk', ['user_id', 'namespace', 'key'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('block_values').execute();
  },
};

export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_block_values': blockValues,
  '0003_accounts': accountsMigration,
  '0004_credentials': credentialsMigration,
  '0005_user_preferences': userPreferencesMigration,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };

/**
 * Brings the schema up to date and returns the names of the migrations it applied (none when it already
 * was). Throws, with the failing migration's error as the cause, when one fails; Kysely rolls that one back.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Store migration ${failed} failed`, { cause: error });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
