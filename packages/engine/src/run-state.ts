import type { AnyBlock, BlockRegistry, CredentialsMeta } from '@blockloom/sdk';
import type { Graph, GraphIndex, Link, Node } from '@blockloom/graph';
import type { ExecutionStatus } from './ports/status';
import type { NodeExecutionRecord, NodeExecutionStats, PinValue, RunChange } from './ports/store';
import { applyMask, resolveNodeInput } from './readiness';

/** One node execution as the run holds it in memory; mirrors `NodeExecutionRecord`. */
export interface NodeExec {
  id: string;
  nodeId: string;
  blockId: string;
  seq: number;
  status: ExecutionStatus;
  /** Input pins in arrival order. */
  pins: Map<string, unknown>;
  executionData: Record<string, unknown> | null;
  addedTime: string;
  queuedTime: string | null;
  startedTime: string | null;
  endedTime: string | null;
  stats: NodeExecutionStats | null;
  outputs: (PinValue & { time: string })[];
}

export function nodeExecFromRecord(record: NodeExecutionRecord): NodeExec {
  return {
    id: record.id,
    nodeId: record.nodeId,
    blockId: record.blockId,
    seq: record.seq,
    status: record.status,
    pins: new Map(record.inputs.map((pin) => [pin.name, pin.value])),
    executionData: record.executionData,
    addedTime: record.addedTime,
    queuedTime: record.queuedTime,
    startedTime: record.startedTime,
    endedTime: record.endedTime,
    stats: record.stats,
    outputs: [...record.outputs],
  };
}

/** What one step changed: the store changes to commit, the executions to announce, the ones now QUEUED. */
export interface StepResult {
  /** When the step happens: every time it records. */
  now: string;
  changes: RunChange[];
  touched: Set<NodeExec>;
  queued: NodeExec[];
}

export function emptyStep(now: string): StepResult {
  return { now, changes: [], touched: new Set(), queued: [] };
}

/** Statuses that make an execution the "latest" source of static values (internals §3.4 step 5). */
const latestStatuses: readonly ExecutionStatus[] = ['QUEUED', 'RUNNING', 'COMPLETED', 'TERMINATED', 'FAILED'];

/**
 * The in-memory state of one run and the delivery rules of internals §3.4. The run's owner is the only
 * writer, so this state is the truth between commits; every method returns the changes to persist.
 */
export class RunState {
  private readonly byNode = new Map<string, NodeExec[]>();
  private seq = 0;

  constructor(
    private readonly args: {
      graph: Graph;
      index: GraphIndex;
      registry: BlockRegistry;
      masks: Record<string, Record<string, unknown>>;
      newId: () => string;
      execs: readonly NodeExec[];
      defaultCredentials?: readonly CredentialsMeta[];
    },
  ) {
    for (const exec of [...args.execs].sort((a, b) => a.seq - b.seq)) this.track(exec);
  }

  get executions(): NodeExec[] {
    return [...this.byNode.values()].flat().sort((a, b) => a.seq - b.seq);
  }

  node(nodeId: string): Node {
    const node = this.args.index.nodes.get(nodeId);
    if (!node) throw new Error(`Node ${nodeId} is not in graph ${this.args.graph.id}`);
    return node;
  }

  block(blockId: string): AnyBlock {
    const block = this.args.registry.get(blockId);
    if (!block) throw new Error(`Block ${blockId} is not registered`);
    return block;
  }

  private track(exec: NodeExec): void {
    const list = this.byNode.get(exec.nodeId);
    if (list) list.push(exec);
    else this.byNode.set(exec.nodeId, [exec]);
    this.seq = Math.max(this.seq, exec.seq);
  }

  /** A new execution of a node; recorded in `step`. */
  createExec(nodeId: string, step: StepResult): NodeExec {
    const { now } = step;
    const node = this.node(nodeId);
    const exec: NodeExec = {
      id: this.args.newId(),
      nodeId,
      blockId: node.block_id,
      seq: ++this.seq,
      status: 'INCOMPLETE',
      pins: new Map(),
      executionData: null,
      addedTime: now,
      queuedTime: null,
      startedTime: null,
      endedTime: null,
      stats: null,
      outputs: [],
    };
    this.track(exec);
    step.changes.push({
      type: 'node.create',
      nodeExecution: {
        id: exec.id,
        nodeId,
        blockId: exec.blockId,
        seq: exec.seq,
        status: 'INCOMPLETE',
        addedTime: now,
        queuedTime: null,
        executionData: null,
        inputs: [],
      },
    });
    step.touched.add(exec);
    return exec;
  }

