import { createServer, type IncomingHttpHeaders } from 'node:http';
import { afterEach } from 'vitest';
import type { AddressInfo } from 'node:net';

/** One request a fake provider received, for asserting what the block really sent. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: unknown;
}

export type FakeHandler = (request: RecordedRequest, base: string) => FakeResponse | Promise<FakeResponse>;

export interface FakeServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server playing a provider in tests (127.0.0.1, a free port). Every request is recorded
 * before the handler answers it.
 */
export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  let base = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
        text: body.toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, base))
        .then((answer) => {
          const isRaw = typeof answer.body === 'string' || Buffer.isBuffer(answer.body);
          const payload = answer.body === undefined ? '' : isRaw ? answer.body : JSON.stringify(answer.body);
          res.writeHead(answer.status ?? 200, {
            'content-type': isRaw ? 'text/plain; charset=utf-8' : 'application/json',
            ...answer.headers,
          });
          res.end(payload);
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Sets environment variables for the duration of a test; the returned function restores them. */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(vars);
  return () => apply(previous);
}

type EnvFor = (url: string) => Record<string, string | undefined>;

/**
 * For a test file: returns `start(handler)`, which runs a fake provider and sets the environment `env(url)`
 * gives (its base URL variables), and registers the clean-up: after each test the variables are restored
 * and the server closed. A call may pass its own `env` instead; calling again in a test replaces the server.
 */
export function useFakeProvider(
  env: EnvFor,
): (handler: FakeHandler, envOverride?: EnvFor) => Promise<FakeServer> {
  let server: FakeServer | undefined;
  let restoreEnv: (() => void) | undefined;
  const stop = async () => {
    restoreEnv?.();
    await server?.close();
    server = undefined;
    restoreEnv = undefined;
  };
  afterEach(stop);
  return async (handler, envOverride) => {
    // A second start in one test replaces the first server.
    await stop();
    server = await startFakeServer(handler);
    restoreEnv = setEnv((envOverride ?? env)(server.url));
    return server;
  };
}
