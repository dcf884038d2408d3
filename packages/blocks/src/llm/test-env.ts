import type { ApiKeyCredentials } from '@blockloom/sdk';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { startLlmTestServer, type LlmTestServer } from './test-server';

/**
 * For LLM tests: starts the scripted server once per file and points every provider's base URL at it for
 * each test (restored afterwards), so the blocks' real SDK clients talk to it. Returns a getter.
 */
export function useLlmTestServer(): () => LlmTestServer {
  let server: LlmTestServer | undefined;
  beforeAll(async () => {
    server = await startLlmTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    // Replies a failing test left unused must not leak into the next one.
    server?.reset();
  });
  return () => {
    if (!server) throw new Error('the LLM test server is not running');
    const base = `${server.url}/v1`;
    for (const name of ['OPENAI', 'ANTHROPIC', 'GROQ', 'OPEN_ROUTER', 'AIML_API', 'LLAMA_API', 'V0']) {
      vi.stubEnv(`${name}_BASE_URL`, base);
    }
    vi.stubEnv('OLLAMA_HOST', server.url);
    return server;
  };
}

export function apiKey(provider: string, key = `test-key-${provider}`): { credentials: ApiKeyCredentials } {
  return { credentials: { id: `cred-${provider}`, provider, type: 'api_key', api_key: key } };
}
