import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { platformCredentialsFromEnv } from '@blockloom/blocks';
import { createSqliteAccounts, createSqliteCredentials, createSqliteStore } from '@blockloom/store';
import {
  ConfigError,
  createNodeExecutionMetrics,
  createServer,
  createServerLogger,
  loadConfig,
  openCredentialsVault,
  toEngineLogger,
  VaultKeyError,
} from '@blockloom/server';
import { CliError } from '../cli-error';
import type { Output } from '../output';
import { createRuntime, LOCAL_USER_ID } from '../runtime';

/** How long running nodes may take to finish at shutdown; what is left resumes at the next start. */
const DEFAULT_GRACE_MS = 10_000;

/** Resolves on the first SIGTERM or SIGINT. */
function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

/**
 * `blockloom serve`: the all-in-one platform (REST, WebSocket, executor) on PORT/HOST, storing everything in
 * BLOCKLOOM_DATA_DIR. Runs a previous process left unfinished are resumed at start. On SIGTERM/SIGINT it stops
 * accepting connections, lets running nodes finish within the grace period, and exits.
 */
export async function serveCommand(env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  let config;
  try {
    config = loadConfig(env, { localUserId: LOCAL_USER_ID });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  const graceMs = Number(env.BLOCKLOOM_SHUTDOWN_GRACE_MS ?? DEFAULT_GRACE_MS);
  await mkdir(config.dataDir, { recursive: true });
  const dbFile = join(config.dataDir, 'blockloom.db');
  const logger = createServerLogger();
  // One connection for the engine's store, the accounts and the credentials: on separate connections to the
  // same file, a transaction that reads then writes fails whenever another committed meanwhile.
  const store = await createSqliteStore({ filename: dbFile });
  const accounts = await createSqliteAccounts({ db: store.db });
  const credentials = await createSqliteCredentials({ db: store.db });
  let vault;
  try {
    // Before the runtime: a wrong key must stop the start, not surface later as runs missing credentials.
    vault = await openCredentialsVault({
      repo: credentials,
      dataDir: config.dataDir,
      encryptionKey: config.encryptionKey,
      platformDefaults: platformCredentialsFromEnv(env),
      oauth: config.oauth,
      warn: (message) => logger.warn(message),
    });
  } catch (error) {
    await store.close();
    if (error instanceof VaultKeyError) throw new CliError(error.message);
    throw error;
  }
  const nodeMetrics = createNodeExecutionMetrics();
  const runtime = await createRuntime({
    dbFile,
    store,
    resume: true,
    logger: toEngineLogger(logger),
    vault,
    onNodeFinished: nodeMetrics.onNodeFinished,
  });
  // The runtime closes the shared connection, after its runs have stopped writing.
  const closeStores = () => runtime.close({ graceMs: Number.isFinite(graceMs) ? graceMs : DEFAULT_GRACE_MS });
  let app;
  try {
    app = await createServer({ runtime, accounts, config, logger, vault, nodeMetrics });
    const address = await app.listen({ port: config.port, host: config.host });
    out.stdout(`Blockloom is running at ${address} (auth: ${config.auth}, data: ${config.dataDir})\n`);
  } catch (error) {
    await closeStores();
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  const signal = await shutdownSignal();
  out.stdout(`${signal} received: shutting down\n`);
  // 1. No new requests or sockets; 2. running nodes get the grace period, the rest resume at next start.
  await app.close();
  await closeStores();
  out.stdout('Stopped.\n');
  return 0;
}
