import type { AnyBlock } from '@blockloom/sdk';
import { executeJavaScriptBlock } from './execute-javascript';
import { fileReadBlock } from './file-read';
import { fileStoreBlock } from './file-store';
import { sendAuthenticatedWebRequestBlock } from './send-authenticated-web-request';
import { sendWebRequestBlock } from './send-web-request';

export { safeFetch, UnsafeUrlError, type SafeFetchOptions, type SafeResponse } from './safe-fetch';
export { runFileDir, loadMedia, storeMedia, type MediaFile } from './media';
export {
  sendWebRequestBlock,
  sendAuthenticatedWebRequestBlock,
  fileStoreBlock,
  fileReadBlock,
  executeJavaScriptBlock,
};

/**
 * Blocks that reach beyond the graph: HTTP requests (SSRF-safe), storing and reading the run's files, and
 * sandboxed JavaScript.
 */
export const webBlocks: readonly AnyBlock[] = [
  sendWebRequestBlock,
  sendAuthenticatedWebRequestBlock,
  fileStoreBlock,
  fileReadBlock,
  executeJavaScriptBlock,
];
