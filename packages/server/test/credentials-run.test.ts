import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { credentialsField, defineBlock } from '@blockloom/sdk';
import { createSqliteAccounts, createSqliteCredentials, createSqliteStore } from '@blockloom/store';
import { createRuntime, type Runtime } from 'blockloom';
import { createNodeExecutionMetrics, createServer, openCredentialsVault } from '../src/index';
import { TEST_ENCRYPTION_KEY, TEST_SECRET } from './harness';

const SECRET = 'sk-e2e-secret-0123456789';
const received: string[] = [];

/** Needs an API key; records what it was given, and outputs only whether it matched (never the key). */
const secretBlock = defineBlock({
  id: 'e2e00000-0000-4000-8000-00000000c4ed',
  name: 'TestSecretUserBlock',
  description: 'Uses an API key credential.',
  categories: ['BASIC'],
  input: z.object({ credentials: credentialsField({ providers: ['openai'], types: ['api_key'] }) }),
  output: { ok: z.boolean() },
  tests: [],
  async *run(_input, ctx) {
    const credentials = ctx.credentials.credentials;
    if (credentials?.type === 'api_key') received.push(credentials.api_key);
    yield ['ok', credentials?.type === 'api_key'];
  },
});

/** The whole path in-process: API-created credentials, the persistent vault, `createRuntime`, a run. */
describe('credentials created through the API are used by runs', () => {
  let dir: string;
  let runtime: Runtime;
  let app: FastifyInstance;
  let closeAll: () => Promise<void>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'blockloom-creds-run-'));
    const dbFile = join(dir, 'blockloom.db');
    // Assembled as `blockloom serve` does: one connection shared by the store, accounts and credentials.
    const store = await createSqliteStore({ filename: dbFile });
    const accounts = await createSqliteAccounts({ db: store.db });
    const repo = await createSqliteCredentials({ db: store.db });
    const vault = await openCredentialsVault({ repo, dataDir: dir, encryptionKey: TEST_ENCRYPTION_KEY });
    const nodeMetrics = createNodeExecutionMetrics();
    runtime = await createRuntime({
      dbFile,
      store,
      extraBlocks: [secretBlock],
      vault,
      onNodeFinished: nodeMetrics.onNodeFinished,
    });
    app = await createServer({
      runtime,
      accounts,
      vault,
      nodeMetrics,
      config: {
        port: 0,
        host: '127.0.0.1',
        dataDir: dir,
        auth: 'local',
        corsOrigins: [],
        bodyLimitBytes: 1024 * 1024,
        jwtSecret: TEST_SECRET,
        localUserId: randomUUID(),
        accessTokenTtlSeconds: 900,
        refreshTokenTtlSeconds: 3600,
        rateLimitPerMinute: 0,
      },
    });
    closeAll = async () => {
      await app.close();
      await runtime.close({ graceMs: 1000 });
      await repo.close();
      await accounts.close();
    };
  });
  afterAll(async () => {
    await closeAll();
    await rm(dir, { recursive: true, force: true });
  });

  it('hands the secret to the block and keeps only the reference in the run records', async () => {
    const signup = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'run@x.io', password: 'a long password' },
    });
    const headers = { authorization: `Bearer ${signup.json<{ access_token: string }>().access_token}` };
    const created = await app.inject({
      method: 'POST',
      url: '/api/integrations/openai/credentials',
      headers,
      payload: { type: 'api_key', title: 'e2e', api_key: SECRET },
    });
    expect(created.statusCode).toBe(201);
    const ref = { id: created.json<{ id: string }>().id, provider: 'openai', type: 'api_key', title: 'e2e' };
    const graph = await app.inject({
      method: 'POST',
      url: '/api/graphs',
      headers,
      payload: {
        graph: {
          name: 'Uses a key',
          description: '',
          nodes: [
            { id: randomUUID(), block_id: secretBlock.id, input_default: { credentials: ref }, metadata: {} },
          ],
          links: [],
        },
      },
    });
    expect(graph.statusCode).toBe(200);
    const { id, version } = graph.json<{ id: string; version: number }>();
    const run = await app.inject({
      method: 'POST',
      url: `/api/graphs/${id}/execute/${version}`,
      headers,
      payload: { inputs: {} },
    });
    expect(run.statusCode).toBe(200);
    const execId = run.json<{ id: string }>().id;
    await runtime.engine.waitForCompletion(execId, { timeoutMs: 10_000 });

    expect(received).toEqual([SECRET]);
    const nodes = await runtime.store.listNodeExecutions(execId);
    expect(nodes.map((node) => [node.status, node.executionData?.credentials])).toEqual([['COMPLETED', ref]]);
    const record = await runtime.store.getGraphExecution(execId);
    const result = await app.inject({
      method: 'GET',
      url: `/api/graphs/${id}/executions/${execId}`,
      headers,
    });
    expect(result.json()).toMatchObject({ status: 'COMPLETED' });
    for (const stored of [JSON.stringify(nodes), JSON.stringify(record), result.body])
      expect(stored).not.toContain(SECRET);

    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain(
      'blockloom_node_execution_seconds_count{block="TestSecretUserBlock",status="COMPLETED"} 1',
    );
  });
});
