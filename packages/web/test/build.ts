import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const webRoot = resolve(import.meta.dirname, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function isCurrent(): boolean {
  const index = join(webRoot, 'dist/index.html');
  const sources = Math.max(
    newestMtime(join(webRoot, 'src')),
    statSync(join(webRoot, 'index.html')).mtimeMs,
    statSync(join(webRoot, 'vite.config.ts')).mtimeMs,
  );
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

/**
 * The browser tests drive the built app that `blockloom serve` serves, so the build must match the sources:
 * rebuild when any source is newer than dist/index.html (a no-op right after `npm ci`, which builds). Test
 * files run in parallel workers, so one builds while the others wait on a lock directory.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (isCurrent()) return;
  const lock = join(webRoot, '.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock older than two minutes was left by a killed run.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) rmSync(lock, { force: true, recursive: true });
      await sleep(250);
      if (isCurrent()) return;
    }
  }
  try {
    if (isCurrent()) return;
    const { build } = await import('vite');
    await build({ root: webRoot, configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    rmSync(lock, { force: true, recursive: true });
  }
}
