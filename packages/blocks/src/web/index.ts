import type { AnyBlock } from '@blockloom/sdk';

/** Blocks that reach the web: HTTP requests (SSRF-safe), files from URLs. */
export const webBlocks: readonly AnyBlock[] = [];
