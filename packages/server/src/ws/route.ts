import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import type { ServerMetrics } from '../metrics';
import { AuthError } from '../auth/principal';
import { WsConnection } from './connection';
import { closeCodes } from './protocol';

/** `GET /ws?token=<jwt>`: the live-update socket of internals §6 (auth by query: browsers cannot set headers). */
export function registerWebSocket(app: FastifyInstance, ctx: ServerContext, metrics: ServerMetrics): void {
  app.get(
    '/ws',
    {
      websocket: true,
      schema: {
        tags: ['websocket'],
        summary: 'Live execution updates',
        querystring: z.object({ token: z.string().optional() }),
      },
    },
    async (socket, request) => {
      const { token } = request.query as { token?: string };
      // Frames that arrive while the token is checked are kept, not lost.
      const early: string[] = [];
      let connection: WsConnection | undefined;
      socket.on('message', (raw: Buffer, isBinary: boolean) => {
        const text = isBinary ? '' : raw.toString('utf8');
        if (connection) connection.receive(text);
        else early.push(text);
      });
      metrics.wsConnections.inc();
      socket.on('close', () => {
        metrics.wsConnections.dec();
        void connection?.close();
      });
      try {
        const principal = await ctx.auth.authenticate(token);
        connection = new WsConnection(socket, principal.userId, { ctx, log: request.log });
        request.log.info({ user_id: principal.userId }, 'WebSocket connected');
        for (const text of early.splice(0)) connection.receive(text);
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
        const close =
          error.failure === 'missing'
            ? closeCodes.missingToken
            : error.failure === 'no_subject'
              ? closeCodes.noSubject
              : closeCodes.invalidToken;
        socket.close(close.code, close.reason);
      }
    },
  );
}
