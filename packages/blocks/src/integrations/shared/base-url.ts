type Env = Readonly<Record<string, string | undefined>>;

/**
 * The base URL of a provider that is not in the platform table (`platform/providers.ts`): the variable when
 * set (a proxy, a gateway, a loopback fake in tests), else the public address. A trailing slash is dropped so
 * callers can append `/path`.
 */
export function envBaseUrl(variable: string, fallback: string, env: Env = process.env): string {
  const override = env[variable]?.trim();
  return (override || fallback).replace(/\/+$/, '');
}
