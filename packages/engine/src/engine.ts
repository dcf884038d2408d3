import { randomUUID } from 'node:crypto';
import type { AgentRunEvent, AgentRunner, BlockRegistry, CredentialsMeta } from '@blockloom/sdk';
import { AsyncChannel } from './channel';
import { prepareRun } from './create-run';
import { EngineError } from './errors';
import { GraphRun, type NodeFinished, type RunObserver } from './graph-run';
import { silentLogger, type Logger } from './logger';
import {
  toGraphExecutionMeta,
  toGraphExecutionWithNodes,
  type GraphExecutionEvent,
  type GraphExecutionMeta,
  type GraphExecutionWithNodes,
} from './models';
import { Semaphore } from './mutex';
import { channels, type EventBus } from './ports/bus';
import { systemClock, type Clock } from './ports/clock';
import type { LockManager } from './ports/lock';
import type { ExecutionJob, ExecutionQueue, QueueConsumer } from './ports/queue';
import { isTerminal, type ExecutionStatus } from './ports/status';
import type { GraphExecutionRecord, Store } from './ports/store';
import type { CredentialVault } from './ports/vault';

export interface EngineOptions {
  registry: BlockRegistry;
  store: Store;
  queue: ExecutionQueue;
  bus: EventBus;
  locks: LockManager;
  vault: CredentialVault;
  clock?: Clock;
  logger?: Logger;
  limits?: {
    /** Runs one process drives at once (AutoGPT's `num_graph_workers`, default 10). */
    runsPerProcess?: number;
    /** Node executions of one run running at once (default 32). */
    nodesPerRun?: number;
    /** Node executions running at once across all runs of the process (default 64). */
    nodesPerProcess?: number;
  };
  /** Default wall-clock cap per node, in seconds; null for none (default 1800). */
  nodeTimeoutSeconds?: number | null;
  /** Lease time of a run's lock; refreshed at a third of it while the run is driven (default 300 s). */
  lockTtlMs?: number;
  /** The user's IANA timezone for blocks (default "UTC"). */
  userTimezone?: (userId: string) => Promise<string>;
  /** Called for every node execution that ended (metrics); must not throw. */
  onNodeFinished?: (node: NodeFinished) => void;
  /** Called once a run this process drove has ended (e.g. to delete the run's temporary files). */
  onRunFinished?: (run: GraphExecutionRecord) => Promise<void> | void;
  newId?: () => string;
}

export interface ExecuteGraphRequest {
  userId: string;
  graphId: string;
  graphVersion?: number;
  inputs?: Record<string, unknown>;
  credentialsInputs?: Record<string, CredentialsMeta>;
  nodesInputMasks?: Record<string, Record<string, unknown>> | null;
  presetId?: string | null;
}

export interface Engine {
  /** Validates and queues a run; throws GraphValidationError (with every issue) or EngineError NOT_FOUND. */
  executeGraph(request: ExecuteGraphRequest): Promise<GraphExecutionMeta>;
  /** Stops a run and its sub-agent runs; resolves when it has stopped (internals §3.9). */
  stopGraphExecution(
    userId: string,
    graphExecId: string,
    options?: { waitMs?: number },
  ): Promise<GraphExecutionMeta | undefined>;
  getGraphExecution(graphExecId: string): Promise<GraphExecutionWithNodes | undefined>;
  /** Resolves once the run is COMPLETED, TERMINATED or FAILED. */
  waitForCompletion(graphExecId: string, options?: { timeoutMs?: number }): Promise<GraphExecutionWithNodes>;
  /** Starts taking runs from the queue and listening for cancellations. */
  start(): Promise<void>;
  /** Queues every run a previous process left unfinished; returns how many. */
  resumeUnfinished(): Promise<number>;
  /** Stops taking runs; waits `graceMs` for running ones, then leaves the rest to resume at the next start. */
  close(options?: { graceMs?: number }): Promise<void>;
}

const unfinished: readonly ExecutionStatus[] = ['INCOMPLETE', 'QUEUED', 'RUNNING'];

