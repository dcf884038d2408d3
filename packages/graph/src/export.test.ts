import { describe, expect, it } from 'vitest';
import { exportGraph } from './export';
import type { StoredGraph } from './model';
import { isSensitiveKey, stripSecrets } from './secrets';
import { ids, testRegistry as registry } from './test-blocks';
import { graphOf } from './test-graphs';

describe('stripSecrets', () => {
  it.each([
    'credentials',
    'openai_credentials',
    'API_KEY',
    'my_api_key',
    'password',
    'access_token',
    'max_tokens',
    'client_secret',
  ])('%s is sensitive by name', (key) => expect(isSensitiveKey(key)).toBe(true));
  it.each(['prompt', 'model', 'apikey', 'values', 'pass'])('%s is not', (key) =>
    expect(isSensitiveKey(key)).toBe(false),
  );

  it('drops sensitive keys at any depth, lists included, and keeps booleans', () => {
    const input = {
      prompt: 'p',
      api_key: 'sk-1',
      credentials: { id: 'c', provider: 'openai', type: 'api_key' },
      secret: true,
      has_password: false,
      nested: { token: 'x', keep: 1, deeper: { Password: 'y' } },
      headers: [{ auth_token: 'z', name: 'h' }, 'plain'],
      empty_token: '',
    };
    expect(stripSecrets(input)).toEqual({
      prompt: 'p',
      secret: true,
      has_password: false,
      nested: { keep: 1, deeper: {} },
      headers: [{ name: 'h' }, 'plain'],
    });
    expect(input.api_key).toBe('sk-1');
  });
  it('drops keys whose block property is marked secret, nested properties too', () => {
    const block = registry.get(ids.dependent);
    const input = { passphrase: 'open sesame', mode: 'm', nested: { inner: 'hidden', other: 1 } };
    expect(stripSecrets(input, block?.inputSchema)).toEqual({ mode: 'm', nested: { other: 1 } });
    expect(stripSecrets(input)).toEqual(input);
  });
});

const stored: StoredGraph = {
  ...graphOf(
    [
      {
        id: 'i',
        block_id: ids.agentInput,
        input_default: { name: 'Key', value: 'hunter2', secret: true },
        metadata: { position: { x: 1, y: 2 } },
      },
      { id: 'j', block_id: ids.agentInput, input_default: { name: 'Topic', value: 'cats', secret: false } },
      {
        id: 'l',
        block_id: ids.textGenerator,
        input_default: { prompt: 'p', model: 'gpt-4o', api_key: 'sk', max_tokens: 5 },
      },
      {
        id: 'u',
        block_id: 'legacy-unknown',
        input_default: { token: 't', secret: true, value: 'v', keep: 1 },
      },
      { id: 'o', block_id: ids.agentOutput, input_default: { name: 'Out' } },
      { id: 'h', block_id: ids.humanInTheLoop, input_default: { name: 'Review' } },
    ],
    [
      { source_id: 'j', sink_id: 'l', source_name: 'result', sink_name: 'prompt', is_static: true },
      { source_id: 'l', sink_id: 'o', source_name: 'response', sink_name: 'value' },
    ],
    { id: 'g', version: 3, name: 'Stored' },
  ),
  user_id: 'owner',
  created_at: '2026-01-01T00:00:00.000Z',
};
stored.nodes[0] = { ...stored.nodes[0]!, webhook_id: 'hook' };
const sub = graphOf([{ id: 's', block_id: ids.extractWebsite, input_default: { url: 'u' } }], [], {
  id: 'sub',
  version: 2,
});

