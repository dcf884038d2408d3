import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index';
import { createTestServer, TEST_SECRET, type TestServer } from './harness';

const sign = (
  claims: Record<string, unknown>,
  options: { secret?: string; expiresIn?: string | number } = {},
) => {
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience('authenticated')
    .setIssuer('blockloom')
    .setIssuedAt();
  if (options.expiresIn !== undefined) jwt = jwt.setExpirationTime(options.expiresIn);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));
};

describe('local accounts', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('signs up: the first account is admin, later ones users; emails are unique in any case', async () => {
    server = await createTestServer();
    expect((await server.signup('Ann@X.io')).role).toBe('admin');
    expect((await server.signup('bob@x.io')).role).toBe('user');
    const taken = await server.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'ann@x.IO', password: 'long enough' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ message: 'Failed to process POST /api/auth/signup' });
  });

  it('rejects a bad email or a short password with 422 and the issues', async () => {
    server = await createTestServer();
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'not-an-email', password: 'short' },
    });
    expect(response.statusCode).toBe(422);
    const body = response.json<{ message: string; detail: { loc: string[] }[] }>();
    expect(body.message).toBe('Invalid data for POST /api/auth/signup');
    expect(body.detail.map((issue) => issue.loc)).toEqual([
      ['body', 'email'],
      ['body', 'password'],
    ]);
  });

  it('logs in with the right password only', async () => {
    server = await createTestServer();
    await server.signup('a@x.io', 'right password');
    const ok = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'A@x.io', password: 'right password' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { email: 'a@x.io', role: 'admin' } });
    for (const payload of [
      { email: 'a@x.io', password: 'wrong password' },
      { email: 'nobody@x.io', password: 'right password' },
    ]) {
      const refused = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(refused.statusCode).toBe(401);
      expect(refused.json().detail).toBe('Invalid email or password');
    }
  });

  it('rotates refresh tokens; reusing a rotated one revokes the session; logout revokes too', async () => {
    server = await createTestServer();
    const { refresh } = await server.signup('a@x.io');
    const refreshWith = (token: string) =>
      server.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refresh_token: token } });
    const first = await refreshWith(refresh);
    expect(first.statusCode).toBe(200);
    const next = first.json<{ refresh_token: string; access_token: string }>();
    expect(next.refresh_token).not.toBe(refresh);
    const reused = await refreshWith(refresh);
    expect(reused.statusCode).toBe(401);
    expect((await refreshWith(next.refresh_token)).statusCode).toBe(401);

    const login = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@x.io', password: 'correct horse battery' },
    });
    const session = login.json<{ refresh_token: string }>();
    const logout = await server.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      payload: { refresh_token: session.refresh_token },
    });
    expect(logout.statusCode).toBe(204);
    expect((await refreshWith(session.refresh_token)).statusCode).toBe(401);
    expect((await refreshWith('never-issued')).statusCode).toBe(401);
  });

  it('issues access tokens with sub, email, role and audience authenticated', async () => {
    server = await createTestServer();
    const { token, userId } = await server.signup('a@x.io');
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({ sub: userId, email: 'a@x.io', role: 'admin', aud: 'authenticated' });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(900);
  });

  it('refuses requests without, with invalid and with expired tokens (401, AutoGPT messages)', async () => {
    server = await createTestServer();
    const call = (headers: Record<string, string>) =>
      server.app.inject({ method: 'GET', url: '/api/graphs', headers });
    const missing = await call({});
    expect(missing.statusCode).toBe(401);
    expect(missing.json().detail).toBe('Authorization header is missing');
    const garbage = await call({ authorization: 'Bearer not.a.jwt' });
    expect(garbage.statusCode).toBe(401);
    expect(garbage.json().detail).toMatch(/^Invalid token: /);
    const forged = await call(
      server.auth(await sign({ sub: 'x' }, { secret: 'another-secret-another-secret-xx' })),
    );
    expect(forged.statusCode).toBe(401);
    const expired = await call(
      server.auth(await sign({ sub: 'x' }, { expiresIn: Math.floor(Date.now() / 1000) - 10 })),
    );
    expect(expired.json().detail).toBe('Token has expired');
    const noSubject = await call(server.auth(await sign({ email: 'a@x.io' })));
    expect(noSubject.json().detail).toBe('User ID not found in token');
  });

  it('serves the user and its timezone', async () => {
    server = await createTestServer();
    const { token, userId } = await server.signup('a@x.io');
    const headers = server.auth(token);
    const user = await server.app.inject({ method: 'POST', url: '/api/auth/user', headers });
    expect(user.json()).toMatchObject({ id: userId, email: 'a@x.io', timezone: 'not-set' });
    const set = await server.app.inject({
      method: 'POST',
      url: '/api/auth/user/timezone',
      headers,
      payload: { timezone: 'Europe/Paris' },
    });
    expect(set.json()).toEqual({ timezone: 'Europe/Paris' });
    const get = await server.app.inject({ method: 'GET', url: '/api/auth/user/timezone', headers });
    expect(get.json()).toEqual({ timezone: 'Europe/Paris' });
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/auth/user/timezone',
      headers,
      payload: { timezone: 'Mars/Olympus' },
    });
    expect(bad.statusCode).toBe(422);
  });

  it("changes the user's email, refusing one another account has (409)", async () => {
    server = await createTestServer();
    const { token } = await server.signup('a@x.io');
    await server.signup('b@x.io');
    const headers = { ...server.auth(token), 'content-type': 'application/json' };
    const changed = await server.app.inject({
      method: 'POST',
      url: '/api/auth/user/email',
      headers,
      payload: JSON.stringify(' New@X.io '),
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ email: 'new@x.io' });
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'new@x.io', password: 'correct horse battery' },
    });
    expect(login.statusCode).toBe(200);
    const taken = await server.app.inject({
      method: 'POST',
      url: '/api/auth/user/email',
      headers,
      payload: JSON.stringify('B@x.io'),
    });
    expect(taken.statusCode).toBe(409);
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/auth/user/email',
      headers,
      payload: '"nope"',
    });
    expect(bad.statusCode).toBe(422);
  });

  it('serves and updates notification preferences, defaults first', async () => {
    server = await createTestServer();
    const { token, userId } = await server.signup('a@x.io');
    const headers = server.auth(token);
    const first = await server.app.inject({ method: 'GET', url: '/api/auth/user/preferences', headers });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ user_id: userId, email: 'a@x.io', daily_limit: 10 });
    expect(Object.values(first.json().preferences as Record<string, boolean>).every(Boolean)).toBe(true);
    expect(Object.keys(first.json().preferences as object)).toHaveLength(12);
    const updated = await server.app.inject({
      method: 'POST',
      url: '/api/auth/user/preferences',
      headers,
      payload: { preferences: { AGENT_RUN: false }, daily_limit: 3 },
    });
    expect(updated.json()).toMatchObject({
      daily_limit: 3,
      preferences: { AGENT_RUN: false, LOW_BALANCE: true },
    });
    const again = await server.app.inject({ method: 'GET', url: '/api/auth/user/preferences', headers });
    expect(again.json()).toEqual(updated.json());
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/auth/user/preferences',
      headers,
      payload: { preferences: { NOT_A_TYPE: true } },
    });
    expect(bad.statusCode).toBe(422);
  });

  it('lets admins act as another user and refuses it to anyone else (403)', async () => {
    server = await createTestServer();
    const admin = await server.signup('admin@x.io');
    const user = await server.signup('user@x.io');
    const asUser = await server.app.inject({
      method: 'POST',
      url: '/api/auth/user',
      headers: { ...server.auth(admin.token), 'x-act-as-user-id': user.userId },
    });
    expect(asUser.json()).toMatchObject({ id: user.userId, email: 'user@x.io' });
    const refused = await server.app.inject({
      method: 'GET',
      url: '/api/graphs',
      headers: { ...server.auth(user.token), 'x-act-as-user-id': admin.userId },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('other auth modes', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  it('none: every request is the local user, no token needed; no sign-up routes', async () => {
    server = await createTestServer({ auth: 'none' });
    const user = await server.app.inject({ method: 'POST', url: '/api/auth/user' });
    expect(user.json()).toMatchObject({ id: server.config.localUserId, role: 'admin' });
    const signup = await server.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'a@x.io', password: 'long enough' },
    });
    expect(signup.statusCode).toBe(404);
  });

  it('none: refuses a non-loopback HOST', async () => {
    expect(() => loadConfig({ BLOCKLOOM_AUTH: 'none', HOST: '0.0.0.0' }, { localUserId: 'u' })).toThrow(
      ConfigError,
    );
    expect(loadConfig({ BLOCKLOOM_AUTH: 'none', HOST: '::1' }, { localUserId: 'u' }).auth).toBe('none');
    expect(() => loadConfig({ PORT: 'eighty' }, { localUserId: 'u' })).toThrow(/PORT/);
    expect(() => loadConfig({ BLOCKLOOM_AUTH: 'jwt' }, { localUserId: 'u' })).toThrow(/JWT_VERIFY_KEY/);
  });

  it('jwt: accepts the provider tokens (HS256, audience authenticated) and creates users lazily', async () => {
    const providerSecret = 'provider-secret-provider-secret-123';
    server = await createTestServer({ auth: 'jwt', jwtVerifyKey: providerSecret, jwtSecret: undefined });
    const token = await sign(
      { sub: 'ext-user-1', email: 'ext@x.io', role: 'admin' },
      { secret: providerSecret },
    );
    const user = await server.app.inject({
      method: 'POST',
      url: '/api/auth/user',
      headers: server.auth(token),
    });
    expect(user.statusCode).toBe(200);
    expect(user.json()).toMatchObject({ id: 'ext-user-1', email: 'ext@x.io', role: 'admin' });
    const wrongAudience = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('other')
      .sign(new TextEncoder().encode(providerSecret));
    const refused = await server.app.inject({
      method: 'GET',
      url: '/api/graphs',
      headers: server.auth(wrongAudience),
    });
    expect(refused.statusCode).toBe(401);
  });
});
