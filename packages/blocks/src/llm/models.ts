import { NonRetriableError } from '@blockloom/sdk';

/** The LLM providers AutoGPT's LLM credentials field accepts (catalogue §0, "Credentials"). */
export const llmProviders = [
  'openai',
  'anthropic',
  'groq',
  'ollama',
  'open_router',
  'aiml_api',
  'llama_api',
  'v0',
] as const;
export type LlmProvider = (typeof llmProviders)[number];

export interface ModelInfo {
  provider: LlmProvider;
  /** Context window in tokens. */
  contextWindow: number;
  /** The model's own cap on output tokens; null when only the context window limits it. */
  maxOutputTokens: number | null;
  displayName: string;
  /** 1 (cheap) to 3 (expensive), as AutoGPT's model metadata ranks them. */
  priceTier: 1 | 2 | 3;
}

type Row = [provider: LlmProvider, context: number, maxOutput: number | null, name: string, tier: 1 | 2 | 3];

/** AutoGPT's `LlmModel` values (catalogue §1.9) with their metadata. */
const rows: Record<string, Row> = {
  'o3-mini': ['openai', 200_000, 100_000, 'O3 Mini', 2],
  'o3-2025-04-16': ['openai', 200_000, 100_000, 'O3', 2],
  o1: ['openai', 200_000, 100_000, 'O1', 3],
  'o1-mini': ['openai', 128_000, 65_536, 'O1 Mini', 2],
  'gpt-5.2-2025-12-11': ['openai', 400_000, 128_000, 'GPT-5.2', 3],
  'gpt-5.1-2025-11-13': ['openai', 400_000, 128_000, 'GPT-5.1', 2],
  'gpt-5-2025-08-07': ['openai', 400_000, 128_000, 'GPT-5', 2],
  'gpt-5-mini-2025-08-07': ['openai', 400_000, 128_000, 'GPT-5 Mini', 1],
  'gpt-5-nano-2025-08-07': ['openai', 400_000, 128_000, 'GPT-5 Nano', 1],
  'gpt-5-chat-latest': ['openai', 400_000, 16_384, 'GPT-5 Chat', 2],
  'gpt-4.1-2025-04-14': ['openai', 1_047_576, 32_768, 'GPT-4.1', 2],
  'gpt-4.1-mini-2025-04-14': ['openai', 1_047_576, 32_768, 'GPT-4.1 Mini', 1],
  'gpt-4o-mini': ['openai', 128_000, 16_384, 'GPT-4o Mini', 1],
  'gpt-4o': ['openai', 128_000, 16_384, 'GPT-4o', 2],
  'gpt-4-turbo': ['openai', 128_000, 4_096, 'GPT-4 Turbo', 3],
  'claude-opus-4-1-20250805': ['anthropic', 200_000, 32_000, 'Claude Opus 4.1', 3],
  'claude-opus-4-20250514': ['anthropic', 200_000, 32_000, 'Claude Opus 4', 3],
  'claude-sonnet-4-20250514': ['anthropic', 200_000, 64_000, 'Claude Sonnet 4', 2],
  'claude-opus-4-5-20251101': ['anthropic', 200_000, 64_000, 'Claude Opus 4.5', 3],
  'claude-sonnet-4-5-20250929': ['anthropic', 200_000, 64_000, 'Claude Sonnet 4.5', 2],
  'claude-haiku-4-5-20251001': ['anthropic', 200_000, 64_000, 'Claude Haiku 4.5', 1],
  'claude-opus-4-6': ['anthropic', 200_000, 64_000, 'Claude Opus 4.6', 3],
  'claude-opus-4-7': ['anthropic', 200_000, 64_000, 'Claude Opus 4.7', 3],
  'claude-sonnet-4-6': ['anthropic', 200_000, 64_000, 'Claude Sonnet 4.6', 2],
  'claude-3-haiku-20240307': ['anthropic', 200_000, 4_096, 'Claude 3 Haiku', 1],
  'Qwen/Qwen2.5-72B-Instruct-Turbo': ['aiml_api', 32_000, 8_000, 'Qwen 2.5 72B', 1],
  'nvidia/llama-3.1-nemotron-70b-instruct': ['aiml_api', 128_000, 40_000, 'Llama 3.1 Nemotron 70B', 1],
  'meta-llama/Llama-3.3-70B-Instruct-Turbo': ['aiml_api', 128_000, null, 'Llama 3.3 70B', 1],
  'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo': ['aiml_api', 131_000, 2_000, 'Llama 3.1 70B', 1],
  'meta-llama/Llama-3.2-3B-Instruct-Turbo': ['aiml_api', 128_000, null, 'Llama 3.2 3B', 1],
  'llama-3.3-70b-versatile': ['groq', 128_000, 32_768, 'Llama 3.3 70B', 1],
  'llama-3.1-8b-instant': ['groq', 128_000, 8_192, 'Llama 3.1 8B', 1],
  'llama3.3': ['ollama', 8_192, null, 'Llama 3.3', 1],
  'llama3.2': ['ollama', 8_192, null, 'Llama 3.2', 1],
  llama3: ['ollama', 8_192, null, 'Llama 3', 1],
  'llama3.1:405b': ['ollama', 8_192, null, 'Llama 3.1 405B', 1],
  'dolphin-mistral:latest': ['ollama', 32_768, null, 'Dolphin Mistral', 1],
  'openai/gpt-oss-120b': ['open_router', 131_072, 131_072, 'GPT-OSS 120B', 1],
  'openai/gpt-oss-20b': ['open_router', 131_072, 32_768, 'GPT-OSS 20B', 1],
  'google/gemini-2.5-pro-preview-03-25': ['open_router', 1_050_000, 8_192, 'Gemini 2.5 Pro Preview', 2],
  'google/gemini-2.5-pro': ['open_router', 1_050_000, 65_536, 'Gemini 2.5 Pro', 2],
  'google/gemini-3.1-pro-preview': ['open_router', 1_048_576, 65_536, 'Gemini 3.1 Pro Preview', 2],
  'google/gemini-3-flash-preview': ['open_router', 1_048_576, 65_536, 'Gemini 3 Flash Preview', 1],
  'google/gemini-2.5-flash': ['open_router', 1_048_576, 65_535, 'Gemini 2.5 Flash', 1],
  'google/gemini-2.0-flash-001': ['open_router', 1_048_576, 8_192, 'Gemini 2.0 Flash', 1],
  'google/gemini-3.1-flash-lite-preview': ['open_router', 1_048_576, 65_536, 'Gemini 3.1 Flash Lite', 1],
  'google/gemini-2.5-flash-lite-preview-06-17': [
    'open_router',
    1_048_576,
    65_535,
    'Gemini 2.5 Flash Lite',
    1,
  ],
  'google/gemini-2.0-flash-lite-001': ['open_router', 1_048_576, 8_192, 'Gemini 2.0 Flash Lite', 1],
  'mistralai/mistral-nemo': ['open_router', 128_000, 4_096, 'Mistral Nemo', 1],
  'mistralai/mistral-large-2512': ['open_router', 262_144, null, 'Mistral Large', 2],
  'mistralai/mistral-medium-3.1': ['open_router', 131_072, null, 'Mistral Medium 3.1', 2],
  'mistralai/mistral-small-3.2-24b-instruct': ['open_router', 131_072, 131_072, 'Mistral Small 3.2', 1],
  'mistralai/codestral-2508': ['open_router', 256_000, null, 'Codestral', 1],
  'cohere/command-r-08-2024': ['open_router', 128_000, 4_096, 'Command R', 1],
  'cohere/command-r-plus-08-2024': ['open_router', 128_000, 4_096, 'Command R Plus', 2],
  'cohere/command-a-03-2025': ['open_router', 256_000, 8_192, 'Command A', 2],
  'deepseek/deepseek-chat': ['open_router', 64_000, 2_048, 'DeepSeek Chat', 1],
  'deepseek/deepseek-r1-0528': ['open_router', 163_840, 163_840, 'DeepSeek R1', 1],
  'perplexity/sonar': ['open_router', 127_000, 8_000, 'Perplexity Sonar', 1],
  'perplexity/sonar-pro': ['open_router', 200_000, 8_000, 'Perplexity Sonar Pro', 2],
  'perplexity/sonar-reasoning-pro': ['open_router', 128_000, 8_000, 'Perplexity Sonar Reasoning Pro', 2],
  'perplexity/sonar-deep-research': ['open_router', 128_000, 16_000, 'Perplexity Sonar Deep Research', 3],
  'nousresearch/hermes-3-llama-3.1-405b': ['open_router', 131_000, 4_096, 'Hermes 3 405B', 1],
  'nousresearch/hermes-3-llama-3.1-70b': ['open_router', 12_288, 12_288, 'Hermes 3 70B', 1],
  'amazon/nova-lite-v1': ['open_router', 300_000, 5_120, 'Amazon Nova Lite', 1],
  'amazon/nova-micro-v1': ['open_router', 128_000, 5_120, 'Amazon Nova Micro', 1],
  'amazon/nova-pro-v1': ['open_router', 300_000, 5_120, 'Amazon Nova Pro', 1],
  'microsoft/wizardlm-2-8x22b': ['open_router', 65_536, 4_096, 'WizardLM 2 8x22B', 1],
  'microsoft/phi-4': ['open_router', 16_384, 16_384, 'Phi-4', 1],
  'gryphe/mythomax-l2-13b': ['open_router', 4_096, 4_096, 'MythoMax L2 13B', 1],
  'meta-llama/llama-4-scout': ['open_router', 131_072, 131_072, 'Llama 4 Scout', 1],
  'meta-llama/llama-4-maverick': ['open_router', 1_048_576, 1_000_000, 'Llama 4 Maverick', 1],
  'x-ai/grok-3': ['open_router', 131_072, 131_072, 'Grok 3', 2],
  'x-ai/grok-4': ['open_router', 256_000, 256_000, 'Grok 4', 3],
  'x-ai/grok-4-fast': ['open_router', 2_000_000, 30_000, 'Grok 4 Fast', 1],
  'x-ai/grok-code-fast-1': ['open_router', 256_000, 10_000, 'Grok Code Fast 1', 1],
  'moonshotai/kimi-k2': ['open_router', 131_000, 131_000, 'Kimi K2', 1],
  'qwen/qwen3-235b-a22b-thinking-2507': ['open_router', 262_144, 262_144, 'Qwen 3 235B Thinking', 1],
  'qwen/qwen3-coder': ['open_router', 262_144, 262_144, 'Qwen 3 Coder', 2],
  'z-ai/glm-4.5': ['open_router', 131_072, 131_072, 'GLM 4.5', 1],
  'z-ai/glm-4.6': ['open_router', 200_000, 128_000, 'GLM 4.6', 1],
  'Llama-4-Scout-17B-16E-Instruct-FP8': ['llama_api', 128_000, 4_028, 'Llama 4 Scout', 1],
  'Llama-4-Maverick-17B-128E-Instruct-FP8': ['llama_api', 128_000, 4_028, 'Llama 4 Maverick', 1],
  'Llama-3.3-8B-Instruct': ['llama_api', 128_000, 4_028, 'Llama 3.3 8B', 1],
  'Llama-3.3-70B-Instruct': ['llama_api', 128_000, 4_028, 'Llama 3.3 70B', 1],
  'v0-1.5-md': ['v0', 128_000, 64_000, 'v0 1.5 MD', 1],
  'v0-1.5-lg': ['v0', 512_000, 64_000, 'v0 1.5 LG', 1],
  'v0-1.0-md': ['v0', 128_000, 64_000, 'v0 1.0 MD', 1],
};

