import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isBlock, type AnyBlock } from '@blockloom/sdk';
import { CliError } from './cli-error';

const moduleExtensions = new Set(['.ts', '.mts', '.js', '.mjs']);
const isTestFile = (name: string) => /\.(test|spec)\.[mc]?[jt]s$/.test(name);

/** The blocks a module exports (named or default), in export order. */
function blocksOf(module: Record<string, unknown>): AnyBlock[] {
  const found: AnyBlock[] = [];
  for (const value of Object.values(module)) {
    if (isBlock(value)) found.push(value);
    else if (Array.isArray(value)) found.push(...value.filter(isBlock));
  }
  return [...new Set(found)];
}

async function importModule(specifier: string, origin: string): Promise<Record<string, unknown>> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(
      `Cannot load custom blocks from ${origin}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Every block exported by the module files directly in `dir` (tests excluded). */
async function blocksFromDir(dir: string): Promise<AnyBlock[]> {
  const root = resolve(dir);
  let names: string[];
  try {
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
    names = (await readdir(root)).sort();
  } catch {
    throw new CliError(`BLOCKLOOM_BLOCKS_DIR is ${dir}, which is not a readable directory`);
  }
  const blocks: AnyBlock[] = [];
  for (const name of names) {
    if (!moduleExtensions.has(extname(name)) || isTestFile(name) || name.endsWith('.d.ts')) continue;
    const file = join(root, name);
    blocks.push(...blocksOf(await importModule(pathToFileURL(file).href, file)));
  }
  return blocks;
}

/** Every block exported by an installed npm package, resolved from the working directory. */
async function blocksFromPackage(name: string): Promise<AnyBlock[]> {
  const require = createRequire(join(process.cwd(), 'package.json'));
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new CliError(
      `Block package "${name}" is not installed: run \`npm install ${name}\` in ${process.cwd()}`,
    );
  }
  const blocks = blocksOf(await importModule(pathToFileURL(entry).href, `package ${name}`));
  if (blocks.length === 0) throw new CliError(`Package "${name}" exports no blocks made with defineBlock`);
  return blocks;
}

/**
 * Custom blocks, written with the same SDK as the built-in ones: every module in `BLOCKLOOM_BLOCKS_DIR`, and
 * every package named in `BLOCKLOOM_BLOCK_PACKAGES` (comma-separated). A module that fails to load is an
 * error naming it; registering them checks ids and names against the built-in blocks.
 */
export async function loadCustomBlocks(env: NodeJS.ProcessEnv = process.env): Promise<AnyBlock[]> {
  const blocks: AnyBlock[] = [];
  const dir = env.BLOCKLOOM_BLOCKS_DIR?.trim();
  if (dir) blocks.push(...(await blocksFromDir(dir)));
  for (const name of (env.BLOCKLOOM_BLOCK_PACKAGES ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    blocks.push(...(await blocksFromPackage(name)));
  }
  return blocks;
}