describe('exportGraph', () => {
  it('writes the fields in the order of the wire format', () => {
    const json = exportGraph(stored, registry, { subGraphs: [sub], forExport: true });
    expect(Object.keys(json)).toEqual([
      'id',
      'version',
      'is_active',
      'name',
      'description',
      'instructions',
      'recommended_schedule_cron',
      'forked_from_id',
      'forked_from_version',
      'user_id',
      'created_at',
      'nodes',
      'links',
      'sub_graphs',
      'input_schema',
      'output_schema',
      'credentials_input_schema',
      'has_external_trigger',
      'has_human_in_the_loop',
      'has_sensitive_action',
      'trigger_setup_info',
    ]);
    expect(Object.keys(json.nodes[0] ?? {})).toEqual([
      'id',
      'block_id',
      'input_default',
      'metadata',
      'input_links',
      'output_links',
      'graph_id',
      'graph_version',
      'webhook_id',
    ]);
    expect(Object.keys(json.links[0] ?? {})).toEqual([
      'id',
      'source_id',
      'sink_id',
      'source_name',
      'sink_name',
      'is_static',
    ]);
    expect(Object.keys(json.sub_graphs[0] ?? {})).toEqual([
      'id',
      'version',
      'is_active',
      'name',
      'description',
      'instructions',
      'recommended_schedule_cron',
      'forked_from_id',
      'forked_from_version',
      'nodes',
      'links',
      'input_schema',
      'output_schema',
      'has_external_trigger',
      'has_human_in_the_loop',
      'has_sensitive_action',
      'trigger_setup_info',
    ]);
  });
  it('strips secrets, the owner and webhook ids for a download', () => {
    const json = exportGraph(stored, registry, { subGraphs: [], forExport: true });
    expect(json.user_id).toBe('');
    expect(json.created_at).toBe('2026-01-01T00:00:00.000Z');
    const byId = Object.fromEntries(json.nodes.map((node) => [node.id, node]));
    expect(byId.i?.input_default).toEqual({ name: 'Key', secret: true });
    expect(byId.i?.webhook_id).toBeNull();
    expect(byId.j?.input_default).toEqual({ name: 'Topic', value: 'cats', secret: false });
    expect(byId.l?.input_default).toEqual({ prompt: 'p', model: 'gpt-4o' });
    // Unknown block: the name rule still applies, and a `secret: true` flag drops the value.
    expect(byId.u?.input_default).toEqual({ secret: true, keep: 1 });
    expect(stored.nodes[0]?.input_default.value).toBe('hunter2');
  });
  it('keeps everything for an API read', () => {
    const json = exportGraph(stored, registry, { subGraphs: [], forExport: false });
    expect(json.user_id).toBe('owner');
    expect(json.nodes[0]).toMatchObject({ input_default: { value: 'hunter2' }, webhook_id: 'hook' });
    expect(json.nodes[2]?.input_default.api_key).toBe('sk');
    expect(json.nodes[0]?.input_default).not.toBe(stored.nodes[0]?.input_default);
  });
  it("derives each node's links, graph id and version", () => {
    const json = exportGraph(stored, registry, { subGraphs: [], forExport: true });
    const llm = json.nodes.find((node) => node.id === 'l');
    expect(llm?.input_links.map((link) => link.id)).toEqual(['l1']);
    expect(llm?.output_links.map((link) => link.id)).toEqual(['l2']);
    expect(llm).toMatchObject({ graph_id: 'g', graph_version: 3 });
    expect(json.links).toEqual(stored.links);
  });
  it('computes the schemas and flags, credentials across sub-graphs', () => {
    const json = exportGraph(stored, registry, { subGraphs: [sub], forExport: true });
    expect(Object.keys(json.input_schema.properties)).toEqual(['Key', 'Topic']);
    expect(json.output_schema.required).toEqual(['Out']);
    expect(Object.keys(json.credentials_input_schema.properties)).toEqual([
      'openai_api_key_credentials',
      'jina_api_key_credentials',
    ]);
    expect(json).toMatchObject({
      has_external_trigger: false,
      has_human_in_the_loop: true,
      has_sensitive_action: false,
      trigger_setup_info: null,
    });
    expect(json.sub_graphs[0]).toMatchObject({ id: 'sub', version: 2, has_human_in_the_loop: false });
    expect(json.sub_graphs[0]?.nodes[0]).toMatchObject({
      graph_id: 'sub',
      graph_version: 2,
      input_default: { url: 'u' },
    });
  });
  it('flags webhook triggers and exports a graph that was never stored', () => {
    const graph = graphOf([{ id: 'w', block_id: ids.webhook }]);
    const json = exportGraph(graph, registry, { subGraphs: [], forExport: false });
    expect(json).toMatchObject({ user_id: '', created_at: null, has_external_trigger: true });
  });
});
