import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  form: URLSearchParams;
  text: string;
}

/**
 * A loopback stand-in for GitHub and Google's OAuth2 endpoints: authorization codes are registered with the
 * PKCE challenge of their login, and the token endpoint checks the verifier against it, as a real provider does.
 */
export async function startFakeOAuthProvider() {
  const requests: FakeRequest[] = [];
  const codes = new Map<string, { challenge: string; user: string }>();
  let issued = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        form: new URLSearchParams(text),
        text,
      };
      requests.push(request);
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const path = request.path.split('?')[0];
      if (path === '/login/oauth/access_token' || path === '/token') {
        const google = path === '/token';
        if (request.form.get('grant_type') === 'refresh_token') {
          if (request.form.get('refresh_token') !== 'refresh-1') return send(400, { error: 'invalid_grant' });
          issued += 1;
          return send(200, { access_token: `access-refreshed-${issued}`, expires_in: 3600 });
        }
        const code = codes.get(request.form.get('code') ?? '');
        const verifier = request.form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        // GitHub answers errors with 200 and an `error` field; Google with 400.
        if (!code || code.challenge !== challenge)
          return send(google ? 400 : 200, { error: 'bad_verification_code' });
        codes.delete(request.form.get('code') ?? '');
        issued += 1;
        return send(
          200,
          google
            ? {
                access_token: `access-${issued}`,
                refresh_token: 'refresh-1',
                expires_in: 3600,
                scope: 'openid email',
              }
            : { access_token: `access-${issued}`, token_type: 'bearer', scope: 'repo' },
        );
      }
      if (path === '/user') return send(200, { login: 'octocat' });
      if (path === '/oauth2/v2/userinfo') return send(200, { email: 'ann@gmail.test' });
      if (path === '/revoke' || path?.startsWith('/applications/')) return send(200, {});
      return send(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    /** What the user's browser would do at the authorize URL: the provider issues a code for that login. */
    approve(loginUrl: string, code: string): void {
      const challenge = new URL(loginUrl).searchParams.get('code_challenge') ?? '';
      codes.set(code, { challenge, user: 'octocat' });
    },
    env: {
      GITHUB_OAUTH_BASE_URL: url,
      GITHUB_API_BASE_URL: url,
      GOOGLE_OAUTH_BASE_URL: url,
      GOOGLE_TOKEN_BASE_URL: url,
      GOOGLE_API_BASE_URL: url,
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
