import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFileDir } from '@blockloom/blocks';
import { main } from '../src/index';

const root = resolve(import.meta.dirname, '../../..');
const agents = resolve(root, '../shared/compat/agents');
const bin = join(root, 'packages/cli/bin/blockloom.js');

/** Runs the real executable, as a user would from the repository root. */
function blockloom(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `main` in-process, capturing what it writes. */
async function inProcess(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blockloom-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('blockloom run (the executable)', () => {
  it('runs the AutoGPT calculator agent with --input Input=8 and prints exactly one JSON object', () => {
    const { code, stdout, stderr } = blockloom(
      'run',
      join(agents, 'calculator-agent.json'),
      '--input',
      'Input=8',
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['id', 'status', 'outputs', 'stats']);
    expect(result.status).toBe('COMPLETED');
    expect(result.outputs).toEqual({ Output: [42] });
    expect(result.stats).toMatchObject({ node_exec_count: 3, node_error_count: 0 });
  });

  it('reports a missing required input with the node and field, exit code 2, no stack trace', () => {
    const { code, stderr } = blockloom('run', join(agents, 'calculator-agent.json'), '--json');
    expect(code).toBe(2);
    // Named by the node's id in the file, though the import gave the stored copy new ids.
    expect(stderr).toMatch(
      /node 6762da5d-6915-4836-a431-6dcd7d36a54a \(AgentInputBlock\), field "Input": Missing required input "Input"/,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('blockloom run (in-process)', () => {
  it('prints node-by-node progress and the outputs without --json', async () => {
    const { code, stdout } = await inProcess(
      'run',
      join(root, 'examples/double-it.json'),
      '--input',
      'Number=21',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ Calculator \[[0-9a-f]{8}\] COMPLETED {2}result=42/);
    expect(stdout).toMatch(/\nDoubled: 42\n/);
  });

  it('takes --inputs as a JSON object, with --input winning', async () => {
    const { code, stdout } = await inProcess(
      'run',
      join(agents, 'calculator-agent.json'),
      '--inputs',
      '{"Input": 1}',
      '--input',
      'Input=8',
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).outputs).toEqual({ Output: [42] });
  });

  it('keeps the run in --db and exits 1 when the run does not complete', async () => {
    const db = join(dir, 'kept.db');
    const ok = await inProcess(
      'run',
      join(agents, 'calculator-agent.json'),
      '--input',
      'Input=8',
      '--db',
      db,
      '--json',
    );
    expect(ok.code).toBe(0);
    const again = await inProcess(
      'run',
      join(agents, 'calculator-agent.json'),
      '--input',
      'Input=1',
      '--db',
      db,
      '--json',
    );
    expect(JSON.parse(again.stdout).outputs).toEqual({ Output: [35] });
  });

  it.each([
    ['malformed JSON', '{"nodes": [', /is not a valid graph:\n.*(JSON|position)/s],
    [
      'an unknown block id',
      JSON.stringify({ nodes: [{ id: 'n1', block_id: '00000000-dead-beef-0000-000000000000' }], links: [] }),
      /node .*n1.*00000000-dead-beef-0000-000000000000/,
    ],
    [
      'a link to a pin that does not exist',
      JSON.stringify({
        nodes: [
          {
            id: 'a',
            block_id: 'b1ab9b19-67a6-406d-abf5-2dba76d00c79',
            input_default: { operation: 'Add', a: 1, b: 2 },
          },
          { id: 'b', block_id: '363ae599-353e-4804-937e-b2ee3cef3da4', input_default: { name: 'o' } },
        ],
        links: [{ source_id: 'a', sink_id: 'b', source_name: 'nope', sink_name: 'value' }],
      }),
      /nope/,
    ],
  ])('rejects %s with exit code 2 and a message naming the problem', async (_name, text, message) => {
    const file = join(dir, `bad-${Math.random()}.json`);
    await writeFile(file, text);
    const { code, stderr } = await inProcess('run', file, '--json');
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('deletes the files a run stored once the run has ended', async () => {
    const file = join(dir, 'store-file.json');
    await writeFile(
      file,
      JSON.stringify({
        nodes: [
          {
            id: 'store',
            block_id: 'cbb50872-625b-42f0-8203-a2ae78242d8a',
            input_default: { file_in: 'data:text/plain;base64,aGk=' },
          },
          { id: 'out', block_id: '363ae599-353e-4804-937e-b2ee3cef3da4', input_default: { name: 'path' } },
        ],
        links: [{ source_id: 'store', sink_id: 'out', source_name: 'file_out', sink_name: 'value' }],
      }),
    );
    const { code, stdout } = await inProcess('run', file, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { id: string; outputs: { path: string[] } };
    expect(result.outputs.path[0]).not.toMatch(/^data:/);
    expect(existsSync(runFileDir(result.id))).toBe(false);
  });

  it('rejects bad --inputs and --input values with exit code 2', async () => {
    const file = join(agents, 'calculator-agent.json');
    expect((await inProcess('run', file, '--inputs', '[1]')).code).toBe(2);
    expect((await inProcess('run', file, '--inputs', '{nope')).code).toBe(2);
    expect((await inProcess('run', file, '--input', 'novalue')).code).toBe(2);
    expect((await inProcess('run', join(dir, 'missing.json'))).stderr).toMatch(/no such file/);
    expect((await inProcess('frobnicate')).code).toBe(2);
  });
});

describe('blockloom validate and blocks', () => {
  it('validate exits 0 for a valid graph and 1 with the issues for an invalid one', async () => {
    expect((await inProcess('validate', join(agents, 'calculator-agent.json'))).code).toBe(0);
    const broken = join(dir, 'broken.json');
    await writeFile(
      broken,
      JSON.stringify({
        nodes: [{ id: 'x', block_id: '363ae599-353e-4804-937e-b2ee3cef3da4', input_default: {} }],
        links: [],
      }),
    );
    const { code, stdout } = await inProcess('validate', broken);
    expect(code).toBe(1);
    expect(stdout).toMatch(/node x \(AgentOutputBlock\), field "name": This field is required/);
  });

  it('blocks --json lists blocks in the /api/blocks item shape', async () => {
    const { code, stdout } = await inProcess('blocks', '--json');
    expect(code).toBe(0);
    const blocks = JSON.parse(stdout) as Record<string, unknown>[];
    expect(blocks.length).toBeGreaterThan(20);
    const calculator = blocks.find((block) => block.id === 'b1ab9b19-67a6-406d-abf5-2dba76d00c79');
    expect(Object.keys(calculator ?? {})).toEqual([
      'id',
      'name',
      'inputSchema',
      'outputSchema',
      'description',
      'categories',
      'contributors',
      'staticOutput',
      'uiType',
      'costs',
    ]);
    expect(calculator?.name).toBe('CalculatorBlock');
    expect(calculator?.uiType).toBe('Standard');
  });
});
