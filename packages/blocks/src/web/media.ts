import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, posix, relative, resolve, win32 } from 'node:path';
import { BlockError, NonRetriableError } from '@blockloom/sdk';
import { extensionFromMime, mimeFromName } from './mime';
import { safeFetch } from './safe-fetch';

/**
 * Media values (internals §8.5): a file travels between blocks as a `data:` URI, an http(s) URL or a path
 * relative to the run's file area `<tmp>/blockloom/exec_file/<graphExecId>/`. The engine deletes that folder
 * when the run ends (`runFileDir`), so stored files live as long as the run.
 */

export interface MediaFile {
  bytes: Uint8Array;
  mimeType: string;
  /** A file name: the URL's or path's last segment, or `file.<ext>` for a data URI. */
  name: string;
}

export interface MediaOptions {
  /** The run whose file area relative paths live in. */
  graphExecId: string;
  signal?: AbortSignal;
}

/** How `storeMedia` hands the stored file back: a path in the run's file area, or a data URI. */
export type MediaReturnFormat = 'path' | 'data_uri';

/** The folder holding a run's files. Throws for an id that could name another folder. */
export function runFileDir(graphExecId: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(graphExecId)) {
    throw new NonRetriableError('Files can only be stored during a graph run (no valid run id)');
  }
  return join(tmpdir(), 'blockloom', 'exec_file', graphExecId);
}

/** Percent-decodes to bytes (`%FF` is a byte, not UTF-8 text); a stray `%` stays as it is. */
function percentDecode(text: string): Buffer {
  return Buffer.concat(
    text
      .split(/(%[0-9a-f]{2})/i)
      .map((part) =>
        /^%[0-9a-f]{2}$/i.test(part) ? Buffer.from([parseInt(part.slice(1), 16)]) : Buffer.from(part, 'utf8'),
      ),
  );
}

/** Parses a `data:[<mime>][;base64],<data>` URI. */
export function parseDataUri(uri: string): MediaFile {
  const match = /^data:([^,]*),(.*)$/s.exec(uri);
  if (!match) throw new NonRetriableError('Not a valid data URI');
  const params = (match[1] ?? '').split(';');
  const isBase64 = params.includes('base64');
  const mimeType = params[0]?.trim() || 'text/plain';
  const payload = match[2] ?? '';
  const bytes = isBase64 ? Buffer.from(payload, 'base64') : percentDecode(payload);
  return { bytes: new Uint8Array(bytes), mimeType, name: `file${extensionFromMime(mimeType)}` };
}

export function toDataUri(file: MediaFile): string {
  return `data:${file.mimeType};base64,${Buffer.from(file.bytes).toString('base64')}`;
}

function isUrl(reference: string): boolean {
  return /^https?:\/\//i.test(reference);
}

/** The absolute path of a relative media path, refusing anything that could leave the run's file area. */
function pathInRunDir(reference: string, graphExecId: string): string {
  if (isAbsolute(reference) || win32.isAbsolute(reference) || /^[a-z][a-z0-9+.-]*:/i.test(reference)) {
    throw new NonRetriableError(
      `Unsupported file reference "${reference}": use a data URI, an http(s) URL or a path relative to the run's files`,
    );
  }
  if (reference.split(/[\\/]/).includes('..')) {
    throw new NonRetriableError(`File path "${reference}" may not contain ".."`);
  }
  const dir = runFileDir(graphExecId);
  const full = resolve(dir, reference);
  const inside = relative(dir, full);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
    throw new NonRetriableError(`File path "${reference}" is outside the run's files`);
  }
  return full;
}

async function download(url: string, signal: AbortSignal | undefined): Promise<MediaFile> {
  const response = await safeFetch(url, { signal });
  if (response.status < 200 || response.status >= 300) {
    const message = `Could not download ${url}: HTTP ${response.status}`;
    // A 4xx will answer the same way again; a 5xx may not.
    throw response.status < 500 ? new NonRetriableError(message) : new BlockError(message);
  }
  const name = decodeURIComponent(posix.basename(new URL(response.url).pathname)) || 'file';
  const mimeType = response.contentType.split(';')[0]?.trim() || mimeFromName(name);
  return { bytes: response.body, mimeType, name };
}

async function readRunFile(reference: string, graphExecId: string): Promise<MediaFile> {
  const full = pathInRunDir(reference, graphExecId);
  try {
    const name = posix.basename(reference.replace(/\\/g, '/'));
    return { bytes: new Uint8Array(await readFile(full)), mimeType: mimeFromName(name), name };
  } catch (error) {
    throw new NonRetriableError(`File "${reference}" was not found in the run's files`, { cause: error });
  }
}

/** Reads a media value into memory: decodes a data URI, downloads a URL (SSRF-safe) or reads a run file. */
export async function loadMedia(reference: string, options: MediaOptions): Promise<MediaFile> {
  const trimmed = reference.trim();
  if (!trimmed) throw new NonRetriableError('No file given');
  if (trimmed.startsWith('data:')) return parseDataUri(trimmed);
  if (isUrl(trimmed)) return download(trimmed, options.signal);
  return readRunFile(trimmed, options.graphExecId);
}

/** A name safe on every file system: letters, digits, `.`, `_` and `-`, at most 100 characters. */
function safeFileName(file: MediaFile): string {
  const cleaned = file.name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  const base = cleaned && cleaned !== 'file' ? cleaned : `file${extensionFromMime(file.mimeType)}`;
  return base.slice(-100);
}

/**
 * Stores a media value for the run and returns its reference: a path relative to the run's file area
 * (a run file already there is returned as is), or a data URI.
 */
export async function storeMedia(
  reference: string,
  options: MediaOptions & { returnFormat: MediaReturnFormat },
): Promise<string> {
  const file = await loadMedia(reference, options);
  if (options.returnFormat === 'data_uri') return toDataUri(file);
  const trimmed = reference.trim();
  if (!trimmed.startsWith('data:') && !isUrl(trimmed)) return trimmed;
  const dir = runFileDir(options.graphExecId);
  await mkdir(dir, { recursive: true });
  // A fresh prefix: two files with one name in a run must not overwrite each other.
  const name = `${randomUUID()}_${safeFileName(file)}`;
  await writeFile(join(dir, name), file.bytes);
  return name;
}
