import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlockError, NonRetriableError } from '@blockloom/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMedia, parseDataUri, runFileDir, storeMedia, toDataUri } from './media';
import { setAllowPrivate, startTestServer, type TestServer } from './test-server';

const graphExecId = `media-test-${process.pid}`;
const options = { graphExecId };
let server: TestServer;
let restoreEnv: () => void;

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    if (request.url === '/docs/report.csv') {
      response.setHeader('content-type', 'text/csv; charset=utf-8');
      response.end('a,b\n1,2');
    } else if (request.url === '/broken') {
      response.writeHead(503).end();
    } else {
      response.writeHead(404).end();
    }
  });
  restoreEnv = setAllowPrivate('127.0.0.1');
  await mkdir(join(runFileDir(graphExecId), 'sub'), { recursive: true });
  await writeFile(join(runFileDir(graphExecId), 'sub', 'notes.txt'), 'stored notes');
});
afterAll(async () => {
  restoreEnv();
  await server.close();
  await rm(runFileDir(graphExecId), { recursive: true, force: true });
});

describe('runFileDir', () => {
  it('is <tmp>/blockloom/exec_file/<run id>', () => {
    expect(runFileDir('abc-123')).toBe(join(tmpdir(), 'blockloom', 'exec_file', 'abc-123'));
  });

  it.each(['', '..', 'a/b', 'a\\b', '../x'])('refuses the run id %j', (id) => {
    expect(() => runFileDir(id)).toThrow(NonRetriableError);
  });
});

describe('data URIs', () => {
  it('decodes base64 and percent-encoded payloads', () => {
    expect(parseDataUri('data:text/plain;base64,aGk=')).toEqual({
      bytes: new Uint8Array(Buffer.from('hi')),
      mimeType: 'text/plain',
      name: 'file.txt',
    });
    expect(Buffer.from(parseDataUri('data:,a%20b%FF%').bytes)).toEqual(
      Buffer.from([0x61, 0x20, 0x62, 0xff, 0x25]),
    );
    expect(parseDataUri('data:,x').mimeType).toBe('text/plain');
    expect(() => parseDataUri('data:no-comma')).toThrow('Not a valid data URI');
  });

  it('round-trips through toDataUri', () => {
    const file = parseDataUri('data:image/png;base64,iVBORw0K');
    expect(toDataUri(file)).toBe('data:image/png;base64,iVBORw0K');
  });
});

describe('loadMedia', () => {
  it('reads a path relative to the run folder', async () => {
    const file = await loadMedia('sub/notes.txt', options);
    expect(Buffer.from(file.bytes).toString()).toBe('stored notes');
    expect(file).toMatchObject({ mimeType: 'text/plain', name: 'notes.txt' });
  });

  it.each([
    ['/etc/passwd', 'Unsupported file reference'],
    ['C:\\Windows\\win.ini', 'Unsupported file reference'],
    ['file:///etc/passwd', 'Unsupported file reference'],
    ['workspace://abc', 'Unsupported file reference'],
    ['../other-run/secret.txt', 'may not contain ".."'],
    ['sub/../../x', 'may not contain ".."'],
    ['missing.txt', 'was not found'],
    ['  ', 'No file given'],
  ])('refuses %s', async (reference, message) => {
    await expect(loadMedia(reference, options)).rejects.toThrow(message);
  });

  it('downloads a URL with its name and type', async () => {
    const file = await loadMedia(`${server.origin}/docs/report.csv`, options);
    expect(file).toMatchObject({ mimeType: 'text/csv', name: 'report.csv' });
    expect(Buffer.from(file.bytes).toString()).toBe('a,b\n1,2');
  });

  it('fails for error statuses: 4xx for good, 5xx retriable', async () => {
    await expect(loadMedia(`${server.origin}/gone`, options)).rejects.toBeInstanceOf(NonRetriableError);
    const broken = loadMedia(`${server.origin}/broken`, options);
    await expect(broken).rejects.toThrow('HTTP 503');
    await expect(broken).rejects.not.toBeInstanceOf(NonRetriableError);
    await expect(broken).rejects.toBeInstanceOf(BlockError);
  });

  it('goes through the SSRF checks', async () => {
    const restore = setAllowPrivate(undefined);
    try {
      await expect(loadMedia(`${server.origin}/docs/report.csv`, options)).rejects.toThrow('Refused');
    } finally {
      restore();
    }
  });
});

describe('storeMedia', () => {
  it('writes a data URI into the run folder under a unique name', async () => {
    const first = await storeMedia('data:text/plain;base64,aGk=', { ...options, returnFormat: 'path' });
    const second = await storeMedia('data:text/plain;base64,aGk=', { ...options, returnFormat: 'path' });
    expect(first).toMatch(/^[0-9a-f-]{36}_file\.txt$/);
    expect(second).not.toBe(first);
    expect(await readFile(join(runFileDir(graphExecId), first), 'utf8')).toBe('hi');
  });

  it('stores a download under its own name', async () => {
    const path = await storeMedia(`${server.origin}/docs/report.csv`, { ...options, returnFormat: 'path' });
    expect(path).toMatch(/_report\.csv$/);
    expect((await loadMedia(path, options)).mimeType).toBe('text/csv');
  });

  it('keeps a run file where it is, or returns any file as a data URI', async () => {
    expect(await storeMedia('sub/notes.txt', { ...options, returnFormat: 'path' })).toBe('sub/notes.txt');
    expect(await storeMedia('sub/notes.txt', { ...options, returnFormat: 'data_uri' })).toBe(
      `data:text/plain;base64,${Buffer.from('stored notes').toString('base64')}`,
    );
  });
});
