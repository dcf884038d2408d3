/**
 * The event bus port: fire-and-forget publish/subscribe on named channels, in order per channel. In-process
 * now; Redis pub/sub in distributed mode. Live updates only: the store is the record.
 *
 * Channels the engine uses (see `channels`): one per run, one per graph (all of its runs), and the broadcast
 * channel for cancellations.
 */
export type BusHandler = (message: unknown) => void;

export interface EventBus {
  publish(channel: string, message: unknown): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const channels = {
  execution: (graphExecId: string) => `exec/${graphExecId}`,
  graph: (userId: string, graphId: string) => `graph/${userId}/${graphId}`,
  cancel: 'control/cancel',
} as const;
