import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalculatorAgent, repoRoot } from './harness';
import { TestSocket } from './ws-client';

/** Starts `blockloom serve` as a real process on a free port; resolves with its printed URL. */
function startServer(
  dataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'packages/cli/bin/blockloom.js'), 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      BLOCKLOOM_DATA_DIR: dataDir,
      BLOCKLOOM_AUTH: 'local',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Blockloom is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

describe('blockloom serve (end to end, real process)', () => {
  let dataDir: string;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'blockloom-e2e-'));
    server = await startServer(dataDir);
  }, 60_000);
  afterAll(async () => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  const api = async (
    method: string,
    path: string,
    options: { token?: string; apiKey?: string; body?: unknown } = {},
  ) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it('signs up, imports the calculator agent, runs it with live events, reads Output 42, then stops on SIGTERM', async () => {
    const signup = await api('POST', '/api/auth/signup', {
      body: { email: 'e2e@x.io', password: 'e2e password' },
    });
    expect(signup.status).toBe(201);
    const token = signup.json.access_token as string;
    const userId = (signup.json.user as { id: string }).id;

    const imported = await api('POST', '/api/graphs', {
      token,
      body: { graph: await loadCalculatorAgent() },
    });
    expect(imported.status).toBe(200);
    const graphId = imported.json.id as string;
    const version = imported.json.version as number;

    const socket = await TestSocket.open(`${server.url.replace(/^http/, 'ws')}/ws?token=${token}`);
    try {
      expect(
        await socket.request({ method: 'subscribe_graph_executions', data: { graph_id: graphId } }),
      ).toEqual({
        method: 'subscribe_graph_executions',
        success: true,
        channel: `${userId}|graph#${graphId}|executions`,
      });
      const run = await api('POST', `/api/graphs/${graphId}/execute/${version}`, {
        token,
        body: { inputs: { Input: 8 }, credentials_inputs: {} },
      });
      expect(run.status).toBe(200);
      const execId = run.json.id as string;

      const done = await socket.next(
        (frame) =>
          frame.method === 'graph_execution_event' &&
          (frame.data as { status: string }).status === 'COMPLETED',
      );
      expect(done.data).toMatchObject({ id: execId, event_type: 'graph_execution_update' });
      const nodeEvents = socket.frames.filter((frame) => frame.method === 'node_execution_event');
      expect(nodeEvents.length).toBeGreaterThanOrEqual(3);
      expect(nodeEvents.every((frame) => (frame.data as { user_id: string }).user_id === userId)).toBe(true);

      const result = await api('GET', `/api/graphs/${graphId}/executions/${execId}`, { token });
      expect(result.status).toBe(200);
      expect(result.json.status).toBe('COMPLETED');
      expect(result.json.outputs).toEqual({ Output: [42] });
    } finally {
      socket.close();
    }

    // The same through the external API, with an API key.
    const created = await api('POST', '/api/api-keys', {
      token,
      body: { name: 'e2e', permissions: ['EXECUTE_GRAPH', 'READ_GRAPH'] },
    });
    const apiKey = created.json.plain_text_key as string;
    const external = await api('POST', `/external-api/v1/graphs/${graphId}/execute/${version}`, {
      apiKey,
      body: { node_input: { Input: 8 } },
    });
    expect(external.status).toBe(200);
    const externalId = external.json.id as string;
    let results = await api('GET', `/external-api/v1/graphs/${graphId}/executions/${externalId}/results`, {
      apiKey,
    });
    for (let i = 0; i < 100 && results.json.status !== 'COMPLETED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      results = await api('GET', `/external-api/v1/graphs/${graphId}/executions/${externalId}/results`, {
        apiKey,
      });
    }
    expect(results.json).toMatchObject({ status: 'COMPLETED', output: [{ Output: 42 }] });

    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(server.output()).toContain('Stopped.');
  }, 60_000);

  it('generated an owner-only credentials key with a warning, and refuses to start with another key', async () => {
    expect(server.output()).toContain('BLOCKLOOM_ENCRYPTION_KEY is not set');
    expect((await stat(join(dataDir, 'encryption-key'))).mode & 0o777).toBe(0o600);
    const wrongKey = { BLOCKLOOM_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    await expect(startServer(dataDir, wrongKey)).rejects.toThrow(
      /not the key the stored credentials were encrypted with/,
    );
  }, 60_000);
});

/** A timer (4 s) then an output: long enough to be cut by a shutdown. */
const slowGraph = {
  id: 'slow',
  version: 1,
  name: 'Slow agent',
  description: '',
  nodes: [
    {
      id: 'timer',
      block_id: 'd67a9c52-5e4e-11e2-bcfd-0800200c9a71',
      input_default: { input_message: 'done', seconds: 4 },
      metadata: {},
    },
    {
      id: 'out',
      block_id: '363ae599-353e-4804-937e-b2ee3cef3da4',
      input_default: { name: 'Result' },
      metadata: {},
    },
  ],
  links: [
    { id: 'l1', source_id: 'timer', sink_id: 'out', source_name: 'output_message', sink_name: 'value' },
  ],
};

describe('blockloom serve shutdown and resume (real processes)', () => {
  it('stops on SIGTERM within the grace period and finishes the interrupted run at the next start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'blockloom-resume-'));
    const env = { BLOCKLOOM_SHUTDOWN_GRACE_MS: '100' };
    try {
      let server = await startServer(dataDir, env);
      const call = async (method: string, path: string, auth: { token?: string; body?: unknown } = {}) => {
        const { token, body } = auth;
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return (await response.json()) as Record<string, unknown>;
      };
      const token = (
        await call('POST', '/api/auth/signup', { body: { email: 'r@x.io', password: 'resume pw!' } })
      ).access_token as string;
      const graph = await call('POST', '/api/graphs', { token, body: { graph: slowGraph } });
      const run = await call('POST', `/api/graphs/${String(graph.id)}/execute/1`, {
        token,
        body: { inputs: {} },
      });
      const path = `/api/graphs/${String(graph.id)}/executions/${String(run.id)}`;
      for (let i = 0; i < 100 && (await call('GET', path, { token })).status !== 'RUNNING'; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));

      const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
      const stopAt = Date.now();
      server.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // The 4 s timer did not hold the shutdown: the grace period (100 ms) did.
      expect(Date.now() - stopAt).toBeLessThan(2500);

      // Same data directory: same JWT secret (the token still works) and the unfinished run is resumed.
      server = await startServer(dataDir, env);
      let result = await call('GET', path, { token });
      for (let i = 0; i < 200 && result.status !== 'COMPLETED'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        result = await call('GET', path, { token });
      }
      expect(result).toMatchObject({ status: 'COMPLETED', outputs: { Result: ['done'] } });
      const stopped = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await stopped;
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
