import { createHash } from 'node:crypto';
import type { Credentials } from '@blockloom/sdk';

/**
 * Providers whose keys a self-hoster may set in the environment, as AutoGPT reads them: each becomes a
 * platform credential offered to every user, and `<PREFIX>_BASE_URL` points the provider's client at a
 * proxy, a gateway or a local test server.
 */
export const platformProviders = {
  openai: { keyEnv: 'OPENAI_API_KEY', baseUrlEnv: 'OPENAI_BASE_URL', title: 'OpenAI (platform)' },
  anthropic: { keyEnv: 'ANTHROPIC_API_KEY', baseUrlEnv: 'ANTHROPIC_BASE_URL', title: 'Anthropic (platform)' },
  groq: { keyEnv: 'GROQ_API_KEY', baseUrlEnv: 'GROQ_BASE_URL', title: 'Groq (platform)' },
  open_router: {
    keyEnv: 'OPEN_ROUTER_API_KEY',
    baseUrlEnv: 'OPEN_ROUTER_BASE_URL',
    title: 'OpenRouter (platform)',
  },
  aiml_api: { keyEnv: 'AIML_API_KEY', baseUrlEnv: 'AIML_API_BASE_URL', title: 'AI/ML API (platform)' },
  llama_api: { keyEnv: 'LLAMA_API_KEY', baseUrlEnv: 'LLAMA_API_BASE_URL', title: 'Llama API (platform)' },
  jina: { keyEnv: 'JINA_API_KEY', baseUrlEnv: 'JINA_BASE_URL', title: 'Jina (platform)' },
  ideogram: { keyEnv: 'IDEOGRAM_API_KEY', baseUrlEnv: 'IDEOGRAM_BASE_URL', title: 'Ideogram (platform)' },
  replicate: { keyEnv: 'REPLICATE_API_KEY', baseUrlEnv: 'REPLICATE_BASE_URL', title: 'Replicate (platform)' },
  medium: { keyEnv: 'MEDIUM_API_KEY', baseUrlEnv: 'MEDIUM_BASE_URL', title: 'Medium (platform)' },
} as const;
export type PlatformProvider = keyof typeof platformProviders;

/** A stable id per provider, so a platform credential keeps its id across restarts and machines. */
export function platformCredentialsId(provider: string): string {
  const hex = createHash('sha256').update(`blockloom-platform-credentials:${provider}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The platform credentials the environment provides: one API key per provider whose key is set. */
export function platformCredentialsFromEnv(env: Env = process.env): Credentials[] {
  const found: Credentials[] = [];
  for (const [provider, spec] of Object.entries(platformProviders)) {
    const key = env[spec.keyEnv]?.trim();
    if (!key) continue;
    found.push({
      id: platformCredentialsId(provider),
      provider,
      type: 'api_key',
      title: spec.title,
      api_key: key,
    });
  }
  const proxyUser = env.WEBSHARE_PROXY_USERNAME?.trim();
  const proxyPassword = env.WEBSHARE_PROXY_PASSWORD?.trim();
  if (proxyUser && proxyPassword) {
    found.push({
      id: platformCredentialsId('webshare_proxy'),
      provider: 'webshare_proxy',
      type: 'user_password',
      title: 'Webshare proxy (platform)',
      username: proxyUser,
      password: proxyPassword,
    });
  }
  return found;
}

/**
 * The base URL for a provider's API: `<PREFIX>_BASE_URL` when set (a proxy, a gateway, a test server),
 * else the provider's public URL. A trailing slash is dropped.
 */
export function providerBaseUrl(
  provider: PlatformProvider,
  fallback: string,
  env: Env = process.env,
): string {
  const override = env[platformProviders[provider].baseUrlEnv]?.trim();
  return (override || fallback).replace(/\/+$/, '');
}

/** Ollama's address: `OLLAMA_HOST` (host:port or a URL), else the block's `ollama_host` input. */
export function ollamaBaseUrl(blockInput: string | undefined, env: Env = process.env): string {
  const host = env.OLLAMA_HOST?.trim() || blockInput?.trim() || 'localhost:11434';
  return /^https?:\/\//.test(host) ? host.replace(/\/+$/, '') : `http://${host}`;
}
