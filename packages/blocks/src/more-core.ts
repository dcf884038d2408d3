import type { AnyBlock } from '@blockloom/sdk';

/** Core blocks beyond the first set (catalogue §1): data formats, time, lists, dictionaries, text, persistence. */
export const moreCoreBlocks: readonly AnyBlock[] = [];
