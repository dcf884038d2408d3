import type { WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import { channels } from '@blockloom/engine';
import type { ServerContext } from '../context';
import {
  envelopeSchema,
  eventFrame,
  execChannelKey,
  execSubscription,
  graphChannelKey,
  graphSubscription,
  unsubscription,
  wsErrors,
  type WsMessage,
} from './protocol';

/**
 * One authenticated socket: its subscriptions (channel key → bus unsubscribe) and the handling of client
 * frames, one at a time so replies keep the order of requests.
 */
export class WsConnection {
  private readonly subscriptions = new Map<string, () => Promise<void>>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: WebSocket,
    private readonly userId: string,
    private readonly deps: { ctx: ServerContext; log: FastifyBaseLogger },
  ) {}

  send(message: WsMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  receive(raw: string): void {
    this.queue = this.queue
      .then(() => this.handle(raw))
      .catch((error: unknown) => {
        this.deps.log.error({ err: error }, 'WebSocket message failed');
        this.send({ method: 'error', success: false, error: 'Internal server error' });
      });
  }

  async close(): Promise<void> {
    await this.queue;
    const unsubscribes = [...this.subscriptions.values()];
    this.subscriptions.clear();
    await Promise.allSettled(unsubscribes.map((unsubscribe) => unsubscribe()));
  }

  private fail(error: string): void {
    this.send({ method: 'error', success: false, error });
  }

  private async handle(raw: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return this.fail(wsErrors.badFormat);
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) return this.fail(wsErrors.badFormat);
    const { method, data } = envelope.data;
    switch (method) {
      case 'heartbeat':
        return this.send({ method: 'heartbeat', data: 'pong', success: true });
      case 'subscribe_graph_execution':
      case 'subscribe_graph_executions':
      case 'unsubscribe':
        if (data === undefined || data === null) return this.fail(wsErrors.dataMissing);
        if (method === 'subscribe_graph_execution') return this.subscribeExecution(data);
        if (method === 'subscribe_graph_executions') return this.subscribeGraph(data);
        return this.unsubscribe(data);
      default:
        return this.fail(wsErrors.unknownMethod);
    }
  }

  private async subscribeExecution(data: unknown): Promise<void> {
    const parsed = execSubscription.safeParse(data);
    if (!parsed.success) return this.fail(wsErrors.badData);
    const id = parsed.data.graph_exec_id;
    const record = await this.deps.ctx.store.getGraphExecution(id);
    // Someone else's run is "not found", never "forbidden": ids reveal nothing.
    if (!record || record.userId !== this.userId || record.isDeleted)
      return this.fail(`Graph execution #${id} not found`);
    const key = execChannelKey(this.userId, id);
    await this.listen(key, channels.execution(id));
    this.send({ method: 'subscribe_graph_execution', success: true, channel: key });
  }

  private async subscribeGraph(data: unknown): Promise<void> {
    const parsed = graphSubscription.safeParse(data);
    if (!parsed.success) return this.fail(wsErrors.badData);
    const id = parsed.data.graph_id;
    if (!(await this.deps.ctx.store.getGraph(id, { userId: this.userId })))
      return this.fail(`Graph #${id} not found`);
    const key = graphChannelKey(this.userId, id);
    // The bus channel is per user and graph, so it only ever carries this user's runs.
    await this.listen(key, channels.graph(this.userId, id));
    this.send({ method: 'subscribe_graph_executions', success: true, channel: key });
  }

  private async unsubscribe(data: unknown): Promise<void> {
    const parsed = unsubscription.safeParse(data);
    if (!parsed.success) return this.fail(wsErrors.badData);
    const key =
      'graph_exec_id' in parsed.data
        ? execChannelKey(this.userId, parsed.data.graph_exec_id)
        : graphChannelKey(this.userId, parsed.data.graph_id);
    const unsubscribe = this.subscriptions.get(key);
    this.subscriptions.delete(key);
    await unsubscribe?.();
    this.send({ method: 'unsubscribe', success: true, channel: key });
  }

  private async listen(key: string, busChannel: string): Promise<void> {
    // Subscribing twice to one key must not double every frame.
    await this.subscriptions.get(key)?.();
    const unsubscribe = await this.deps.ctx.bus.subscribe(busChannel, (event) => {
      if ((event as { user_id?: unknown } | null)?.user_id !== this.userId) return;
      const frame = eventFrame(key, event);
      if (frame) this.send(frame);
    });
    this.subscriptions.set(key, unsubscribe);
  }
}