export const modelTable: Readonly<Record<string, ModelInfo>> = Object.fromEntries(
  Object.entries(rows).map(([model, [provider, contextWindow, maxOutputTokens, displayName, priceTier]]) => [
    model,
    { provider, contextWindow, maxOutputTokens, displayName, priceTier },
  ]),
);

/** The model a block uses when none is chosen (AutoGPT's default before gpt-5.2; widely used by agents). */
export const DEFAULT_LLM_MODEL = 'gpt-4o';

/** Every model of the table, for the `model` field's suggestions. */
export const knownModels: readonly string[] = Object.keys(modelTable);

/** Credits one run costs, by price tier. */
const creditsByTier: Record<ModelInfo['priceTier'], number> = { 1: 1, 2: 3, 3: 10 };

/** Credits one run of an LLM block costs with `model` (an integer; 0 for local Ollama models). */
export function modelCost(info: ModelInfo): number {
  return info.provider === 'ollama' ? 0 : creditsByTier[info.priceTier];
}

/** Model -> provider for the credentials field's discriminator. */
export const modelProviderMapping: Readonly<Record<string, LlmProvider>> = Object.fromEntries(
  Object.entries(modelTable).map(([model, info]) => [model, info.provider]),
);

/** A model string resolved to the id the provider expects and its metadata. */
export interface ResolvedModel {
  /** The string the block received. */
  requested: string;
  /** The model id sent to the provider. */
  id: string;
  info: ModelInfo;
  /** Whether the model is in the table (false: mapped by its prefix, with default limits). */
  known: boolean;
}

