import { platformProviders } from '@blockloom/blocks';
import { startLlmTestServer, type LlmTestServer } from '../../packages/blocks/src/llm/test-server';
import { startFakeServer, type FakeServer } from '../../packages/blocks/src/providers/shared/fake-server';
import { fakeLlmAnswer } from './fake-llm';
import { ideogram, jina, medium, replicate, youtube } from './fake-providers';

type HttpProvider = 'jina' | 'youtube' | 'ideogram' | 'replicate' | 'medium';

export interface CompatFakes {
  llm: LlmTestServer;
  providers: Record<HttpProvider, FakeServer>;
  /** The variables that point Blockloom at the fakes, with the fake platform key `test-key` per provider. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** The fake key every platform provider gets (OPENAI_API_KEY, JINA_API_KEY, …). */
export const FAKE_API_KEY = 'test-key';

/**
 * Every platform provider's key and base URL: the HTTP providers' own fakes, the LLM server for the rest
 * (the LLM providers, all of which speak the OpenAI or Anthropic protocol).
 */
function platformEnv(llmBase: string, providers: Record<HttpProvider, FakeServer>): Record<string, string> {
  const own = new Map<string, FakeServer>(Object.entries(providers));
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(platformProviders)) {
    env[spec.keyEnv] = FAKE_API_KEY;
    env[spec.baseUrlEnv] = own.get(name)?.url ?? llmBase;
  }
  return env;
}

/** Starts every loopback fake: the LLM server (OpenAI and Anthropic protocols) and one per HTTP provider. */
export async function startCompatFakes(): Promise<CompatFakes> {
  const llm = await startLlmTestServer();
  // The server answers from a queue; a reply that queues itself again answers every request, however many.
  const answer: Parameters<LlmTestServer['reply']>[0] = (request) => {
    llm.reply(answer);
    return fakeLlmAnswer(request);
  };
  llm.reply(answer);
  const providers = {
    jina: await startFakeServer(jina),
    youtube: await startFakeServer(youtube),
    ideogram: await startFakeServer(ideogram()),
    replicate: await startFakeServer(replicate),
    medium: await startFakeServer(medium),
  };
  const env: Record<string, string> = {
    ...platformEnv(`${llm.url}/v1`, providers),
    // v0 and Ollama are no platform providers but read their addresses from the environment too.
    V0_BASE_URL: `${llm.url}/v1`,
    OLLAMA_HOST: llm.url,
    // The per-service variables win over JINA_BASE_URL, so a developer's own settings must not leak in.
    JINA_SEARCH_BASE_URL: providers.jina.url,
    JINA_READER_BASE_URL: providers.jina.url,
    YOUTUBE_BASE_URL: providers.youtube.url,
    // A Webshare key in the developer's environment would send YouTube requests through the real proxy.
    WEBSHARE_PROXY_USERNAME: '',
    WEBSHARE_PROXY_PASSWORD: '',
  };
  return {
    llm,
    providers,
    env,
    async stop() {
      await Promise.all([llm.close(), ...Object.values(providers).map((server) => server.close())]);
    },
  };
}
