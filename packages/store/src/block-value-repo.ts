import type { BlockValueStore, Clock } from '@blockloom/engine';
import { fromJson, toJson } from './codec';
import type { InTransaction } from './transactions';

/** Block values as rows keyed by (user, namespace, key); an upsert replaces the value in place. */
export function createBlockValueRepo(inTransaction: InTransaction, clock: Clock): BlockValueStore {
  return {
    getBlockValue: (at) =>
      inTransaction(async (tx) => {
        const row = await tx
          .selectFrom('block_values')
          .select('value')
          .where('user_id', '=', at.userId)
          .where('namespace', '=', at.namespace)
          .where('key', '=', at.key)
          .executeTakeFirst();
        return row ? fromJson<unknown>(row.value) : undefined;
      }),

    setBlockValue: (at, value) =>
      inTransaction(async (tx) => {
        const row = {
          user_id: at.userId,
          namespace: at.namespace,
          key: at.key,
          value: toJson(value),
          updated_at: clock.now().toISOString(),
        };
        await tx
          .insertInto('block_values')
          .values(row)
          .onConflict((conflict) =>
            conflict
              .columns(['user_id', 'namespace', 'key'])
              .doUpdateSet({ value: row.value, updated_at: row.updated_at }),
          )
          .execute();
      }),
  };
}
