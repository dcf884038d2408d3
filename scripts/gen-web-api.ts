/**
 * Generates the web app's API types (packages/web/src/api/schema.d.ts) from the server's /openapi.json.
 * It starts the real `blockloom serve` with local accounts (so the sign-in routes are described too) on a free
 * port and a throwaway data directory, reads the document and writes the types with openapi-typescript.
 *
 *   npx tsx scripts/gen-web-api.ts          write the file
 *   npx tsx scripts/gen-web-api.ts --check  exit 1 if the file is not what the server describes (CI)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = resolve(import.meta.dirname, '..');
const target = join(root, 'packages/web/src/api/schema.d.ts');

async function fetchOpenApi(): Promise<unknown> {
  const dataDir = await mkdtemp(join(tmpdir(), 'blockloom-openapi-'));
  const child = spawn(process.execPath, [join(root, 'packages/cli/bin/blockloom.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      BLOCKLOOM_DATA_DIR: dataDir,
      BLOCKLOOM_AUTH: 'local',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((done, fail) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Blockloom is running at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) done(match[1]);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => fail(new Error(`blockloom serve exited with ${code}:\n${output}`)));
    });
    const response = await fetch(`${url}/openapi.json`);
    if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}`);
    return await response.json();
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    await rm(dataDir, { recursive: true, force: true });
  }
}

const document = (await fetchOpenApi()) as Parameters<typeof openapiTS>[0];
const header = "// Generated from the server's /openapi.json by scripts/gen-web-api.ts. Do not edit.\n\n";
const contents = header + astToString(await openapiTS(document, { alphabetize: true }));

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== contents) {
    console.error(
      'packages/web/src/api/schema.d.ts is not what the server describes. Run `npx tsx scripts/gen-web-api.ts`.',
    );
    process.exit(1);
  }
  console.log('packages/web/src/api/schema.d.ts is current.');
} else {
  await writeFile(target, contents);
  console.log(`Wrote ${target}`);
}
