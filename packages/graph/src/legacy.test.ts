import { describe, expect, it } from 'vitest';
import { parseGraph } from './parse';

describe('legacy pins of the 2024 templates', () => {
  it('turns CombineTexts input1/input2 into list pins, in links and constants', () => {
    const parsed = parseGraph({
      nodes: [
        { id: 'src', block_id: '1ff065e9-88e8-4358-9d82-8dc91f622ba9' },
        { id: 'join', block_id: 'e30a4d42-7b7d-4e6a-b36e-1f9b8e3b7d85', input_default: { input2: ' said ' } },
        { id: 'other', block_id: '363ae599-353e-4804-937e-b2ee3cef3da4', input_default: { input1: 'kept' } },
      ],
      links: [
        { source_id: 'src', sink_id: 'join', source_name: 'output', sink_name: 'input1' },
        { source_id: 'src', sink_id: 'join', source_name: 'output', sink_name: 'input3' },
        { source_id: 'src', sink_id: 'other', source_name: 'output', sink_name: 'input1' },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.graph.links.map((link) => link.sink_name)).toEqual(['input_$_0', 'input_$_2', 'input1']);
    expect(parsed.graph.nodes[1]?.input_default).toEqual({ input_$_1: ' said ' });
    expect(parsed.graph.nodes[2]?.input_default).toEqual({ input1: 'kept' });
  });
});
