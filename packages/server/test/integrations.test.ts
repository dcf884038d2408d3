import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index';
import { createTestServer, importCalculator, type TestServer } from './harness';

/** The credentials routes of /api/integrations (internals §5 Integrations), each status included. */
describe('integrations credentials', () => {
  let server: TestServer;
  let user: { token: string; userId: string };
  beforeAll(async () => {
    server = await createTestServer();
    user = await server.signup('creds@x.io');
  });
  afterAll(() => server.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: server.auth(user.token), ...(payload ? { payload } : {}) });
  const create = async (provider: string, payload: object) => {
    const response = await call('POST', `/api/integrations/${provider}/credentials`, payload);
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string } & Record<string, unknown>>();
  };

  it('creates api_key, user_password and host_scoped credentials and never answers their secrets', async () => {
    const apiKey = await create('openai', { type: 'api_key', title: 'Work key', api_key: 'sk-live-123' });
    expect(apiKey).toMatchObject({
      provider: 'openai',
      type: 'api_key',
      title: 'Work key',
      api_key: '**********',
    });
    const login = await create('smtp', { type: 'user_password', username: 'me', password: 'hunter2' });
    expect(login).toMatchObject({ username: 'me', password: '**********' });
    const host = await create('http', {
      type: 'host_scoped',
      host: 'api.example.com',
      headers: { 'X-Token': 'tok-abc' },
    });
    expect(host).toMatchObject({ host: 'api.example.com', headers: { 'X-Token': '**********' } });

    const all = await call('GET', '/api/integrations/credentials');
    expect(all.statusCode).toBe(200);
    expect(all.json<{ id: string }[]>().map((c) => c.id)).toEqual([apiKey.id, login.id, host.id]);
    expect(all.json()[1]).toEqual({
      id: login.id,
      provider: 'smtp',
      type: 'user_password',
      title: null,
      scopes: null,
      username: 'me',
      host: null,
    });
    const openai = await call('GET', '/api/integrations/openai/credentials');
    expect(openai.json<{ id: string }[]>().map((c) => c.id)).toEqual([apiKey.id]);
    const one = await call('GET', `/api/integrations/openai/credentials/${apiKey.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({
      id: apiKey.id,
      provider: 'openai',
      type: 'api_key',
      title: 'Work key',
      api_key: '**********',
      expires_at: null,
    });
    for (const body of [all.body, openai.body, one.body])
      for (const secret of ['sk-live-123', 'hunter2', 'tok-abc']) expect(body).not.toContain(secret);
    // The run-time view still has the secret.
    expect(await server.vault.get(user.userId, apiKey.id)).toMatchObject({ api_key: 'sk-live-123' });
  });

  it('answers 422 for malformed bodies, 400 for a provider mismatch, 404 for unknown ids, 401 without a token', async () => {
    const url = '/api/integrations/openai/credentials';
    for (const payload of [
      { type: 'api_key' },
      { type: 'api_key', api_key: '' },
      { type: 'oauth2', access_token: 'x', scopes: [] },
      { type: 'user_password', username: 'u' },
      { type: 'host_scoped', host: 'h', headers: { 'X-A': 1 } },
    ]) {
      const response = await call('POST', url, payload);
      expect({ payload, status: response.statusCode }).toEqual({ payload, status: 422 });
      expect(response.json()).toMatchObject({
        message: `Invalid data for POST /api/integrations/:provider/credentials`,
      });
    }
    const mismatch = await call('POST', url, { type: 'api_key', api_key: 'k', provider: 'anthropic' });
    expect(mismatch.statusCode).toBe(400);
    expect(
      (await call('POST', '/api/integrations/bad%20name/credentials', { type: 'api_key', api_key: 'k' }))
        .statusCode,
    ).toBe(422);
    expect((await call('GET', '/api/integrations/openai/credentials/nope')).statusCode).toBe(404);
    expect((await call('DELETE', '/api/integrations/openai/credentials/nope')).statusCode).toBe(404);
    const created = await create('openai', { type: 'api_key', api_key: 'k' });
    expect((await call('GET', `/api/integrations/anthropic/credentials/${created.id}`)).statusCode).toBe(404);
    expect(
      (await call('DELETE', `/api/integrations/openai/credentials/${created.id}?force=maybe`)).statusCode,
    ).toBe(422);
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/integrations/credentials' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('asks for confirmation before deleting credentials a graph uses, and deletes with force', async () => {
    const created = await create('openai', { type: 'api_key', api_key: 'sk-used' });
    const graph = await importCalculator(server, user.token);
    const stored = await server.store.getGraph(graph.id, { userId: user.userId });
    if (!stored?.nodes[0]) throw new Error('calculator agent has no nodes');
    stored.nodes[0].input_default.credentials = { id: created.id, provider: 'openai', type: 'api_key' };
    const update = await server.app.inject({
      method: 'PUT',
      url: `/api/graphs/${graph.id}`,
      headers: server.auth(user.token),
      payload: stored,
    });
    expect(update.statusCode).toBe(200);
    const exported = await server.app.inject({
      method: 'GET',
      url: `/api/graphs/${graph.id}?for_export=true`,
      headers: server.auth(user.token),
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toContain(created.id);
    const url = `/api/integrations/openai/credentials/${created.id}`;
    const asked = await call('DELETE', url);
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual({
      deleted: false,
      need_confirmation: true,
      message: expect.stringContaining('Calculator agent'),
    });
    expect((await call('GET', url)).statusCode).toBe(200);
    expect((await call('DELETE', `${url}?force=true`)).json()).toEqual({ deleted: true, revoked: null });
    expect((await call('GET', url)).statusCode).toBe(404);
    const unused = await create('openai', { type: 'api_key', api_key: 'sk-unused' });
    expect((await call('DELETE', `/api/integrations/openai/credentials/${unused.id}`)).json()).toEqual({
      deleted: true,
      revoked: null,
    });
  });

  it('documents the routes in /openapi.json under the integrations tag', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[] }>>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/integrations/credentials',
        '/api/integrations/{provider}/credentials',
        '/api/integrations/{provider}/credentials/{cred_id}',
        '/api/integrations/{provider}/login',
        '/api/integrations/{provider}/callback',
      ]),
    );
    expect(doc.paths['/api/integrations/{provider}/login']?.get?.tags).toEqual(['integrations']);
  });
});

describe('integrations configuration', () => {
  it('reads the frontend URL, the encryption key and the OAuth clients from the environment', () => {
    const config = loadConfig(
      {
        BLOCKLOOM_FRONTEND_URL: 'https://app.example.com/',
        BLOCKLOOM_ENCRYPTION_KEY: 'k',
        GOOGLE_CLIENT_ID: 'gid',
        GOOGLE_CLIENT_SECRET: 'gsecret',
        GOOGLE_TOKEN_BASE_URL: 'http://127.0.0.1:9/',
      },
      { localUserId: 'u' },
    );
    expect(config.frontendUrl).toBe('https://app.example.com');
    expect(config.encryptionKey).toBe('k');
    expect(config.oauth?.google?.client).toEqual({ id: 'gid', secret: 'gsecret' });
    expect(config.oauth?.google?.tokenUrl).toBe('http://127.0.0.1:9/token');
    expect(config.oauth?.github?.client).toBeUndefined();
    expect(() => loadConfig({ BLOCKLOOM_FRONTEND_URL: 'not a url' }, { localUserId: 'u' })).toThrow(
      ConfigError,
    );
  });
});
