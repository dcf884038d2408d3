import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBlockRegistry, defineBlock } from '@blockloom/sdk';
import { createGraphIndex, type Graph } from '@blockloom/graph';
import { toolTargets } from './tools';

const search = defineBlock({
  id: '70010000-0000-4000-8000-000000000001',
  name: 'SearchBlock',
  description: 'Searches.',
  categories: ['SEARCH'],
  input: z.object({ query: z.string(), limit: z.number().default(5) }),
  output: { results: z.string() },
  tests: [],
  async *run() {},
});
const caller = defineBlock({
  id: '70010000-0000-4000-8000-000000000002',
  name: 'CallerBlock',
  description: 'Calls tools.',
  categories: ['AI'],
  input: z.object({}),
  output: { tools: z.unknown() },
  tests: [],
  async *run() {},
});
const registry = createBlockRegistry([search, caller]);
const link = (sink: string, sinkName: string) => ({
  id: `${sink}-${sinkName}`,
  source_id: 'caller',
  sink_id: sink,
  source_name: 'tools',
  sink_name: sinkName,
  is_static: false,
});
const graph: Graph = {
  id: 'g',
  version: 1,
  is_active: true,
  name: 'g',
  description: '',
  instructions: null,
  recommended_schedule_cron: null,
  forked_from_id: null,
  forked_from_version: null,
  nodes: [
    { id: 'caller', block_id: caller.id, input_default: {}, metadata: {} },
    { id: 's1', block_id: search.id, input_default: {}, metadata: {} },
    { id: 's2', block_id: search.id, input_default: {}, metadata: { customized_name: 'Web search!' } },
    { id: 's3', block_id: search.id, input_default: {}, metadata: {} },
  ],
  links: [link('s1', 'query'), link('s1', 'limit'), link('s2', 'query'), link('s3', 'query')],
};

describe('toolTargets', () => {
  it('makes one tool per linked node, with the linked fields typed from its schema and unique names', () => {
    const targets = toolTargets(createGraphIndex(graph), registry, 'caller');
    expect(targets.map((t) => [t.nodeId, t.name, t.fields])).toEqual([
      ['s1', 'SearchBlock', ['query', 'limit']],
      ['s2', 'Web_search', ['query']],
      ['s3', 'SearchBlock_2', ['query']],
    ]);
    expect(targets[0]?.parameters).toMatchObject({
      type: 'object',
      properties: { query: { type: 'string' }, limit: { type: 'number' } },
      required: ['query'],
    });
    expect(targets[0]?.description).toBe('Searches.');
  });

  it('is empty for a node without tool links', () => {
    expect(toolTargets(createGraphIndex(graph), registry, 's1')).toEqual([]);
  });
});
