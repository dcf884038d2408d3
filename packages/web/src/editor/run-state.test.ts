import { describe, expect, it } from 'vitest';
import {
  MAX_VALUES_PER_PIN,
  applyGraphEvent,
  applyNodeEvent,
  canMoveTo,
  createRunState,
  fromExecutionResult,
  previewValue,
  type NodeExecutionEventLike,
} from './run-state';

const event = (overrides: Partial<NodeExecutionEventLike> & { status: string }): NodeExecutionEventLike => ({
  node_exec_id: 'e1',
  node_id: 'calc',
  block_id: 'b1ab9b19-67a6-406d-abf5-2dba76d00c79',
  graph_exec_id: 'run-1',
  input_data: {},
  output_data: {},
  add_time: '2026-01-01T00:00:00.000Z',
  queue_time: null,
  start_time: null,
  end_time: null,
  ...overrides,
});

const fold = (events: NodeExecutionEventLike[]) => events.reduce(applyNodeEvent, createRunState('run-1'));

describe('applyNodeEvent', () => {
  it('follows a node through QUEUED, RUNNING and COMPLETED', () => {
    const state = fold([
      event({ status: 'QUEUED', input_data: { a: 1, b: 2, operation: 'Add' } }),
      event({ status: 'RUNNING', start_time: '2026-01-01T00:00:01.000Z' }),
      event({ status: 'COMPLETED', output_data: { result: [3] }, end_time: '2026-01-01T00:00:02.000Z' }),
    ]);
    expect(state.nodes.calc).toEqual({
      status: 'COMPLETED',
      lastExecId: 'e1',
      executions: 1,
      inputs: { a: 1, b: 2, operation: 'Add' },
      outputs: { result: [3] },
      startedAt: '2026-01-01T00:00:01.000Z',
      endedAt: '2026-01-01T00:00:02.000Z',
    });
  });

  it('never moves a status backwards: late QUEUED after RUNNING, anything after a final status', () => {
    const running = fold([event({ status: 'RUNNING' }), event({ status: 'QUEUED' })]);
    expect(running.nodes.calc?.status).toBe('RUNNING');
    const done = fold([
      event({ status: 'COMPLETED', output_data: { result: [3] } }),
      event({ status: 'RUNNING' }),
      event({ status: 'QUEUED' }),
      event({ status: 'FAILED', output_data: { error: ['late'] } }),
    ]);
    expect(done.nodes.calc?.status).toBe('COMPLETED');
    expect(done.nodes.calc?.outputs).toEqual({ result: [3] });
    expect(done.nodes.calc?.error).toBeUndefined();
    // A final status arriving before RUNNING (a lost event) still applies.
    expect(fold([event({ status: 'QUEUED' }), event({ status: 'FAILED' })]).nodes.calc?.status).toBe(
      'FAILED',
    );
  });

  it('returns the same state for ignored events', () => {
    const state = fold([event({ status: 'COMPLETED' })]);
    expect(applyNodeEvent(state, event({ status: 'RUNNING' }))).toBe(state);
    expect(applyNodeEvent(state, event({ status: 'BOGUS' }))).toBe(state);
    expect(
      applyNodeEvent(state, event({ status: 'RUNNING', node_exec_id: 'x', graph_exec_id: 'run-2' })),
    ).toBe(state);
  });

  it('shows the error output of a failed execution', () => {
    const state = fold([
      event({ status: 'RUNNING' }),
      event({ status: 'FAILED', output_data: { error: ['Division by zero'] } }),
    ]);
    expect(state.nodes.calc).toMatchObject({ status: 'FAILED', error: 'Division by zero' });
  });

  it('merges outputs across executions of one node, capped per pin', () => {
    const events: NodeExecutionEventLike[] = [];
    for (let i = 0; i < 25; i++) {
      const id = `e${String(i).padStart(2, '0')}`;
      events.push(
        event({
          node_exec_id: id,
          status: 'RUNNING',
          add_time: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`,
        }),
      );
      events.push(
        event({
          node_exec_id: id,
          status: 'COMPLETED',
          output_data: { result: [i] },
          add_time: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`,
        }),
      );
    }
    const state = fold(events);
    const node = state.nodes.calc;
    expect(node?.executions).toBe(25);
    expect(node?.lastExecId).toBe('e24');
    expect(node?.outputs.result).toHaveLength(MAX_VALUES_PER_PIN);
    expect(node?.outputs.result?.[0]).toBe(5);
    expect(node?.outputs.result?.at(-1)).toBe(24);
  });

  it('shows a node as running while any of its executions runs, and keeps execution order by add_time', () => {
    const state = fold([
      event({
        node_exec_id: 'late',
        status: 'COMPLETED',
        add_time: '2026-01-01T00:00:05Z',
        output_data: { result: ['second'] },
      }),
      event({
        node_exec_id: 'early',
        status: 'RUNNING',
        add_time: '2026-01-01T00:00:01Z',
        output_data: { result: ['first'] },
      }),
    ]);
    expect(state.nodes.calc?.status).toBe('RUNNING');
    expect(state.nodes.calc?.outputs.result).toEqual(['first', 'second']);
    expect(state.nodes.calc?.lastExecId).toBe('late');
    expect(state.nodes.calc?.endedAt).toBeUndefined();
  });

  it('allows REVIEW to resume to RUNNING (human approval)', () => {
    expect(canMoveTo('RUNNING', 'REVIEW')).toBe(true);
    expect(canMoveTo('REVIEW', 'RUNNING')).toBe(true);
    expect(canMoveTo('RUNNING', 'INCOMPLETE')).toBe(false);
    expect(canMoveTo('TERMINATED', 'QUEUED')).toBe(false);
  });
});

