import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createBlockRegistry, type BlockRegistry, type Credentials } from '@blockloom/sdk';
import { coreBlocks } from '@blockloom/blocks';
import {
  createEngine,
  createMemoryBus,
  createMemoryLocks,
  createMemoryQueue,
  type Store,
} from '@blockloom/engine';
import { createSqliteAccounts, createSqliteCredentials, createSqliteStore } from '@blockloom/store';
import {
  createNodeExecutionMetrics,
  createServer,
  openCredentialsVault,
  type CredentialsVault,
  type ServerConfig,
} from '../src/index';

/** The repository's root is /work/main; the shared compatibility agents sit beside it. */
export const repoRoot = resolve(import.meta.dirname, '../../..');
export const calculatorAgentFile = join(repoRoot, '../shared/compat/agents/calculator-agent.json');
export const loadCalculatorAgent = async (): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(calculatorAgentFile, 'utf8')) as Record<string, unknown>;

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-000';
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestServer {
  app: FastifyInstance;
  registry: BlockRegistry;
  store: Store;
  config: ServerConfig;
  engine: ReturnType<typeof createEngine>;
  vault: CredentialsVault;
  signup(
    email: string,
    password?: string,
  ): Promise<{ token: string; refresh: string; userId: string; role: string }>;
  auth(token: string): { authorization: string };
  close(): Promise<void>;
}

/**
 * A server on a SQLite file in a temporary data directory (store, accounts and credentials share it, as under
 * `blockloom serve`) with the core blocks, the in-process engine and the encrypted vault.
 */
export async function createTestServer(
  overrides: Partial<ServerConfig> = {},
  options: {
    wrapStore?: (store: Store) => Store;
    now?: () => Date;
    /** Platform credentials, as `blockloom serve` reads them from the environment. */
    platformDefaults?: Credentials[];
  } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'blockloom-server-'));
  const registry = createBlockRegistry(coreBlocks);
  const dbFile = join(dataDir, 'blockloom.db');
  const baseStore = await createSqliteStore({ filename: dbFile });
  // One connection for everything, as under `blockloom serve`.
  const accounts = await createSqliteAccounts({ db: baseStore.db });
  const credentials = await createSqliteCredentials({ db: baseStore.db });
  const now = options.now ?? (() => new Date());
  const vault = await openCredentialsVault({
    repo: credentials,
    dataDir,
    encryptionKey: TEST_ENCRYPTION_KEY,
    platformDefaults: options.platformDefaults,
    oauth: overrides.oauth,
    now,
  });
  const nodeMetrics = createNodeExecutionMetrics();
  const store = options.wrapStore ? options.wrapStore(baseStore) : baseStore;
  const bus = createMemoryBus();
  const queue = createMemoryQueue();
  const engine = createEngine({
    registry,
    store,
    queue,
    bus,
    locks: createMemoryLocks(),
    vault,
    onNodeFinished: nodeMetrics.onNodeFinished,
  });
  await engine.start();
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    auth: 'local',
    corsOrigins: ['https://app.example.com'],
    bodyLimitBytes: 256 * 1024,
    jwtSecret: TEST_SECRET,
    localUserId: '00000000-0000-4000-8000-000000000001',
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 3600,
    rateLimitPerMinute: 0,
    ...overrides,
  };
  const app = await createServer({
    runtime: { registry, store, bus, engine },
    accounts,
    config,
    now,
    vault,
    nodeMetrics,
  });
  const server: TestServer = {
    app,
    registry,
    store,
    config,
    engine,
    vault,
    auth: (token) => ({ authorization: `Bearer ${token}` }),
    async signup(email, password = 'correct horse battery') {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        payload: { email, password },
      });
      if (response.statusCode !== 201)
        throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
      const body = response.json<{
        access_token: string;
        refresh_token: string;
        user: { id: string; role: string };
      }>();
      return {
        token: body.access_token,
        refresh: body.refresh_token,
        userId: body.user.id,
        role: body.user.role,
      };
    },
    async close() {
      await app.close();
      await engine.close({ graceMs: 1000 });
      await queue.close();
      await bus.close();
      await baseStore.close();
      await accounts.close();
      await credentials.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Imports the calculator agent for a user; returns the stored graph's id and version. */
export async function importCalculator(
  server: TestServer,
  token: string,
): Promise<{ id: string; version: number }> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/graphs',
    headers: server.auth(token),
    payload: { graph: await loadCalculatorAgent(), source: 'upload' },
  });
  if (response.statusCode !== 200) throw new Error(`import failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string; version: number }>();
}
