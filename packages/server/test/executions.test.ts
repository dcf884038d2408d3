import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, importCalculator, type TestServer } from './harness';

interface Meta {
  id: string;
  status: string;
  graph_id: string;
}

describe('execution and block routes', () => {
  let server: TestServer;
  let headers: { authorization: string };
  let graph: { id: string; version: number };
  beforeEach(async () => {
    server = await createTestServer();
    const account = await server.signup('a@x.io');
    headers = server.auth(account.token);
    graph = await importCalculator(server, account.token);
  });
  afterEach(() => server.close());

  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const execute = async (inputs: Record<string, unknown>) => {
    const response = await inject('POST', `/api/graphs/${graph.id}/execute/${graph.version}`, {
      inputs,
      credentials_inputs: {},
    });
    expect(response.statusCode).toBe(200);
    return response.json<Meta>();
  };

  it('executes a version and serves the run with outputs and node results', async () => {
    const meta = await execute({ Input: 8 });
    expect(meta).toMatchObject({ graph_id: graph.id, status: 'QUEUED', inputs: { Input: 8 } });
    expect(meta).toMatchObject({ graph_version: graph.version });
    await server.engine.waitForCompletion(meta.id, { timeoutMs: 10_000 });
    const run = await inject('GET', `/api/graphs/${graph.id}/executions/${meta.id}`);
    expect(run.statusCode).toBe(200);
    const body = run.json<{ status: string; outputs: unknown; node_executions: unknown[] }>();
    expect(body.status).toBe('COMPLETED');
    expect(body.outputs).toEqual({ Output: [42] });
    expect(body.node_executions).toHaveLength(3);
  });

  it('hides node results once the graph is gone, but keeps the run', async () => {
    const meta = await execute({ Input: 1 });
    await server.engine.waitForCompletion(meta.id, { timeoutMs: 10_000 });
    await inject('DELETE', `/api/graphs/${graph.id}`);
    const run = await inject('GET', `/api/graphs/${graph.id}/executions/${meta.id}`);
    expect(run.json()).toMatchObject({ outputs: { Output: [35] } });
    expect(run.json()).not.toHaveProperty('node_executions');
  });

  it('refuses runs of unknown graphs (404), bad bodies (422) and invalid inputs (400)', async () => {
    expect(
      (await inject('POST', `/api/graphs/${graph.id}/execute/${graph.version + 5}`, { inputs: {} }))
        .statusCode,
    ).toBe(404);
    expect((await inject('POST', `/api/graphs/${graph.id}/execute/one`, { inputs: {} })).statusCode).toBe(
      422,
    );
    const badBody = await inject('POST', `/api/graphs/${graph.id}/execute/${graph.version}`, { inputs: [] });
    expect(badBody.statusCode).toBe(422);
    const missingInput = await inject('POST', `/api/graphs/${graph.id}/execute/${graph.version}`, {
      inputs: {},
    });
    expect(missingInput.statusCode).toBe(400);
    expect(missingInput.json().detail).toMatchObject({
      type: 'validation_error',
      node_errors: expect.any(Object),
    });
  });

  it('lists runs per user and per graph with pagination', async () => {
    const runs = [await execute({ Input: 1 }), await execute({ Input: 2 }), await execute({ Input: 3 })];
    await Promise.all(runs.map((run) => server.engine.waitForCompletion(run.id, { timeoutMs: 10_000 })));
    const all = (await inject('GET', '/api/executions')).json<Meta[]>();
    expect(all.map((run) => run.id).sort()).toEqual(runs.map((run) => run.id).sort());
    const page = await inject('GET', `/api/graphs/${graph.id}/executions?page=2&page_size=2`);
    expect(page.json()).toMatchObject({
      executions: [expect.objectContaining({ graph_id: graph.id })],
      pagination: { total_items: 3, total_pages: 2, current_page: 2, page_size: 2 },
    });
    expect((await inject('GET', `/api/graphs/${graph.id}/executions?page_size=101`)).statusCode).toBe(422);
    expect((await inject('GET', `/api/graphs/${graph.id}/executions?page=0`)).statusCode).toBe(422);
    expect((await inject('GET', '/api/graphs/unknown/executions')).statusCode).toBe(404);
  });

  it('stops a run (its final meta) and soft-deletes runs (204, then 404)', async () => {
    const meta = await execute({ Input: 4 });
    const stopped = await inject('POST', `/api/graphs/${graph.id}/executions/${meta.id}/stop`);
    expect(stopped.statusCode).toBe(200);
    expect(['TERMINATED', 'COMPLETED']).toContain(stopped.json<Meta>().status);
    expect((await inject('POST', `/api/graphs/${graph.id}/executions/nope/stop`)).statusCode).toBe(404);
    expect((await inject('POST', `/api/graphs/other/executions/${meta.id}/stop`)).statusCode).toBe(404);

    const deleted = await inject('DELETE', `/api/executions/${meta.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await inject('GET', `/api/graphs/${graph.id}/executions/${meta.id}`)).statusCode).toBe(404);
    expect((await inject('DELETE', `/api/executions/${meta.id}`)).statusCode).toBe(404);
    expect((await inject('GET', '/api/executions')).json()).toEqual([]);
  });

  it('lists blocks and executes one block on its own', async () => {
    const blocks = (await inject('GET', '/api/blocks')).json<{ id: string; name: string }[]>();
    const calculator = blocks.find((block) => block.name === 'CalculatorBlock');
    expect(calculator).toBeDefined();
    const result = await inject('POST', `/api/blocks/${calculator?.id}/execute`, {
      operation: 'Multiply',
      a: 6,
      b: 7,
      round_result: false,
    });
    expect(result.statusCode).toBe(200);
    expect(result.json()).toEqual({ result: [42] });
    const failing = await inject('POST', `/api/blocks/${calculator?.id}/execute`, { operation: 'Nope' });
    expect(failing.statusCode).toBe(200);
    expect(failing.json()).toHaveProperty('error');
    expect((await inject('POST', '/api/blocks/unknown/execute', {})).statusCode).toBe(404);
  });
});
