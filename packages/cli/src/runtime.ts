import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { AnyBlock, BlockRegistry } from '@blockloom/sdk';
import { platformCredentialsFromEnv, runFileDir } from '@blockloom/blocks';
import {
  createEngine,
  createJsonLogger,
  createMemoryBus,
  createMemoryLocks,
  createMemoryQueue,
  createMemoryVault,
  type CredentialVault,
  type Engine,
  type EventBus,
  type Logger,
  type NodeFinished,
  type Store,
} from '@blockloom/engine';
import { createSqliteStore, type SqlStore } from '@blockloom/store';
import { loadRegistry } from './registry';

/** The user every local command acts as, until accounts exist (`BLOCKLOOM_AUTH=none`). */
export const LOCAL_USER_ID = '00000000-0000-4000-8000-000000000001';

export interface Runtime {
  registry: BlockRegistry;
  store: Store;
  /**
   * The store's SQLite connection. Other repositories of the process (accounts, credentials) must use this
   * one: a second connection to the file makes concurrent transactions fail with SQLITE_BUSY_SNAPSHOT.
   */
  database: SqlStore['db'];
  bus: EventBus;
  engine: Engine;
  logger: Logger;
  close(options?: { graceMs?: number }): Promise<void>;
}

export interface RuntimeOptions {
  /** SQLite file; ':memory:' for none. */
  dbFile: string;
  /** A store already open on `dbFile` (its connection shared with other repositories); the runtime closes it. */
  store?: SqlStore;
  /** Blocks beyond the core library and the configured custom blocks (tests). */
  extraBlocks?: readonly AnyBlock[];
  logger?: Logger;
  limits?: { runsPerProcess?: number; nodesPerRun?: number; nodesPerProcess?: number };
  nodeTimeoutSeconds?: number | null;
  /** Queue the runs a previous process left unfinished in this file (default false). */
  resume?: boolean;
  /** Where runs resolve credentials (serve: the encrypted vault); default: platform keys from the environment. */
  vault?: CredentialVault;
  /** Called for every node execution that ended (serve: the duration histogram). */
  onNodeFinished?: (node: NodeFinished) => void;
}

/**
 * The composition root of the all-in-one mode: SQLite store, in-process queue, bus, locks and vault, and the
 * engine on top. With `resume`, it picks up whatever a previous process left unfinished in the same file.
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const logger = options.logger ?? createJsonLogger({ level: 'warn' });
  const registry = await loadRegistry(options.extraBlocks);
  const store = options.store ?? (await createSqliteStore({ filename: options.dbFile }));
  const bus = createMemoryBus({
    onHandlerError: (error) => logger.warn('Event handler failed', { error: String(error) }),
  });
  const queue = createMemoryQueue();
  const engine = createEngine({
    registry,
    store,
    queue,
    bus,
    locks: createMemoryLocks(),
    // Keys set in the environment (OPENAI_API_KEY, …) are offered to every user, as AutoGPT does.
    vault: options.vault ?? createMemoryVault([], platformCredentialsFromEnv()),
    logger,
    limits: options.limits,
    nodeTimeoutSeconds: options.nodeTimeoutSeconds,
    newId: randomUUID,
    onNodeFinished: options.onNodeFinished,
    // Files blocks stored for the run (FileStore, downloads) live only as long as the run.
    onRunFinished: (run) => rm(runFileDir(run.id), { recursive: true, force: true }),
  });
  await engine.start();
  if (options.resume) await engine.resumeUnfinished();
  return {
    registry,
    store,
    database: store.db,
    bus,
    engine,
    logger,
    async close(closeOptions) {
      await engine.close(closeOptions);
      await queue.close();
      await bus.close();
      await store.close();
    },
  };
}