export function createEngine(options: EngineOptions): Engine {
  const { registry, store, queue, bus, locks, vault } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const newId = options.newId ?? randomUUID;
  const lockTtlMs = options.lockTtlMs ?? 300_000;
  const processSlots = new Semaphore(options.limits?.nodesPerProcess ?? 64);
  const active = new Map<string, GraphRun>();
  const driving = new Set<Promise<unknown>>();
  let consumer: QueueConsumer | undefined;
  let unsubscribeCancel: (() => Promise<void>) | undefined;
  const isOutputBlock = (blockId: string) => registry.get(blockId)?.type === 'Output';
  const now = () => clock.now().toISOString();

  async function loadGraph(userId: string, graphId: string, version?: number) {
    const graph = await store.getGraph(graphId, { version, userId });
    if (!graph) {
      throw new EngineError('NOT_FOUND', `Graph ${graphId}${version ? ` version ${version}` : ''} not found`);
    }
    return graph;
  }

  /** The platform credentials offered to a user, as references (the secrets stay in the vault). */
  async function defaultCredentials(userId: string): Promise<CredentialsMeta[]> {
    const found = (await vault.defaults?.(userId)) ?? [];
    return found.map(({ id, provider, type, title }) => ({ id, provider, type, title: title ?? null }));
  }

  async function publishGraph(record: GraphExecutionRecord): Promise<void> {
    const nodes = await store.listNodeExecutions(record.id);
    const event: GraphExecutionEvent = {
      ...toGraphExecutionWithNodes(record, nodes, isOutputBlock),
      event_type: 'graph_execution_update',
    };
    delete (event as Partial<GraphExecutionWithNodes>).node_executions;
    await bus.publish(channels.execution(record.id), event);
    await bus.publish(channels.graph(record.userId, record.graphId), event);
  }

  /** Creates a run in the store, moved to QUEUED (internals §3.2 steps 5-7). */
  async function createRun(
    request: ExecuteGraphRequest & { parentGraphExecutionId?: string | null },
  ): Promise<GraphExecutionRecord> {
    const graph = await loadGraph(request.userId, request.graphId, request.graphVersion);
    const prepared = prepareRun(
      {
        userId: request.userId,
        graph,
        inputs: request.inputs ?? {},
        credentialsInputs: request.credentialsInputs,
        nodesInputMasks: request.nodesInputMasks,
        parentGraphExecutionId: request.parentGraphExecutionId,
        presetId: request.presetId,
        defaultCredentials: await defaultCredentials(request.userId),
      },
      registry,
      { runId: newId(), newId, now: now() },
    );
    await store.createGraphExecution(prepared);
    const queued = await store.updateGraphExecution(prepared.id, { status: 'QUEUED' }, ['INCOMPLETE']);
    if (!queued) throw new Error(`Run ${prepared.id} vanished after creation`);
    await publishGraph(queued);
    return queued;
  }

  function agentsFor(parent: GraphRun): AgentRunner {
    return {
      async *run(request, signal): AsyncGenerator<AgentRunEvent> {
        const child = await createRun({
          userId: parent.userId,
          graphId: request.graphId,
          graphVersion: request.graphVersion,
          inputs: request.inputs,
          nodesInputMasks: request.nodesInputMasks,
          parentGraphExecutionId: parent.id,
        });
        const events = new AsyncChannel<AgentRunEvent>();
        const observer: RunObserver = {
          onNodeFinished(exec, outputs) {
            if (!isOutputBlock(exec.blockId) || exec.status !== 'COMPLETED') return;
            const name = exec.executionData?.name;
            if (typeof name !== 'string') return;
            for (const pin of outputs)
              if (pin.name === 'output') events.push({ type: 'output', name, value: pin.value });
          },
        };
        // The child runs inline, in this worker: queuing it could deadlock a full worker pool of parents.
        driveRun(child.id, { observer, signal })
          .then((final) => {
            events.push({
              type: 'finished',
              graphExecId: child.id,
              status: final?.status ?? 'FAILED',
              cost: final?.stats?.cost ?? 0,
              nodeCount: final?.stats?.node_count ?? 0,
            });
            events.end();
          })
          .catch((error: unknown) => events.fail(error));
        yield* events;
      },
    };
  }

  /** Drives a run in this process, from wherever it stands (a fresh run or one resumed after a crash). */
  async function driveRun(
    graphExecId: string,
    extra: { observer?: RunObserver; signal?: AbortSignal } = {},
  ): Promise<GraphExecutionRecord | undefined> {
    let record = await store.getGraphExecution(graphExecId);
    if (!record || record.isDeleted || !unfinished.includes(record.status)) return record;
    const graph = await store.getGraph(record.graphId, { version: record.graphVersion });
    if (!graph) {
      return store.updateGraphExecution(graphExecId, {
        status: 'FAILED',
        endedAt: now(),
        stats: { ...record.stats, error: `Graph ${record.graphId} v${record.graphVersion} no longer exists` },
      });
    }
    if (record.status !== 'RUNNING') {
      const started = await store.updateGraphExecution(
        graphExecId,
        { status: 'RUNNING', ...(record.startedAt ? {} : { startedAt: now() }) },
        ['INCOMPLETE', 'QUEUED'],
      );
      if (!started || started.status !== 'RUNNING') return started;
      record = started;
    }
    await publishGraph(record);
    const nodes = await store.listNodeExecutions(graphExecId);
    const timezone = (await options.userTimezone?.(record.userId)) ?? 'UTC';
    const run = new GraphRun(
      {
        store,
        bus,
        registry,
        vault,
        clock,
        logger: logger.child({ user_id: record.userId, graph_exec_id: record.id }),
        processSlots,
        nodesPerRun: options.limits?.nodesPerRun ?? 32,
        nodeTimeoutSeconds: options.nodeTimeoutSeconds === undefined ? 1800 : options.nodeTimeoutSeconds,
        newId,
        agentsFor,
        timezone,
        defaultCredentials: await defaultCredentials(record.userId),
        onNodeFinished: options.onNodeFinished,
      },
      { record, graph, nodeExecutions: nodes, observer: extra.observer },
    );
    active.set(run.id, run);
    const onAbort = () => run.cancel();
    if (extra.signal?.aborted) run.cancel();
    extra.signal?.addEventListener('abort', onAbort, { once: true });
    const drive = run.drive();
    driving.add(drive);
    try {
      const final = await drive;
      if (final.endedAt) await runFinished(final);
      return final;
    } finally {
      driving.delete(drive);
      extra.signal?.removeEventListener('abort', onAbort);
      active.delete(run.id);
    }
  }

  async function runFinished(run: GraphExecutionRecord): Promise<void> {
    try {
      await options.onRunFinished?.(run);
    } catch (error) {
      logger.warn('Run-finished hook failed', { graph_exec_id: run.id, error: String(error) });
    }
  }

  /** A queue job: take the run's lease, keep it fresh, drive the run. Busy leases go back to the queue. */
  async function handleJob(job: ExecutionJob): Promise<void> {
    const lease = await locks.acquire(`exec_lock:${job.graphExecId}`, lockTtlMs);
    if (!lease) throw new EngineError('CONFLICT', `Run ${job.graphExecId} is being driven elsewhere`);
    const refresher = setInterval(() => {
      lease
        .refresh()
        .then((held) => {
          if (!held) active.get(job.graphExecId)?.suspend();
        })
        .catch((error: unknown) => logger.warn('Lease refresh failed', { error: String(error) }));
    }, lockTtlMs / 3);
    refresher.unref();
    try {
      await driveRun(job.graphExecId);
    } catch (error) {
      // A failure of the engine itself: recorded on the run, so the queue does not retry it forever.
      logger.error('Run ended by an internal error', {
        graph_exec_id: job.graphExecId,
        error: String(error),
      });
      await store
        .updateGraphExecution(
          job.graphExecId,
          { status: 'FAILED', endedAt: now(), stats: { error: `Internal error: ${String(error)}` } },
          ['INCOMPLETE', 'QUEUED', 'RUNNING'],
        )
        .catch(() => undefined);
    } finally {
      clearInterval(refresher);
      await lease.release();
    }
  }

  async function getGraphExecution(graphExecId: string) {
    const record = await store.getGraphExecution(graphExecId);
    if (!record) return undefined;
    return toGraphExecutionWithNodes(record, await store.listNodeExecutions(graphExecId), isOutputBlock);
  }

  const engine: Engine = {
    async executeGraph(request) {
      const record = await createRun(request);
      await queue.enqueue({
        graphExecId: record.id,
        userId: record.userId,
        graphId: record.graphId,
        graphVersion: record.graphVersion,
      });
      return toGraphExecutionMeta(record);
    },

    async stopGraphExecution(userId, graphExecId, stopOptions = {}) {
      const record = await store.getGraphExecution(graphExecId);
      if (!record || record.userId !== userId || record.isDeleted) return undefined;
      // The run first: its AgentExecutor nodes see the abort and stop their inline children. Stopping the
      // children first would let a parent see its child end and carry on as if it had completed.
      await bus.publish(channels.cancel, { graph_exec_id: graphExecId });
      const children = await store.listGraphExecutions({
        parentGraphExecutionId: graphExecId,
        statuses: unfinished,
      });
      await Promise.allSettled(
        children.items.map((child) => engine.stopGraphExecution(userId, child.id, stopOptions)),
      );
      const deadline = Date.now() + (stopOptions.waitMs ?? 15_000);
      for (;;) {
        await bus.publish(channels.cancel, { graph_exec_id: graphExecId });
        const current = await store.getGraphExecution(graphExecId);
        if (!current) return undefined;
        if (isTerminal(current.status)) return toGraphExecutionMeta(current);
        if (current.status !== 'RUNNING') {
          // Nobody drives it: end it here (a worker that takes it later finds it TERMINATED and skips it).
          const stopped = await store.updateGraphExecution(
            graphExecId,
            { status: 'TERMINATED', endedAt: now() },
            ['INCOMPLETE', 'QUEUED', 'REVIEW'],
          );
          if (stopped?.status === 'TERMINATED') {
            await publishGraph(stopped);
            return toGraphExecutionMeta(stopped);
          }
          continue;
        }
        if (Date.now() > deadline) {
          throw new EngineError('STOP_TIMEOUT', `Run ${graphExecId} is taking longer than expected to stop`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },

    getGraphExecution,

    async waitForCompletion(graphExecId, waitOptions = {}) {
      let wake: () => void = () => {};
      const unsubscribe = await bus.subscribe(channels.execution(graphExecId), (message) => {
        const event = message as { event_type?: string; status?: ExecutionStatus };
        if (event.event_type === 'graph_execution_update' && event.status && isTerminal(event.status)) wake();
      });
      const deadline = waitOptions.timeoutMs === undefined ? Infinity : Date.now() + waitOptions.timeoutMs;
      try {
        for (;;) {
          const current = await getGraphExecution(graphExecId);
          if (!current) throw new EngineError('NOT_FOUND', `Run ${graphExecId} not found`);
          if (isTerminal(current.status)) return current;
          if (Date.now() > deadline)
            throw new EngineError('STOP_TIMEOUT', `Run ${graphExecId} did not finish in time`);
          // Events wake us at once; the poll covers runs driven by another process.
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 1000).unref();
          });
        }
      } finally {
        await unsubscribe();
      }
    },

    async start() {
      unsubscribeCancel = await bus.subscribe(channels.cancel, (message) => {
        const id = (message as { graph_exec_id?: unknown }).graph_exec_id;
        if (typeof id === 'string') active.get(id)?.cancel();
      });
      consumer = queue.consume(handleJob, { concurrency: options.limits?.runsPerProcess ?? 10 });
    },

    async resumeUnfinished() {
      let resumed = 0;
      const page = await store.listGraphExecutions({ statuses: unfinished, limit: 100_000 });
      for (const record of page.items) {
        if (record.parentGraphExecutionId) {
          // A sub-agent run is driven by its parent's AgentExecutor node, which re-runs and starts a fresh child.
          await store.updateGraphExecution(record.id, { status: 'TERMINATED', endedAt: now() }, unfinished);
          continue;
        }
        await queue.enqueue({
          graphExecId: record.id,
          userId: record.userId,
          graphId: record.graphId,
          graphVersion: record.graphVersion,
        });
        resumed++;
      }
      return resumed;
    },

    async close(closeOptions = {}) {
      const stopping = consumer?.stop();
      const grace = new Promise((resolve) => setTimeout(resolve, closeOptions.graceMs ?? 30_000).unref());
      await Promise.race([Promise.allSettled([...driving]), grace]);
      for (const run of active.values()) run.suspend();
      await Promise.allSettled([...driving]);
      await stopping;
      await unsubscribeCancel?.();
    },
  };
  return engine;
}
