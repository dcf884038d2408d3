import { describe, expect, it } from 'vitest';
import {
  ollamaBaseUrl,
  platformCredentialsFromEnv,
  platformCredentialsId,
  providerBaseUrl,
} from './providers';

describe('platform credentials from the environment', () => {
  it('offers one API key per provider whose key is set, with a stable id', () => {
    const found = platformCredentialsFromEnv({
      OPENAI_API_KEY: 'sk-1',
      JINA_API_KEY: ' jk ',
      GROQ_API_KEY: '',
    });
    expect(found).toEqual([
      {
        id: platformCredentialsId('openai'),
        provider: 'openai',
        type: 'api_key',
        title: 'OpenAI (platform)',
        api_key: 'sk-1',
      },
      {
        id: platformCredentialsId('jina'),
        provider: 'jina',
        type: 'api_key',
        title: 'Jina (platform)',
        api_key: 'jk',
      },
    ]);
    expect(platformCredentialsId('openai')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(platformCredentialsId('openai')).not.toBe(platformCredentialsId('jina'));
  });

  it('reads the Webshare proxy as user and password', () => {
    const [proxy] = platformCredentialsFromEnv({
      WEBSHARE_PROXY_USERNAME: 'u',
      WEBSHARE_PROXY_PASSWORD: 'p',
    });
    expect(proxy).toMatchObject({
      provider: 'webshare_proxy',
      type: 'user_password',
      username: 'u',
      password: 'p',
    });
  });

  it('lets <PREFIX>_BASE_URL and OLLAMA_HOST override where providers are reached', () => {
    expect(providerBaseUrl('openai', 'https://api.openai.com/v1', {})).toBe('https://api.openai.com/v1');
    expect(
      providerBaseUrl('openai', 'https://api.openai.com/v1', { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1/' }),
    ).toBe('http://127.0.0.1:9/v1');
    expect(ollamaBaseUrl(undefined, {})).toBe('http://localhost:11434');
    expect(ollamaBaseUrl('gpu-box:11434', {})).toBe('http://gpu-box:11434');
    expect(ollamaBaseUrl('x:1', { OLLAMA_HOST: 'https://ollama.internal/' })).toBe('https://ollama.internal');
  });
});
