import type { StoredGraph } from '@blockloom/graph';
import type {
  GraphExecutionRecord,
  NewGraphExecution,
  NewNodeExecution,
  NodeExecutionRecord,
  RunChange,
  Store,
} from '../../ports/store';

/** Shared data for the store contract: fixed ids, fixed times and values that trip naive storage. */

export const ALICE = 'user-alice';
export const BOB = 'user-bob';

/** Fixed instants a second apart: no test depends on the wall clock. */
export const at = (second: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, second)).toISOString();

/** JSON that trips naive storage: falsy values, empty containers, nesting, unicode, extreme numbers. */
export const tricky = {
  text: 'héllo wörld — 日本語 🚀',
  empty: '',
  zero: 0,
  negative: -12.5,
  tiny: 5e-324,
  huge: 1.7976931348623157e308,
  maxSafe: Number.MAX_SAFE_INTEGER,
  no: false,
  yes: true,
  nothing: null,
  list: [1, 'two', null, false, { three: [3, []] }],
  emptyList: [],
  emptyObject: {},
  nested: { a: { b: { c: [[], {}, ''] } } },
  'key with spaces / ünïcode': 'it\'s "quoted" \\ and\nmultiline',
  control: 'nul \u0000 tab \t lone surrogate \ud800',
  injection: "'); drop table graphs; --",
};
export const trickyValues: unknown[] = [
  null,
  false,
  0,
  '',
  [],
  {},
  [null, [0, ['']]],
  { a: { b: null } },
  '🚀',
  -0.5,
  tricky,
];

export function graph(overrides: Partial<StoredGraph> = {}): StoredGraph {
  return {
    id: 'graph-1',
    version: 1,
    is_active: true,
    name: 'Greeter ✨',
    description: 'Says hello — in every language',
    instructions: null,
    recommended_schedule_cron: null,
    forked_from_id: null,
    forked_from_version: null,
    user_id: ALICE,
    created_at: at(0),
    // Ids deliberately out of order: the store keeps the list order, it does not sort.
    nodes: [
      {
        id: 'node-c',
        block_id: 'block-in',
        input_default: { name: 'greeting', value: tricky },
        metadata: { position: { x: 10.5, y: -3 } },
      },
      { id: 'node-a', block_id: 'block-text', input_default: {}, metadata: {}, webhook_id: 'hook-1' },
      {
        id: 'node-b',
        block_id: 'block-out',
        input_default: { name: 'result' },
        metadata: { customized_name: 'Ünïcode' },
      },
    ],
    links: [
      {
        id: 'link-2',
        source_id: 'node-c',
        sink_id: 'node-a',
        source_name: 'result',
        sink_name: 'text',
        is_static: true,
      },
      {
        id: 'link-1',
        source_id: 'node-a',
        sink_id: 'node-b',
        source_name: 'output',
        sink_name: 'value',
        is_static: false,
      },
    ],
    ...overrides,
  };
}

export function nodeExec(overrides: Partial<NewNodeExecution> = {}): NewNodeExecution {
  return {
    id: 'exec-1',
    nodeId: 'node-c',
    blockId: 'block-in',
    seq: 1,
    status: 'QUEUED',
    addedTime: at(10),
    queuedTime: at(10),
    executionData: { name: 'greeting', value: tricky },
    // Not in name order: inputs keep arrival order.
    inputs: [
      { name: 'value', value: tricky },
      { name: 'name', value: 'greeting' },
    ],
    ...overrides,
  };
}

export function newRun(overrides: Partial<NewGraphExecution> = {}): NewGraphExecution {
  return {
    id: 'run-1',
    graphId: 'graph-1',
    graphVersion: 1,
    userId: ALICE,
    createdAt: at(10),
    inputs: { greeting: 'hi', nested: tricky },
    credentialInputs: { credentials: { id: 'cred-1', provider: 'openai', type: 'api_key', title: 'My key' } },
    nodesInputMasks: { 'node-a': { text: 'masked', deep: { list: [0, false, null] } } },
    parentGraphExecutionId: null,
    presetId: null,
    stats: null,
    nodeExecutions: [nodeExec()],
    ...overrides,
  };
}

/** What a run reads back as right after `createGraphExecution`. */
export function createdRecord(run: NewGraphExecution): GraphExecutionRecord {
  const { nodeExecutions: _nodeExecutions, ...rest } = run;
  return {
    ...rest,
    status: 'INCOMPLETE',
    updatedAt: run.createdAt,
    startedAt: null,
    endedAt: null,
    isDeleted: false,
  };
}

/** What a node execution reads back as right after it is created. */
export function createdExec(graphExecId: string, exec: NewNodeExecution): NodeExecutionRecord {
  return { ...exec, graphExecId, startedTime: null, endedTime: null, stats: null, outputs: [] };
}

export const isIsoTime = (value: string) => new Date(value).toISOString() === value;

/** Two runs: run-1 with exec-1 (seq 1), and run-2 with exec-other, for commits that must stay in their run. */
export async function seedTwoRuns(store: Store): Promise<void> {
  await store.createGraphExecution(newRun());
  await store.createGraphExecution(newRun({ id: 'run-2', nodeExecutions: [nodeExec({ id: 'exec-other' })] }));
}

/** An output of exec-1. */
export function output(value: unknown, name = 'result', time = at(12)): RunChange {
  return { type: 'node.output', nodeExecId: 'exec-1', name, value, time };
}

export async function readExec(store: Store, id = 'exec-1'): Promise<NodeExecutionRecord> {
  const found = await store.getNodeExecution(id);
  if (!found) throw new Error(`Node execution ${id} is missing`);
  return found;
}
