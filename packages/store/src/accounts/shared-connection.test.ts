import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../sqlite';
import { createSqliteAccounts } from './sqlite';

const files: string[] = [];
afterEach(async () => {
  for (const file of files.splice(0)) {
    for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
  }
});

describe('accounts on the store connection', () => {
  it('signs users up while the engine writes, without SQLITE_BUSY_SNAPSHOT', async () => {
    const file = join(tmpdir(), `shared-${randomUUID()}.db`);
    files.push(file);
    const store = await createSqliteStore({ filename: file });
    // On a connection of its own, every one of these signups failed with SQLITE_BUSY_SNAPSHOT: each reads
    // (is the email taken?) then writes, and the store committed in between.
    const accounts = await createSqliteAccounts({ db: store.db });
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        await store.setBlockValue({ userId: 'u', namespace: 'n', key: `k${writes % 20}` }, writes);
        writes++;
      }
    })();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        accounts.createUser({
          id: `user-${i}`,
          email: `u${i}@x.io`,
          passwordHash: null,
          now: new Date().toISOString(),
        }),
      ),
    );
    writing = false;
    await writer;
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(writes).toBeGreaterThan(0);
    await accounts.close();
    await store.close();
  });
});
