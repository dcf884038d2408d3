import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, importCalculator, type TestServer } from './harness';
import { TestSocket } from './ws-client';

/** Every route that takes an id: user B gets 404 for user A's resource, and A's resource is untouched. */
describe('isolation between users', () => {
  let server: TestServer;
  let a: { token: string; userId: string };
  let b: { token: string; userId: string };
  let graph: { id: string; version: number };
  let execId: string;
  let base: string;

  beforeAll(async () => {
    server = await createTestServer();
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws');
    a = await server.signup('a@x.io');
    b = await server.signup('b@x.io');
    graph = await importCalculator(server, a.token);
    const run = await server.app.inject({
      method: 'POST',
      url: `/api/graphs/${graph.id}/execute/${graph.version}`,
      headers: server.auth(a.token),
      payload: { inputs: { Input: 8 } },
    });
    execId = run.json<{ id: string }>().id;
    await server.engine.waitForCompletion(execId, { timeoutMs: 10_000 });
  });
  afterAll(() => server.close());

  const routes = (): [method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object][] => [
    ['GET', `/api/graphs/${graph.id}`],
    ['GET', `/api/graphs/${graph.id}?for_export=true`],
    ['GET', `/api/graphs/${graph.id}/versions`],
    ['GET', `/api/graphs/${graph.id}/versions/${graph.version}`],
    ['PUT', `/api/graphs/${graph.id}`, { id: graph.id, name: 'stolen', nodes: [], links: [] }],
    ['PUT', `/api/graphs/${graph.id}/versions/active`, { active_graph_version: graph.version }],
    ['POST', `/api/graphs/${graph.id}/execute/${graph.version}`, { inputs: { Input: 1 } }],
    ['GET', `/api/graphs/${graph.id}/executions`],
    ['GET', `/api/graphs/${graph.id}/executions/${execId}`],
    ['POST', `/api/graphs/${graph.id}/executions/${execId}/stop`],
    ['DELETE', `/api/executions/${execId}`],
    ['DELETE', `/api/graphs/${graph.id}`],
  ];

  it('answers 404 to user B on every route with an id of user A', async () => {
    for (const [method, url, payload] of routes()) {
      const response = await server.app.inject({
        method,
        url,
        headers: server.auth(b.token),
        ...(payload ? { payload } : {}),
      });
      expect({ method, url, status: response.statusCode }).toEqual({ method, url, status: 404 });
    }
  });

  it('answers 404 to user B for user A API key and through the external API', async () => {
    const create = await server.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: server.auth(a.token),
      payload: { name: 'a', permissions: ['READ_GRAPH'] },
    });
    const keyId = create.json<{ api_key: { id: string } }>().api_key.id;
    for (const [method, url, payload] of [
      ['GET', `/api/api-keys/${keyId}`],
      ['DELETE', `/api/api-keys/${keyId}`],
      ['POST', `/api/api-keys/${keyId}/suspend`],
      ['PUT', `/api/api-keys/${keyId}/permissions`, { permissions: ['IDENTITY'] }],
    ] as const) {
      const response = await server.app.inject({
        method,
        url,
        headers: server.auth(b.token),
        ...(payload ? { payload } : {}),
      });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
    }
    const bKey = await server.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: server.auth(b.token),
      payload: { name: 'b', permissions: ['READ_GRAPH', 'EXECUTE_GRAPH'] },
    });
    const key = bKey.json<{ plain_text_key: string }>().plain_text_key;
    const results = await server.app.inject({
      method: 'GET',
      url: `/external-api/v1/graphs/${graph.id}/executions/${execId}/results`,
      headers: { 'x-api-key': key },
    });
    expect(results.statusCode).toBe(404);
    const run = await server.app.inject({
      method: 'POST',
      url: `/external-api/v1/graphs/${graph.id}/execute/${graph.version}`,
      headers: { 'x-api-key': key },
      payload: { node_input: { Input: 1 } },
    });
    expect(run.statusCode).toBe(404);
  });

  it('answers 404 to user B for user A credentials, and lists none of them', async () => {
    const create = await server.app.inject({
      method: 'POST',
      url: '/api/integrations/openai/credentials',
      headers: server.auth(a.token),
      payload: { type: 'api_key', api_key: 'sk-of-a' },
    });
    const credId = create.json<{ id: string }>().id;
    for (const [method, url] of [
      ['GET', `/api/integrations/openai/credentials/${credId}`],
      ['DELETE', `/api/integrations/openai/credentials/${credId}`],
      ['DELETE', `/api/integrations/openai/credentials/${credId}?force=true`],
    ] as const) {
      const response = await server.app.inject({ method, url, headers: server.auth(b.token) });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
    }
    for (const url of ['/api/integrations/credentials', '/api/integrations/openai/credentials']) {
      const response = await server.app.inject({ method: 'GET', url, headers: server.auth(b.token) });
      expect(response.json()).toEqual([]);
    }
    expect(await server.vault.get(b.userId, credId)).toBeUndefined();
    const still = await server.app.inject({
      method: 'GET',
      url: `/api/integrations/openai/credentials/${credId}`,
      headers: server.auth(a.token),
    });
    expect(still.statusCode).toBe(200);
  });

  it('shows user B none of user A graphs or runs in lists', async () => {
    const headers = server.auth(b.token);
    expect((await server.app.inject({ method: 'GET', url: '/api/graphs', headers })).json()).toEqual([]);
    expect((await server.app.inject({ method: 'GET', url: '/api/executions', headers })).json()).toEqual([]);
  });

  it('refuses user B WebSocket subscriptions to user A run and graph', async () => {
    const socket = await TestSocket.open(`${base}/ws?token=${b.token}`);
    try {
      expect(
        await socket.request({ method: 'subscribe_graph_execution', data: { graph_exec_id: execId } }),
      ).toEqual({
        method: 'error',
        success: false,
        error: `Graph execution #${execId} not found`,
      });
      expect(
        await socket.request({ method: 'subscribe_graph_executions', data: { graph_id: graph.id } }),
      ).toMatchObject({
        method: 'error',
        success: false,
      });
    } finally {
      socket.close();
    }
  });

  it('leaves user A resources intact', async () => {
    const headers = server.auth(a.token);
    const run = await server.app.inject({
      method: 'GET',
      url: `/api/graphs/${graph.id}/executions/${execId}`,
      headers,
    });
    expect(run.json()).toMatchObject({ status: 'COMPLETED', outputs: { Output: [42] } });
    const list = (await server.app.inject({ method: 'GET', url: '/api/graphs', headers })).json<
      { name: string }[]
    >();
    expect(list.map((g) => g.name)).toEqual(['Calculator agent']);
  });
});
