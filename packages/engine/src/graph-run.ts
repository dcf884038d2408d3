import { isDeepStrictEqual } from 'node:util';
import type { AgentRunner, BlockRegistry, BlockStorage, CredentialsMeta, StorageScope } from '@blockloom/sdk';
import { createGraphIndex, parseExecutionOutput, type GraphIndex, type StoredGraph } from '@blockloom/graph';
import type { Clock } from './ports/clock';
import type { EventBus } from './ports/bus';
import { channels } from './ports/bus';
import { canTransition, type ExecutionStatus } from './ports/status';
import type { GraphExecutionRecord, GraphExecutionStats, NodeExecutionRecord, Store } from './ports/store';
import type { CredentialVault } from './ports/vault';
import type { Logger } from './logger';
import { jsonSize, toJsonValue } from './json';
import {
  toGraphExecution,
  toNodeExecutionResult,
  type GraphExecutionEvent,
  type NodeExecutionEvent,
} from './models';
import { Mutex, type Semaphore } from './mutex';
import { resolveCredentials, runNodeBlock, type NodeOutcome } from './node-runner';
import { emptyStep, nodeExecFromRecord, RunState, type NodeExec, type StepResult } from './run-state';
import { toolTargets } from './tools';

export interface GraphRunDeps {
  store: Store;
  bus: EventBus;
  registry: BlockRegistry;
  vault: CredentialVault;
  clock: Clock;
  logger: Logger;
  processSlots: Semaphore;
  nodesPerRun: number;
  /** Default wall-clock cap per node; a block's own `timeoutSeconds` wins. */
  nodeTimeoutSeconds: number | null;
  newId: () => string;
  /** The sub-agent runner handed to blocks of this run. */
  agentsFor: (run: GraphRun, exec: NodeExec) => AgentRunner;
  timezone: string;
  /** Platform credentials (no secrets) for credentials fields left empty. */
  defaultCredentials: readonly CredentialsMeta[];
  onNodeFinished?: (node: NodeFinished) => void;
}

/** A node execution that ended, as observability sees it. */
export interface NodeFinished {
  graphExecId: string;
  nodeExecId: string;
  blockId: string;
  blockName: string;
  status: ExecutionStatus;
  walltimeSeconds: number;
}

/** Sees terminal node executions as they are persisted (AgentExecutor follows its child's outputs this way). */
export interface RunObserver {
  onNodeFinished(exec: NodeExec, outputs: readonly { name: string; value: unknown }[]): void;
}

interface NodeTask {
  exec: NodeExec;
  /** Outputs held back until earlier executions of the same node are fully propagated. */
  buffered: [string, unknown][];
  isHead: boolean;
  finished?: { outcome: NodeOutcome; stats: Record<string, number> };
  /** Outputs recorded before a crash; a re-run that yields them again in order does not deliver them twice. */
  replay: { name: string; value: unknown }[];
}

/** Entry statuses of node executions that are (re)run when a run starts or resumes (internals §3.5 step 2). */
const resumable: readonly ExecutionStatus[] = ['QUEUED', 'RUNNING', 'TERMINATED', 'REVIEW'];

/**
 * Drives one graph run to its end (internals §3.5): ready executions run concurrently up to the per-run and
 * per-process limits; each output is persisted together with its deliveries in one commit, then announced;
 * outputs of one node are propagated in order, the first execution's before the next one's.
 */
export class GraphRun {
  readonly id: string;
  private readonly state: RunState;
  private readonly index: GraphIndex;
  private readonly mutex = new Mutex();
  private readonly abort = new AbortController();
  private readonly ready: NodeExec[] = [];
  private readonly fifo = new Map<string, NodeTask[]>();
  private running = 0;
  private suspended = false;
  private fatal: unknown;
  private stats: GraphExecutionStats;
  private finished!: () => void;
  private readonly done = new Promise<void>((resolve) => (this.finished = resolve));

  private record: GraphExecutionRecord;
  readonly graph: StoredGraph;
  private readonly observer: RunObserver | undefined;

  constructor(
    private readonly deps: GraphRunDeps,
    init: {
      record: GraphExecutionRecord;
      graph: StoredGraph;
      nodeExecutions: readonly NodeExecutionRecord[];
      observer?: RunObserver;
    },
  ) {
    const { record, graph, nodeExecutions } = init;
    this.record = record;
    this.graph = graph;
    this.observer = init.observer;
    this.id = record.id;
    this.stats = { ...record.stats };
    const execs = nodeExecutions.map(nodeExecFromRecord);
    this.index = createGraphIndex(graph);
    this.state = new RunState({
      graph,
      index: this.index,
      registry: deps.registry,
      masks: record.nodesInputMasks ?? {},
      newId: deps.newId,
      execs,
      defaultCredentials: deps.defaultCredentials,
    });
  }

