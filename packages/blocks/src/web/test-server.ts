import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server for tests: listens on 127.0.0.1 at a free port. */
export interface TestServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

export type TestHandler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void;

export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler(request, response, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sets `BLOCKLOOM_HTTP_ALLOW_PRIVATE` (or clears it for undefined); returns a function restoring the old value. */
export function setAllowPrivate(value: string | undefined): () => void {
  const previous = process.env.BLOCKLOOM_HTTP_ALLOW_PRIVATE;
  const assign = (next: string | undefined) => {
    if (next === undefined) delete process.env.BLOCKLOOM_HTTP_ALLOW_PRIVATE;
    else process.env.BLOCKLOOM_HTTP_ALLOW_PRIVATE = next;
  };
  assign(value);
  return () => assign(previous);
}
