import { createBlockRegistry } from '@blockloom/sdk';
import { coreBlocks } from '@blockloom/blocks';
import type { Output } from '../output';

/** `blockloom blocks`: the catalogue, as `/api/blocks` serves it with `--json`. */
export function blocksCommand(options: { json: boolean }, out: Output): number {
  const blocks = createBlockRegistry(coreBlocks).list();
  if (options.json) {
    out.stdout(`${JSON.stringify(blocks.map((block) => block.info()))}\n`);
    return 0;
  }
  const width = Math.max(...blocks.map((block) => block.name.length));
  for (const block of [...blocks].sort((a, b) => a.name.localeCompare(b.name))) {
    out.stdout(`${block.name.padEnd(width)}  ${block.id}  ${block.categories.join(', ')}\n`);
  }
  out.stdout(`${blocks.length} blocks\n`);
  return 0;
}
