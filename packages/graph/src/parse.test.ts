import { describe, expect, it } from 'vitest';
import { graphIssueCodes } from './issues';
import { parseGraph, parseGraphJson, type ParseResult } from './parse';

function ok(result: ParseResult) {
  if (!result.ok) throw new Error(`expected a graph, got ${JSON.stringify(result.issues)}`);
  return result;
}
function issues(result: ParseResult) {
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

const link = (id: string, [source_id, sink_id]: [string, string], extra: Record<string, unknown> = {}) => ({
  id,
  source_id,
  sink_id,
  source_name: 'result',
  sink_name: 'a',
  is_static: false,
  ...extra,
});

describe('parseGraph: defaults and unknown fields', () => {
  it('fills missing graph and node fields with defaults', () => {
    const { graph, warnings } = ok(parseGraph({ id: 'g', nodes: [{ id: 'n', block_id: 'b' }] }));
    expect(graph).toEqual({
      id: 'g',
      version: 1,
      is_active: true,
      name: '',
      description: '',
      instructions: null,
      recommended_schedule_cron: null,
      forked_from_id: null,
      forked_from_version: null,
      nodes: [{ id: 'n', block_id: 'b', input_default: {}, metadata: {} }],
      links: [],
      sub_graphs: [],
    });
    expect(warnings).toEqual([]);
  });
  it('treats null as absent and keeps set values', () => {
    const { graph } = ok(
      parseGraph({
        id: 'g',
        version: 7,
        is_active: false,
        name: 'N',
        description: null,
        instructions: 'do it',
        recommended_schedule_cron: '0 * * * *',
        forked_from_id: 'f',
        forked_from_version: 2,
        nodes: [
          {
            id: 'n',
            block_id: 'b',
            input_default: null,
            metadata: { position: { x: 1, y: 2 } },
            webhook_id: 'w',
          },
        ],
      }),
    );
    expect(graph).toMatchObject({
      version: 7,
      is_active: false,
      name: 'N',
      description: '',
      instructions: 'do it',
    });
    expect(graph).toMatchObject({
      recommended_schedule_cron: '0 * * * *',
      forked_from_id: 'f',
      forked_from_version: 2,
    });
    expect(graph.nodes[0]).toEqual({
      id: 'n',
      block_id: 'b',
      input_default: {},
      metadata: { position: { x: 1, y: 2 } },
      webhook_id: 'w',
    });
  });
  it('ignores unknown and computed fields', () => {
    const { graph } = ok(
      parseGraph({
        id: 'g',
        is_template: false,
        subgraphs: {},
        executions: null,
        input_schema: { type: 'object' },
        credentials_input_schema: {},
        has_webhook_trigger: false,
        user_id: 'u',
        created_at: 'x',
        nodes: [{ id: 'n', block_id: 'b', graph_id: 'g', graph_version: 1, webhook: null, extra: 1 }],
      }),
    );
    expect(Object.keys(graph)).not.toContain('input_schema');
    expect(Object.keys(graph)).not.toContain('user_id');
    expect(Object.keys(graph.nodes[0] ?? {})).toEqual(['id', 'block_id', 'input_default', 'metadata']);
  });
  it('assigns an id to a graph without one, with a warning', () => {
    const { graph, warnings } = ok(parseGraph({ nodes: [] }));
    expect(graph.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(warnings).toMatchObject([{ code: 'generated_id', field: 'id' }]);
  });
  it('does not share objects with its input', () => {
    const input = { id: 'g', nodes: [{ id: 'n', block_id: 'b', input_default: { v: { deep: [1] } } }] };
    const { graph } = ok(parseGraph(input));
    (graph.nodes[0]?.input_default.v as { deep: number[] }).deep.push(2);
    expect(input.nodes[0]?.input_default.v.deep).toEqual([1]);
  });
});

describe('parseGraph: links', () => {
  const nodes = (links: { input?: unknown[]; output?: unknown[] }) => [
    { id: 'a', block_id: 'b', output_links: links.output ?? [] },
    { id: 'c', block_id: 'b', input_links: links.input ?? [] },
  ];
  it('takes the union of top-level and node links, de-duplicated, first seen kept', () => {
    const { graph } = ok(
      parseGraph({
        id: 'g',
        nodes: nodes({
          output: [link('l1-copy', ['a', 'c'], { is_static: true })],
          input: [link('l2', ['a', 'c'], { sink_name: 'b' })],
        }),
        links: [link('l1', ['a', 'c'])],
      }),
    );
    expect(graph.links.map((l) => [l.id, l.sink_name, l.is_static])).toEqual([
      ['l1', 'a', false],
      ['l2', 'b', false],
    ]);
  });
  it('reads 2024 templates: no node links, no is_static', () => {
    const { graph, warnings } = ok(
      parseGraph({
        id: 'g',
        nodes: nodes({}),
        links: [{ id: 'l', source_id: 'a', sink_id: 'c', source_name: 'x', sink_name: 'y' }],
      }),
    );
    expect(graph.links).toEqual([
      { id: 'l', source_id: 'a', sink_id: 'c', source_name: 'x', sink_name: 'y', is_static: false },
    ]);
    expect(warnings).toEqual([]);
  });
  it('assigns an id to a link without one, with a warning', () => {
    const { id: _id, ...anonymous } = link('x', ['a', 'c']);
    const { graph, warnings } = ok(parseGraph({ id: 'g', nodes: nodes({}), links: [anonymous] }));
    expect(graph.links[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(warnings).toMatchObject([{ graph_id: 'g', code: 'generated_id', field: 'links[0].id' }]);
  });
});

describe('parseGraph: structural issues', () => {
  it.each<[string, unknown, string[]]>([
    ['not an object', [1], ['(root)']],
    ['a number', 3, ['(root)']],
    ['nodes not a list', { id: 'g', nodes: {} }, ['nodes']],
    ['links not a list', { id: 'g', links: 'x' }, ['links']],
    ['node without id', { id: 'g', nodes: [{ block_id: 'b' }] }, ['nodes[0].id']],
    ['node without block_id', { id: 'g', nodes: [{ id: 'n', block_id: '' }] }, ['nodes[0].block_id']],
    ['node not an object', { id: 'g', nodes: [null] }, ['nodes[0]']],
    [
      'input_default not an object',
      { id: 'g', nodes: [{ id: 'n', block_id: 'b', input_default: [] }] },
      ['nodes[0].input_default'],
    ],
    [
      'link missing source_id and sink_name',
      { id: 'g', links: [{ id: 'l', sink_id: 'x', source_name: 'o' }] },
      ['links[0].source_id', 'links[0].sink_name'],
    ],
    [
      'link in a node with a bad is_static',
      {
        id: 'g',
        nodes: [{ id: 'n', block_id: 'b', input_links: [link('l', ['n', 'n'], { is_static: 'yes' })] }],
      },
      ['nodes[0].input_links[0].is_static'],
    ],
    ['version not an integer', { id: 'g', version: '2' }, ['version']],
    ['version zero', { id: 'g', version: 0 }, ['version']],
    ['name not a string', { id: 'g', name: 5 }, ['name']],
    ['sub_graphs not a list', { id: 'g', sub_graphs: {} }, ['sub_graphs']],
    [
      'broken sub-graph node',
      { id: 'g', sub_graphs: [{ id: 's', nodes: [{ id: 'n' }] }] },
      ['sub_graphs[0].nodes[0].block_id'],
    ],
  ])('%s', (_label, input, fields) => {
    const found = issues(parseGraph(input));
    expect(found.map((issue) => issue.field)).toEqual(fields);
    for (const issue of found) expect(graphIssueCodes).toContain(issue.code);
  });
  it('reports every problem, not the first one only', () => {
    const found = issues(parseGraph({ id: 'g', version: -1, nodes: [{ id: 'n' }, { block_id: 'b' }] }));
    expect(found).toHaveLength(3);
  });
  it('stamps the graph id on issues, sub-graphs included', () => {
    const found = issues(
      parseGraph({ id: 'g', nodes: [{ id: 'n' }], sub_graphs: [{ id: 's', nodes: [{ id: 'm' }] }] }),
    );
    expect(found.map((issue) => issue.graph_id)).toEqual(['g', 's']);
  });
  it('reports duplicate node ids', () => {
    const found = issues(
      parseGraph({
        id: 'g',
        nodes: [
          { id: 'n', block_id: 'b' },
          { id: 'n', block_id: 'c' },
        ],
      }),
    );
    expect(found).toEqual([
      {
        graph_id: 'g',
        node_id: 'n',
        field: 'nodes[1].id',
        message: 'Duplicate node id n',
        code: 'duplicate_id',
      },
    ]);
  });
});

describe('parseGraph: sub-graphs', () => {
  it('reads each sub-graph the same way, flat', () => {
    const { graph } = ok(
      parseGraph({
        id: 'g',
        sub_graphs: [
          { id: 's', version: 3, nodes: [{ id: 'n', block_id: 'b' }], sub_graphs: [{ id: 'ignored' }] },
        ],
      }),
    );
    expect(graph.sub_graphs).toHaveLength(1);
    expect(graph.sub_graphs[0]).toMatchObject({ id: 's', version: 3, nodes: [{ id: 'n' }] });
    expect(Object.keys(graph.sub_graphs[0] ?? {})).not.toContain('sub_graphs');
  });
});

describe('parseGraphJson', () => {
  it('parses JSON text, with or without a byte-order mark', () => {
    expect(ok(parseGraphJson('\uFEFF{"id":"g"}')).graph.id).toBe('g');
    expect(ok(parseGraph('{"id":"g"}')).graph.id).toBe('g');
  });
  it('reports malformed JSON with its position, line and column', () => {
    const [issue] = issues(parseGraphJson('{\n  "id": "g",\n  "nodes": [}\n}'));
    expect(issue?.code).toBe('malformed');
    expect(issue?.message).toMatch(/^Invalid JSON at line 3, column 13 \(position 27\): /);
    expect(issues(parseGraph('{"a":')).at(0)?.message).toMatch(/position 5/);
  });
});
