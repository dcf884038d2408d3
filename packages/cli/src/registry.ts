import { createBlockRegistry, type AnyBlock, type BlockRegistry } from '@blockloom/sdk';
import { coreBlocks } from '@blockloom/blocks';
import { CliError } from './cli-error';
import { loadCustomBlocks } from './custom-blocks';

/** The built-in blocks plus the custom ones configured in the environment (and any given). */
export async function loadRegistry(extra: readonly AnyBlock[] = []): Promise<BlockRegistry> {
  const custom = await loadCustomBlocks();
  try {
    return createBlockRegistry([...coreBlocks, ...custom, ...extra]);
  } catch (error) {
    // Two blocks claiming one id or name: the custom block must change, since graphs refer to ids.
    throw new CliError(`Custom blocks conflict: ${error instanceof Error ? error.message : String(error)}`);
  }
}
