import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from './harness';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head></html>';
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('the web app at /', () => {
  let webRoot: string;
  let server: TestServer;
  beforeAll(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'blockloom-web-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), INDEX);
    await writeFile(join(webRoot, 'assets', 'app.js'), 'console.log("app");\n');
    await writeFile(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    server = await createTestServer({ webRoot });
  });
  afterAll(async () => {
    await server.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  const get = (url: string, method: 'GET' | 'HEAD' | 'POST' = 'GET') => server.app.inject({ method, url });

  it('serves index.html, not cached, at / and at every path of the app', async () => {
    for (const url of [
      '/',
      '/build?flowID=x',
      '/library',
      '/runs/abc',
      '/settings/api-keys',
      '/login',
      '/auth/integrations/oauth_callback?code=c&state=s',
      '/apis',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toBe(INDEX);
    }
    const head = await get('/library', 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('serves assets for a year, immutable, and other files revalidated', async () => {
    const script = await get('/assets/app.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(script.headers['cache-control']).toBe(IMMUTABLE);
    expect(script.body).toBe('console.log("app");\n');
    const icon = await get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset, server paths and other methods with the JSON 404', async () => {
    for (const url of ['/assets/gone-1234.js', '/api/nope', '/api', '/external-api/v1/nope', '/docs/nope']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('application/json');
      const path = url.split('?')[0];
      expect(response.json(), url).toEqual({
        message: `Failed to process GET ${path}`,
        detail: `No route GET ${path}`,
        hint: expect.any(String),
      });
    }
    const post = await get('/library', 'POST');
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ detail: 'No route POST /library' });
  });

  it('keeps the API, the OpenAPI document and Swagger UI where they were', async () => {
    expect((await get('/health')).json()).toEqual({ status: 'healthy' });
    expect((await get('/openapi.json')).json()).toHaveProperty('openapi');
    const docs = await get('/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
    expect((await get('/api/graphs')).statusCode).toBe(401);
  });

  it('sets a Content-Security-Policy the web app and Swagger UI can live with', async () => {
    const csp = (await get('/')).headers['content-security-policy'];
    expect(typeof csp).toBe('string');
    const directives = Object.fromEntries(
      String(csp)
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https:']);
    expect(directives['connect-src']).toEqual(["'self'", 'ws:', 'wss:']);
    expect(directives['font-src']).toEqual(["'self'", 'data:']);
    expect(directives['object-src']).toEqual(["'none'"]);
    // Plain HTTP on a LAN address must keep working: nothing is upgraded to HTTPS.
    expect(directives).not.toHaveProperty('upgrade-insecure-requests');
    expect((await get('/docs/')).headers['content-security-policy']).toBe(csp);
  });
});

describe('the web app not built', () => {
  let empty: string;
  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'blockloom-web-empty-'));
  });
  afterAll(() => rm(empty, { recursive: true, force: true }));

  // A directory without index.html, and one that does not exist, alike.
  for (const [what, dir] of [
    ['without index.html', () => empty],
    ['missing', () => join(empty, 'dist')],
  ] as const) {
    it(`answers / and the app's paths with a page saying how to build it (web root ${what})`, async () => {
      const server = await createTestServer({ webRoot: dir() });
      try {
        for (const url of ['/', '/library']) {
          const response = await server.app.inject({ method: 'GET', url });
          expect(response.statusCode, url).toBe(200);
          expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
          expect(response.headers['cache-control']).toBe('no-cache');
          expect(response.body).toContain('The web app is not built. Run <code>npm run build:web</code>.');
          expect(response.body).toContain('<a href="/docs">');
        }
        expect((await server.app.inject({ method: 'GET', url: '/api/nope' })).statusCode).toBe(404);
        expect((await server.app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(404);
      } finally {
        await server.close();
      }
    });
  }
});
