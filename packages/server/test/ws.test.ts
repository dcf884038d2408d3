import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, importCalculator, TEST_SECRET, type TestServer } from './harness';
import { TestSocket } from './ws-client';

describe('WebSocket /ws', () => {
  let server: TestServer;
  let base: string;
  const sockets: TestSocket[] = [];
  beforeEach(async () => {
    server = await createTestServer();
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    base = address.replace(/^http/, 'ws');
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await server.close();
  });
  const connect = async (query: string) => {
    const socket = await TestSocket.open(`${base}/ws${query}`);
    sockets.push(socket);
    return socket;
  };

  it('closes with 4001 without a token, 4002 without a subject, 4003 for a bad token', async () => {
    expect(await (await connect('')).closed).toEqual({ code: 4001, reason: 'Missing authentication token' });
    const noSub = await new SignJWT({ email: 'a@x.io' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('authenticated')
      .setIssuer('blockloom')
      .sign(new TextEncoder().encode(TEST_SECRET));
    expect(await (await connect(`?token=${noSub}`)).closed).toEqual({ code: 4002, reason: 'Invalid token' });
    expect(await (await connect('?token=garbage')).closed).toEqual({ code: 4003, reason: 'Invalid token' });
  });

  it('answers heartbeats and protocol errors with the exact strings', async () => {
    const { token } = await server.signup('a@x.io');
    const socket = await connect(`?token=${token}`);
    expect(await socket.request({ method: 'heartbeat', data: 'ping' })).toEqual({
      method: 'heartbeat',
      data: 'pong',
      success: true,
    });
    const error = (text: string) => ({ method: 'error', success: false, error: text });
    expect(await socket.request('not json')).toEqual(
      error('Invalid message format. Review the schema and retry'),
    );
    expect(await socket.request({ data: {} })).toEqual(
      error('Invalid message format. Review the schema and retry'),
    );
    expect(await socket.request({ method: 'subscribe_graph_execution' })).toEqual(
      error('Subscription data missing'),
    );
    expect(await socket.request({ method: 'subscribe_graph_execution', data: { id: 1 } })).toEqual(
      error('Invalid message data. Refer to the API schema'),
    );
    expect(await socket.request({ method: 'node_execution_event', data: {} })).toEqual(
      error('Message type is not processed by the server'),
    );
    expect(await socket.request({ method: 'dance', data: {} })).toEqual(
      error('Message type is not processed by the server'),
    );
  });

  it('forwards a run node and graph events in order; unsubscribe answers with the channel key', async () => {
    const { token, userId } = await server.signup('a@x.io');
    const graph = await importCalculator(server, token);
    const socket = await connect(`?token=${token}`);
    const graphKey = `${userId}|graph#${graph.id}|executions`;
    expect(
      await socket.request({ method: 'subscribe_graph_executions', data: { graph_id: graph.id } }),
    ).toEqual({
      method: 'subscribe_graph_executions',
      success: true,
      channel: graphKey,
    });
    const run = await server.app.inject({
      method: 'POST',
      url: `/api/graphs/${graph.id}/execute/${graph.version}`,
      headers: server.auth(token),
      payload: { inputs: { Input: 8 } },
    });
    const execId = run.json<{ id: string }>().id;
    const execKey = `${userId}|graph_exec#${execId}`;
    socket.send({ method: 'subscribe_graph_execution', data: { graph_exec_id: execId } });
    await socket.next((frame) => frame.method === 'subscribe_graph_execution' && frame.channel === execKey);
    const done = await socket.next(
      (frame) =>
        frame.method === 'graph_execution_event' &&
        (frame.data as { status?: string }).status === 'COMPLETED' &&
        frame.channel === graphKey,
    );
    expect(done.data).toMatchObject({
      event_type: 'graph_execution_update',
      id: execId,
      outputs: { Output: [42] },
    });
    const nodeFrames = socket.frames.filter(
      (frame) => frame.method === 'node_execution_event' && frame.channel === graphKey,
    );
    expect(nodeFrames.length).toBeGreaterThanOrEqual(3);
    expect(nodeFrames[0]?.data).toMatchObject({ event_type: 'node_execution_update', graph_exec_id: execId });
    // Per node, statuses only move forward: events arrive in the order they were published.
    const order = ['INCOMPLETE', 'QUEUED', 'RUNNING', 'COMPLETED'];
    const last = new Map<string, number>();
    for (const frame of nodeFrames) {
      const data = frame.data as { node_exec_id: string; status: string };
      const rank = order.indexOf(data.status);
      expect(rank).toBeGreaterThanOrEqual(last.get(data.node_exec_id) ?? -1);
      last.set(data.node_exec_id, rank);
    }
    expect(await socket.request({ method: 'unsubscribe', data: { graph_id: graph.id } })).toEqual({
      method: 'unsubscribe',
      success: true,
      channel: graphKey,
    });
    expect(await socket.request({ method: 'unsubscribe', data: { graph_exec_id: execId } })).toMatchObject({
      success: true,
      channel: execKey,
    });
  });
});
