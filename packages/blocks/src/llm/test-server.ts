import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicBody, anthropicEvents } from './test-server-anthropic';
import { openAiBody, openAiChunks } from './test-server-openai';

/**
 * A local stand-in for LLM APIs, for tests only: it speaks OpenAI's Chat Completions protocol
 * (`POST …/chat/completions`, plain or `stream: true`) and Anthropic's Messages protocol (`POST …/messages`,
 * plain or streamed), answers from a queue of scripted replies, and records every request it receives. The
 * real SDK clients talk to it once a provider's base URL points here.
 */

export interface ScriptedToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

/** One answer of the model. */
export interface ScriptedAnswer {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  usage?: { input: number; output: number };
}

/** A failure: an HTTP status with optional headers (e.g. Retry-After) and message. */
export interface ScriptedFailure {
  status: number;
  headers?: Record<string, string>;
  message?: string;
}

/** A reply, or a function that builds one from the request (e.g. to echo a tag id from the prompt). */
export type ScriptedReply = ScriptedAnswer | ScriptedFailure | ((request: RecordedRequest) => ScriptedAnswer);

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface LlmTestServer {
  /** `http://127.0.0.1:<port>`; append `/v1` for a provider base URL. */
  url: string;
  requests: RecordedRequest[];
  /** Queues replies, answered in order; with none left the server answers 400 "no scripted reply". */
  reply(...replies: ScriptedReply[]): void;
  /** Forgets queued replies and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_USAGE = { input: 10, output: 5 };

function isFailure(reply: ScriptedAnswer | ScriptedFailure): reply is ScriptedFailure {
  return 'status' in reply;
}

/** A complete answer with the defaults filled in. */
export interface Answer {
  text: string;
  toolCalls: ScriptedToolCall[];
  usage: { input: number; output: number };
  model: string;
}

function sendJson(
  res: ServerResponse,
  reply: { status: number; body: unknown; headers?: Record<string, string> },
) {
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(JSON.stringify(reply.body));
}

function sendSse(res: ServerResponse, events: readonly string[]) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const event of events) res.write(event);
  res.end();
}

function errorBody(anthropic: boolean, status: number, message: string): unknown {
  const type = status === 429 ? 'rate_limit_error' : status === 401 ? 'authentication_error' : 'api_error';
  return anthropic
    ? { type: 'error', error: { type, message } }
    : { error: { message, type, code: String(status) } };
}

async function readJson(req: AsyncIterable<Buffer>): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  const parsed: unknown = text ? JSON.parse(text) : {};
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

/** Starts the server on 127.0.0.1, on a free port. */
export async function startLlmTestServer(): Promise<LlmTestServer> {
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readJson(req);
      const path = req.url ?? '/';
      const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body };
      requests.push(recorded);
      const anthropic = path.endsWith('/messages');
      if (req.method !== 'POST' || (!anthropic && !path.endsWith('/chat/completions'))) {
        sendJson(res, { status: 404, body: errorBody(anthropic, 404, `no route ${req.method} ${path}`) });
        return;
      }
      const next = queue.shift();
      const reply = typeof next === 'function' ? next(recorded) : next;
      if (!reply) {
        sendJson(res, { status: 400, body: errorBody(anthropic, 400, 'no scripted reply left') });
        return;
      }
      if (isFailure(reply)) {
        const message = reply.message ?? `scripted failure ${reply.status}`;
        sendJson(res, {
          status: reply.status,
          body: errorBody(anthropic, reply.status, message),
          ...(reply.headers ? { headers: reply.headers } : {}),
        });
        return;
      }
      const answer: Answer = {
        text: reply.text ?? '',
        toolCalls: reply.toolCalls ?? [],
        usage: reply.usage ?? DEFAULT_USAGE,
        model: typeof body.model === 'string' ? body.model : 'unknown',
      };
      if (body.stream === true) sendSse(res, anthropic ? anthropicEvents(answer) : openAiChunks(answer));
      else sendJson(res, { status: 200, body: anthropic ? anthropicBody(answer) : openAiBody(answer) });
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, { status: 500, body: { error: { message: String(error) } } });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
