import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { ollamaBaseUrl, providerBaseUrl } from '../platform/providers';
import type { LlmProvider, ResolvedModel } from './models';

/** What a language model is built from: the resolved model, the key, and Ollama's address. */
export interface ModelTarget {
  model: ResolvedModel;
  /** The provider's API key; Ollama needs none. */
  apiKey: string | undefined;
  /** The block's `ollama_host` input (OLLAMA_HOST in the environment wins). */
  ollamaHost?: string;
}

/** v0 is no platform provider (it has no platform key), so its base URL override is read here. */
function v0BaseUrl(): string {
  return (process.env.V0_BASE_URL?.trim() || 'https://api.v0.dev/v1').replace(/\/+$/, '');
}

/** Providers that speak OpenAI's Chat Completions protocol at their own address. */
const compatibleBaseUrls: Record<Exclude<LlmProvider, 'openai' | 'anthropic' | 'ollama'>, () => string> = {
  groq: () => providerBaseUrl('groq', 'https://api.groq.com/openai/v1'),
  open_router: () => providerBaseUrl('open_router', 'https://openrouter.ai/api/v1'),
  aiml_api: () => providerBaseUrl('aiml_api', 'https://api.aimlapi.com/v1'),
  llama_api: () => providerBaseUrl('llama_api', 'https://api.llama.com/compat/v1'),
  v0: v0BaseUrl,
};

/**
 * A Chat-Completions model at any OpenAI-compatible endpoint (a gateway, a local server, vLLM, LM Studio).
 * `name` labels the provider in the SDK's metadata.
 */
export function compatibleChatModel(options: {
  name: string;
  baseURL: string;
  modelId: string;
  apiKey?: string;
}): LanguageModel {
  return createOpenAICompatible({
    name: options.name,
    baseURL: options.baseURL,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    // Token counts of streamed answers come in a last chunk only when asked for.
    includeUsage: true,
  }).chatModel(options.modelId);
}

/**
 * Builds the AI SDK model for a provider. OpenAI goes through Chat Completions (`.chat`), so any server that
 * speaks that protocol can stand in for it; every base URL can be overridden from the environment.
 */
export function createLanguageModel(target: ModelTarget): LanguageModel {
  const { model, apiKey } = target;
  const provider = model.info.provider;
  switch (provider) {
    case 'openai':
      return createOpenAI({
        apiKey,
        baseURL: providerBaseUrl('openai', 'https://api.openai.com/v1'),
      }).chat(model.id);
    case 'anthropic':
      return createAnthropic({
        apiKey,
        baseURL: providerBaseUrl('anthropic', 'https://api.anthropic.com/v1'),
      })(model.id);
    case 'ollama':
      return compatibleChatModel({
        name: 'ollama',
        baseURL: `${ollamaBaseUrl(target.ollamaHost)}/v1`,
        modelId: model.id,
        ...(apiKey ? { apiKey } : {}),
      });
    case 'groq':
    case 'open_router':
    case 'aiml_api':
    case 'llama_api':
    case 'v0':
      return compatibleChatModel({
        name: provider,
        baseURL: compatibleBaseUrls[provider](),
        modelId: model.id,
        ...(apiKey ? { apiKey } : {}),
      });
  }
}
