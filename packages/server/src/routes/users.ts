import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { User } from '@blockloom/store';
import type { ServerContext } from '../context';
import { principalOf } from '../context';
import { notFound } from '../errors';
import { userSchema } from '../schemas';

export const toUserJson = (user: User) => ({
  id: user.id,
  email: user.email,
  role: user.role,
  timezone: user.timezone,
  created_at: user.createdAt,
});

/** AutoGPT accepts an IANA zone or "not-set" (internals §5). */
const isTimezone = (value: string) => {
  if (value === 'not-set') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

const timezoneSchema = z.object({
  timezone: z.string().min(1).max(100).refine(isTimezone, 'Unknown timezone'),
});

export const userRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const tags = ['auth'];
  const currentUser = async (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    const user = await ctx.accounts.getUser(principal.userId);
    if (user) return user;
    // External identities (jwt, none) get their row on first sight; an impersonated id must exist already.
    if (ctx.config.auth === 'local' || principal.actorId !== undefined) throw notFound('User');
    return ctx.accounts.ensureUser({
      id: principal.userId,
      email: principal.email || `${principal.userId}@users.invalid`,
      role: principal.role,
      now: ctx.now().toISOString(),
    });
  };

  app.post(
    '/api/auth/user',
    { schema: { tags, summary: 'Get or create the user', response: { 200: userSchema } } },
    async (request) => toUserJson(await currentUser(request)),
  );

  app.get(
    '/api/auth/user/timezone',
    { schema: { tags, summary: 'Get the user timezone', response: { 200: timezoneSchema } } },
    async (request) => ({ timezone: (await currentUser(request)).timezone }),
  );

  app.post(
    '/api/auth/user/timezone',
    {
      schema: {
        tags,
        summary: 'Set the user timezone',
        body: timezoneSchema,
        response: { 200: timezoneSchema },
      },
    },
    async (request) => {
      const user = await currentUser(request);
      const updated = await ctx.accounts.setTimezone(user.id, request.body.timezone);
      if (!updated) throw notFound('User');
      return { timezone: updated.timezone };
    },
  );
};
