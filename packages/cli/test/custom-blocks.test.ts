import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBlockTestCase } from '@blockloom/sdk';
import { main } from '../src/index';
import { loadCustomBlocks } from '../src/custom-blocks';

const root = resolve(import.meta.dirname, '../../..');
// Inside the repository, so the scaffolded files resolve zod and @blockloom/sdk as a user's would.
let dir: string;
let pkgDir: string;

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

beforeEach(async () => {
  dir = join(import.meta.dirname, `tmp-blocks-${randomUUID()}`);
  pkgDir = join(root, 'node_modules', `blockloom-test-blocks-${randomUUID().slice(0, 8)}`);
});
afterEach(async () => {
  delete process.env.BLOCKLOOM_BLOCKS_DIR;
  delete process.env.BLOCKLOOM_BLOCK_PACKAGES;
  await rm(dir, { recursive: true, force: true });
  await rm(pkgDir, { recursive: true, force: true });
});

describe('custom blocks', () => {
  it('new-block scaffolds a block whose declared tests pass, and BLOCKLOOM_BLOCKS_DIR loads it', async () => {
    const created = await cli('new-block', 'word shouter', '--dir', dir);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/word-shouter\.ts/);
    const source = await readFile(join(dir, 'word-shouter.ts'), 'utf8');
    expect(source).toMatch(/name: 'WordShouterBlock'/);
    expect(source).toMatch(/id: '[0-9a-f-]{36}'/);

    const blocks = await loadCustomBlocks({ BLOCKLOOM_BLOCKS_DIR: dir });
    expect(blocks.map((block) => block.name)).toEqual(['WordShouterBlock']);
    for (const testCase of blocks[0]?.tests ?? [])
      expect(await checkBlockTestCase(blocks[0]!, testCase)).toEqual([]);

    process.env.BLOCKLOOM_BLOCKS_DIR = dir;
    const listed = await cli('blocks', '--json');
    expect(
      (JSON.parse(listed.stdout) as { name: string }[]).some((block) => block.name === 'WordShouterBlock'),
    ).toBe(true);
    expect((await cli('new-block', 'word shouter', '--dir', dir)).stderr).toMatch(/already exists/);
  });

  it('a custom block runs in a graph through `blockloom run`', async () => {
    await cli('new-block', 'shout', '--dir', dir);
    const { shoutBlock } = (await import(join(dir, 'shout.ts'))) as { shoutBlock: { id: string } };
    const graph = {
      name: 'shouting',
      nodes: [
        { id: 'in', block_id: 'c0a8e994-ebf1-4a9c-a4d8-89d09c86741b', input_default: { name: 'text' } },
        { id: 'shout', block_id: shoutBlock.id },
        { id: 'out', block_id: '363ae599-353e-4804-937e-b2ee3cef3da4', input_default: { name: 'loud' } },
      ],
      links: [
        { source_id: 'in', sink_id: 'shout', source_name: 'result', sink_name: 'text' },
        { source_id: 'shout', sink_id: 'out', source_name: 'result', sink_name: 'value' },
      ],
    };
    await writeFile(join(dir, 'graph.json'), JSON.stringify(graph));
    process.env.BLOCKLOOM_BLOCKS_DIR = dir;
    const run = await cli('run', join(dir, 'graph.json'), '--input', 'text=hey', '--json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).outputs).toEqual({ loud: ['HEY'] });
  });

  it('loads blocks from an installed npm package named in BLOCKLOOM_BLOCK_PACKAGES', async () => {
    await mkdir(pkgDir, { recursive: true });
    const name = pkgDir.split('/').at(-1) as string;
    await writeFile(join(pkgDir, 'package.json'), JSON.stringify({ name, type: 'module', main: 'index.js' }));
    await writeFile(
      join(pkgDir, 'index.js'),
      `import { z } from 'zod';
import { defineBlock } from '@blockloom/sdk';
export const echo = defineBlock({
  id: '${randomUUID()}', name: 'PackagedEchoBlock', description: 'Echoes.', categories: ['BASIC'],
  input: z.object({ x: z.string() }), output: { y: z.string() },
  tests: [{ input: { x: 'a' }, output: [['y', 'a']] }],
  async *run({ x }) { yield ['y', x]; },
});
export const notABlock = { id: 'x' };
`,
    );
    // Through the executable: its TypeScript loader covers packages that import the SDK's sources.
    const listed = spawnSync(
      process.execPath,
      [join(root, 'packages/cli/bin/blockloom.js'), 'blocks', '--json'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, BLOCKLOOM_BLOCK_PACKAGES: ` ${name} ` },
      },
    );
    expect(listed.stderr).toBe('');
    const names = (JSON.parse(listed.stdout) as { name: string }[]).map((block) => block.name);
    expect(names).toContain('PackagedEchoBlock');
    expect(names).toContain('CalculatorBlock');
  });

  it('reports a module that fails to load, a missing package and an id clash, with exit code 2', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'broken.ts'), 'export const x = ;\n');
    process.env.BLOCKLOOM_BLOCKS_DIR = dir;
    const broken = await cli('blocks');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/Cannot load custom blocks from .*broken\.ts/);
    await rm(join(dir, 'broken.ts'));

    await writeFile(
      join(dir, 'clash.ts'),
      `import { z } from 'zod';
import { defineBlock } from '@blockloom/sdk';
export const clash = defineBlock({
  id: 'b1ab9b19-67a6-406d-abf5-2dba76d00c79', name: 'MyCalculatorBlock', description: 'x', categories: ['BASIC'],
  input: z.object({}), output: {}, tests: [], async *run() {},
});
`,
    );
    const clash = await cli('blocks');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/Custom blocks conflict: Duplicate block id b1ab9b19/);

    delete process.env.BLOCKLOOM_BLOCKS_DIR;
    process.env.BLOCKLOOM_BLOCK_PACKAGES = 'no-such-blockloom-package';
    const missing = await cli('blocks');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/"no-such-blockloom-package" is not installed/);
  });
});
