import {
  credentialsField,
  NonRetriableError,
  type BlockContext,
  type BlockCost,
  type Credentials,
} from '@blockloom/sdk';
import { z } from 'zod';
import type { ModelTarget } from './client';
import {
  DEFAULT_LLM_MODEL,
  knownModels,
  llmProviders,
  modelCost,
  modelProviderMapping,
  modelTable,
  resolveModel,
} from './models';

/** Input fields every LLM block shares (catalogue §1.9, "Shared inputs"). */

export const modelField = (advanced = false) =>
  z
    .string()
    .default(DEFAULT_LLM_MODEL)
    .meta({
      description:
        'The language model to use, e.g. "gpt-4o" or "claude-sonnet-4-5-20250929". Other models are accepted ' +
        'when their name tells the provider ("anthropic/…", "gpt-…", "claude-…", "vendor/model" for OpenRouter).',
      examples: [...knownModels],
      advanced,
    });

export const llmCredentialsField = () =>
  credentialsField({
    providers: llmProviders,
    types: ['api_key'],
    discriminator: 'model',
    discriminatorMapping: { ...modelProviderMapping },
    description: 'The API key of the provider that serves the chosen model.',
  }).optional();

/** Old exported graphs (2024 templates) carry the key as a plain `api_key` string instead of credentials. */
export const legacyApiKeyField = () =>
  z.string().nullable().default(null).meta({
    description: 'Deprecated: an API key given inline; used only when no credentials are chosen.',
    hidden: true,
    secret: true,
    advanced: true,
  });

export const maxTokensField = () =>
  z.number().int().positive().nullable().default(null).meta({
    description: 'The most tokens the model may generate; by default the model’s own limit.',
    advanced: true,
  });

export const ollamaHostField = () =>
  z.string().default('localhost:11434').meta({
    description: 'Ollama’s host:port, for Ollama models (OLLAMA_HOST in the server environment wins).',
    advanced: true,
  });

export const promptValuesField = () =>
  z
    .record(z.string(), z.unknown())
    .default({})
    .meta({
      description:
        'Values for the {{NAME}} placeholders in the prompts (Jinja templates); usually linked through ' +
        'prompt_values_#_NAME pins.',
      advanced: false,
    });

export const promptOutput = () =>
  z.array(z.record(z.string(), z.unknown())).meta({ description: 'The chat messages sent to the model.' });

/** Fields the helpers below read from an LLM block's input. */
export interface LlmBaseInput {
  model: string;
  api_key?: string | null;
  ollama_host?: string;
}

function apiKeyOf(credentials: Credentials | undefined): string | undefined {
  if (!credentials) return undefined;
  if (credentials.type !== 'api_key') {
    throw new NonRetriableError(`LLM credentials must be an API key, got ${credentials.type}`);
  }
  return credentials.api_key;
}

/**
 * The model and the key for a run: the `credentials` field's key (its provider must serve the model), else
 * a legacy `api_key` input. Ollama runs without a key; any other provider without one is a clear error.
 */
export function modelTarget(input: LlmBaseInput, ctx: Pick<BlockContext, 'credentials'>): ModelTarget {
  const model = resolveModel(input.model);
  const provider = model.info.provider;
  const credentials = ctx.credentials.credentials;
  if (credentials && credentials.provider !== provider) {
    throw new NonRetriableError(
      `The model "${input.model}" is served by ${provider}, but the chosen credentials are for ${credentials.provider}`,
    );
  }
  const apiKey = apiKeyOf(credentials) ?? (input.api_key?.trim() || undefined);
  if (!apiKey && provider !== 'ollama') {
    throw new NonRetriableError(
      `Missing credentials: the model "${input.model}" needs an API key for ${provider}`,
    );
  }
  return { model, apiKey, ...(input.ollama_host ? { ollamaHost: input.ollama_host } : {}) };
}

/** The block's `costs`: credits per run for every model of the table. */
export function llmCosts(): BlockCost[] {
  return Object.entries(modelTable).map(([model, info]) => ({
    cost_amount: modelCost(info),
    cost_filter: { model },
    cost_type: 'run',
  }));
}

/**
 * A model string outside the table ("anthropic/claude-…", a removed model) matches no `costs` filter, so its
 * run would be free: it is charged its price as `extra_cost` instead.
 */
export function chargeUnlistedModel(ctx: Pick<BlockContext, 'stats'>, target: ModelTarget): void {
  if (!Object.hasOwn(modelTable, target.model.requested))
    ctx.stats.add({ extra_cost: modelCost(target.model.info) });
}
