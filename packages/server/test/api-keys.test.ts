import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, importCalculator, type TestServer } from './harness';

interface KeyInfo {
  id: string;
  head: string;
  tail: string;
  status: string;
  scopes: string[];
}

describe('API keys and the external API', () => {
  let server: TestServer;
  let token: string;
  let headers: { authorization: string };
  beforeEach(async () => {
    server = await createTestServer();
    token = (await server.signup('a@x.io')).token;
    headers = server.auth(token);
  });
  afterEach(() => server.close());

  const createKey = async (permissions: string[]) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers,
      payload: { name: 'ci', permissions, description: 'for CI' },
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ api_key: KeyInfo; plain_text_key: string }>();
  };
  const external = (method: 'GET' | 'POST', url: string, options: { key?: string; payload?: object } = {}) =>
    server.app.inject({
      method,
      url: `/external-api/v1${url}`,
      headers: options.key === undefined ? {} : { 'x-api-key': options.key },
      ...(options.payload ? { payload: options.payload } : {}),
    });

  it('creates agpt_ keys shown once, with head and tail; lists and gets them without secrets', async () => {
    const { api_key: info, plain_text_key: key } = await createKey(['IDENTITY', 'READ_GRAPH']);
    expect(key).toMatch(/^agpt_[\w-]{43}$/);
    expect(info).toMatchObject({
      head: key.slice(0, 8),
      tail: key.slice(-8),
      status: 'ACTIVE',
      type: 'api_key',
    });
    const list = await server.app.inject({ method: 'GET', url: '/api/api-keys', headers });
    expect(list.json()).toEqual([info]);
    expect(list.body).not.toContain(key);
    const one = await server.app.inject({ method: 'GET', url: `/api/api-keys/${info.id}`, headers });
    expect(one.json()).toEqual(info);
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/api-keys/unknown', headers })).statusCode,
    ).toBe(404);
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers,
      payload: { name: 'x', permissions: ['FLY'] },
    });
    expect(bad.statusCode).toBe(422);
  });

  it('authenticates X-API-Key with AutoGPT messages and checks permissions per route', async () => {
    const { plain_text_key: key } = await createKey(['IDENTITY']);
    expect((await external('GET', '/me')).json().detail).toBe('Missing API key');
    expect((await external('GET', '/me', { key: 'sk-not-ours' })).json().detail).toBe('Invalid API key');
    expect((await external('GET', '/me', { key: `${key.slice(0, -1)}x` })).statusCode).toBe(401);
    const me = await external('GET', '/me', { key });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'a@x.io', timezone: 'not-set' });
    const blocks = await external('GET', '/blocks', { key });
    expect(blocks.statusCode).toBe(403);
    expect(blocks.json().detail).toBe("API key lacks the required permission 'READ_BLOCK'");
    // The key does not work as a bearer token, nor a bearer token as a key.
    expect((await external('GET', '/me', { key: token })).statusCode).toBe(401);
  });

  it('suspends, revokes and re-scopes keys, effective at once', async () => {
    const { api_key: info, plain_text_key: key } = await createKey(['IDENTITY']);
    const rescoped = await server.app.inject({
      method: 'PUT',
      url: `/api/api-keys/${info.id}/permissions`,
      headers,
      payload: { permissions: ['READ_BLOCK'] },
    });
    expect(rescoped.json<KeyInfo>().scopes).toEqual(['READ_BLOCK']);
    expect((await external('GET', '/me', { key })).statusCode).toBe(403);
    expect((await external('GET', '/blocks', { key })).statusCode).toBe(200);
    const suspended = await server.app.inject({
      method: 'POST',
      url: `/api/api-keys/${info.id}/suspend`,
      headers,
    });
    expect(suspended.json<KeyInfo>().status).toBe('SUSPENDED');
    expect((await external('GET', '/blocks', { key })).statusCode).toBe(401);
    const revoked = await server.app.inject({ method: 'DELETE', url: `/api/api-keys/${info.id}`, headers });
    expect(revoked.json<KeyInfo>().status).toBe('REVOKED');
    const stillRevoked = await server.app.inject({
      method: 'POST',
      url: `/api/api-keys/${info.id}/suspend`,
      headers,
    });
    expect(stillRevoked.json<KeyInfo>().status).toBe('REVOKED');
  });

  it('runs a graph and a block through the external API', async () => {
    const graph = await importCalculator(server, token);
    const { plain_text_key: key } = await createKey(['EXECUTE_GRAPH', 'READ_GRAPH', 'EXECUTE_BLOCK']);
    const run = await external('POST', `/graphs/${graph.id}/execute/${graph.version}`, {
      key,
      payload: { node_input: { Input: 8 } },
    });
    expect(run.statusCode).toBe(200);
    const { id } = run.json<{ id: string }>();
    await server.engine.waitForCompletion(id, { timeoutMs: 10_000 });
    const results = await external('GET', `/graphs/${graph.id}/executions/${id}/results`, { key });
    expect(results.json()).toMatchObject({ execution_id: id, status: 'COMPLETED', output: [{ Output: 42 }] });
    expect(results.json<{ nodes: unknown[] }>().nodes).toHaveLength(3);
    expect((await external('GET', `/graphs/${graph.id}/executions/nope/results`, { key })).statusCode).toBe(
      404,
    );
    const invalid = await external('POST', `/graphs/${graph.id}/execute/${graph.version}`, {
      key,
      payload: { node_input: {} },
    });
    expect(invalid.statusCode).toBe(400);

    const blocks = (await server.app.inject({ method: 'GET', url: '/api/blocks', headers })).json<
      { id: string; name: string }[]
    >();
    const calculator = blocks.find((block) => block.name === 'CalculatorBlock');
    const block = await external('POST', `/blocks/${calculator?.id}/execute`, {
      key,
      payload: {
        operation: 'Add',
        a: 40,
        b: 2,
        round_result: false,
      },
    });
    expect(block.json()).toEqual({ result: [42] });
  });
});
