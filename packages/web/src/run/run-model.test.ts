import { describe, expect, it } from 'vitest';
import {
  builderRunPath,
  foldNodeExecution,
  formatCost,
  mergeRun,
  runDurationSeconds,
  sortByStart,
  timelineBar,
  timelineSpan,
  type NodeExecution,
  type RunDetails,
} from './run-model';

const T0 = Date.parse('2026-01-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

function node(id: string, changes: Partial<NodeExecution> = {}): NodeExecution {
  return {
    user_id: 'u',
    graph_id: 'g',
    graph_version: 1,
    graph_exec_id: 'run',
    node_exec_id: id,
    node_id: `node-${id}`,
    block_id: 'block',
    status: 'QUEUED',
    input_data: {},
    output_data: {},
    add_time: at(0),
    queue_time: at(0),
    start_time: null,
    end_time: null,
    ...changes,
  };
}

function run(changes: Partial<RunDetails> = {}): RunDetails {
  return {
    id: 'run',
    user_id: 'u',
    graph_id: 'g',
    graph_version: 3,
    inputs: {},
    credential_inputs: {},
    nodes_input_masks: null,
    preset_id: null,
    status: 'RUNNING',
    started_at: at(0),
    ended_at: null,
    stats: null,
    is_shared: false,
    share_token: null,
    is_dry_run: false,
    outputs: {},
    node_executions: [],
    ...changes,
  };
}

describe('folding node executions', () => {
  it('adds new executions and updates known ones by node_exec_id', () => {
    let list = foldNodeExecution([], node('a'));
    list = foldNodeExecution(list, node('b'));
    list = foldNodeExecution(list, node('a', { status: 'RUNNING', start_time: at(5) }));
    expect(list.map((item) => [item.node_exec_id, item.status])).toEqual([
      ['a', 'RUNNING'],
      ['b', 'QUEUED'],
    ]);
  });

  it('never moves a status back from a final one, nor RUNNING back to QUEUED', () => {
    const done = [node('a', { status: 'COMPLETED', end_time: at(9), output_data: { result: [1] } })];
    expect(foldNodeExecution(done, node('a', { status: 'RUNNING' }))).toBe(done);
    const running = [node('a', { status: 'RUNNING' })];
    expect(foldNodeExecution(running, node('a', { status: 'QUEUED' }))).toBe(running);
  });

  it('keeps times and inputs an update leaves out', () => {
    const list = [node('a', { status: 'RUNNING', start_time: at(5), input_data: { x: 1 } })];
    const [merged] = foldNodeExecution(list, node('a', { status: 'COMPLETED', end_time: at(8) }));
    expect(merged).toMatchObject({
      status: 'COMPLETED',
      start_time: at(5),
      end_time: at(8),
      input_data: { x: 1 },
    });
  });
});

describe('merging a refetch or a graph event into a run', () => {
  it('does not let an older answer undo a final status or newer nodes', () => {
    const current = run({
      status: 'COMPLETED',
      ended_at: at(100),
      node_executions: [node('a', { status: 'COMPLETED' })],
    });
    const stale = run({ status: 'RUNNING', node_executions: [node('a', { status: 'RUNNING' }), node('b')] });
    const merged = mergeRun(current, stale);
    expect(merged.status).toBe('COMPLETED');
    expect(merged.node_executions?.map((item) => [item.node_exec_id, item.status])).toEqual([
      ['a', 'COMPLETED'],
      ['b', 'QUEUED'],
    ]);
  });

  it('takes a graph event without nodes and keeps the node list', () => {
    const current = run({ node_executions: [node('a')] });
    const merged = mergeRun(current, {
      ...run({ status: 'COMPLETED', outputs: { out: [1] } }),
      node_executions: undefined,
    });
    expect(merged).toMatchObject({ status: 'COMPLETED', outputs: { out: [1] } });
    expect(merged.node_executions).toHaveLength(1);
  });
});

describe('durations, costs and paths', () => {
  it('measures a finished run by its times and a running one up to now', () => {
    expect(runDurationSeconds(run({ status: 'COMPLETED', ended_at: at(2500) }), T0)).toBe(2.5);
    expect(runDurationSeconds(run({ status: 'RUNNING' }), T0 + 4000)).toBe(4);
    expect(runDurationSeconds(run({ status: 'QUEUED', started_at: null }), T0)).toBeUndefined();
  });

  it('shows cost in credits, or a dash without stats', () => {
    expect(formatCost(null)).toBe('—');
    const stats = {
      cost: 12,
      duration: 1,
      duration_cpu_only: 1,
      node_exec_time: 1,
      node_exec_time_cpu_only: 1,
      node_exec_count: 3,
      node_error_count: 0,
      error: null,
      activity_status: null,
      correctness_score: null,
    };
    expect(formatCost(stats)).toBe('12 credits');
    expect(formatCost({ ...stats, cost: 1 })).toBe('1 credit');
  });

  it('links the builder to the run', () => {
    expect(builderRunPath(run())).toBe('/build?flowID=g&flowVersion=3&execID=run');
  });
});

describe('the timeline', () => {
  it('orders executions by start and places bars within the run', () => {
    const late = node('late', { status: 'COMPLETED', start_time: at(500), end_time: at(1000) });
    const early = node('early', { status: 'COMPLETED', start_time: at(0), end_time: at(250) });
    const finished = run({ status: 'COMPLETED', ended_at: at(1000) });
    const ordered = sortByStart([late, early]);
    expect(ordered.map((item) => item.node_exec_id)).toEqual(['early', 'late']);
    const span = timelineSpan(finished, ordered, T0 + 99_999);
    expect(span).toEqual({ start: T0, end: T0 + 1000 });
    expect(timelineBar(early, span!, T0)).toEqual({ offset: 0, width: 25, seconds: 0.25 });
    expect(timelineBar(late, span!, T0)).toEqual({ offset: 50, width: 50, seconds: 0.5 });
  });

  it('stretches a running node to now and keeps a queued one visible', () => {
    const running = node('r', { status: 'RUNNING', start_time: at(0) });
    const queued = node('q', { queue_time: at(1000) });
    const span = timelineSpan(run(), [running, queued], T0 + 2000);
    expect(timelineBar(running, span!, T0 + 2000)).toEqual({ offset: 0, width: 100, seconds: 2 });
    const bar = timelineBar(queued, span!, T0 + 2000);
    expect(bar.offset).toBe(50);
    expect(bar.width).toBeGreaterThan(0);
    expect(bar.seconds).toBeUndefined();
  });

  it('runs a node stopped with its run (no end time) until the run ended', () => {
    const stopped = node('s', { status: 'TERMINATED', start_time: at(200) });
    const span = timelineSpan(run({ status: 'TERMINATED', ended_at: at(1000) }), [stopped], T0 + 5000);
    expect(timelineBar(stopped, span!, T0 + 5000)).toEqual({ offset: 20, width: 80, seconds: 0.8 });
  });
});
