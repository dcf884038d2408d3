import type { Output } from '../output';
import { loadRegistry } from '../registry';

/** `blockloom blocks`: the catalogue, as `/api/blocks` serves it with `--json`. */
export async function blocksCommand(options: { json: boolean }, out: Output): Promise<number> {
  const blocks = (await loadRegistry()).list();
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
