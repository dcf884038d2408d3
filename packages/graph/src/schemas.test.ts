import { describe, expect, it } from 'vitest';
import { createBlockRegistry } from '@blockloom/sdk';
import { credentialsInputKey, graphCredentialsInputSchema, nodeCredentialsKeys } from './credentials-schema';
import { graphInputSchema, graphOutputSchema } from './schemas';
import { ids, testBlocks, testRegistry as registry } from './test-blocks';
import { graphOf } from './test-graphs';

describe('graphInputSchema / graphOutputSchema', () => {
  it('builds one property per Input node keyed by name', () => {
    const graph = graphOf([
      { id: 'a', block_id: ids.agentInput, input_default: { name: 'Plain' } },
      {
        id: 'b',
        block_id: ids.shortText,
        input_default: {
          name: 'Topic',
          title: 'The topic',
          value: 'cats',
          description: 'What about',
          advanced: true,
          secret: true,
        },
      },
      {
        id: 'c',
        block_id: ids.agentInput,
        input_default: { name: 'Hidden', advanced: true, value: null, description: '' },
      },
      { id: 'd', block_id: ids.calculator, input_default: { name: 'not an input' } },
      { id: 'e', block_id: 'unknown', input_default: { name: 'unknown block' } },
      { id: 'f', block_id: ids.agentInput, input_default: { value: 'no name' } },
    ]);
    const schema = graphInputSchema(graph, registry);
    expect(schema).toEqual({
      type: 'object',
      properties: {
        Plain: { advanced: false, secret: false, title: 'Plain' },
        Topic: {
          advanced: true,
          anyOf: [{ type: 'string', format: 'short-text' }, { type: 'null' }],
          secret: true,
          title: 'The topic',
          description: 'What about',
          default: 'cats',
        },
        Hidden: { advanced: false, secret: false, title: 'Hidden' },
      },
      required: ['Plain', 'Hidden'],
    });
    expect(Object.keys(schema.properties.Topic ?? {})).toEqual([
      'advanced',
      'anyOf',
      'secret',
      'title',
      'description',
      'default',
    ]);
  });
  it('turns dropdown options or legacy placeholder_values into an enum', () => {
    const graph = graphOf([
      { id: 'a', block_id: ids.dropdown, input_default: { name: 'Tone', options: ['x', 'y'], value: 'x' } },
      { id: 'b', block_id: ids.agentInput, input_default: { name: 'Old', placeholder_values: ['p', 'q'] } },
      { id: 'c', block_id: ids.agentInput, input_default: { name: 'None', placeholder_values: [] } },
    ]);
    const { properties } = graphInputSchema(graph, registry);
    expect(properties.Tone?.enum).toEqual(['x', 'y']);
    expect(properties.Old?.enum).toEqual(['p', 'q']);
    expect(properties.None).not.toHaveProperty('enum');
    expect(Object.keys(properties.Old ?? {})).toEqual(['advanced', 'secret', 'title', 'enum']);
  });
  it('keeps falsy values as defaults; only null or absent values are required', () => {
    const graph = graphOf([
      { id: 'a', block_id: ids.agentInput, input_default: { name: 'Zero', value: 0 } },
      { id: 'b', block_id: ids.agentInput, input_default: { name: 'Empty', value: '' } },
    ]);
    const schema = graphInputSchema(graph, registry);
    expect(schema.properties.Zero?.default).toBe(0);
    expect(schema.properties.Empty?.default).toBe('');
    expect(schema.required).toEqual([]);
  });
  it('lets a later node with the same name replace the earlier one', () => {
    const graph = graphOf([
      { id: 'a', block_id: ids.agentInput, input_default: { name: 'X' } },
      { id: 'b', block_id: ids.agentInput, input_default: { name: 'X', value: 1 } },
    ]);
    expect(graphInputSchema(graph, registry)).toMatchObject({
      properties: { X: { default: 1 } },
      required: [],
    });
  });
  it('builds the output schema from Output nodes the same way', () => {
    const graph = graphOf([
      {
        id: 'o',
        block_id: ids.agentOutput,
        input_default: { name: 'Answer', description: 'The answer', format: '' },
      },
      { id: 'i', block_id: ids.agentInput, input_default: { name: 'In' } },
    ]);
    expect(graphOutputSchema(graph, registry)).toEqual({
      type: 'object',
      properties: { Answer: { advanced: false, secret: false, title: 'Answer', description: 'The answer' } },
      required: ['Answer'],
    });
  });
});