  get userId(): string {
    return this.record.userId;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Cancels the run: running nodes end TERMINATED, and so does the run. */
  cancel(): void {
    this.abort.abort();
  }

  /** Stops the run without ending it (graceful shutdown): what was not finished resumes at the next start. */
  suspend(): void {
    this.suspended = true;
    this.abort.abort();
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /** Runs until nothing is ready or running; returns the run as persisted. */
  async drive(): Promise<GraphExecutionRecord> {
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    for (const exec of this.state.executions) {
      if (!resumable.includes(exec.status)) continue;
      this.ready.push(exec);
    }
    this.pump();
    await this.done;
    const cpu = process.cpuUsage(cpuStart);
    if (this.suspended && !this.fatal) return this.record;
    const status: ExecutionStatus = this.fatal
      ? 'FAILED'
      : this.abort.signal.aborted
        ? 'TERMINATED'
        : 'COMPLETED';
    this.stats = {
      ...this.stats,
      walltime: (this.stats.walltime ?? 0) + (performance.now() - wallStart) / 1000,
      cputime: (this.stats.cputime ?? 0) + (cpu.user + cpu.system) / 1e6,
      ...(this.fatal ? { error: errorText(this.fatal) } : {}),
    };
    await this.mutex.run(async () => {
      const now = this.now();
      const step = emptyStep(now);
      for (const exec of this.ready.splice(0)) this.setStatus(exec, 'TERMINATED', step);
      step.changes.push({ type: 'graph.update', status, endedAt: now, stats: this.stats });
      await this.deps.store.commit(this.id, step.changes, now);
      this.record = { ...this.record, status, endedAt: now, updatedAt: now, stats: this.stats };
      await this.announce(step, true);
    });
    return this.record;
  }

  private pump(): void {
    while (!this.abort.signal.aborted && this.ready.length > 0 && this.running < this.deps.nodesPerRun) {
      const exec = this.ready.shift() as NodeExec;
      const task: NodeTask = {
        exec,
        buffered: [],
        isHead: false,
        replay: exec.status === 'RUNNING' ? [...exec.outputs] : [],
      };
      const list = this.fifo.get(exec.nodeId);
      if (list) list.push(task);
      else {
        this.fifo.set(exec.nodeId, [task]);
        task.isHead = true;
      }
      this.running++;
      this.launch(task)
        .catch((error: unknown) => this.fail(error))
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
    if (this.running === 0 && (this.ready.length === 0 || this.abort.signal.aborted)) this.finished();
  }

  /** An error inside the engine (the store failed): the run ends FAILED, with the reason in its stats. */
  private fail(error: unknown): void {
    this.deps.logger.error('Run failed inside the engine', {
      graph_exec_id: this.id,
      error: errorText(error),
    });
    this.fatal ??= error;
    this.suspended = false;
    this.abort.abort();
  }

  private async launch(task: NodeTask): Promise<void> {
    const block = this.state.block(task.exec.blockId);
    // A sub-agent waits on its child's nodes; holding a process slot meanwhile could starve them.
    const release = block.type === 'Agent' ? () => {} : await this.deps.processSlots.acquire();
    try {
      const finish = await this.execute(task);
      task.finished = finish;
      if (task.isHead) await this.advance(task.exec.nodeId);
    } finally {
      release();
    }
  }

  private async execute(task: NodeTask): Promise<NonNullable<NodeTask['finished']>> {
    const { exec } = task;
    const stats: Record<string, number> = {};
    if (this.abort.signal.aborted) return { outcome: { status: 'TERMINATED' }, stats };
    const node = this.state.node(exec.nodeId);
    const block = this.state.block(exec.blockId);
    await this.mutex.run(async () => {
      const step = emptyStep(this.now());
      this.setStatus(exec, 'RUNNING', step);
      await this.persist(step);
    });
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    const data = exec.executionData ?? {};
    const input = block.dynamic?.buildInput?.(data, node.input_default) ?? data;
    let outcome: NodeOutcome;
    try {
      const credentials = await resolveCredentials(block, input, {
        vault: this.deps.vault,
        userId: this.record.userId,
      });
      const missingOptional = block.credentialsFields.some((field) => input[field] == null);
      if (missingOptional && node.metadata.credentials_optional === true) {
        // AutoGPT's nodes_to_skip: the node completes without running, so nothing downstream fires.
        outcome = { status: 'COMPLETED' };
      } else {
        const logger = this.deps.logger.child({ node_id: node.id, node_exec_id: exec.id, block: block.name });
        outcome = await runNodeBlock({
          block,
          input,
          inputDefault: node.input_default,
          context: {
            logger,
            ids: {
              userId: this.record.userId,
              graphId: this.record.graphId,
              graphVersion: this.record.graphVersion,
              graphExecId: this.id,
              nodeId: node.id,
              nodeExecId: exec.id,
            },
            credentials,
            timezone: this.deps.timezone,
            agents: this.deps.agentsFor(this, exec),
            storage: this.storage(),
            ...('tools' in block.outputs
              ? { tools: toolTargets(this.index, this.deps.registry, node.id) }
              : {}),
          },
          runSignal: this.abort.signal,
          timeoutSeconds:
            block.timeoutSeconds === undefined ? this.deps.nodeTimeoutSeconds : block.timeoutSeconds,
          stats,
          emit: (pin, value) => this.emit(task, pin, value),
        });
      }
    } catch (error) {
      outcome = { status: 'FAILED', error: errorText(error) };
    }
    if (outcome.status === 'FAILED') await this.emit(task, 'error', outcome.error);
    const cpu = process.cpuUsage(cpuStart);
    stats.walltime = (performance.now() - wallStart) / 1000;
    stats.cputime = Math.min(stats.walltime, (cpu.user + cpu.system) / 1e6);
    stats.input_size = jsonSize(input);
    return { outcome, stats };
  }

  /** Block values of this run's user: `within_agent` in the graph's namespace, `across_agents` in the user's. */
  private storage(): BlockStorage {
    const { store } = this.deps;
    const userId = this.record.userId;
    const namespace = (scope: StorageScope) =>
      scope === 'across_agents' ? 'user' : `graph:${this.record.graphId}`;
    return {
      get: (key, scope) => store.getBlockValue({ userId, namespace: namespace(scope), key }),
      set: (key, value, scope) => store.setBlockValue({ userId, namespace: namespace(scope), key }, value),
    };
  }

  private async emit(task: NodeTask, pin: string, value: unknown): Promise<void> {
    const json = toJsonValue(value);
    const expected = task.replay[0];
    if (expected) {
      if (expected.name === pin && isDeepStrictEqual(expected.value, json)) {
        task.replay.shift();
        return;
      }
      task.replay = [];
    }
    if (task.isHead) await this.processOutput(task.exec, pin, json);
    else task.buffered.push([pin, json]);
  }

  /** Promotes the next execution of a node once the previous one is fully propagated. */
  private async advance(nodeId: string): Promise<void> {
    const list = this.fifo.get(nodeId);
    while (list && list.length > 0) {
      const head = list[0] as NodeTask;
      if (!head.isHead) {
        while (head.buffered.length > 0) {
          const [pin, value] = head.buffered.shift() as [string, unknown];
          await this.processOutput(head.exec, pin, value);
        }
        head.isHead = true;
      }
      if (!head.finished) return;
      await this.processFinish(head);
      list.shift();
    }
    this.fifo.delete(nodeId);
  }

  /** Persists one output with every delivery it causes, in one commit, then announces it (§3.4, §3.7 step 3). */
  private processOutput(exec: NodeExec, name: string, value: unknown): Promise<void> {
    return this.mutex.run(async () => {
      const now = this.now();
      const step = emptyStep(now);
      exec.outputs.push({ name, value, time: now });
      step.changes.push({ type: 'node.output', nodeExecId: exec.id, name, value, time: now });
      step.touched.add(exec);
      for (const link of this.index.outbound(exec.nodeId)) {
        const selected = parseExecutionOutput({ name, value }, link.source_name, {
          nodeId: link.sink_id,
          pin: link.sink_name,
        });
        if (selected.hit) this.state.deliver(link, selected.value, step);
      }
      await this.persist(step);
      this.ready.push(...step.queued);
      this.pump();
    });
  }

  private processFinish(task: NodeTask): Promise<void> {
    return this.mutex.run(async () => {
      const { exec } = task;
      const { outcome, stats } = task.finished as NonNullable<NodeTask['finished']>;
      if (outcome.status === 'TERMINATED' && this.suspended) return;
      const step = emptyStep(this.now());
      stats.output_size = exec.outputs.reduce((sum, pin) => sum + jsonSize(pin.value), 0);
      exec.stats = {
        ...exec.stats,
        ...stats,
        ...(outcome.status === 'FAILED' ? { error: outcome.error } : {}),
      };
      this.setStatus(exec, outcome.status, step);
      this.stats = {
        ...this.stats,
        node_count: (this.stats.node_count ?? 0) + 1 + (stats.extra_steps ?? 0),
        nodes_walltime: (this.stats.nodes_walltime ?? 0) + (stats.walltime ?? 0),
        nodes_cputime: (this.stats.nodes_cputime ?? 0) + (stats.cputime ?? 0),
        cost: (this.stats.cost ?? 0) + (stats.extra_cost ?? 0),
        node_error_count: (this.stats.node_error_count ?? 0) + (outcome.status === 'FAILED' ? 1 : 0),
      };
      step.changes.push({ type: 'graph.update', stats: this.stats });
      await this.persist(step, true);
      this.observer?.onNodeFinished(exec, exec.outputs);
      this.deps.onNodeFinished?.({
        graphExecId: this.id,
        nodeExecId: exec.id,
        blockId: exec.blockId,
        blockName: this.deps.registry.get(exec.blockId)?.name ?? exec.blockId,
        status: exec.status,
        walltimeSeconds: stats.walltime ?? 0,
      });
    });
  }

  private setStatus(exec: NodeExec, status: ExecutionStatus, step: StepResult): void {
    const { now } = step;
    // The transition table (internals §3.1) holds by construction; a violation is an engine bug and fails the
    // run loudly. The one extra move: an execution cut off mid-run by a crash re-enters RUNNING on resume.
    const resumed = exec.status === 'RUNNING' && status === 'RUNNING';
    if (!resumed && !canTransition(exec.status, status)) {
      throw new Error(`Invalid node status change ${exec.status} -> ${status} for ${exec.id}`);
    }
    exec.status = status;
    const times: { startedTime?: string; endedTime?: string } = {};
    if (status === 'RUNNING') times.startedTime = exec.startedTime = now;
    if (status === 'COMPLETED' || status === 'FAILED') times.endedTime = exec.endedTime = now;
    step.changes.push({
      type: 'node.update',
      nodeExecId: exec.id,
      status,
      ...times,
      ...(exec.stats ? { stats: exec.stats } : {}),
    });
    step.touched.add(exec);
  }

  private async persist(step: StepResult, withGraphEvent = false): Promise<void> {
    await this.deps.store.commit(this.id, step.changes, step.now);
    this.record = { ...this.record, updatedAt: step.now, stats: this.stats };
    await this.announce(step, withGraphEvent);
  }

  /** Publishes after the commit: nothing is announced that was not persisted. */
  private async announce(step: StepResult, withGraphEvent: boolean): Promise<void> {
    const { bus } = this.deps;
    const targets = [channels.execution(this.id), channels.graph(this.record.userId, this.record.graphId)];
    for (const exec of step.touched) {
      const event: NodeExecutionEvent = {
        ...toNodeExecutionResult(this.record, toRecord(this.id, exec)),
        event_type: 'node_execution_update',
      };
      for (const channel of targets) await bus.publish(channel, event);
    }
    if (withGraphEvent) {
      const event: GraphExecutionEvent = { ...this.snapshot(), event_type: 'graph_execution_update' };
      for (const channel of targets) await bus.publish(channel, event);
    }
  }

  /** The run as the API shows it now. */
  snapshot() {
    const nodes = this.state.executions.map((exec) => toRecord(this.id, exec));
    return toGraphExecution(
      this.record,
      nodes,
      (blockId) => this.deps.registry.get(blockId)?.type === 'Output',
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function toRecord(graphExecId: string, exec: NodeExec): NodeExecutionRecord {
  return {
    id: exec.id,
    graphExecId,
    nodeId: exec.nodeId,
    blockId: exec.blockId,
    seq: exec.seq,
    status: exec.status,
    executionData: exec.executionData,
    addedTime: exec.addedTime,
    queuedTime: exec.queuedTime,
    startedTime: exec.startedTime,
    endedTime: exec.endedTime,
    stats: exec.stats,
    inputs: [...exec.pins].map(([name, value]) => ({ name, value })),
    outputs: exec.outputs,
  };
}
