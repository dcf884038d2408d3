import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, importCalculator, loadCalculatorAgent, type TestServer } from './harness';

describe('graph routes', () => {
  let server: TestServer;
  let headers: { authorization: string };
  let userId: string;
  beforeEach(async () => {
    server = await createTestServer();
    const account = await server.signup('a@x.io');
    headers = server.auth(account.token);
    userId = account.userId;
  });
  afterEach(() => server.close());

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('imports an AutoGPT export with fresh ids and serves it as a GraphModel', async () => {
    const original = await loadCalculatorAgent();
    const graph = await importCalculator(server, headers.authorization.slice(7));
    expect(graph.id).not.toBe(original.id);
    const model = (await inject('GET', `/api/graphs/${graph.id}`)).json<Record<string, unknown>>();
    // The file's version is kept, as AutoGPT's import does; only ids are new.
    expect(model).toMatchObject({ id: graph.id, version: 2, user_id: userId, name: 'Calculator agent' });
    expect(model.input_schema).toMatchObject({ properties: { Input: expect.any(Object) } });
    const exported = (await inject('GET', `/api/graphs/${graph.id}?for_export=true`)).json<
      Record<string, unknown>
    >();
    expect(exported.user_id).toBe('');
  });

  it('refuses malformed graphs with 422 and invalid ones with 400 validation_error', async () => {
    const malformed = await inject('POST', '/api/graphs', { graph: { nodes: 'no' } });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().detail).toEqual(
      expect.arrayContaining([expect.objectContaining({ loc: expect.any(Array) })]),
    );
    const missingBody = await inject('POST', '/api/graphs', { source: 'upload' });
    expect(missingBody.statusCode).toBe(422);

    const agent = await loadCalculatorAgent();
    const nodes = (agent.nodes as { block_id: string }[]).map((node, i) =>
      i === 0 ? { ...node, block_id: '00000000-0000-0000-0000-00000000dead' } : node,
    );
    const invalid = await inject('POST', '/api/graphs', { graph: { ...agent, nodes } });
    expect(invalid.statusCode).toBe(400);
    const detail = invalid.json<{ detail: { type: string; message: string; node_errors: object } }>().detail;
    expect(detail.type).toBe('validation_error');
    expect(Object.keys(detail.node_errors)).toHaveLength(1);
  });

  it('lists active graphs as GraphMeta and 404s unknown ids', async () => {
    const graph = await importCalculator(server, headers.authorization.slice(7));
    const list = (await inject('GET', '/api/graphs')).json<Record<string, unknown>[]>();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: graph.id, version: graph.version, is_active: true, user_id: userId });
    expect(list[0]).not.toHaveProperty('nodes');
    expect((await inject('GET', '/api/graphs/unknown-id')).statusCode).toBe(404);
    expect((await inject('GET', `/api/graphs/${graph.id}?version=0`)).statusCode).toBe(422);
  });

  it('updates by adding a version, switches the active version, and serves versions', async () => {
    const graph = await importCalculator(server, headers.authorization.slice(7));
    const current = (await inject('GET', `/api/graphs/${graph.id}`)).json<Record<string, unknown>>();
    const updated = await inject('PUT', `/api/graphs/${graph.id}`, { ...current, name: 'Calculator v2' });
    expect(updated.statusCode).toBe(200);
    const next = graph.version + 1;
    expect(updated.json()).toMatchObject({
      id: graph.id,
      version: next,
      name: 'Calculator v2',
      is_active: true,
    });

    const versions = (await inject('GET', `/api/graphs/${graph.id}/versions`)).json<{ version: number }[]>();
    expect(versions.map((v) => v.version)).toEqual([next, graph.version]);
    const v1 = await inject('GET', `/api/graphs/${graph.id}/versions/${graph.version}`);
    expect(v1.json()).toMatchObject({ version: graph.version, is_active: false });
    expect((await inject('GET', `/api/graphs/${graph.id}/versions/9`)).statusCode).toBe(404);

    const activate = await inject('PUT', `/api/graphs/${graph.id}/versions/active`, {
      active_graph_version: graph.version,
    });
    expect(activate.statusCode).toBe(200);
    const list = (await inject('GET', '/api/graphs')).json<{ version: number }[]>();
    expect(list.map((g) => g.version)).toEqual([graph.version]);
    const missing = await inject('PUT', `/api/graphs/${graph.id}/versions/active`, {
      active_graph_version: 7,
    });
    expect(missing.statusCode).toBe(404);
    const bad = await inject('PUT', `/api/graphs/${graph.id}/versions/active`, {
      active_graph_version: 'one',
    });
    expect(bad.statusCode).toBe(422);
  });

  it('refuses an update whose body id differs from the path (400) or of an unknown graph (404)', async () => {
    const graph = await importCalculator(server, headers.authorization.slice(7));
    const current = (await inject('GET', `/api/graphs/${graph.id}`)).json<Record<string, unknown>>();
    const mismatch = await inject('PUT', `/api/graphs/${graph.id}`, { ...current, id: 'other' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().detail).toBe('Graph ID does not match ID in URI');
    expect((await inject('PUT', '/api/graphs/unknown', { ...current, id: 'unknown' })).statusCode).toBe(404);
    const nodes = (current.nodes as { block_id: string }[]).map((node) => ({ ...node, block_id: 'nope' }));
    expect((await inject('PUT', `/api/graphs/${graph.id}`, { ...current, nodes })).statusCode).toBe(400);
  });

  it('deletes every version of the owner graph', async () => {
    const graph = await importCalculator(server, headers.authorization.slice(7));
    const deleted = await inject('DELETE', `/api/graphs/${graph.id}`);
    expect(deleted.json()).toEqual({ version_counts: 1 });
    expect((await inject('GET', `/api/graphs/${graph.id}`)).statusCode).toBe(404);
    expect((await inject('DELETE', `/api/graphs/${graph.id}`)).statusCode).toBe(404);
  });
});