describe('graphCredentialsInputSchema', () => {
  const llm = (id: string, model?: string, metadata: Record<string, unknown> = {}) => ({
    id,
    block_id: ids.textGenerator,
    input_default: model === undefined ? { prompt: 'p' } : { prompt: 'p', model },
    metadata,
  });

  it('keys by sorted providers and types', () => {
    expect(credentialsInputKey(['openai'], ['api_key'])).toBe('openai_api_key_credentials');
    expect(credentialsInputKey(['b', 'a'], ['oauth2', 'api_key'])).toBe('a_b_api_key_oauth2_credentials');
  });
  it('lets the discriminator pick the provider and groups nodes by key', () => {
    const graph = graphOf([
      llm('l1', 'gpt-4o'),
      llm('l2', 'claude-sonnet-4-5-20250929'),
      llm('l3', 'o1'),
      llm('l4'),
      { id: 'w', block_id: ids.extractWebsite, input_default: { url: 'u' } },
      { id: 'w2', block_id: ids.extractWebsite, input_default: { url: 'u' } },
    ]);
    const schema = graphCredentialsInputSchema(graph, registry);
    expect(Object.keys(schema.properties)).toEqual([
      'openai_api_key_credentials',
      'anthropic_api_key_credentials',
      'jina_api_key_credentials',
    ]);
    expect(schema.required).toEqual(Object.keys(schema.properties));
    // l4 has no model: the field's default `gpt-4o` picks openai.
    expect(schema.properties.openai_api_key_credentials?.discriminator_values).toEqual(['gpt-4o', 'o1']);
    expect(schema.properties.jina_api_key_credentials).toEqual({
      credentials_provider: ['jina'],
      credentials_types: ['api_key'],
      properties: {
        id: { title: 'Id', type: 'string' },
        title: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Title' },
        provider: { const: 'jina', title: 'Provider', type: 'string' },
        type: { const: 'api_key', title: 'Type', type: 'string' },
      },
      required: ['id', 'provider', 'type'],
      title: "CredentialsMetaInput[Literal[<ProviderName.JINA: 'jina'>], Literal['api_key']]",
      type: 'object',
      discriminator_values: [],
    });
    expect(schema.properties.anthropic_api_key_credentials).toMatchObject({
      credentials_provider: ['anthropic'],
      discriminator: 'model',
      discriminator_mapping: { 'gpt-4o': 'openai' },
    });
  });
  it('keeps every provider when the discriminator value has no mapping, as an enum', () => {
    const graph = graphOf([{ id: 'p', block_id: ids.discriminated, input_default: { flavour: 'z' } }]);
    const schema = graphCredentialsInputSchema(graph, registry);
    expect(Object.keys(schema.properties)).toEqual(['anthropic_openai_api_key_credentials']);
    expect(schema.properties.anthropic_openai_api_key_credentials).toMatchObject({
      credentials_provider: ['anthropic', 'openai'],
      properties: { provider: { enum: ['anthropic', 'openai'] } },
      discriminator_values: [],
    });
  });
  it('unions scopes and lists several types as an enum', () => {
    const graph = graphOf([
      { id: 'g', block_id: ids.github },
      { id: 'k', block_id: ids.optionalKey },
    ]);
    const schema = graphCredentialsInputSchema(graph, registry);
    expect(Object.keys(schema.properties)).toEqual(['github_api_key_oauth2_credentials']);
    expect(schema.properties.github_api_key_oauth2_credentials).toMatchObject({
      credentials_types: ['api_key', 'oauth2'],
      credentials_scopes: ['repo', 'gist'],
      properties: { type: { enum: ['api_key', 'oauth2'] } },
    });
    // One consumer needs it, so the group is required although the other has a default.
    expect(schema.required).toEqual(['github_api_key_oauth2_credentials']);
  });
  it('is required unless every consumer has credentials_optional or a default', () => {
    const graph = graphOf([
      llm('a', 'gpt-4o', { credentials_optional: true }),
      llm('b', 'claude-sonnet-4-5-20250929', { credentials_optional: true }),
      llm('c', 'o1'),
      { id: 'k', block_id: ids.optionalKey },
    ]);
    expect(graphCredentialsInputSchema(graph, registry).required).toEqual(['openai_api_key_credentials']);
  });
  it('aggregates sub-graphs and maps each node field to its key', () => {
    const sub = graphOf([{ id: 's', block_id: ids.extractWebsite }], [], { id: 'sub' });
    const graph = graphOf([llm('l', 'o3-mini'), { id: 'x', block_id: 'unknown' }], [], { sub_graphs: [sub] });
    expect(Object.keys(graphCredentialsInputSchema(graph, registry).properties)).toEqual([
      'openai_api_key_credentials',
      'jina_api_key_credentials',
    ]);
    expect(nodeCredentialsKeys(graph, registry)).toEqual([
      { graphId: 'g1', nodeId: 'l', field: 'credentials', key: 'openai_api_key_credentials' },
      { graphId: 'sub', nodeId: 's', field: 'credentials', key: 'jina_api_key_credentials' },
    ]);
  });
  it('is empty without credentials fields', () => {
    const onlyIo = createBlockRegistry(testBlocks.filter((block) => block.credentialsFields.length === 0));
    expect(graphCredentialsInputSchema(graphOf([llm('l', 'o1')]), onlyIo)).toEqual({
      type: 'object',
      properties: {},
      required: [],
    });
  });
});
