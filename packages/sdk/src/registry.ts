import type { AnyBlock } from './block';

export interface BlockRegistry {
  get(id: string): AnyBlock | undefined;
  /** Every block, disabled ones included, in registration order. */
  all(): readonly AnyBlock[];
  /** Enabled blocks, as listings show them. */
  list(): readonly AnyBlock[];
  has(id: string): boolean;
}

/** A registry of blocks keyed by id; a duplicate id or name is a programming error and throws. */
export function createBlockRegistry(blocks: Iterable<AnyBlock>): BlockRegistry {
  const byId = new Map<string, AnyBlock>();
  const names = new Set<string>();
  for (const block of blocks) {
    if (byId.has(block.id)) throw new Error(`Duplicate block id ${block.id} (${block.name})`);
    if (names.has(block.name)) throw new Error(`Duplicate block name ${block.name}`);
    byId.set(block.id, block);
    names.add(block.name);
  }
  const all = [...byId.values()];
  const enabled = all.filter((block) => !block.disabled);
  return {
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
    all: () => all,
    list: () => enabled,
  };
}
