import { describe, expect, it } from 'vitest';
import { agentInputBlock, fillTextTemplateBlock } from '../editor/fixtures';
import { addNode, connect, emptyGraph, type EditorGraph } from '../editor/model';
import { applyKeyValues } from './key-values';

function graphWithTemplate(): EditorGraph {
  let graph = addNode(emptyGraph(), agentInputBlock, { x: 0, y: 0 }, 'in');
  graph = addNode(graph, fillTextTemplateBlock, { x: 400, y: 0 }, 'tpl');
  graph = applyKeyValues(graph, { nodeId: 'tpl', field: 'values', keys: [], next: { name: 'Ada' } }).graph;
  return connect(graph, {
    id: 'l1',
    source: 'in',
    sourcePin: 'result',
    target: 'tpl',
    targetPin: 'values_#_name',
    isStatic: true,
  });
}

const template = (graph: EditorGraph) => graph.nodes.find((node) => node.id === 'tpl');

describe('applyKeyValues', () => {
  it('adds a key', () => {
    const graph = graphWithTemplate();
    expect(template(graph)?.inputs.values).toEqual({ name: 'Ada' });
  });

  it('renames a key in place and moves the links into its pin', () => {
    const { graph, coalesceKey } = applyKeyValues(graphWithTemplate(), {
      nodeId: 'tpl',
      field: 'values',
      keys: ['name'],
      next: { who: 'Ada' },
    });
    expect(template(graph)?.inputs.values).toEqual({ who: 'Ada' });
    expect(graph.links[0]?.targetPin).toBe('values_#_who');
    expect(coalesceKey).toBe('rename:tpl:values:0');
  });

  it('sets a changed value and groups the typing into one undo step', () => {
    const { graph, coalesceKey } = applyKeyValues(graphWithTemplate(), {
      nodeId: 'tpl',
      field: 'values',
      keys: ['name'],
      next: { name: 'Grace' },
    });
    expect(template(graph)?.inputs.values).toEqual({ name: 'Grace' });
    expect(coalesceKey).toBe('input:tpl:values');
  });

  it('removes a key with the links into its pin', () => {
    const { graph } = applyKeyValues(graphWithTemplate(), {
      nodeId: 'tpl',
      field: 'values',
      keys: ['name'],
      next: {},
    });
    expect(template(graph)?.inputs.values).toEqual({});
    expect(graph.links).toEqual([]);
  });

  it('changes nothing for a key that exists only as a linked pin', () => {
    const start = graphWithTemplate();
    const { graph } = applyKeyValues(start, {
      nodeId: 'tpl',
      field: 'values',
      keys: ['name'],
      next: { name: undefined },
    });
    expect(graph).toBe(start);
  });
});
