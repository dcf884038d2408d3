import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineError } from '@blockloom/engine';
import type { AccountsRepo } from './repo';
import { createSqliteAccounts } from './sqlite';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-01T00:01:00.000Z';
const LATER = '2026-02-01T00:00:00.000Z';

describe('accounts repository (sqlite)', () => {
  let repo: AccountsRepo & { close(): Promise<void> };
  beforeEach(async () => {
    repo = await createSqliteAccounts({ filename: ':memory:' });
  });
  afterEach(() => repo.close());

  const addUser = (id: string, email: string) =>
    repo.createUser({ id, email, passwordHash: 'h', now: T0, firstUserRole: 'admin' });

  it('makes the first user admin and the next ones users', async () => {
    expect((await addUser('a', 'a@x.io')).role).toBe('admin');
    expect((await addUser('b', 'b@x.io')).role).toBe('user');
    expect(await repo.getUser('b')).toMatchObject({ email: 'b@x.io', timezone: 'not-set' });
  });

  it('treats emails case-insensitively: unique and found in any case', async () => {
    await addUser('a', 'Ann@X.io');
    const error = await addUser('b', 'ann@x.IO').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('CONFLICT');
    expect((await repo.findLogin('ANN@x.io'))?.user.id).toBe('a');
    expect(await repo.findLogin('bob@x.io')).toBeUndefined();
  });

  it('ensures external users once and stores timezones', async () => {
    const first = await repo.ensureUser({ id: 'ext', email: 'e@x.io', role: 'user', now: T0 });
    const again = await repo.ensureUser({ id: 'ext', email: 'other@x.io', role: 'admin', now: T1 });
    expect(again).toEqual(first);
    expect((await repo.setTimezone('ext', 'Europe/Paris'))?.timezone).toBe('Europe/Paris');
    expect(await repo.setTimezone('nobody', 'UTC')).toBeUndefined();
  });

  it('rotates refresh tokens once; reuse revokes the family', async () => {
    await addUser('a', 'a@x.io');
    await repo.addRefreshToken(
      { id: 't1', userId: 'a', tokenHash: 'h1', familyId: 'f', expiresAt: LATER },
      T0,
    );
    expect(await repo.rotateRefreshToken('h1', { id: 't2', tokenHash: 'h2', expiresAt: LATER }, T1)).toEqual({
      status: 'rotated',
      userId: 'a',
    });
    expect(await repo.rotateRefreshToken('h1', { id: 't3', tokenHash: 'h3', expiresAt: LATER }, T1)).toEqual({
      status: 'reused',
    });
    // The family is gone, including the token that replaced the reused one.
    expect(
      (await repo.rotateRefreshToken('h2', { id: 't4', tokenHash: 'h4', expiresAt: LATER }, T1)).status,
    ).toBe('reused');
    expect(
      (await repo.rotateRefreshToken('nope', { id: 't5', tokenHash: 'h5', expiresAt: LATER }, T1)).status,
    ).toBe('invalid');
  });

  it('refuses expired tokens and revokes a family on logout', async () => {
    await addUser('a', 'a@x.io');
    await repo.addRefreshToken({ id: 't1', userId: 'a', tokenHash: 'h1', familyId: 'f', expiresAt: T1 }, T0);
    expect(
      (await repo.rotateRefreshToken('h1', { id: 't2', tokenHash: 'h2', expiresAt: LATER }, LATER)).status,
    ).toBe('expired');
    await repo.addRefreshToken(
      { id: 't3', userId: 'a', tokenHash: 'h3', familyId: 'g', expiresAt: LATER },
      T0,
    );
    expect(await repo.revokeRefreshFamily('h3', T1)).toBe(true);
    expect(await repo.revokeRefreshFamily('unknown', T1)).toBe(false);
    expect(
      (await repo.rotateRefreshToken('h3', { id: 't4', tokenHash: 'h4', expiresAt: LATER }, T1)).status,
    ).toBe('reused');
    await expect(repo.ping()).resolves.toBeUndefined();
  });
});

describe('API key repository (sqlite)', () => {
  it('stores keys per user, finds active ones by head, updates and records use', async () => {
    const repo = await createSqliteAccounts({ filename: ':memory:' });
    try {
      await repo.createUser({ id: 'a', email: 'a@x.io', passwordHash: null, now: T0 });
      await repo.createUser({ id: 'b', email: 'b@x.io', passwordHash: null, now: T0 });
      const key = await repo.createApiKey({
        id: 'k1',
        userId: 'a',
        name: 'ci',
        description: null,
        head: 'agpt_abc',
        tail: '12345678',
        hash: 'h',
        salt: 's',
        permissions: ['READ_GRAPH'],
        now: T0,
      });
      expect(key).toMatchObject({ status: 'ACTIVE', permissions: ['READ_GRAPH'] });
      expect(key).not.toHaveProperty('hash');
      expect(await repo.listApiKeys('b')).toEqual([]);
      expect(await repo.getApiKey('b', 'k1')).toBeUndefined();
      expect((await repo.findActiveApiKeys('agpt_abc')).map((k) => k.hash)).toEqual(['h']);
      expect(await repo.updateApiKey('b', 'k1', { status: 'REVOKED' })).toBeUndefined();
      await repo.touchApiKey('k1', T1, { hash: 'h2', salt: 's2' });
      expect((await repo.getApiKey('a', 'k1'))?.lastUsedAt).toBe(T1);
      const suspended = await repo.updateApiKey('a', 'k1', {
        status: 'SUSPENDED',
        permissions: ['IDENTITY'],
      });
      expect(suspended).toMatchObject({ status: 'SUSPENDED', permissions: ['IDENTITY'] });
      expect(await repo.findActiveApiKeys('agpt_abc')).toEqual([]);
    } finally {
      await repo.close();
    }
  });
});