  setPin(exec: NodeExec, { name, value }: PinValue, step: StepResult): void {
    exec.pins.set(name, value);
    step.changes.push({ type: 'node.input', nodeExecId: exec.id, name, value });
    step.touched.add(exec);
  }

  /**
   * Moves an INCOMPLETE execution to QUEUED when its input is complete and valid (internals §3.4 steps 6-8).
   * An invalid input leaves it waiting, as AutoGPT does, but the reason is kept in its stats so the run
   * record shows why the node never ran.
   */
  tryQueue(exec: NodeExec, step: StepResult): boolean {
    const { now } = step;
    if (exec.status !== 'INCOMPLETE') return false;
    const node = this.node(exec.nodeId);
    const readiness = resolveNodeInput({
      node,
      block: this.block(exec.blockId),
      inboundLinks: this.args.index.inbound(exec.nodeId),
      pins: applyMask(Object.fromEntries(exec.pins), this.args.masks[exec.nodeId]),
      defaultCredentials: this.args.defaultCredentials,
    });
    if (readiness.status === 'invalid') {
      exec.stats = { ...exec.stats, error: readiness.message };
      step.changes.push({ type: 'node.update', nodeExecId: exec.id, stats: exec.stats });
      step.touched.add(exec);
      return false;
    }
    if (readiness.status === 'waiting') return false;
    exec.status = 'QUEUED';
    exec.queuedTime = now;
    exec.executionData = readiness.data;
    if (exec.stats?.error) exec.stats = { ...exec.stats, error: null };
    step.changes.push({
      type: 'node.update',
      nodeExecId: exec.id,
      status: 'QUEUED',
      queuedTime: now,
      executionData: readiness.data,
      ...(exec.stats ? { stats: exec.stats } : {}),
    });
    step.touched.add(exec);
    step.queued.push(exec);
    return true;
  }

  /** The sink's latest execution that has started its life (queued or further), for static values. */
  private latestExec(nodeId: string): NodeExec | undefined {
    const candidates = (this.byNode.get(nodeId) ?? []).filter((exec) => latestStatuses.includes(exec.status));
    return candidates.sort((a, b) => {
      const qa = a.queuedTime ?? '';
      const qb = b.queuedTime ?? '';
      if (qa !== qb) return qa < qb ? 1 : -1;
      return b.seq - a.seq;
    })[0];
  }

  /** Fills pins of static inbound links that `exec` lacks from the sink's latest execution (step 5). */
  private fillStaticPins(exec: NodeExec, step: StepResult): void {
    const latest = this.latestExec(exec.nodeId);
    if (!latest) return;
    for (const link of this.args.index.inbound(exec.nodeId)) {
      if (!link.is_static || exec.pins.has(link.sink_name) || !latest.pins.has(link.sink_name)) continue;
      this.setPin(exec, { name: link.sink_name, value: latest.pins.get(link.sink_name) }, step);
    }
  }

  /**
   * Delivers one value along one link (internals §3.4 steps 3-9): it fills the oldest INCOMPLETE execution
   * of the sink lacking that pin, or a new one; static pins are filled from the latest execution; a static
   * link also releases every other INCOMPLETE execution that lacked its pin.
   */
  deliver(link: Link, value: unknown, step: StepResult): void {
    const execs = this.byNode.get(link.sink_id) ?? [];
    const target =
      execs.find((exec) => exec.status === 'INCOMPLETE' && !exec.pins.has(link.sink_name)) ??
      this.createExec(link.sink_id, step);
    this.setPin(target, { name: link.sink_name, value }, step);
    this.fillStaticPins(target, step);
    this.tryQueue(target, step);
    if (!link.is_static) return;
    for (const exec of this.byNode.get(link.sink_id) ?? []) {
      if (exec === target || exec.status !== 'INCOMPLETE' || exec.pins.has(link.sink_name)) continue;
      this.setPin(exec, { name: link.sink_name, value }, step);
      this.tryQueue(exec, step);
    }
  }
}
