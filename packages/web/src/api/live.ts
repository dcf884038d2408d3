import type { components } from './schema';
import { session } from './session';

type Schemas = components['schemas'];

/** A node event of the WebSocket protocol: a node execution result with its event type. */
export type NodeExecutionEvent = Schemas['NodeExecutionResult'] & { event_type?: 'node_execution_update' };
/** A run event of the WebSocket protocol: the run's meta with its event type. */
export type GraphExecutionEvent = Schemas['GraphExecutionMeta'] & { event_type?: 'graph_execution_update' };

export interface LiveHandlers {
  node?(event: NodeExecutionEvent): void;
  graph?(event: GraphExecutionEvent): void;
}

type Subscription = { method: 'subscribe_graph_execution' | 'subscribe_graph_executions'; key: string };

interface Frame {
  method: string;
  channel?: string;
  data?: unknown;
  success?: boolean;
  error?: string;
}

/**
 * The live-update socket (`/ws`, AutoGPT's protocol): subscriptions by run or by graph, a heartbeat, and
 * reconnection with backoff that re-subscribes everything. Events reach every handler of their channel.
 */
class LiveSocket {
  private socket: WebSocket | null = null;
  private readonly handlers = new Map<string, Set<LiveHandlers>>();
  private readonly subscriptions = new Map<string, Subscription>();
  private retry = 0;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly statusListeners = new Set<(connected: boolean) => void>();
  connected = false;

  /** Follows one run; returns the function that stops following it. */
  watchExecution(graphExecId: string, handlers: LiveHandlers): () => void {
    return this.add(
      `exec:${graphExecId}`,
      { method: 'subscribe_graph_execution', key: graphExecId },
      handlers,
    );
  }

  /** Follows every run of one graph (the run list of an agent). */
  watchGraph(graphId: string, handlers: LiveHandlers): () => void {
    return this.add(`graph:${graphId}`, { method: 'subscribe_graph_executions', key: graphId }, handlers);
  }

  onStatus(listener: (connected: boolean) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private add(id: string, subscription: Subscription, handlers: LiveHandlers): () => void {
    let set = this.handlers.get(id);
    if (!set) {
      set = new Set();
      this.handlers.set(id, set);
      this.subscriptions.set(id, subscription);
      this.sendSubscription(subscription);
    }
    set.add(handlers);
    this.ensureOpen();
    return () => {
      const current = this.handlers.get(id);
      current?.delete(handlers);
      if (current && current.size === 0) {
        this.handlers.delete(id);
        this.subscriptions.delete(id);
        if (subscription.method === 'subscribe_graph_execution')
          this.send({ method: 'unsubscribe', data: { graph_exec_id: subscription.key } });
      }
    };
  }

  private sendSubscription(subscription: Subscription): void {
    const data =
      subscription.method === 'subscribe_graph_execution'
        ? { graph_exec_id: subscription.key }
        : { graph_id: subscription.key };
    this.send({ method: subscription.method, data });
  }

  private send(frame: Frame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private ensureOpen(): void {
    if (this.socket || this.reconnectTimer) return;
    void this.open();
  }

  private async open(): Promise<void> {
    const token = await session.accessToken();
    const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = token ? `?token=${encodeURIComponent(token)}` : '';
    const socket = new WebSocket(`${protocol}//${location.host}/ws${query}`);
    this.socket = socket;
    socket.onopen = () => {
      this.retry = 0;
      this.setConnected(true);
      for (const subscription of this.subscriptions.values()) this.sendSubscription(subscription);
      this.heartbeat = setInterval(() => this.send({ method: 'heartbeat', data: 'ping' }), 25_000);
    };
    socket.onmessage = (message) => this.receive(String(message.data));
    socket.onclose = () => {
      if (this.heartbeat) clearInterval(this.heartbeat);
      this.heartbeat = null;
      this.socket = null;
      this.setConnected(false);
      if (this.subscriptions.size === 0) return;
      const delay = Math.min(10_000, 500 * 2 ** this.retry++);
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        this.ensureOpen();
      }, delay);
    };
  }

  private setConnected(connected: boolean): void {
    this.connected = connected;
    for (const listener of this.statusListeners) listener(connected);
  }

  private receive(text: string): void {
    let frame: Frame;
    try {
      frame = JSON.parse(text) as Frame;
    } catch {
      return;
    }
    if (frame.method !== 'node_execution_event' && frame.method !== 'graph_execution_event') return;
    const data = frame.data as { graph_exec_id?: string; id?: string; graph_id?: string } | undefined;
    if (!data) return;
    const execId = frame.method === 'node_execution_event' ? data.graph_exec_id : data.id;
    const targets = [
      ...(this.handlers.get(`exec:${execId}`) ?? []),
      ...(data.graph_id ? (this.handlers.get(`graph:${data.graph_id}`) ?? []) : []),
    ];
    for (const handlers of targets) {
      if (frame.method === 'node_execution_event') handlers.node?.(frame.data as NodeExecutionEvent);
      else handlers.graph?.(frame.data as GraphExecutionEvent);
    }
  }
}

export const live = new LiveSocket();
