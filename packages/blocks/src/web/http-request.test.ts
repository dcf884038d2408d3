import { runBlock, type HostScopedCredentials } from '@blockloom/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsHostMatches, sendAuthenticatedWebRequestBlock } from './send-authenticated-web-request';
import { sendWebRequestBlock } from './send-web-request';
import { setAllowPrivate, startTestServer, type TestServer } from './test-server';

interface Echo {
  method: string;
  contentType: string | null;
  body: string;
  headers: Record<string, string>;
}

let server: TestServer;
let other: TestServer;
let restoreEnv: () => void;
const multipartSeen: { fields: [string, string][] }[] = [];

beforeAll(async () => {
  server = await startTestServer((request, response, body) => {
    const url = request.url ?? '/';
    if (url === '/text') return void response.end('plain answer');
    if (url === '/missing') {
      response.writeHead(404, { 'content-type': 'application/json' });
      return void response.end('{"detail":"not found"}');
    }
    if (url === '/crash') return void response.writeHead(500).end('boom');
    if (url === '/bad-json') {
      response.setHeader('content-type', 'application/json');
      return void response.end('{oops');
    }
    if (url === '/not-modified') return void response.writeHead(304).end();
    if (url === '/elsewhere') return void response.writeHead(302, { location: `${other.origin}/` }).end();
    if (url === '/multipart') {
      const contentType = request.headers['content-type'] ?? '';
      void new Response(body, { headers: { 'content-type': contentType } }).formData().then(async (form) => {
        const fields: [string, string][] = [];
        for (const [key, value] of form.entries()) {
          fields.push([
            key,
            typeof value === 'string' ? value : `${value.name}|${value.type}|${await value.text()}`,
          ]);
        }
        multipartSeen.push({ fields });
        response.end('ok');
      });
      return;
    }
    response.setHeader('content-type', 'application/vnd.test+json; charset=utf-8');
    const echo: Echo = {
      method: request.method ?? '',
      contentType: request.headers['content-type'] ?? null,
      body: body.toString(),
      headers: request.headers as Record<string, string>,
    };
    response.end(JSON.stringify(echo));
  });
  other = await startTestServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ headers: request.headers }));
  });
  restoreEnv = setAllowPrivate('127.0.0.1');
});
afterAll(async () => {
  restoreEnv();
  await server.close();
  await other.close();
});

async function send(input: Record<string, unknown>) {
  return runBlock(sendWebRequestBlock, input);
}
async function echo(input: Record<string, unknown>): Promise<Echo> {
  const result = await send({ url: `${server.origin}/echo`, ...input });
  expect(result.error).toBeUndefined();
  return result.byPin.response?.[0] as Echo;
}

describe('SendWebRequestBlock bodies', () => {
  it('sends a dictionary as JSON by default (POST) and parses a JSON answer', async () => {
    const seen = await echo({ body: { a: 1, b: ['x'] } });
    expect(seen).toMatchObject({
      method: 'POST',
      contentType: 'application/json',
      body: '{"a":1,"b":["x"]}',
    });
  });

  it('parses a JSON text body before sending it', async () => {
    expect(await echo({ body: '{ "k" : true }' })).toMatchObject({
      body: '{"k":true}',
      contentType: 'application/json',
    });
  });

  it('sends text that is not JSON as it is', async () => {
    expect(await echo({ body: 'just words' })).toMatchObject({
      body: 'just words',
      contentType: null,
    });
  });

  it('sends a dictionary as a form when json_format is off', async () => {
    expect(await echo({ json_format: false, body: { a: 'x y', n: 2, o: { p: 1 } } })).toMatchObject({
      contentType: 'application/x-www-form-urlencoded',
      body: 'a=x+y&n=2&o=%7B%22p%22%3A1%7D',
    });
    expect(await echo({ json_format: false, body: 'raw=1' })).toMatchObject({ body: 'raw=1' });
  });

  it('sends no body for a GET without one, and keeps a content type the user sets', async () => {
    expect(await echo({ method: 'GET' })).toMatchObject({ method: 'GET', body: '', contentType: null });
    const seen = await echo({ headers: { 'content-type': 'application/x-custom' }, body: { a: 1 } });
    expect(seen.contentType).toBe('application/x-custom');
  });

  it('uploads files as multipart under files_name, with dictionary fields', async () => {
    const result = await send({
      url: `${server.origin}/multipart`,
      json_format: false,
      files_name: 'upload',
      headers: { 'Content-Type': 'application/json' },
      body: { note: 'hi', n: 3 },
      files: ['data:text/plain;base64,aGVsbG8=', 'data:application/json,%7B%7D'],
    });
    expect(result.outputs).toEqual([['response', 'ok']]);
    expect(multipartSeen.at(-1)?.fields).toEqual([
      ['note', 'hi'],
      ['n', '3'],
      ['upload', 'file.txt|text/plain|hello'],
      ['upload', 'file.json|application/json|{}'],
    ]);
  });

  it('refuses files with a text body', async () => {
    const result = await send({
      url: `${server.origin}/multipart`,
      json_format: false,
      body: 'x',
      files: ['data:,a'],
    });
    expect(result.error).toContain('the body must be a dictionary');
  });
});

