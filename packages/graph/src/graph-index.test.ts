import { describe, expect, it } from 'vitest';
import { createGraphIndex } from './graph-index';
import { ids } from './test-blocks';
import { graphOf } from './test-graphs';

const input = { id: 'i', block_id: ids.agentInput, input_default: { name: 'In' } };
const calc = { id: 'c', block_id: ids.calculator, input_default: { b: 1 } };

describe('createGraphIndex', () => {
  it('finds nodes and inbound and outbound links, dangling ones included', () => {
    const graph = graphOf(
      [input, calc],
      [
        { source_id: 'i', sink_id: 'c', source_name: 'result', sink_name: 'a' },
        { source_id: 'i', sink_id: 'c', source_name: 'result', sink_name: 'b' },
        { source_id: 'ghost', sink_id: 'c', source_name: 'x', sink_name: 'a' },
      ],
    );
    const index = createGraphIndex(graph);
    expect(index.node('c')?.block_id).toBe(ids.calculator);
    expect(index.nodes.size).toBe(2);
    expect(index.node('ghost')).toBeUndefined();
    expect(index.inbound('c').map((link) => link.id)).toEqual(['l1', 'l2', 'l3']);
    expect(index.outbound('i').map((link) => link.id)).toEqual(['l1', 'l2']);
    expect(index.outbound('ghost').map((link) => link.id)).toEqual(['l3']);
    expect(index.inbound('i')).toEqual([]);
  });
});