describe('applyGraphEvent / fromExecutionResult', () => {
  const graphEvent = {
    id: 'run-1',
    status: 'COMPLETED',
    started_at: 's',
    ended_at: 'e',
    stats: { error: null },
    outputs: { Output: [35] },
  };

  it('folds the run status, outputs and error', () => {
    let state = applyGraphEvent(createRunState(), { id: 'run-1', status: 'RUNNING', started_at: 's' });
    expect(state).toMatchObject({ graphExecId: 'run-1', status: 'RUNNING', startedAt: 's' });
    state = applyGraphEvent(state, graphEvent);
    expect(state).toMatchObject({ status: 'COMPLETED', endedAt: 'e', outputs: { Output: [35] } });
    expect(applyGraphEvent(state, { id: 'run-1', status: 'RUNNING' })).toBe(state);
    expect(applyGraphEvent(state, { id: 'run-2', status: 'FAILED' })).toBe(state);
    const failed = applyGraphEvent(createRunState('r'), {
      id: 'r',
      status: 'FAILED',
      stats: { error: 'Boom' },
    });
    expect(failed.error).toBe('Boom');
  });

  it('builds the same node state from a finished run as the event fold', () => {
    const results = [
      event({ node_exec_id: 'a', node_id: 'in', status: 'COMPLETED', output_data: { result: [34] } }),
      event({
        node_exec_id: 'b',
        status: 'COMPLETED',
        input_data: { a: 34, b: 1 },
        output_data: { result: [35] },
      }),
    ];
    const state = fromExecutionResult(results, graphEvent);
    expect(state.nodes).toEqual(fold(results).nodes);
    expect(state.status).toBe('COMPLETED');
    expect(state.nodes.calc?.outputs).toEqual({ result: [35] });
  });
});

describe('previewValue', () => {
  it('makes a short one-line preview', () => {
    expect(previewValue('hello\n  world')).toBe('hello world');
    expect(previewValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(previewValue({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(previewValue(null)).toBe('null');
    expect(previewValue(undefined)).toBe('');
    expect(previewValue(3.5)).toBe('3.5');
    expect(previewValue(`data:image/png;base64,${'A'.repeat(4096)}`)).toBe('[image/png, 3.0 KB]');
    expect(previewValue('😀😀😀', 2)).toBe('😀…');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(previewValue(cyclic)).toBe('[object Object]');
  });
});
