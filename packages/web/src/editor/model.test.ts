/**
 * The real AutoGPT exports live beside the repository (`../shared/compat/agents`, as CI lays it out; see
 * packages/graph/src/compat.test.ts); set BLOCKLOOM_COMPAT_AGENTS to another copy if needed. A missing
 * folder fails the suite rather than skip it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aiTextGeneratorBlock, calculatorBlock, fillTextTemplateBlock, storeValueBlock } from './fixtures';
import {
  addKeyValue,
  addNode,
  connect,
  copySelection,
  defaultInputs,
  disconnect,
  emptyGraph,
  fromApiGraph,
  keysOf,
  moveNodes,
  paste,
  removeKeyValue,
  removeNodes,
  renameKey,
  setInput,
  setKeyValue,
  setNodeMetadata,
  staticLinkFor,
  toApiGraph,
  type EditorGraph,
  type EditorLink,
} from './model';
import type { ApiGraphLike, ApiLinkLike } from './types';

const agentsDir =
  process.env.BLOCKLOOM_COMPAT_AGENTS ?? resolve(import.meta.dirname, '../../../../../shared/compat/agents');
const loadAgent = (file: string) => JSON.parse(readFileSync(join(agentsDir, file), 'utf8')) as ApiGraphLike;

const ends = (link: ApiLinkLike) =>
  [link.source_id, link.source_name, link.sink_id, link.sink_name].join('|');

const link = (id: string, from: [string, string], to: [string, string]): EditorLink => ({
  id,
  source: from[0],
  sourcePin: from[1],
  target: to[0],
  targetPin: to[1],
  isStatic: false,
});

describe('fromApiGraph / toApiGraph', () => {
  it('round-trips the exported calculator agent', () => {
    const raw = loadAgent('calculator-agent.json');
    const graph = fromApiGraph(raw);
    expect(graph).toMatchObject({ id: raw.id, version: 2, name: 'Calculator agent', description: '' });
    expect(graph.nodes).toHaveLength(3);
    const calc = graph.nodes.find((node) => node.blockId === calculatorBlock.id);
    expect(calc).toMatchObject({
      position: { x: 323.0255126953125, y: 121.25 },
      inputs: { b: 34, operation: 'Add', round_result: false },
      metadata: {},
    });
    expect(graph.links.map((l) => [l.sourcePin, l.targetPin, l.isStatic]).sort()).toEqual([
      ['result', 'a', true],
      ['result', 'value', false],
    ]);

    const body = toApiGraph(graph);
    // Computed and server-owned fields are not sent back; kept graph fields are.
    expect(body).not.toHaveProperty('input_schema');
    expect(body).not.toHaveProperty('user_id');
    expect(body).not.toHaveProperty('created_at');
    expect(body).toMatchObject({ is_active: true, instructions: null, sub_graphs: [] });
    for (const original of raw.nodes ?? []) {
      const node = body.nodes.find((each) => each.id === original.id);
      expect(node).toBeDefined();
      expect(node?.block_id).toBe(original.block_id);
      expect(node?.input_default).toEqual(original.input_default);
      expect(node?.metadata).toEqual(original.metadata);
      expect(node?.input_links.map(ends).sort()).toEqual((original.input_links ?? []).map(ends).sort());
      expect(node?.output_links.map(ends).sort()).toEqual((original.output_links ?? []).map(ends).sort());
    }
    expect(body.links.map((l) => [l.id, ends(l), l.is_static]).sort()).toEqual(
      (raw.links ?? []).map((l) => [l.id, ends(l), l.is_static]).sort(),
    );
    expect(fromApiGraph(body)).toEqual(graph);
  });

  const files = readdirSync(agentsDir).filter((name) => name.endsWith('.json'));
  it('finds the compat agents', () => {
    expect(files).toContain('calculator-agent.json');
  });
  it.each(files)('%s: keeps every node and every distinct link, and is stable', (file) => {
    const raw = loadAgent(file);
    const graph = fromApiGraph(raw);
    const rawLinks = [
      ...(raw.links ?? []),
      ...(raw.nodes ?? []).flatMap((node) => [...(node.input_links ?? []), ...(node.output_links ?? [])]),
    ];
    expect(graph.nodes.map((node) => node.id)).toEqual((raw.nodes ?? []).map((node) => node.id));
    const editorEnds = graph.links.map((l) => [l.source, l.sourcePin, l.target, l.targetPin].join('|'));
    expect(editorEnds).toHaveLength(new Set(rawLinks.map(ends)).size);
    expect(new Set(editorEnds)).toEqual(new Set(rawLinks.map(ends)));
    expect(fromApiGraph(toApiGraph(graph))).toEqual(graph);
  });

  it('keeps unknown metadata and gives id-less links a stable id', () => {
    const graph = fromApiGraph({
      name: 'g',
      nodes: [
        {
          id: 'a',
          block_id: 'b1',
          metadata: { position: { x: 1, y: 2 }, customized_name: 'Mine', note: { x: 1 } },
        },
        { id: 'c', block_id: 'b2' },
      ],
      links: [{ source_id: 'a', sink_id: 'c', source_name: 'out', sink_name: 'in' }],
    });
    expect(graph.nodes[0]?.metadata).toEqual({ customized_name: 'Mine', note: { x: 1 } });
    expect(graph.nodes[1]?.position).toEqual({ x: 0, y: 0 });
    expect(graph.links[0]?.id).toBe(fromApiGraph(toApiGraph(graph)).links[0]?.id);
    expect(toApiGraph(graph).nodes[0]?.metadata).toEqual({
      customized_name: 'Mine',
      note: { x: 1 },
      position: { x: 1, y: 2 },
    });
  });

  it('never sends credential secrets', () => {
    let graph = addNode(emptyGraph(), aiTextGeneratorBlock, { x: 0, y: 0 }, 'llm');
    graph = setInput(graph, 'llm', 'credentials', {
      id: 'cred-1',
      provider: 'openai',
      type: 'api_key',
      title: 'My key',
      api_key: 'sk-secret',
    });
    graph = setInput(graph, 'llm', 'prompt_values', { nested_credentials: { id: 'c2', token: 't' } });
    const body = toApiGraph(graph);
    expect(body.nodes[0]?.input_default.credentials).toEqual({
      id: 'cred-1',
      title: 'My key',
      provider: 'openai',
      type: 'api_key',
    });
    expect(JSON.stringify(body)).not.toContain('sk-secret');
    expect(JSON.stringify(body)).not.toContain('"token"');
    // The editor's own state is untouched.
    expect(graph.nodes[0]?.inputs.credentials).toHaveProperty('api_key', 'sk-secret');
  });
});

describe('edit operations', () => {
  it('adds a node pre-filled with non-null schema defaults (copies, no credentials)', () => {
    const graph = addNode(emptyGraph(), aiTextGeneratorBlock, { x: 5, y: 6 }, 'n1');
    const node = graph.nodes[0];
    expect(node).toMatchObject({
      id: 'n1',
      blockId: aiTextGeneratorBlock.id,
      position: { x: 5, y: 6 },
      metadata: {},
    });
    expect(node?.inputs).toEqual({
      model: 'gpt-4o',
      sys_prompt: '',
      retry: 3,
      prompt_values: {},
      ollama_host: 'localhost:11434',
    });
    const schemaDefault = (
      aiTextGeneratorBlock.inputSchema.properties as Record<string, { default?: unknown }>
    ).prompt_values?.default;
    expect(node?.inputs.prompt_values).not.toBe(schemaDefault);
    expect(defaultInputs(calculatorBlock)).toEqual({ round_result: false });
  });

  it('sets and removes inputs without touching other nodes', () => {
    let graph = addNode(emptyGraph(), calculatorBlock, { x: 0, y: 0 }, 'c1');
    graph = addNode(graph, calculatorBlock, { x: 0, y: 0 }, 'c2');
    const before = graph;
    graph = setInput(graph, 'c1', 'a', 3);
    expect(graph.nodes[0]?.inputs).toEqual({ round_result: false, a: 3 });
    expect(graph.nodes[1]).toBe(before.nodes[1]);
    expect(before.nodes[0]?.inputs).toEqual({ round_result: false });
    expect(setInput(graph, 'c1', 'a', 3)).toBe(graph);
    graph = setInput(graph, 'c1', 'a', undefined);
    expect(graph.nodes[0]?.inputs).not.toHaveProperty('a');
    expect(setInput(graph, 'c1', 'a', undefined)).toBe(graph);
    graph = setNodeMetadata(graph, 'c1', { customized_name: 'Adder' });
    expect(graph.nodes[0]?.metadata).toEqual({ customized_name: 'Adder' });
    expect(setNodeMetadata(graph, 'c1', { customized_name: undefined }).nodes[0]?.metadata).toEqual({});
  });

  it('moves nodes, sharing the unmoved ones', () => {
    let graph = addNode(emptyGraph(), calculatorBlock, { x: 0, y: 0 }, 'a');
    graph = addNode(graph, calculatorBlock, { x: 0, y: 0 }, 'b');
    const moved = moveNodes(graph, { a: { x: 10, y: 20 } });
    expect(moved.nodes[0]?.position).toEqual({ x: 10, y: 20 });
    expect(moved.nodes[1]).toBe(graph.nodes[1]);
    expect(moveNodes(moved, { a: { x: 10, y: 20 } })).toBe(moved);
  });

  it('removes nodes with their links, and disconnects links', () => {
    let graph = emptyGraph();
    for (const id of ['a', 'b', 'c']) graph = addNode(graph, calculatorBlock, { x: 0, y: 0 }, id);
    graph = connect(graph, link('ab', ['a', 'result'], ['b', 'a']));
    graph = connect(graph, link('bc', ['b', 'result'], ['c', 'a']));
    graph = connect(graph, link('ac', ['a', 'result'], ['c', 'b']));
    const removed = removeNodes(graph, ['b']);
    expect(removed.nodes.map((n) => n.id)).toEqual(['a', 'c']);
    expect(removed.links.map((l) => l.id)).toEqual(['ac']);
    expect(disconnect(graph, ['ab', 'bc']).links.map((l) => l.id)).toEqual(['ac']);
    expect(disconnect(graph, ['zz'])).toBe(graph);
  });

  it('makes links from static-output blocks static', () => {
    expect(staticLinkFor(storeValueBlock, 'output')).toBe(true);
    expect(staticLinkFor(calculatorBlock, 'result')).toBe(false);
    expect(staticLinkFor(undefined)).toBe(false);
  });
});

describe('key-value fields', () => {
  const base = (): EditorGraph => {
    let graph = addNode(emptyGraph(), fillTextTemplateBlock, { x: 0, y: 0 }, 't');
    graph = addNode(graph, calculatorBlock, { x: 0, y: 0 }, 'c');
    graph = setInput(graph, 't', 'values', { name: 'Ada', city: 'London' });
    return connect(graph, link('l1', ['c', 'result'], ['t', 'values_#_total']));
  };

  it('adds keys, refusing duplicates and keys with pin delimiters', () => {
    const graph = base();
    const added = addKeyValue(graph, { nodeId: 't', field: 'values', key: 'age', value: 36 });
    expect(added.nodes[0]?.inputs.values).toEqual({ name: 'Ada', city: 'London', age: 36 });
    expect(addKeyValue(graph, { nodeId: 't', field: 'values', key: 'name' })).toBe(graph);
    expect(addKeyValue(graph, { nodeId: 't', field: 'values', key: 'total' })).toBe(graph);
    expect(addKeyValue(graph, { nodeId: 't', field: 'values', key: 'a_#_b' })).toBe(graph);
    expect(addKeyValue(graph, { nodeId: 't', field: 'values', key: ' ' })).toBe(graph);
    const set = setKeyValue(graph, { nodeId: 't', field: 'values', key: 'name', value: 'Grace' });
    expect(set.nodes[0]?.inputs.values).toEqual({ name: 'Grace', city: 'London' });
  });

  it('renames a key in place and renames the links into its pin', () => {
    const graph = base();
    const renamed = renameKey(graph, { nodeId: 't', field: 'values', from: 'name', to: 'first_name' });
    expect(Object.keys(renamed.nodes[0]?.inputs.values as object)).toEqual(['first_name', 'city']);
    const linked = renameKey(graph, { nodeId: 't', field: 'values', from: 'total', to: 'sum' });
    expect(linked.links[0]?.targetPin).toBe('values_#_sum');
    expect(graph.links[0]?.targetPin).toBe('values_#_total');
    expect(keysOf(linked, 't', 'values')).toEqual(['name', 'city', 'sum']);
    expect(renameKey(graph, { nodeId: 't', field: 'values', from: 'name', to: 'city' })).toBe(graph);
    expect(renameKey(graph, { nodeId: 't', field: 'values', from: 'name', to: 'total' })).toBe(graph);
  });

  it('removes a key and the links into its pin', () => {
    const graph = base();
    const withoutTotal = removeKeyValue(graph, { nodeId: 't', field: 'values', key: 'total' });
    expect(withoutTotal.links).toEqual([]);
    const withoutCity = removeKeyValue(graph, { nodeId: 't', field: 'values', key: 'city' });
    expect(withoutCity.nodes[0]?.inputs.values).toEqual({ name: 'Ada' });
    expect(withoutCity.links).toHaveLength(1);
    expect(removeKeyValue(graph, { nodeId: 't', field: 'values', key: 'nope' })).toBe(graph);
  });
});

describe('copy and paste', () => {
  it('pastes copies with fresh ids, internal links remapped, positions offset', () => {
    let graph = emptyGraph();
    graph = addNode(graph, calculatorBlock, { x: 0, y: 0 }, 'a');
    graph = addNode(graph, calculatorBlock, { x: 100, y: 0 }, 'b');
    graph = addNode(graph, calculatorBlock, { x: 200, y: 0 }, 'c');
    graph = setInput(graph, 'a', 'a', 1);
    graph = connect(graph, link('ab', ['a', 'result'], ['b', 'a']));
    graph = connect(graph, link('bc', ['b', 'result'], ['c', 'a']));
    const clipboard = copySelection(graph, ['a', 'b']);
    expect(clipboard.links.map((l) => l.id)).toEqual(['ab']);

    let counter = 0;
    const { graph: pasted, newNodeIds } = paste(graph, clipboard, {
      offset: { x: 10, y: 20 },
      newId: () => `new-${++counter}`,
    });
    expect(newNodeIds).toEqual(['new-1', 'new-2']);
    expect(pasted.nodes.slice(3).map((n) => [n.id, n.position])).toEqual([
      ['new-1', { x: 10, y: 20 }],
      ['new-2', { x: 110, y: 20 }],
    ]);
    expect(pasted.links.at(-1)).toEqual({ ...link('new-3', ['new-1', 'result'], ['new-2', 'a']) });
    expect(pasted.links).toHaveLength(3);
    // Copies, not shared with the original or the clipboard.
    expect(pasted.nodes[3]?.inputs).toEqual({ round_result: false, a: 1 });
    expect(pasted.nodes[3]?.inputs).not.toBe(graph.nodes[0]?.inputs);
    expect(pasted.nodes[3]?.inputs).not.toBe(clipboard.nodes[0]?.inputs);
    expect(clipboard.nodes[0]?.inputs).not.toBe(graph.nodes[0]?.inputs);
    // Pasting twice gives distinct nodes again.
    expect(paste(pasted, clipboard, { newId: () => `x-${++counter}` }).newNodeIds).toEqual(['x-4', 'x-5']);
  });
});
