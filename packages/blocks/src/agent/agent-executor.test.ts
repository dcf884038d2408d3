import { runBlock } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { agentExecutorBlock } from './agent-executor';
import { childGraphNode, finishedEvent, scriptedAgents } from './agent-executor-fixtures';

const hooks = agentExecutorBlock.dynamic;
if (!hooks) throw new Error('AgentExecutorBlock must declare dynamic pins');

describe('AgentExecutorBlock dynamic pins', () => {
  it('merges links over the constant child inputs kept under `inputs`', () => {
    expect(hooks.inputDefaults?.({ ...childGraphNode, inputs: { topic: 'saved' } })).toEqual({
      topic: 'saved',
    });
    expect(hooks.inputDefaults?.({ graph_id: 'g' })).toEqual({});
  });

  it("names the child's required inputs that are absent or null", () => {
    expect(hooks.missingInput?.({ count: 1 }, childGraphNode)).toEqual(['topic']);
    expect(hooks.missingInput?.({ topic: null }, childGraphNode)).toEqual(['topic']);
    expect(hooks.missingInput?.({ topic: 'AI' }, childGraphNode)).toEqual([]);
  });

  it("checks the child's input types after lenient conversion", () => {
    expect(hooks.mismatchError?.({ topic: 'AI', count: '3' }, childGraphNode)).toBeUndefined();
    expect(hooks.mismatchError?.({ topic: 'AI', count: 'three' }, childGraphNode)).toBe(
      "Sub-agent input 'count' must be of type integer, got string",
    );
    expect(
      hooks.mismatchError?.(
        { topic: ['a', 'b'] },
        { ...childGraphNode, input_schema: { properties: { topic: { enum: ['x'] } } } },
      ),
    ).toBe('Sub-agent input \'topic\' must be one of ["x"]');
  });

  it('builds the block input around the child inputs', () => {
    expect(hooks.buildInput?.({ topic: 'AI', count: '2' }, childGraphNode)).toEqual({
      ...childGraphNode,
      inputs: { topic: 'AI', count: 2 },
    });
  });

  it("exposes the child's input and output names as pins", () => {
    expect(hooks.inputPins?.(childGraphNode)).toEqual(['topic', 'count']);
    expect(hooks.outputPins?.(childGraphNode)).toEqual(['summary', 'request']);
    expect(hooks.outputPins?.({})).toEqual([]);
  });
});

describe('AgentExecutorBlock run', () => {
  it("adds the child's cost and node count to the node's stats", async () => {
    const result = await runBlock(
      agentExecutorBlock,
      { topic: 'AI' },
      { inputDefault: childGraphNode, context: { agents: scriptedAgents([finishedEvent()]) } },
    );
    expect(result.error).toBeUndefined();
    expect(result.stats).toEqual({ extra_cost: 3, extra_steps: 4 });
  });

  it("passes the run's abort signal to the child", async () => {
    const controller = new AbortController();
    let received: AbortSignal | undefined;
    const agents = {
      async *run(_request: unknown, signal: AbortSignal) {
        received = signal;
        yield finishedEvent();
      },
    };
    await runBlock(
      agentExecutorBlock,
      { topic: 'AI' },
      { inputDefault: childGraphNode, context: { agents, signal: controller.signal } },
    );
    expect(received).toBe(controller.signal);
  });

  it('has no wall-clock cap and no error pin', () => {
    expect(agentExecutorBlock.timeoutSeconds).toBeNull();
    expect(agentExecutorBlock.hasErrorPin).toBe(false);
  });
});
