import type { StoredGraph } from '@blockloom/graph';
import { EngineError } from '../errors';
import { toJsonValue } from '../json';
import { systemClock, type Clock } from '../ports/clock';
import type {
  BlockValueKey,
  GraphExecutionPatch,
  GraphExecutionRecord,
  NewNodeExecution,
  NodeExecutionRecord,
  RunChange,
  Store,
} from '../ports/store';

/**
 * The store port in memory, for tests and single-shot runs. It behaves like the SQL adapter down to the
 * details the contract suite checks: values go in as JSON (a deep copy; `undefined` becomes null) and come
 * out as fresh copies, so no caller can reach into stored state; `commit` stages the whole batch on copies
 * and swaps them in only when every change applied, so a bad change leaves nothing behind.
 */

interface RunEntry {
  record: GraphExecutionRecord;
  /** Ids of the run's node executions, and their `seq`s, which are unique within a run. */
  execIds: string[];
  seqs: Set<number>;
}

/** Values enter as JSON would store them (json.ts): a deep copy with `undefined` as null. */
const copyIn = <T>(value: T): T => toJsonValue(value) as T;
/** Stored values are plain JSON, so a structured clone is an exact copy. */
const copyOut = <T>(value: T): T => structuredClone(value);

const notFound = (what: string) => new EngineError('NOT_FOUND', `${what} not found`);
const conflict = (what: string) => new EngineError('CONFLICT', `${what} already exists`);

