import { describe, expect, it } from 'vitest';
import { AGENT_EXECUTOR_BLOCK_ID, importGraph } from './import';
import { ids } from './test-blocks';
import { graphOf } from './test-graphs';

function counter() {
  let next = 0;
  return () => `new-${++next}`;
}

const child = graphOf([{ id: 'c1', block_id: ids.agentInput, input_default: { name: 'topic' } }], [], {
  id: 'child',
  version: 4,
});
const parent = graphOf(
  [
    {
      id: 'i',
      block_id: ids.agentInput,
      input_default: { name: 'In' },
      metadata: { position: { x: 1, y: 1 } },
    },
    {
      id: 'x',
      block_id: AGENT_EXECUTOR_BLOCK_ID,
      input_default: { user_id: 'someone-else', graph_id: 'child', graph_version: 4, inputs: { topic: 't' } },
    },
    { id: 'y', block_id: AGENT_EXECUTOR_BLOCK_ID, input_default: { graph_id: 'elsewhere', data: { a: 1 } } },
    { id: 'z', block_id: AGENT_EXECUTOR_BLOCK_ID, input_default: { graph_id: 'child', data: 'not inputs' } },
  ],
  [
    { source_id: 'i', sink_id: 'x', source_name: 'result', sink_name: 'topic', is_static: true },
    { source_id: 'ghost', sink_id: 'x', source_name: 'a', sink_name: 'b' },
  ],
  { id: 'parent', sub_graphs: [child] },
);
parent.nodes[0] = { ...parent.nodes[0]!, webhook_id: 'hook' };

describe('importGraph', () => {
  it('gives the root, sub-graphs, nodes and links new ids and remaps links', () => {
    const imported = importGraph(parent, { userId: 'me', newId: counter() });
    expect(imported.id).toBe('new-1');
    expect(imported.sub_graphs[0]?.id).toBe('new-2');
    expect(imported.nodes.map((node) => node.id)).toEqual(['new-3', 'new-4', 'new-5', 'new-6']);
    expect(imported.links).toEqual([
      {
        id: 'new-7',
        source_id: 'new-3',
        sink_id: 'new-4',
        source_name: 'result',
        sink_name: 'topic',
        is_static: true,
      },
      {
        id: 'new-8',
        source_id: 'ghost',
        sink_id: 'new-4',
        source_name: 'a',
        sink_name: 'b',
        is_static: false,
      },
    ]);
    expect(imported.sub_graphs[0]?.nodes[0]?.id).toBe('new-9');
    expect(imported.sub_graphs[0]?.version).toBe(4);
    expect(imported.nodes[0]).not.toHaveProperty('webhook_id');
    expect(imported.nodes[0]?.metadata).toEqual({ position: { x: 1, y: 1 } });
  });
  it('rewrites AgentExecutor nodes for the importing user', () => {
    const imported = importGraph(parent, { userId: 'me', newId: counter() });
    const [, x, y, z] = imported.nodes;
    expect(x?.input_default).toEqual({
      user_id: 'me',
      graph_id: 'new-2',
      graph_version: 4,
      inputs: { topic: 't' },
    });
    // A graph not bundled keeps its id; the v2025a `data` key becomes `inputs`.
    expect(y?.input_default).toEqual({ graph_id: 'elsewhere', user_id: 'me', inputs: { a: 1 } });
    // `data` that is not an object is no legacy `inputs`: it stays, and `inputs` starts empty.
    expect(z?.input_default).toEqual({ graph_id: 'new-2', data: 'not inputs', user_id: 'me', inputs: {} });
    expect(imported.nodes[0]?.input_default).toEqual({ name: 'In' });
  });
  it('keeps graph ids for a new version', () => {
    const imported = importGraph(parent, { userId: 'me', reassignGraphId: false, newId: counter() });
    expect(imported.id).toBe('parent');
    expect(imported.sub_graphs[0]?.id).toBe('child');
    expect(imported.nodes[1]?.input_default.graph_id).toBe('child');
    expect(imported.nodes[0]?.id).toBe('new-1');
  });
  it('uses random UUIDs by default and never changes its input', () => {
    const snapshot = structuredClone(parent);
    const imported = importGraph(parent, { userId: 'me' });
    expect(imported.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(
      new Set([imported.id, ...imported.nodes.map((node) => node.id), ...imported.links.map((l) => l.id)])
        .size,
    ).toBe(7);
    expect(parent).toEqual(snapshot);
    (imported.nodes[1]?.input_default.inputs as Record<string, unknown>).topic = 'changed';
    expect(parent.nodes[1]?.input_default.inputs).toEqual({ topic: 't' });
  });
});
