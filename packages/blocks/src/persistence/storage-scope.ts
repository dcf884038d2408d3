import { BlockError, type BlockContext, type BlockStorage, type StorageScope } from '@blockloom/sdk';
import { z } from 'zod';

export const storageScopes = ['within_agent', 'across_agents'] as const satisfies readonly StorageScope[];

export const scopeField = z.enum(storageScopes).default('within_agent').meta({
  description:
    "Where the value is shared: 'within_agent' across all runs of this agent, 'across_agents' across all of the user's agents.",
});

/** The engine's key-value storage; a block run outside the engine has none and fails clearly. */
export function storageOf(ctx: BlockContext, blockName: string): BlockStorage {
  if (!ctx.storage)
    throw new BlockError(`${blockName} needs the engine's storage, which this run does not provide`);
  return ctx.storage;
}

/** An in-memory storage for self-tests, keyed by scope and key. */
export function createMemoryStorage(initial: Record<string, unknown> = {}): BlockStorage {
  const values = new Map<string, unknown>(Object.entries(initial));
  return {
    async get(key, scope) {
      return values.get(`${scope}:${key}`);
    },
    async set(key, value, scope) {
      values.set(`${scope}:${key}`, value);
    },
  };
}
