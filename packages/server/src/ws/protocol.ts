import { z } from 'zod';

/** The WebSocket protocol of internals §6: methods, envelope, channel keys and error strings, exactly. */
export const wsMethods = [
  'subscribe_graph_execution',
  'subscribe_graph_executions',
  'unsubscribe',
  'graph_execution_event',
  'node_execution_event',
  'notification',
  'error',
  'heartbeat',
] as const;
export type WsMethod = (typeof wsMethods)[number];

export interface WsMessage {
  method: WsMethod;
  data?: unknown;
  success?: boolean;
  channel?: string;
  error?: string;
}

export const closeCodes = {
  missingToken: { code: 4001, reason: 'Missing authentication token' },
  noSubject: { code: 4002, reason: 'Invalid token' },
  invalidToken: { code: 4003, reason: 'Invalid token' },
} as const;

export const wsErrors = {
  dataMissing: 'Subscription data missing',
  badFormat: 'Invalid message format. Review the schema and retry',
  badData: 'Invalid message data. Refer to the API schema',
  unknownMethod: 'Message type is not processed by the server',
} as const;

export const execChannelKey = (userId: string, graphExecId: string) => `${userId}|graph_exec#${graphExecId}`;
export const graphChannelKey = (userId: string, graphId: string) => `${userId}|graph#${graphId}|executions`;

export const envelopeSchema = z.object({
  method: z.string(),
  data: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string()]).nullish(),
  success: z.boolean().nullish(),
  channel: z.string().nullish(),
  error: z.string().nullish(),
});

export const execSubscription = z.object({ graph_exec_id: z.string().min(1) });
export const graphSubscription = z.object({ graph_id: z.string().min(1) });
export const unsubscription = z.union([execSubscription, graphSubscription]);

/** A bus event becomes a frame named after its `event_type`; anything else on a channel is not forwarded. */
export function eventFrame(channel: string, event: unknown): WsMessage | undefined {
  const type = (event as { event_type?: unknown } | null)?.event_type;
  if (type === 'graph_execution_update') return { method: 'graph_execution_event', channel, data: event };
  if (type === 'node_execution_update') return { method: 'node_execution_event', channel, data: event };
  return undefined;
}
