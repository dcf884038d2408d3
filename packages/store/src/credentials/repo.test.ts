import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineError } from '@blockloom/engine';
import type { StoredGraph } from '@blockloom/graph';
import { createSqliteAccounts } from '../accounts/sqlite';
import { createSqliteStore } from '../sqlite';
import type { CredentialsRepo, StoredCredentials } from './repo';
import { createSqliteCredentials } from './sqlite';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-01T00:10:00.000Z';

const row = (id: string, userId: string, provider = 'openai'): StoredCredentials => ({
  id,
  userId,
  provider,
  type: 'api_key',
  title: 'key',
  secret: 'v1.ciphertext',
  metadata: { expires_at: null },
  createdAt: T0,
  updatedAt: T0,
});

describe('credentials repository (sqlite)', () => {
  let dir: string;
  let repo: CredentialsRepo & { close(): Promise<void> };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'blockloom-creds-'));
    const file = join(dir, 'db.sqlite');
    const accounts = await createSqliteAccounts({ filename: file });
    for (const id of ['a', 'b'])
      await accounts.createUser({ id, email: `${id}@x.io`, passwordHash: null, now: T0 });
    await accounts.close();
    repo = await createSqliteCredentials({ filename: file });
  });
  afterEach(async () => {
    await repo.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps credentials per user: list, get, update, delete', async () => {
    await repo.insertCredentials(row('c1', 'a'));
    await repo.insertCredentials(row('c2', 'a', 'github'));
    const error = await repo.insertCredentials(row('c1', 'a')).catch((e: unknown) => e);
    expect((error as EngineError).code).toBe('CONFLICT');
    const stranger = await repo.insertCredentials(row('c9', 'nobody')).catch((e: unknown) => e);
    expect((stranger as EngineError).code).toBe('NOT_FOUND');
    expect((await repo.listCredentials('a')).map((c) => c.id)).toEqual(['c1', 'c2']);
    expect((await repo.listCredentials('a', 'github')).map((c) => c.id)).toEqual(['c2']);
    expect(await repo.listCredentials('b')).toEqual([]);
    expect(await repo.getCredentials('b', 'c1')).toBeUndefined();
    expect(await repo.getCredentials('a', 'c1')).toEqual(row('c1', 'a'));
    const patch = { secret: 'v1.other', metadata: { scopes: ['x'] }, updatedAt: T1 };
    expect(await repo.updateCredentials('b', 'c1', patch)).toBe(false);
    expect(await repo.updateCredentials('a', 'c1', patch)).toBe(true);
    expect(await repo.getCredentials('a', 'c1')).toMatchObject({ secret: 'v1.other', updatedAt: T1 });
    expect(await repo.deleteCredentials('b', 'c1')).toBe(false);
    expect(await repo.deleteCredentials('a', 'c1')).toBe(true);
    expect(await repo.getCredentials('a', 'c1')).toBeUndefined();
  });

  it('hands out an OAuth state once and drops expired ones at the next insert', async () => {
    const state = {
      tokenHash: 'h1',
      userId: 'a',
      provider: 'github',
      scopes: ['repo'],
      codeVerifier: 'v1.cipher',
      createdAt: T0,
      expiresAt: T1,
    };
    await repo.insertOAuthState(state);
    expect(await repo.takeOAuthState('h1')).toEqual(state);
    expect(await repo.takeOAuthState('h1')).toBeUndefined();
    await repo.insertOAuthState(state);
    await repo.insertOAuthState({ ...state, tokenHash: 'h2', createdAt: '2026-01-02T00:00:00.000Z' });
    expect(await repo.takeOAuthState('h1')).toBeUndefined();
  });

  it('keeps the first vault sentinel', async () => {
    expect(await repo.getVaultMeta('sentinel')).toBeUndefined();
    expect(await repo.putVaultMetaOnce('sentinel', 'one')).toBe('one');
    expect(await repo.putVaultMetaOnce('sentinel', 'two')).toBe('one');
  });

  it('finds the user graphs whose nodes reference a credential', async () => {
    const store = await createSqliteStore({ filename: join(dir, 'db.sqlite') });
    try {
      const graph = (id: string, userId: string, input: Record<string, unknown>): StoredGraph => ({
        id,
        version: 1,
        user_id: userId,
        is_active: true,
        name: `graph ${id}`,
        description: '',
        instructions: null,
        recommended_schedule_cron: null,
        forked_from_id: null,
        forked_from_version: null,
        created_at: T0,
        nodes: [{ id: randomUUID(), block_id: 'b', input_default: input, metadata: {} }],
        links: [],
      });
      const ref = { id: 'c1', provider: 'openai', type: 'api_key' };
      await store.createGraph(graph('g1', 'a', { credentials: ref }));
      await store.createGraph(graph('g2', 'a', { prompt: 'mentions c1 only in text' }));
      await store.createGraph(graph('g3', 'b', { credentials: ref }));
      expect(await repo.graphsUsingCredentials('a', 'c1')).toEqual([{ id: 'g1', name: 'graph g1' }]);
      expect(await repo.graphsUsingCredentials('a', 'c9')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