/** Limits assumed for a model outside the table, by provider. */
const providerDefaults: Record<LlmProvider, Omit<ModelInfo, 'provider' | 'displayName'>> = {
  openai: { contextWindow: 128_000, maxOutputTokens: 16_384, priceTier: 2 },
  anthropic: { contextWindow: 200_000, maxOutputTokens: 8_192, priceTier: 2 },
  groq: { contextWindow: 128_000, maxOutputTokens: 8_192, priceTier: 1 },
  ollama: { contextWindow: 8_192, maxOutputTokens: null, priceTier: 1 },
  open_router: { contextWindow: 128_000, maxOutputTokens: null, priceTier: 2 },
  aiml_api: { contextWindow: 128_000, maxOutputTokens: null, priceTier: 1 },
  llama_api: { contextWindow: 128_000, maxOutputTokens: 4_028, priceTier: 1 },
  v0: { contextWindow: 128_000, maxOutputTokens: 64_000, priceTier: 1 },
};

/** Providers a "provider/model" prefix names directly (their own API, not OpenRouter). */
const directPrefixes: Record<string, LlmProvider> = { anthropic: 'anthropic', openai: 'openai' };

/** The provider of a model outside the table, guessed from its name the way AutoGPT's ids are spelled. */
function guessProvider(model: string): LlmProvider | undefined {
  if (/^(gpt-|o\d|chatgpt-|text-davinci)/i.test(model)) return 'openai';
  if (/^claude-/i.test(model)) return 'anthropic';
  if (/^v0-/i.test(model)) return 'v0';
  if (/^Llama-\d/.test(model)) return 'llama_api';
  // Ollama tags a model with its size or variant: "llama3:8b", "mistral:latest".
  if (/^[a-z0-9.-]+:[a-z0-9.-]+$/i.test(model)) return 'ollama';
  // "vendor/model" ids are OpenRouter's naming (google/gemini-…, x-ai/grok-…).
  if (/^[a-z0-9-]+\/[^/]+$/i.test(model)) return 'open_router';
  return undefined;
}

