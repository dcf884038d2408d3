import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphModel } from '../src/graph-views';
import { createTestServer, importCalculator, type TestServer } from './harness';

type Json = Record<string, unknown>;
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Json }> }>>;
  components: { schemas: Record<string, Json> };
}

/** Every `$ref` string anywhere in a value. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refsIn(child, found);
    }
  }
  return found;
}

/** The value as a client receives it: JSON, without `undefined` fields. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('OpenAPI document', () => {
  let server: TestServer;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    server = await createTestServer();
    const response = await server.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    doc = response.json<OpenApiDocument>();
  });
  afterAll(() => server.close());

  it('has a component for every $ref, and no component nothing references', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas, ref).toHaveProperty([ref.slice('#/components/schemas/'.length)]);
    }
    const referenced = new Set(refs.map((ref) => ref.split('/').pop()));
    expect(Object.keys(doc.components.schemas).filter((name) => !referenced.has(name))).toEqual([]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Block',
        'Graph',
        'BaseGraph',
        'Node',
        'Link',
        'GraphMeta',
        'GraphExecution',
        'GraphExecutionMeta',
        'NodeExecutionResult',
        'GraphIssue',
        'GraphValidation',
        'PublicConfig',
        'PlatformCredentials',
        'ErrorBody',
      ]),
    );
  });

  it('describes the answer of every operation the web app uses, and its errors', () => {
    const okSchema = (method: string, path: string) => {
      const responses = doc.paths[path]?.[method]?.responses;
      expect(responses, `${method} ${path}`).toBeDefined();
      expect(responses?.['4XX']?.content).toEqual({
        'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } },
      });
      return responses?.['200']?.content?.['application/json'] as { schema: Json } | undefined;
    };
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const arrayOf = (name: string) => expect.objectContaining({ type: 'array', items: ref(name) });
    expect(okSchema('get', '/api/blocks')?.schema).toEqual(arrayOf('Block'));
    expect(okSchema('post', '/api/graphs')?.schema).toEqual(ref('Graph'));
    expect(okSchema('get', '/api/graphs/{id}')?.schema).toEqual(ref('Graph'));
    expect(okSchema('put', '/api/graphs/{id}')?.schema).toEqual(ref('Graph'));
    expect(okSchema('get', '/api/graphs/{id}/versions')?.schema).toEqual(arrayOf('Graph'));
    expect(okSchema('get', '/api/graphs/{id}/versions/{version}')?.schema).toEqual(ref('Graph'));
    expect(okSchema('put', '/api/graphs/{id}/versions/active')?.schema).toBeDefined();
    expect(okSchema('get', '/api/graphs/{id}/executions/{exec_id}')?.schema).toEqual(ref('GraphExecution'));
    expect(okSchema('post', '/api/graphs/validate')?.schema).toEqual(ref('GraphValidation'));
    expect(okSchema('get', '/api/config')?.schema).toEqual(ref('PublicConfig'));
    expect(okSchema('get', '/api/integrations/platform-credentials')?.schema).toEqual(
      arrayOf('PlatformCredentials'),
    );
    expect(okSchema('get', '/external-api/v1/blocks')?.schema).toEqual(arrayOf('Block'));
    for (const path of ['/external-api/v1/me', '/external-api/v1/graphs/{id}/executions/{exec_id}/results'])
      expect(okSchema('get', path)?.schema).toMatchObject({ type: 'object' });
    // Every documented operation has its success answer described.
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const codes = Object.keys(operation.responses).filter((code) => /^2\d\d$/.test(code));
        expect(codes, `${method} ${path}`).not.toEqual([]);
      }
    }
    // /api/config needs no token: the operation overrides the document's bearer requirement.
    expect(doc.paths['/api/config']?.get).toHaveProperty('security', []);
  });

  it('types the Graph, Node, Link and Block components field by field', () => {
    const { Graph, Node, Link, Block, GraphExecution } = doc.components.schemas;
    expect(Graph?.required).toEqual(
      expect.arrayContaining(['id', 'version', 'nodes', 'links', 'sub_graphs', 'input_schema', 'user_id']),
    );
    expect(Graph?.properties).toMatchObject({
      nodes: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
    });
    expect(Node?.required).toEqual(
      expect.arrayContaining(['id', 'block_id', 'input_default', 'metadata', 'input_links', 'output_links']),
    );
    expect(Link?.required).toEqual(['id', 'source_id', 'sink_id', 'source_name', 'sink_name', 'is_static']);
    expect(Block?.properties).toMatchObject({
      inputSchema: { type: 'object', additionalProperties: {} },
      uiType: { type: 'string', enum: expect.arrayContaining(['Standard', 'Input', 'Output', 'Note']) },
    });
    expect(GraphExecution?.required).not.toContain('node_executions');
    expect(GraphExecution?.required).toEqual(expect.arrayContaining(['id', 'status', 'outputs']));
  });
});

/** The response schemas validate and strip what they serialise: each answer must be the handler's value. */
describe('response schemas keep every field', () => {
  let server: TestServer;
  let headers: { authorization: string };
  let userId: string;
  beforeAll(async () => {
    server = await createTestServer();
    const account = await server.signup('wire@x.io');
    headers = server.auth(account.token);
    userId = account.userId;
  });
  afterAll(() => server.close());

  const get = (url: string) => server.app.inject({ method: 'GET', url, headers });

  it('serves every block of the catalogue as the registry describes it', async () => {
    const response = await get('/api/blocks');
    expect(response.statusCode).toBe(200);
    const catalogue = server.registry
      .list()
      .filter((block) => !block.disabled)
      .map((block) => block.info());
    expect(catalogue.length).toBeGreaterThan(50);
    expect(response.json()).toEqual(asJson(catalogue));
  });

  it('serves a graph, its export and its versions exactly as exportGraph builds them', async () => {
    const { id } = await importCalculator(server, headers.authorization.slice('Bearer '.length));
    const stored = await server.store.getGraph(id, { userId });
    if (!stored) throw new Error('the imported graph is not stored');
    const model = await graphModel(server, stored, false);
    expect(model.nodes.length).toBe(3);
    expect((await get(`/api/graphs/${id}`)).json()).toEqual(asJson(model));
    expect((await get(`/api/graphs/${id}?for_export=true`)).json()).toEqual(
      asJson(await graphModel(server, stored, true)),
    );
    expect((await get(`/api/graphs/${id}/versions`)).json()).toEqual([asJson(model)]);
    expect((await get(`/api/graphs/${id}/versions/${stored.version}`)).json()).toEqual(asJson(model));

    const saved = await server.app.inject({
      method: 'PUT',
      url: `/api/graphs/${id}`,
      headers,
      payload: { ...model, name: 'Renamed' },
    });
    expect(saved.statusCode).toBe(200);
    const next = await server.store.getGraph(id, { userId, version: stored.version + 1 });
    if (!next) throw new Error('the new version is not stored');
    expect(saved.json()).toEqual(asJson(await graphModel(server, next, false)));
    const active = await server.app.inject({
      method: 'PUT',
      url: `/api/graphs/${id}/versions/active`,
      headers,
      payload: { active_graph_version: stored.version },
    });
    expect(active.statusCode).toBe(200);
    expect(active.body).toBe('null');
  });

  it('serves a run with its outputs and node executions exactly as the engine reports them', async () => {
    const graph = await importCalculator(server, headers.authorization.slice('Bearer '.length));
    const started = await server.app.inject({
      method: 'POST',
      url: `/api/graphs/${graph.id}/execute/${graph.version}`,
      headers,
      payload: { inputs: { Input: 8 } },
    });
    const { id: execId } = started.json<{ id: string }>();
    const finished = await server.engine.waitForCompletion(execId, { timeoutMs: 10_000 });
    expect(finished.node_executions).toHaveLength(3);
    const response = await get(`/api/graphs/${graph.id}/executions/${execId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(asJson(await server.engine.getGraphExecution(execId)));
  });
});
