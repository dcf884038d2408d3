import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthProvidersFromEnv } from '../src/index';
import { startFakeOAuthProvider } from './fake-oauth';
import { createTestServer, type TestServer } from './harness';

const FRONTEND = 'https://app.example.com';

describe('OAuth2 integrations flow (loopback GitHub and Google)', () => {
  let fake: Awaited<ReturnType<typeof startFakeOAuthProvider>>;
  let server: TestServer;
  let user: { token: string; userId: string };
  // Starts now: access tokens are issued on this clock and verified on the real one.
  let clock = new Date();
  beforeAll(async () => {
    fake = await startFakeOAuthProvider();
    const oauth = oauthProvidersFromEnv({
      ...fake.env,
      GITHUB_CLIENT_ID: 'gh-client',
      GITHUB_CLIENT_SECRET: 'gh-secret',
      GOOGLE_CLIENT_ID: 'g-client',
      GOOGLE_CLIENT_SECRET: 'g-secret',
    });
    server = await createTestServer({ oauth, frontendUrl: FRONTEND }, { now: () => clock });
    user = await server.signup('oauth@x.io');
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
  });

  const login = async (provider: string, scopes = '', token = user.token) => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/integrations/${provider}/login${scopes ? `?scopes=${scopes}` : ''}`,
      headers: server.auth(token),
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ login_url: string; state_token: string }>();
  };
  const callback = (provider: string, payload: object, token = user.token) =>
    server.app.inject({
      method: 'POST',
      url: `/api/integrations/${provider}/callback`,
      headers: server.auth(token),
      payload,
    });

  it('builds the GitHub authorize URL with state and an S256 PKCE challenge', async () => {
    const { login_url, state_token } = await login('github', 'repo,read:user');
    const url = new URL(login_url);
    expect(`${url.origin}${url.pathname}`).toBe(`${fake.url}/login/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'gh-client',
      redirect_uri: `${FRONTEND}/auth/integrations/oauth_callback`,
      scope: 'repo read:user',
      state: state_token,
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code with the verifier, stores oauth2 credentials, and refuses the state a second time', async () => {
    const { login_url, state_token } = await login('github', 'repo');
    fake.approve(login_url, 'code-1');
    const response = await callback('github', { code: 'code-1', state_token });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ id: string }>();
    expect(body).toEqual({
      id: expect.any(String),
      provider: 'github',
      type: 'oauth2',
      title: 'github (octocat)',
      scopes: ['repo'],
      username: 'octocat',
    });
    expect(response.body).not.toContain('access-');
    const exchange = fake.requests.find((r) => r.path === '/login/oauth/access_token');
    const challenge = new URL(login_url).searchParams.get('code_challenge');
    const verifier = exchange?.form.get('code_verifier') ?? '';
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(challenge);
    expect(exchange?.form.get('redirect_uri')).toBe(`${FRONTEND}/auth/integrations/oauth_callback`);
    expect(await server.vault.get(user.userId, body.id)).toMatchObject({
      type: 'oauth2',
      access_token: 'access-1',
    });

    const again = await callback('github', { code: 'code-1', state_token });
    expect(again.statusCode).toBe(400);
    expect(again.json<{ detail: string }>().detail).toBe('Invalid or already used OAuth state token');

    const list = await server.app.inject({
      method: 'GET',
      url: '/api/integrations/github/credentials',
      headers: server.auth(user.token),
    });
    expect(list.json()).toEqual([
      expect.objectContaining({ id: body.id, scopes: ['repo'], username: 'octocat' }),
    ]);
    const removed = await server.app.inject({
      method: 'DELETE',
      url: `/api/integrations/github/credentials/${body.id}`,
      headers: server.auth(user.token),
    });
    expect(removed.json()).toEqual({ deleted: true, revoked: true });
    const revoke = fake.requests.find((r) => r.path === '/applications/gh-client/token');
    expect(revoke?.method).toBe('DELETE');
    expect(JSON.parse(revoke?.text ?? '{}')).toEqual({ access_token: 'access-1' });
  });

  it('refuses an expired state, a wrong code, and another user state', async () => {
    const expired = await login('github');
    fake.approve(expired.login_url, 'code-late');
    clock = new Date(clock.getTime() + 11 * 60 * 1000);
    const late = await callback('github', { code: 'code-late', state_token: expired.state_token });
    expect(late.statusCode).toBe(400);
    expect(late.json<{ detail: string }>().detail).toContain('expired');

    const wrong = await login('github');
    const refused = await callback('github', { code: 'never-issued', state_token: wrong.state_token });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ detail: string }>().detail).toContain('bad_verification_code');

    const other = await server.signup('other@x.io');
    const theirs = await login('github', '', other.token);
    fake.approve(theirs.login_url, 'code-theirs');
    expect(
      (await callback('github', { code: 'code-theirs', state_token: theirs.state_token })).statusCode,
    ).toBe(400);
    expect((await callback('github', { code: 'x' })).statusCode).toBe(422);
  });

  it('asks Google for offline access, refreshes an expired token when a run gets it, and revokes at deletion', async () => {
    const { login_url, state_token } = await login(
      'google',
      'https://www.googleapis.com/auth/gmail.readonly',
    );
    const params = new URL(login_url).searchParams;
    expect(params.get('access_type')).toBe('offline');
    expect(params.get('scope')?.split(' ')).toContain('https://www.googleapis.com/auth/gmail.readonly');
    fake.approve(login_url, 'g-code');
    const response = await callback('google', { code: 'g-code', state_token });
    expect(response.statusCode).toBe(200);
    const { id, username } = response.json<{ id: string; username: string }>();
    expect(username).toBe('ann@gmail.test');
    const first = await server.vault.get(user.userId, id);
    expect(first).toMatchObject({ refresh_token: 'refresh-1' });
    const firstToken = first?.type === 'oauth2' ? first.access_token : '';

    clock = new Date(clock.getTime() + 2 * 3600 * 1000);
    const renewed = await server.vault.get(user.userId, id);
    expect(renewed?.type === 'oauth2' && renewed.access_token).toMatch(/^access-refreshed-/);
    expect(renewed?.type === 'oauth2' && renewed.access_token).not.toBe(firstToken);
    const refresh = fake.requests.find((r) => r.form.get('grant_type') === 'refresh_token');
    expect(refresh?.form.get('client_id')).toBe('g-client');

    const removed = await server.app.inject({
      method: 'DELETE',
      url: `/api/integrations/google/credentials/${id}`,
      headers: server.auth(user.token),
    });
    expect(removed.json()).toEqual({ deleted: true, revoked: true });
  });

  it('answers 404 for an unknown provider and 501 for one without a client', async () => {
    const unknown = await server.app.inject({
      method: 'GET',
      url: '/api/integrations/dropbox/login',
      headers: server.auth(user.token),
    });
    expect(unknown.statusCode).toBe(404);
    // GitHub configured, Google not; no BLOCKLOOM_FRONTEND_URL: redirects come back to this server.
    const bare = await createTestServer({
      // Port 9 (discard) refuses connections: the provider is unreachable.
      oauth: oauthProvidersFromEnv({
        GITHUB_CLIENT_ID: 'id',
        GITHUB_CLIENT_SECRET: 'secret',
        GITHUB_OAUTH_BASE_URL: 'http://127.0.0.1:9',
      }),
    });
    try {
      const someone = await bare.signup('bare@x.io');
      const response = await bare.app.inject({
        method: 'GET',
        url: '/api/integrations/google/login',
        headers: bare.auth(someone.token),
      });
      expect(response.statusCode).toBe(501);
      expect(response.json<{ detail: string }>().detail).toContain('GOOGLE_CLIENT_ID');
      const github = await bare.app.inject({
        method: 'GET',
        url: '/api/integrations/github/login',
        headers: { ...bare.auth(someone.token), host: 'blockloom.test:8006' },
      });
      const redirect = new URL(github.json<{ login_url: string }>().login_url).searchParams.get(
        'redirect_uri',
      );
      expect(redirect).toBe('http://blockloom.test:8006/auth/integrations/oauth_callback');
      const unreachable = await bare.app.inject({
        method: 'POST',
        url: '/api/integrations/github/callback',
        headers: bare.auth(someone.token),
        payload: { code: 'c', state_token: github.json<{ state_token: string }>().state_token },
      });
      expect(unreachable.statusCode).toBe(502);
      expect(unreachable.json<{ detail: string }>().detail).toBe('github could not be reached');
    } finally {
      await bare.close();
    }
  });
});