/**
 * Resolves a model string: a table entry; "anthropic/claude-…" or "openai/gpt-…" with the prefix stripped
 * (when the rest is known or names that provider's family); otherwise by prefix (gpt-/o1… → openai,
 * claude-… → anthropic, vendor/model → OpenRouter). An unrecognised model is a NonRetriableError naming it.
 */
export function resolveModel(requested: string): ResolvedModel {
  const model = requested.trim();
  const known = modelTable[model];
  if (known) return { requested, id: model, info: known, known: true };
  const slash = model.indexOf('/');
  if (slash > 0) {
    const prefix = model.slice(0, slash).toLowerCase();
    const rest = model.slice(slash + 1);
    const stripped = modelTable[rest];
    const direct = directPrefixes[prefix];
    if (direct && stripped?.provider === direct) return { requested, id: rest, info: stripped, known: true };
    if (direct && guessProvider(rest) === direct) return unknownModel(requested, rest, direct);
  }
  const provider = guessProvider(model);
  if (!provider) {
    throw new NonRetriableError(
      `Unknown LLM model "${requested}": it is not in the model table and its name does not tell the provider`,
    );
  }
  return unknownModel(requested, model, provider);
}

function unknownModel(requested: string, id: string, provider: LlmProvider): ResolvedModel {
  return { requested, id, info: { provider, displayName: id, ...providerDefaults[provider] }, known: false };
}
