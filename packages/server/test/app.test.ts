import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '@blockloom/engine';
import { createTestServer, type TestServer } from './harness';

describe('server basics', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('reports health and readiness', async () => {
    server = await createTestServer();
    const health = await server.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'healthy' });
    expect((await server.app.inject({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready' });
  });

  it('answers 503 when the store fails, without a stack trace', async () => {
    const failing = (store: Store): Store =>
      Object.assign(Object.create(store) as Store, {
        getGraph: () => Promise.reject(new Error('disk I/O error at /secret/path')),
      });
    server = await createTestServer({}, { wrapStore: failing });
    const health = await server.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({
      message: 'Failed to process GET /health',
      detail: 'Database unavailable',
      hint: expect.any(String),
    });
  });

  it('answers 500 with the error body and no stack for an unexpected failure', async () => {
    const failing = (store: Store): Store =>
      Object.assign(Object.create(store) as Store, { listGraphs: () => Promise.reject(new Error('boom')) });
    server = await createTestServer({}, { wrapStore: failing });
    const { token } = await server.signup('a@x.io');
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/graphs',
      headers: server.auth(token),
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      message: 'Failed to process GET /api/graphs',
      detail: 'Internal server error',
      hint: expect.any(String),
    });
    expect(response.body).not.toContain('boom');
    expect(response.body).not.toContain('at ');
  });

  it('serves the OpenAPI document and Swagger UI from the route schemas', async () => {
    server = await createTestServer();
    const doc = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/graphs',
        '/api/graphs/{id}/execute/{version}',
        '/api/auth/signup',
        '/health',
      ]),
    );
    expect(doc.paths['/api/auth/signup']?.post?.requestBody).toBeDefined();
    const ui = await server.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('sets request ids, security headers and CORS for configured origins only', async () => {
    server = await createTestServer();
    const traced = await server.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(traced.headers['x-request-id']).toBe('abc-123');
    const fresh = await server.app.inject({ method: 'GET', url: '/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers['x-content-type-options']).toBe('nosniff');
    const allowed = await server.app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://app.example.com' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const other = await server.app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers unknown routes, bad JSON, oversized and non-JSON bodies with the error body', async () => {
    server = await createTestServer();
    const { token } = await server.signup('a@x.io');
    const missing = await server.app.inject({ method: 'GET', url: '/api/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      message: expect.any(String),
      detail: expect.any(String),
      hint: expect.any(String),
    });

    const badJson = await server.app.inject({
      method: 'POST',
      url: '/api/graphs',
      headers: { ...server.auth(token), 'content-type': 'application/json' },
      payload: '{"graph":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toHaveProperty('hint');

    const huge = await server.app.inject({
      method: 'POST',
      url: '/api/graphs',
      headers: server.auth(token),
      payload: { graph: { blob: 'x'.repeat(300 * 1024) } },
    });
    expect(huge.statusCode).toBe(413);

    const text = await server.app.inject({
      method: 'POST',
      url: '/api/graphs',
      headers: { ...server.auth(token), 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(text.statusCode).toBe(415);
  });

  it('exposes Prometheus metrics: HTTP requests by route, runs by status, queue depth, sockets', async () => {
    server = await createTestServer();
    await server.app.inject({ method: 'GET', url: '/api/graphs/some-id' });
    const response = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    expect(text).toMatch(
      /blockloom_http_requests_total\{method="GET",route="\/api\/graphs\/:id",status="401"\} 1/,
    );
    expect(text).toContain('blockloom_http_request_duration_seconds_bucket');
    expect(text).toContain('blockloom_graph_executions{status="COMPLETED"} 0');
    expect(text).toContain('blockloom_execution_queue_depth 0');
    expect(text).toContain('blockloom_active_runs 0');
    expect(text).toContain('blockloom_websocket_connections 0');
  });
});