/** Newest first; the id breaks ties so pages are stable (the SQL adapter orders the same way). */
function newestFirst(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function newNodeRecord(graphExecId: string, exec: NewNodeExecution): NodeExecutionRecord {
  const names = new Set(exec.inputs.map((pin) => pin.name));
  if (names.size < exec.inputs.length) throw conflict(`An input name of ${exec.id}`);
  const { id, nodeId, blockId, seq, status, addedTime, queuedTime } = exec;
  return {
    id,
    graphExecId,
    nodeId,
    blockId,
    seq,
    status,
    addedTime,
    queuedTime,
    executionData: copyIn(exec.executionData),
    startedTime: null,
    endedTime: null,
    stats: null,
    // Pin by pin: a whole-object copy would drop a pin whose value is undefined instead of storing null.
    inputs: exec.inputs.map(({ name, value }) => ({ name, value: copyIn(value) })),
    outputs: [],
  };
}

/** Applies the fields a patch sets; absent (undefined) fields keep their value. */
function applyRunPatch(record: GraphExecutionRecord, patch: GraphExecutionPatch): void {
  if (patch.status !== undefined) record.status = patch.status;
  if (patch.startedAt !== undefined) record.startedAt = patch.startedAt;
  if (patch.endedAt !== undefined) record.endedAt = patch.endedAt;
  if (patch.stats !== undefined) record.stats = copyIn(patch.stats);
  if (patch.isDeleted !== undefined) record.isDeleted = patch.isDeleted;
}

const isEmpty = (patch: GraphExecutionPatch) => Object.values(patch).every((value) => value === undefined);

export function createMemoryStore(options: { clock?: Clock } = {}): Store {
  const clock = options.clock ?? systemClock;
  const graphs = new Map<string, Map<number, StoredGraph>>();
  const runs = new Map<string, RunEntry>();
  const nodeExecs = new Map<string, NodeExecutionRecord>();
  const blockValues = new Map<string, unknown>();
  const blockValueKey = (at: BlockValueKey) => JSON.stringify([at.userId, at.namespace, at.key]);

  function versionsOf(id: string, userId: string | undefined): StoredGraph[] {
    return [...(graphs.get(id)?.values() ?? [])]
      .filter((graph) => userId === undefined || graph.user_id === userId)
      .sort((a, b) => b.version - a.version);
  }

  /**
   * Stages `changes` on copies of what they touch and returns how to apply them; throws, having changed
   * nothing, at the first invalid change.
   */
  function stage(entry: RunEntry, changes: readonly RunChange[], now: string): () => void {
    const runId = entry.record.id;
    const record = structuredClone(entry.record);
    const touched = new Map<string, NodeExecutionRecord>();
    const created: NodeExecutionRecord[] = [];
    const exec = (id: string): NodeExecutionRecord => {
      let found = touched.get(id);
      if (found) return found;
      const stored = nodeExecs.get(id);
      if (!stored || stored.graphExecId !== runId) throw notFound(`Node execution ${id} of run ${runId}`);
      found = structuredClone(stored);
      touched.set(id, found);
      return found;
    };
    for (const change of changes) {
      switch (change.type) {
        case 'node.create': {
          const fresh = newNodeRecord(runId, change.nodeExecution);
          if (nodeExecs.has(fresh.id) || touched.has(fresh.id)) throw conflict(`Node execution ${fresh.id}`);
          if (entry.seqs.has(fresh.seq) || created.some((other) => other.seq === fresh.seq)) {
            throw conflict(`Seq ${fresh.seq} in run ${runId}`);
          }
          touched.set(fresh.id, fresh);
          created.push(fresh);
          break;
        }
        case 'node.input': {
          const target = exec(change.nodeExecId);
          if (target.inputs.some((pin) => pin.name === change.name)) {
            throw conflict(`Input "${change.name}" of ${change.nodeExecId}`);
          }
          target.inputs.push({ name: change.name, value: copyIn(change.value) });
          break;
        }
        case 'node.output':
          exec(change.nodeExecId).outputs.push({
            name: change.name,
            value: copyIn(change.value),
            time: change.time,
          });
          break;
        case 'node.update': {
          const target = exec(change.nodeExecId);
          if (change.status !== undefined) target.status = change.status;
          if (change.executionData !== undefined) target.executionData = copyIn(change.executionData);
          if (change.queuedTime !== undefined) target.queuedTime = change.queuedTime;
          if (change.startedTime !== undefined) target.startedTime = change.startedTime;
          if (change.endedTime !== undefined) target.endedTime = change.endedTime;
          if (change.stats !== undefined) target.stats = copyIn(change.stats);
          break;
        }
        case 'graph.update':
          applyRunPatch(record, change);
          break;
      }
    }
    record.updatedAt = now;
    return () => {
      for (const [id, touchedExec] of touched) nodeExecs.set(id, touchedExec);
      for (const { id, seq } of created) {
        entry.execIds.push(id);
        entry.seqs.add(seq);
      }
      entry.record = record;
    };
  }

  return {
    async getBlockValue(at) {
      const key = blockValueKey(at);
      return blockValues.has(key) ? copyOut(blockValues.get(key)) : undefined;
    },

    async setBlockValue(at, value) {
      blockValues.set(blockValueKey(at), copyIn(value));
    },

    async createGraph(graph) {
      const versions = graphs.get(graph.id) ?? new Map<number, StoredGraph>();
      if (versions.has(graph.version)) throw conflict(`Graph ${graph.id} version ${graph.version}`);
      versions.set(graph.version, copyIn(graph));
      graphs.set(graph.id, versions);
    },

    async getGraph(id, options = {}) {
      const versions = versionsOf(id, options.userId);
      const found =
        options.version === undefined
          ? versions[0]
          : versions.find((graph) => graph.version === options.version);
      return found && copyOut(found);
    },

    async listGraphVersions(id, options = {}) {
      return versionsOf(id, options.userId).map(copyOut);
    },

    async listGraphs(userId) {
      const active: StoredGraph[] = [];
      for (const id of graphs.keys()) {
        // Highest first, so if an older version was left active too, the newer one is the one listed.
        const found = versionsOf(id, userId).find((graph) => graph.is_active);
        if (found) active.push(found);
      }
      return active
        .sort((a, b) =>
          newestFirst({ createdAt: a.created_at, id: a.id }, { createdAt: b.created_at, id: b.id }),
        )
        .map(copyOut);
    },

    async setActiveGraphVersion(id, version) {
      const versions = graphs.get(id);
      if (!versions?.has(version)) return false;
      for (const graph of versions.values()) graph.is_active = graph.version === version;
      return true;
    },

    async deleteGraph(id) {
      const count = graphs.get(id)?.size ?? 0;
      graphs.delete(id);
      return count;
    },

    async createGraphExecution(execution) {
      if (runs.has(execution.id)) throw conflict(`Graph execution ${execution.id}`);
      const record: GraphExecutionRecord = copyIn({
        id: execution.id,
        graphId: execution.graphId,
        graphVersion: execution.graphVersion,
        userId: execution.userId,
        status: 'INCOMPLETE',
        createdAt: execution.createdAt,
        updatedAt: execution.createdAt,
        startedAt: null,
        endedAt: null,
        inputs: execution.inputs,
        credentialInputs: execution.credentialInputs,
        nodesInputMasks: execution.nodesInputMasks,
        stats: execution.stats,
        parentGraphExecutionId: execution.parentGraphExecutionId,
        presetId: execution.presetId,
        isDeleted: false,
      });
      // Staging the starting executions as one batch on an empty run checks them all before anything is stored.
      const entry: RunEntry = { record, execIds: [], seqs: new Set() };
      const changes = execution.nodeExecutions.map((nodeExecution) => ({
        type: 'node.create' as const,
        nodeExecution,
      }));
      stage(entry, changes, execution.createdAt)();
      runs.set(execution.id, entry);
      return copyOut(entry.record);
    },

    async getGraphExecution(id) {
      const entry = runs.get(id);
      return entry && copyOut(entry.record);
    },

    async listGraphExecutions(query) {
      const matches = [...runs.values()]
        .map((entry) => entry.record)
        .filter(
          (record) =>
            (query.includeDeleted === true || !record.isDeleted) &&
            (query.userId === undefined || record.userId === query.userId) &&
            (query.graphId === undefined || record.graphId === query.graphId) &&
            (query.statuses === undefined || query.statuses.includes(record.status)) &&
            (query.parentGraphExecutionId === undefined ||
              record.parentGraphExecutionId === query.parentGraphExecutionId),
        )
        .sort(newestFirst);
      const offset = query.offset ?? 0;
      const end = query.limit === undefined ? undefined : offset + query.limit;
      return { items: matches.slice(offset, end).map(copyOut), total: matches.length };
    },

    async updateGraphExecution(id, patch, onlyFrom) {
      const entry = runs.get(id);
      if (!entry) return undefined;
      const allowed = onlyFrom === undefined || onlyFrom.includes(entry.record.status);
      if (allowed && !isEmpty(patch)) {
        const record = structuredClone(entry.record);
        applyRunPatch(record, patch);
        record.updatedAt = clock.now().toISOString();
        entry.record = record;
      }
      return copyOut(entry.record);
    },

    async commit(graphExecId, changes, now) {
      const entry = runs.get(graphExecId);
      if (!entry) throw notFound(`Graph execution ${graphExecId}`);
      stage(entry, changes, now)();
    },

    async listNodeExecutions(graphExecId) {
      const execIds = runs.get(graphExecId)?.execIds ?? [];
      return execIds
        .flatMap((id) => nodeExecs.get(id) ?? [])
        .sort((a, b) => a.seq - b.seq)
        .map(copyOut);
    },

    async getNodeExecution(id) {
      const found = nodeExecs.get(id);
      return found && copyOut(found);
    },

    async close() {
      graphs.clear();
      runs.clear();
      nodeExecs.clear();
    },
  };
}
