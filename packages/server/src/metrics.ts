import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { executionStatuses, type NodeFinished, type Store } from '@blockloom/engine';

export interface ServerMetrics {
  registry: Registry;
  wsConnections: Gauge;
}

/**
 * Prometheus metrics on a registry of the server's own (two servers in one process, as in tests, do not
 * collide). Run counts by status, queue depth and active runs are read from the store at scrape time, so
 * they hold whichever process drives the runs.
 */
export function createServerMetrics(store: Store): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const wsConnections = new Gauge({
    name: 'blockloom_websocket_connections',
    help: 'Open WebSocket connections',
    registers: [registry],
  });
  const count = async (statuses: (typeof executionStatuses)[number][]) =>
    (await store.listGraphExecutions({ statuses, limit: 1 })).total;
  new Gauge({
    name: 'blockloom_graph_executions',
    help: 'Graph executions by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      for (const status of executionStatuses) this.set({ status }, await count([status]));
    },
  });
  new Gauge({
    name: 'blockloom_execution_queue_depth',
    help: 'Runs waiting for a worker (QUEUED)',
    registers: [registry],
    async collect() {
      this.set(await count(['QUEUED']));
    },
  });
  new Gauge({
    name: 'blockloom_active_runs',
    help: 'Runs being driven (RUNNING)',
    registers: [registry],
    async collect() {
      this.set(await count(['RUNNING']));
    },
  });
  return { registry, wsConnections };
}

/** Counts and times every HTTP request by method, route pattern (not raw URL: ids would explode it) and status. */
export function addHttpMetrics(app: FastifyInstance, metrics: ServerMetrics): void {
  const requests = new Counter({
    name: 'blockloom_http_requests_total',
    help: 'HTTP requests',
    labelNames: ['method', 'route', 'status'],
    registers: [metrics.registry],
  });
  const duration = new Histogram({
    name: 'blockloom_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}

/** Node durations by block and final status, fed by the engine's `onNodeFinished` hook. */
export interface NodeExecutionMetrics {
  histogram: Histogram<'block' | 'status'>;
  onNodeFinished(node: NodeFinished): void;
}

/**
 * Created before the server (the engine that feeds it is built first) and registered on the server's registry
 * by `createServer`.
 */
export function createNodeExecutionMetrics(): NodeExecutionMetrics {
  const histogram = new Histogram({
    name: 'blockloom_node_execution_seconds',
    help: 'Node execution duration by block and status',
    labelNames: ['block', 'status'],
    buckets: [0.001, 0.005, 0.025, 0.1, 0.5, 1, 2.5, 10, 30, 120, 600],
    registers: [],
  });
  return {
    histogram,
    onNodeFinished(node) {
      histogram.observe({ block: node.blockName, status: node.status }, node.walltimeSeconds);
    },
  };
}
