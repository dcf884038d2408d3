import type { AnyBlock } from '@blockloom/sdk';

/** Integration blocks beyond the compatibility agents' providers: search, media, messaging, developer tools. */
export const integrationBlocks: readonly AnyBlock[] = [];
