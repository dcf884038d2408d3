import { describe, expect, it } from 'vitest';
import {
  agentExecutorBlock,
  agentInputBlock,
  aiTextGeneratorBlock,
  calculatorBlock,
  fillTextTemplateBlock,
  fixtureBlocks,
  noteBlock,
} from './fixtures';
import { fieldIssues, groupIssues, issuesFromNodeErrors, localIssues } from './issues';
import { addNode, connect, emptyGraph, setInput, type EditorGraph } from './model';

describe('groupIssues', () => {
  it('groups server issues by node; the rest are general', () => {
    const map = groupIssues(
      [
        { node_id: 'n1', field: 'a', message: 'This field is required' },
        { node_id: 'n1', field: null, message: 'Block is disabled' },
        { node_id: null, field: null, message: 'Graph has no nodes' },
        { node_id: 'gone', field: 'x', message: 'Old node' },
      ],
      { nodeIds: ['n1'] },
    );
    expect(map.byNode.get('n1')?.map((i) => i.message)).toEqual([
      'This field is required',
      'Block is disabled',
    ]);
    expect(map.general.map((i) => i.message)).toEqual(['Graph has no nodes', 'Old node']);
    expect(fieldIssues(map, 'n1', 'a')).toEqual([
      { node_id: 'n1', field: 'a', message: 'This field is required' },
    ]);
  });

  it('reads the node_errors of a 400 validation_error', () => {
    expect(
      issuesFromNodeErrors({
        n1: { a: 'This field is required', credentials: 'These credentials are required' },
      }),
    ).toEqual([
      { node_id: 'n1', field: 'a', message: 'This field is required' },
      { node_id: 'n1', field: 'credentials', message: 'These credentials are required' },
    ]);
    expect(issuesFromNodeErrors(null)).toEqual([]);
  });
});

describe('localIssues', () => {
  const calculatorGraph = (): EditorGraph => {
    let graph = addNode(emptyGraph(), agentInputBlock, { x: 0, y: 0 }, 'in');
    graph = setInput(graph, 'in', 'name', 'Input');
    graph = addNode(graph, calculatorBlock, { x: 400, y: 0 }, 'calc');
    graph = setInput(graph, 'calc', 'operation', 'Add');
    return setInput(graph, 'calc', 'b', 34);
  };

  it('reports a required input with no value and no link, until a link is added', () => {
    const graph = calculatorGraph();
    expect(localIssues(graph, fixtureBlocks)).toEqual([
      { node_id: 'calc', field: 'a', message: 'A is required: type a value or connect a link' },
    ]);
    const linked = connect(graph, {
      id: 'l1',
      source: 'in',
      sourcePin: 'result',
      target: 'calc',
      targetPin: 'a',
      isStatic: true,
    });
    expect(localIssues(linked, fixtureBlocks)).toEqual([]);
    expect(localIssues(setInput(graph, 'calc', 'a', 1), fixtureBlocks)).toEqual([]);
  });

  it('counts blank text as no value and a dynamic pin link as providing its field', () => {
    let graph = addNode(emptyGraph(), fillTextTemplateBlock, { x: 0, y: 0 }, 't');
    graph = setInput(graph, 't', 'format', '   ');
    expect(localIssues(graph, fixtureBlocks).map((i) => i.field)).toEqual(['values', 'format']);
    graph = addNode(graph, calculatorBlock, { x: 0, y: 0 }, 'c');
    graph = setInput(setInput(setInput(graph, 'c', 'a', 1), 'c', 'b', 2), 'c', 'operation', 'Add');
    graph = connect(graph, {
      id: 'l',
      source: 'c',
      sourcePin: 'result',
      target: 't',
      targetPin: 'values_#_x',
      isStatic: false,
    });
    expect(localIssues(graph, fixtureBlocks).map((i) => i.field)).toEqual(['format']);
  });

  it('skips credentials fields, which the platform may fill', () => {
    let graph = addNode(emptyGraph(), aiTextGeneratorBlock, { x: 0, y: 0 }, 'llm');
    graph = setInput(graph, 'llm', 'prompt', 'Hello');
    expect(localIssues(graph, fixtureBlocks)).toEqual([]);
  });

  it('reports blocks that are not installed and skips notes', () => {
    const graph: EditorGraph = {
      ...emptyGraph(),
      nodes: [
        { id: 'x', blockId: 'abc-123', position: { x: 0, y: 0 }, inputs: {}, metadata: {} },
        { id: 'note', blockId: noteBlock.id, position: { x: 0, y: 0 }, inputs: {}, metadata: {} },
      ],
    };
    expect(localIssues(graph, fixtureBlocks)).toEqual([
      { node_id: 'x', field: null, message: 'Block abc-123 is not installed' },
    ]);
  });

  it('reports links to pins or nodes that do not exist', () => {
    let graph = calculatorGraph();
    graph = setInput(graph, 'calc', 'a', 1);
    graph = connect(graph, {
      id: 'bad',
      source: 'in',
      sourcePin: 'output',
      target: 'calc',
      targetPin: 'c',
      isStatic: false,
    });
    graph = connect(graph, {
      id: 'lost',
      source: 'gone',
      sourcePin: 'result',
      target: 'calc',
      targetPin: 'b',
      isStatic: false,
    });
    expect(localIssues(graph, fixtureBlocks)).toEqual([
      {
        node_id: 'in',
        field: 'output',
        link_id: 'bad',
        message: 'Output "output" does not exist on AgentInputBlock: remove the link',
      },
      {
        node_id: 'calc',
        field: 'c',
        link_id: 'bad',
        message: 'Input "c" does not exist on CalculatorBlock: remove the link',
      },
      {
        node_id: null,
        field: null,
        link_id: 'lost',
        message: 'A link comes from a node that no longer exists: remove it',
      },
    ]);
  });

  it("checks an Agent node's child inputs", () => {
    let graph = addNode(emptyGraph(), agentExecutorBlock, { x: 0, y: 0 }, 'ag');
    graph = setInput(graph, 'ag', 'input_schema', {
      type: 'object',
      properties: { topic: { title: 'Topic', type: 'string' }, tone: { type: 'string', default: 'dry' } },
      required: ['topic', 'tone'],
    });
    graph = setInput(graph, 'ag', 'inputs', {});
    expect(localIssues(graph, fixtureBlocks)).toEqual([
      { node_id: 'ag', field: 'topic', message: 'Topic is required: type a value or connect a link' },
    ]);
    expect(localIssues(setInput(graph, 'ag', 'inputs', { topic: 'cats' }), fixtureBlocks)).toEqual([]);
  });
});