describe('SendWebRequestBlock answers', () => {
  it.each([
    ['/text', 'response', 'plain answer'],
    ['/missing', 'client_error', { detail: 'not found' }],
    ['/crash', 'server_error', 'boom'],
    ['/bad-json', 'response', '{oops'],
  ])('%s goes to %s', async (path, pin, value) => {
    const result = await send({ url: `${server.origin}${path}`, method: 'GET' });
    expect(result.outputs).toEqual([[pin, value]]);
  });

  it('fails on a status outside 2xx/4xx/5xx', async () => {
    const result = await send({ url: `${server.origin}/not-modified`, method: 'GET' });
    expect(result.error).toContain('Unexpected status code 304');
  });

  it('refuses loopback when it is not allowlisted', async () => {
    const restore = setAllowPrivate(undefined);
    try {
      const result = await send({ url: `${server.origin}/text`, method: 'GET' });
      expect(result.error).toContain('Refused to connect to 127.0.0.1');
    } finally {
      restore();
    }
  });
});

describe('SendAuthenticatedWebRequestBlock', () => {
  const reference = { id: 'c1', provider: 'http', type: 'host_scoped' };
  const credentials = (host: string): Record<string, HostScopedCredentials> => ({
    credentials: {
      id: 'c1',
      provider: 'http',
      type: 'host_scoped',
      host,
      headers: { Authorization: 'Bearer stored', 'X-Api-Key': 'stored-key' },
    },
  });
  const sendAuth = (input: Record<string, unknown>, host = '127.0.0.1') =>
    runBlock(
      sendAuthenticatedWebRequestBlock,
      { credentials: reference, method: 'GET', ...input },
      { credentials: credentials(host) },
    );

  it('adds the stored headers for a matching host; user headers win', async () => {
    const result = await sendAuth({ url: `${server.origin}/echo`, headers: { 'x-api-key': 'mine' } });
    const seen = result.byPin.response?.[0] as Echo;
    expect(seen.headers.authorization).toBe('Bearer stored');
    expect(seen.headers['x-api-key']).toBe('mine');
  });

  it('adds nothing for another host', async () => {
    const result = await sendAuth({ url: `${server.origin}/echo` }, 'api.example.com');
    const seen = result.byPin.response?.[0] as Echo;
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers['x-api-key']).toBeUndefined();
  });

  it('does not carry the stored headers across a redirect to another origin', async () => {
    const result = await sendAuth({ url: `${server.origin}/elsewhere` });
    const seen = result.byPin.response?.[0] as { headers: Record<string, string> };
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers['x-api-key']).toBeUndefined();
  });

  it('fails without host-scoped credentials', async () => {
    const result = await runBlock(sendAuthenticatedWebRequestBlock, {
      credentials: reference,
      url: `${server.origin}/echo`,
    });
    expect(result.error).toContain('needs host-scoped credentials');
  });
});

describe('credentialsHostMatches', () => {
  it.each([
    ['api.example.com', 'https://api.example.com/v1', true],
    ['API.example.com', 'https://api.EXAMPLE.com', true],
    ['https://api.example.com/', 'https://api.example.com/x', true],
    ['api.example.com', 'https://evil.com/?api.example.com', false],
    ['api.example.com', 'https://api.example.com.evil.com/', false],
    ['*.example.com', 'https://a.b.example.com/', true],
    ['*.example.com', 'https://notexample.com/', false],
    ['api.example.com:8443', 'https://api.example.com:8443/', true],
    ['api.example.com:8443', 'https://api.example.com/', false],
    ['api.example.com:443', 'https://api.example.com/', true],
  ])('%s against %s is %s', (pattern, url, expected) => {
    expect(credentialsHostMatches(pattern, new URL(url))).toBe(expected);
  });
});
