import { BlockError, NonRetriableError } from '@blockloom/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { safeFetch, UnsafeUrlError, type HostResolver } from './safe-fetch';
import { setAllowPrivate, startTestServer, type TestServer } from './test-server';

/** A resolver answering from a table, as DNS would; unknown names fail like NXDOMAIN. */
function fakeResolver(table: Record<string, string[]>): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({
      address,
      family: address.includes(':') ? (6 as const) : (4 as const),
    }));
  };
  return Object.assign(resolve, { calls });
}

let restoreEnv: () => void = () => undefined;
afterEach(() => restoreEnv());
const allow = (value: string | undefined) => {
  restoreEnv = setAllowPrivate(value);
};

let hits: string[] = [];
let main: TestServer;
let other: TestServer;
beforeAll(async () => {
  main = await startTestServer((request, response, body) => {
    hits.push(`main ${request.method} ${request.url}`);
    const url = request.url ?? '/';
    if (url === '/json') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ ok: true, auth: request.headers.authorization ?? null }));
    } else if (url === '/echo') {
      response.end(
        JSON.stringify({ method: request.method, body: body.toString(), headers: request.headers }),
      );
    } else if (url.startsWith('/redirect-to-other')) {
      response.writeHead(302, { location: `${other.origin}/landing` }).end();
    } else if (url === '/see-other') {
      response.writeHead(303, { location: '/echo' }).end();
    } else if (url === '/temporary') {
      response.writeHead(307, { location: '/echo' }).end();
    } else if (url === '/to-file') {
      response.writeHead(302, { location: 'file:///etc/passwd' }).end();
    } else if (url === '/loop') {
      response.writeHead(302, { location: '/loop' }).end();
    } else if (url === '/big') {
      response.write('x'.repeat(600));
      response.end('y'.repeat(600));
    } else if (url === '/big-declared') {
      response.writeHead(200, { 'content-length': '5000' }).end('z'.repeat(5000));
    } else if (url === '/hang') {
      // Never answers: the client's deadline has to end the request.
    } else if (url === '/latin1') {
      response.setHeader('content-type', 'text/plain; charset=iso-8859-1');
      response.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    } else {
      response.end('hello');
    }
  });
  other = await startTestServer((request, response) => {
    hits.push(`other ${request.method} ${request.url}`);
    response.end(JSON.stringify({ headers: request.headers }));
  });
});
afterAll(async () => {
  await main.close();
  await other.close();
});
afterEach(() => {
  hits = [];
});

describe('safeFetch refuses unsafe targets', () => {
  it('refuses 127.0.0.1 without contacting it', async () => {
    allow(undefined);
    await expect(safeFetch(`${main.origin}/`)).rejects.toThrow(UnsafeUrlError);
    await expect(safeFetch(`${main.origin}/`)).rejects.toThrow(/loopback/);
    expect(hits).toEqual([]);
  });

  it('refuses a hostname that resolves to a private address', async () => {
    allow(undefined);
    const lookup = fakeResolver({ 'intranet.example': ['10.0.0.5'] });
    const failure = safeFetch('http://intranet.example/', { lookup });
    await expect(failure).rejects.toBeInstanceOf(UnsafeUrlError);
    await expect(failure).rejects.toThrow('intranet.example (10.0.0.5): a private address');
    expect(lookup.calls).toEqual(['intranet.example']);
  });

  it('refuses a hostname that resolves to a private IPv6 address', async () => {
    allow(undefined);
    const lookup = fakeResolver({ 'v6.example': ['fd00::1'] });
    await expect(safeFetch('http://v6.example/', { lookup })).rejects.toThrow('v6.example (fd00::1)');
  });

  it('refuses a hostname when any of its addresses is private', async () => {
    allow(undefined);
    const lookup = fakeResolver({ 'mixed.example': ['93.184.216.34', '127.0.0.1'] });
    await expect(safeFetch('http://mixed.example/', { lookup })).rejects.toThrow(UnsafeUrlError);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://0.0.0.0/',
    'http://100.64.0.1/',
    'http://0x7f000001/',
    'http://2130706433/',
  ])('refuses the literal %s', async (url) => {
    allow(undefined);
    await expect(safeFetch(url)).rejects.toThrow(UnsafeUrlError);
  });

  it.each(['ftp://example.com/file', 'file:///etc/passwd', 'not a url'])('refuses %s', async (url) => {
    await expect(safeFetch(url)).rejects.toThrow(UnsafeUrlError);
  });

  it('is a non-retriable block error', () => {
    expect(new UnsafeUrlError('x')).toBeInstanceOf(NonRetriableError);
  });
});

describe('safeFetch allowlist', () => {
  it('allows a listed IP and returns the response', async () => {
    allow('127.0.0.1');
    const response = await safeFetch(`${main.origin}/json`, { headers: { authorization: 'Bearer t' } });
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${main.origin}/json`);
    expect(response.contentType).toBe('application/json');
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.json()).toEqual({ ok: true, auth: 'Bearer t' });
    expect(response.text()).toBe('{"ok":true,"auth":"Bearer t"}');
  });

  it('allows a listed CIDR range', async () => {
    allow('10.0.0.0/8, 127.0.0.0/8');
    expect((await safeFetch(`${main.origin}/`)).text()).toBe('hello');
  });

  it('matches a listed range against the address a hostname resolves to', async () => {
    allow('127.0.0.0/8');
    const lookup = fakeResolver({ 'svc.test': ['127.0.0.1'] });
    expect((await safeFetch(`http://svc.test:${main.port}/`, { lookup })).text()).toBe('hello');
  });

  it('allows a listed hostname, connecting to the address the check saw', async () => {
    allow('local.test');
    const lookup = fakeResolver({ 'local.test': ['127.0.0.1'], 'other.test': ['127.0.0.1'] });
    expect((await safeFetch(`http://local.test:${main.port}/`, { lookup })).text()).toBe('hello');
    await expect(safeFetch(`http://other.test:${main.port}/`, { lookup })).rejects.toThrow(UnsafeUrlError);
  });

  it('re-checks every redirect hop: an allowlisted server cannot bounce to an unlisted one', async () => {
    allow('local.test');
    const lookup = fakeResolver({ 'local.test': ['127.0.0.1'] });
    await expect(safeFetch(`http://local.test:${main.port}/redirect-to-other`, { lookup })).rejects.toThrow(
      `Refused to connect to 127.0.0.1`,
    );
    expect(hits).toEqual(['main GET /redirect-to-other']);
  });
});

