import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyExecutionIds, runBlock } from '@blockloom/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, textChunks, type ChunkOptions } from './file-chunks';
import { fileReadBlock } from './file-read';
import { fileStoreBlock } from './file-store';
import { runFileDir } from './media';
import { setAllowPrivate, startTestServer, type TestServer } from './test-server';

const graphExecId = `file-blocks-test-${process.pid}`;
const context = { ids: { ...emptyExecutionIds, graphExecId } };
let server: TestServer;
let restoreEnv: () => void;

beforeAll(async () => {
  server = await startTestServer((_request, response) => {
    response.setHeader('content-type', 'text/plain');
    response.end('line 1\nline 2\nline 3');
  });
  restoreEnv = setAllowPrivate('127.0.0.1');
});
afterAll(async () => {
  restoreEnv();
  await server.close();
  await rm(runFileDir(graphExecId), { recursive: true, force: true });
});

describe('FileStoreBlock', () => {
  it('stores a data URI in the run folder and FileRead reads the path back', async () => {
    const stored = await runBlock(
      fileStoreBlock,
      { file_in: 'data:text/plain;base64,aGVsbG8=' },
      { context },
    );
    const path = stored.byPin.file_out?.[0] as string;
    expect(path).toMatch(/^[0-9a-f-]{36}_file\.txt$/);
    expect(await readFile(join(runFileDir(graphExecId), path), 'utf8')).toBe('hello');
    const read = await runBlock(fileReadBlock, { file_input: path }, { context });
    expect(read.outputs).toEqual([['content', 'hello']]);
  });

  it('downloads a URL into the run folder', async () => {
    const stored = await runBlock(
      fileStoreBlock,
      { file_in: `${server.origin}/notes/today.txt` },
      { context },
    );
    const path = stored.byPin.file_out?.[0] as string;
    expect(path).toMatch(/_today\.txt$/);
    expect(await readFile(join(runFileDir(graphExecId), path), 'utf8')).toBe('line 1\nline 2\nline 3');
  });

  it('returns a URL as a data URI with base_64', async () => {
    const stored = await runBlock(
      fileStoreBlock,
      { file_in: `${server.origin}/a.txt`, base_64: true },
      { context },
    );
    expect(stored.outputs).toEqual([
      ['file_out', `data:text/plain;base64,${Buffer.from('line 1\nline 2\nline 3').toString('base64')}`],
    ]);
  });

  it('has static output', () => {
    expect(fileStoreBlock.staticOutput).toBe(true);
  });
});

describe('FileReadBlock', () => {
  it('reads a URL row by row', async () => {
    const read = await runBlock(
      fileReadBlock,
      { file_input: `${server.origin}/f.txt`, delimiter: '\n', skip_rows: 1 },
      { context },
    );
    expect(read.outputs).toEqual([
      ['content', 'line 2'],
      ['content', 'line 3'],
    ]);
  });
});

describe('textChunks', () => {
  const none: ChunkOptions = { delimiter: '', sizeLimit: 0, rowLimit: 0, skipSize: 0, skipRows: 0 };
  it.each<[string, Partial<ChunkOptions>, string[]]>([
    ['a,b,c', {}, ['a,b,c']],
    ['a,b,c', { delimiter: ',' }, ['a', 'b', 'c']],
    ['a,b,c', { delimiter: ',', rowLimit: 2 }, ['a', 'b']],
    ['a,b,c', { delimiter: ',', skipRows: 1, rowLimit: 1 }, ['b']],
    ['abcdefg', { sizeLimit: 3 }, ['abc', 'def', 'g']],
    ['abcdefg', { skipSize: 2, sizeLimit: 3 }, ['cde', 'fg']],
    ['xx,abcd', { skipSize: 1, delimiter: ',', sizeLimit: 2 }, ['x', 'ab', 'cd']],
    ['👋👋👋', { sizeLimit: 2 }, ['👋👋', '👋']],
    ['👋abc', { skipSize: 1 }, ['abc']],
    ['a,,b', { delimiter: ',', sizeLimit: 5 }, ['a', '', 'b']],
    ['', {}, ['']],
    ['abc', { sizeLimit: -1, rowLimit: -3, skipRows: -1, skipSize: -2 }, ['abc']],
  ])('%j with %j', (text, options, expected) => {
    expect(textChunks(text, { ...none, ...options })).toEqual(expected);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 and falls back to latin-1', () => {
    expect(decodeText(new Uint8Array(Buffer.from('naïve ☕')))).toBe('naïve ☕');
    expect(decodeText(new Uint8Array([0x6e, 0x61, 0xef, 0x76, 0x65]))).toBe('naïve');
  });
});
