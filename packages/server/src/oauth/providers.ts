/** An OAuth2 provider as the platform talks to it; the URLs may point at a proxy or a loopback fake. */
export interface OAuthProvider {
  name: string;
  /** Undefined when the environment has no client id/secret: its routes answer 501. */
  client?: { id: string; secret: string };
  authorizeUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  /** How the user's name is read from the userinfo body. */
  usernameField: string;
  revoke: { method: 'github'; url: string } | { method: 'form'; url: string };
  /** Always requested, so that the username (userinfo) can be read. */
  defaultScopes: string[];
  /** Extra authorize parameters (Google needs offline access to issue a refresh token). */
  authorizeParams: Record<string, string>;
}

export type OAuthProviders = Readonly<Record<string, OAuthProvider>>;

type Env = Readonly<Record<string, string | undefined>>;

const base = (env: Env, name: string, fallback: string) =>
  (env[name]?.trim() || fallback).replace(/\/+$/, '');

function client(env: Env, prefix: string): OAuthProvider['client'] {
  const id = env[`${prefix}_CLIENT_ID`]?.trim();
  const secret = env[`${prefix}_CLIENT_SECRET`]?.trim();
  return id && secret ? { id, secret } : undefined;
}

/**
 * GitHub and Google, the first OAuth2 providers, from the environment: `<PROVIDER>_CLIENT_ID/SECRET` and the
 * base URLs `GITHUB_OAUTH_BASE_URL`, `GITHUB_API_BASE_URL`, `GOOGLE_OAUTH_BASE_URL`, `GOOGLE_TOKEN_BASE_URL`,
 * `GOOGLE_API_BASE_URL` (so tests and air-gapped setups can point them elsewhere).
 */
export function oauthProvidersFromEnv(env: Env = process.env): OAuthProviders {
  const githubOauth = base(env, 'GITHUB_OAUTH_BASE_URL', 'https://github.com');
  const githubApi = base(env, 'GITHUB_API_BASE_URL', 'https://api.github.com');
  const googleOauth = base(env, 'GOOGLE_OAUTH_BASE_URL', 'https://accounts.google.com');
  const googleToken = base(env, 'GOOGLE_TOKEN_BASE_URL', 'https://oauth2.googleapis.com');
  const googleApi = base(env, 'GOOGLE_API_BASE_URL', 'https://www.googleapis.com');
  const github = client(env, 'GITHUB');
  const google = client(env, 'GOOGLE');
  return {
    github: {
      name: 'github',
      client: github,
      authorizeUrl: `${githubOauth}/login/oauth/authorize`,
      tokenUrl: `${githubOauth}/login/oauth/access_token`,
      userinfoUrl: `${githubApi}/user`,
      usernameField: 'login',
      revoke: { method: 'github', url: `${githubApi}/applications/${github?.id ?? '-'}/token` },
      defaultScopes: [],
      authorizeParams: {},
    },
    google: {
      name: 'google',
      client: google,
      authorizeUrl: `${googleOauth}/o/oauth2/v2/auth`,
      tokenUrl: `${googleToken}/token`,
      userinfoUrl: `${googleApi}/oauth2/v2/userinfo`,
      usernameField: 'email',
      revoke: { method: 'form', url: `${googleToken}/revoke` },
      defaultScopes: ['openid', 'https://www.googleapis.com/auth/userinfo.email'],
      authorizeParams: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },
    },
  };
}
