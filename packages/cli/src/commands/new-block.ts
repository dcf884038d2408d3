import { randomUUID } from 'node:crypto';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { CliError } from '../cli-error';
import type { Output } from '../output';

/** "word counter" / "WordCounter" / "word-counter" -> ["word", "counter"]. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

const pascal = (parts: string[]) =>
  parts.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');

function blockSource(className: string, constName: string, id: string): string {
  return `import { z } from 'zod';
import { defineBlock } from '@blockloom/sdk';

/** ${className}: say in one sentence what it does. */
export const ${constName} = defineBlock({
  // A fixed UUID: graphs refer to the block by it, so it must never change.
  id: '${id}',
  name: '${className}',
  description: 'Upper-cases a text.',
  categories: ['TEXT'],
  input: z.object({
    text: z.string().describe('The text to transform'),
  }),
  output: {
    result: z.string().describe('The transformed text'),
  },
  tests: [
    { input: { text: 'hello' }, output: [['result', 'HELLO']] },
    { input: { text: '' }, output: [['result', '']] },
  ],
  async *run({ text }) {
    yield ['result', text.toUpperCase()];
  },
});
`;
}

function testSource(constName: string, fileBase: string): string {
  return `import { describe, expect, it } from 'vitest';
import { checkBlockTestCase, runBlock } from '@blockloom/sdk';
import { ${constName} } from './${fileBase}';

describe('${constName}', () => {
  it.each(${constName}.tests.map((testCase, i) => [i, testCase] as const))('declared test case %i passes', async (_i, testCase) => {
    expect(await checkBlockTestCase(${constName}, testCase)).toEqual([]);
  });

  it('names the field when the input is invalid', async () => {
    const result = await runBlock(${constName}, {});
    expect(result.error).toMatch(/text/);
  });
});
`;
}

/** `blockloom new-block <name> [--dir <folder>]`: a block file and its test, ready to edit. */
export async function newBlockCommand(options: { name: string; dir?: string }, out: Output): Promise<number> {
  const parts = words(options.name);
  if (parts.length === 0 || !/^[a-z]/.test(parts[0] as string)) {
    throw new CliError(
      `"${options.name}" is not a usable block name: start with a letter, e.g. "word counter"`,
    );
  }
  if (parts.at(-1) === 'block') parts.pop();
  const className = `${pascal(parts)}Block`;
  const constName = `${parts[0]}${pascal(parts.slice(1))}Block`;
  const fileBase = parts.join('-');
  const dir = resolve(options.dir ?? process.env.BLOCKLOOM_BLOCKS_DIR ?? 'blocks');
  const file = join(dir, `${fileBase}.ts`);
  const testFile = join(dir, `${fileBase}.test.ts`);
  for (const path of [file, testFile]) {
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (exists) throw new CliError(`${path} already exists; choose another name or remove it`);
  }
  await mkdir(dir, { recursive: true });
  await writeFile(file, blockSource(className, constName, randomUUID()));
  await writeFile(testFile, testSource(constName, fileBase));
  const shown = relative(process.cwd(), dir) || '.';
  out.stdout(
    `Created ${relative(process.cwd(), file)} and ${relative(process.cwd(), testFile)}\n` +
      `Edit the block, then:\n` +
      `  npx vitest run ${relative(process.cwd(), testFile)}   # its tests\n` +
      `  BLOCKLOOM_BLOCKS_DIR=${shown} npx blockloom blocks   # see it listed\n`,
  );
  return 0;
}
