import { describe, expect, it } from 'vitest';
import { groupImportIssues, readableBlockName } from './import-issues';

const uploaded = {
  name: 'Agent',
  nodes: [
    { id: 'n1', block_id: 'known', metadata: {} },
    { id: 'n2', block_id: 'gone', metadata: {} },
    { id: 'n3', block_id: 'known', metadata: { customized_name: 'Summarise' } },
  ],
  sub_graphs: [{ id: 'sub', nodes: [{ id: 's1', block_id: 'known' }] }],
};
const blockNames = new Map([['known', 'AITextGeneratorBlock']]);

describe('groupImportIssues', () => {
  it('groups 400 validation issues per node of the file, agent-wide issues first', () => {
    const detail = {
      type: 'validation_error',
      message: 'The graph "Agent" is not valid',
      issues: [
        { node_id: 'n2', field: null, message: 'Unknown block gone', code: 'unknown_block' },
        { node_id: 'n3', field: 'prompt', message: 'Missing input', code: 'missing_input' },
        { node_id: 'n3', field: 'model', message: 'Unknown model', code: 'malformed' },
        { node_id: null, field: null, message: 'Link l1 points nowhere', code: 'missing_node' },
        { node_id: 's1', field: 'prompt', message: 'Missing input', code: 'missing_input' },
      ],
    };
    expect(groupImportIssues(detail, uploaded, blockNames)).toEqual([
      {
        key: '',
        label: 'The agent',
        nodeId: null,
        blockId: null,
        issues: [{ field: null, message: 'Link l1 points nowhere' }],
      },
      {
        key: 'n2',
        label: 'Unknown block',
        nodeId: 'n2',
        blockId: 'gone',
        issues: [{ field: null, message: 'Unknown block gone' }],
      },
      {
        key: 'n3',
        label: 'Summarise',
        nodeId: 'n3',
        blockId: 'known',
        issues: [
          { field: 'prompt', message: 'Missing input' },
          { field: 'model', message: 'Unknown model' },
        ],
      },
      {
        key: 's1',
        label: 'AI Text Generator',
        nodeId: 's1',
        blockId: 'known',
        issues: [{ field: 'prompt', message: 'Missing input' }],
      },
    ]);
  });

  it('places 422 malformed entries by their path in the file', () => {
    const detail = [
      { loc: ['body', 'graph', 'name'], msg: '"name" must be a string', type: 'malformed' },
      { loc: ['body', 'graph', 'nodes[1]', 'input_default'], msg: 'must be an object', type: 'malformed' },
      { loc: ['body', 'graph', 'nodes[3]', 'id'], msg: 'Missing "id"', type: 'malformed' },
    ];
    const file = { ...uploaded, nodes: [...uploaded.nodes, { metadata: {} }] };
    const groups = groupImportIssues(detail, file, blockNames);
    expect(groups?.map(({ key, label, nodeId, issues }) => ({ key, label, nodeId, issues }))).toEqual([
      {
        key: '',
        label: 'The agent',
        nodeId: null,
        issues: [{ field: 'name', message: '"name" must be a string' }],
      },
      {
        key: 'nodes.1',
        label: 'Unknown block',
        nodeId: 'n2',
        issues: [{ field: 'input_default', message: 'must be an object' }],
      },
      {
        key: 'nodes.3',
        label: 'Node 4 of the file',
        nodeId: null,
        issues: [{ field: 'id', message: 'Missing "id"' }],
      },
    ]);
  });

  it('gives null for a detail of another shape', () => {
    expect(groupImportIssues('Graph not found', uploaded, blockNames)).toBeNull();
    expect(groupImportIssues({ type: 'validation_error', issues: [] }, uploaded, blockNames)).toBeNull();
  });
});

describe('readableBlockName', () => {
  it('drops the Block suffix and splits words', () => {
    expect(readableBlockName('AITextGeneratorBlock')).toBe('AI Text Generator');
    expect(readableBlockName('StoreValueBlock')).toBe('Store Value');
    expect(readableBlockName('Calculator')).toBe('Calculator');
  });
});
