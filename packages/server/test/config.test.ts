import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { platformCredentialsFromEnv } from '@blockloom/blocks';
import { loadConfig, type ServerConfig } from '../src/index';
import { createTestServer, repoRoot, type TestServer } from './harness';

const serverVersion = async () =>
  (JSON.parse(await readFile(join(repoRoot, 'packages/server/package.json'), 'utf8')) as { version: string })
    .version;

describe('GET /api/config', () => {
  let server: TestServer;
  afterEach(() => server.close());

  const modes: [ServerConfig['auth'], Partial<ServerConfig>][] = [
    ['local', {}],
    ['jwt', { auth: 'jwt', jwtVerifyKey: 'an-identity-provider-secret-of-32-bytes' }],
    ['none', { auth: 'none' }],
  ];
  for (const [mode, overrides] of modes) {
    it(`answers without a token in ${mode} mode`, async () => {
      server = await createTestServer(overrides);
      const response = await server.app.inject({ method: 'GET', url: '/api/config' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ auth_mode: mode, version: await serverVersion() });
    });
  }

  it('ignores a bad token instead of refusing the request', async () => {
    server = await createTestServer();
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/config',
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(response.statusCode).toBe(200);
  });

  it('reads the web root from BLOCKLOOM_WEB_ROOT, resolved', () => {
    const config = loadConfig({ BLOCKLOOM_WEB_ROOT: 'web/dist' }, { localUserId: 'u' });
    expect(config.webRoot).toBe(join(process.cwd(), 'web/dist'));
    expect(loadConfig({}, { localUserId: 'u' }).webRoot).toBeUndefined();
  });
});

describe('GET /api/integrations/platform-credentials', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('lists the providers with platform keys, without secrets, to signed-in users only', async () => {
    const platformDefaults = platformCredentialsFromEnv({
      OPENAI_API_KEY: 'sk-platform-secret',
      WEBSHARE_PROXY_USERNAME: 'proxy-user',
      WEBSHARE_PROXY_PASSWORD: 'proxy-secret',
    });
    server = await createTestServer({}, { platformDefaults });
    const { token } = await server.signup('p@x.io');
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/integrations/platform-credentials',
      headers: server.auth(token),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { id: platformDefaults[0]?.id, provider: 'openai', type: 'api_key', title: 'OpenAI (platform)' },
      {
        id: platformDefaults[1]?.id,
        provider: 'webshare_proxy',
        type: 'user_password',
        title: 'Webshare proxy (platform)',
      },
    ]);
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('proxy-user');
    // The user's own list stays theirs: platform credentials are not in it.
    const own = await server.app.inject({
      method: 'GET',
      url: '/api/integrations/credentials',
      headers: server.auth(token),
    });
    expect(own.json()).toEqual([]);
    const anonymous = await server.app.inject({
      method: 'GET',
      url: '/api/integrations/platform-credentials',
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers an empty list when the environment provides none', async () => {
    server = await createTestServer();
    const { token } = await server.signup('q@x.io');
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/integrations/platform-credentials',
      headers: server.auth(token),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
  });
});