describe('safeFetch redirects', () => {
  it('follows a redirect and reports the final URL, dropping secrets across origins', async () => {
    allow('127.0.0.1');
    const response = await safeFetch(`${main.origin}/redirect-to-other`, {
      headers: { Authorization: 'Bearer secret', 'X-Api-Key': 'k', Accept: 'application/json' },
    });
    expect(response.url).toBe(`${other.origin}/landing`);
    const { headers } = response.json() as { headers: Record<string, string> };
    expect(headers.accept).toBe('application/json');
    expect(headers.authorization).toBeUndefined();
    expect(headers['x-api-key']).toBeUndefined();
  });

  it('turns a POST into a GET on 303 and keeps it on 307', async () => {
    allow('127.0.0.1');
    const options = { method: 'post', body: 'payload', headers: { 'content-type': 'text/plain' } };
    expect((await safeFetch(`${main.origin}/see-other`, options)).json()).toMatchObject({
      method: 'GET',
      body: '',
    });
    expect((await safeFetch(`${main.origin}/temporary`, options)).json()).toMatchObject({
      method: 'POST',
      body: 'payload',
    });
  });

  it('turns a POST into a GET on 302, as browsers do', async () => {
    allow('127.0.0.1');
    await safeFetch(`${main.origin}/redirect-to-other`, { method: 'POST', body: 'x' });
    expect(hits).toEqual(['main POST /redirect-to-other', 'other GET /landing']);
  });

  it('keeps every header on a same-origin redirect', async () => {
    allow('127.0.0.1');
    const response = await safeFetch(`${main.origin}/temporary`, { headers: { 'X-Api-Key': 'k' } });
    expect((response.json() as { headers: Record<string, string> }).headers['x-api-key']).toBe('k');
  });

  it('refuses a redirect to another scheme', async () => {
    allow('127.0.0.1');
    await expect(safeFetch(`${main.origin}/to-file`)).rejects.toThrow('Only http and https URLs');
  });

  it('stops after maxRedirects', async () => {
    allow('127.0.0.1');
    const failure = safeFetch(`${main.origin}/loop`, { maxRedirects: 2 });
    await expect(failure).rejects.toBeInstanceOf(NonRetriableError);
    await expect(failure).rejects.toThrow('Too many redirects (more than 2)');
    expect(hits).toHaveLength(3);
  });
});

describe('safeFetch limits', () => {
  it('caps a streamed body', async () => {
    allow('127.0.0.1');
    const failure = safeFetch(`${main.origin}/big`, { maxBodyBytes: 1000 });
    await expect(failure).rejects.toBeInstanceOf(NonRetriableError);
    await expect(failure).rejects.toThrow('larger than the 1000-byte limit');
    expect((await safeFetch(`${main.origin}/big`, { maxBodyBytes: 1200 })).body.byteLength).toBe(1200);
  });

  it('refuses a declared length over the cap, and reads the cap from the environment', async () => {
    allow('127.0.0.1');
    process.env.BLOCKLOOM_HTTP_MAX_BODY_BYTES = '4096';
    try {
      await expect(safeFetch(`${main.origin}/big-declared`)).rejects.toThrow('4096-byte limit');
    } finally {
      delete process.env.BLOCKLOOM_HTTP_MAX_BODY_BYTES;
    }
  });

  it('times out', async () => {
    allow('127.0.0.1');
    const started = Date.now();
    const failure = safeFetch(`${main.origin}/hang`, { timeoutMs: 150 });
    await expect(failure).rejects.toBeInstanceOf(BlockError);
    await expect(failure).rejects.toThrow('timed out after 150 ms');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reads the timeout from the environment', async () => {
    allow('127.0.0.1');
    process.env.BLOCKLOOM_HTTP_TIMEOUT_MS = '100';
    try {
      await expect(safeFetch(`${main.origin}/hang`)).rejects.toThrow('timed out after 100 ms');
    } finally {
      delete process.env.BLOCKLOOM_HTTP_TIMEOUT_MS;
    }
  });

  it("stops when the caller's signal aborts", async () => {
    allow('127.0.0.1');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(safeFetch(`${main.origin}/hang`, { signal: controller.signal })).rejects.toThrow(
      'Request cancelled',
    );
  });
});

describe('safeFetch bodies', () => {
  it('sends bytes and decodes text with the declared charset', async () => {
    allow('127.0.0.1');
    const sent = await safeFetch(`${main.origin}/echo`, {
      method: 'PUT',
      body: new TextEncoder().encode('bytes'),
    });
    expect(sent.json()).toMatchObject({ method: 'PUT', body: 'bytes' });
    expect((await safeFetch(`${main.origin}/latin1`)).text()).toBe('café');
  });
});
