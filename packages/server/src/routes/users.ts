import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationTypes, type User } from '@blockloom/store';
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

const emailSchema = z.string().trim().toLowerCase().pipe(z.email()).describe('The new email address');

const preferencesSchema = z.object({
  user_id: z.string(),
  email: z.string(),
  preferences: z.record(z.enum(notificationTypes), z.boolean()),
  daily_limit: z.number().int(),
});

const preferencesUpdateSchema = z.object({
  email: emailSchema.optional(),
  preferences: z.partialRecord(z.enum(notificationTypes), z.boolean()).default({}),
  daily_limit: z.number().int().min(0).max(1000).optional(),
});

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

  app.post(
    '/api/auth/user/email',
    {
      schema: {
        tags,
        summary: 'Update the user email',
        body: emailSchema,
        response: { 200: z.object({ email: z.string() }) },
      },
    },
    async (request) => {
      const user = await currentUser(request);
      const updated = await ctx.accounts.setEmail(user.id, request.body);
      if (!updated) throw notFound('User');
      return { email: updated.email };
    },
  );

  app.get(
    '/api/auth/user/preferences',
    { schema: { tags, summary: 'Get notification preferences', response: { 200: preferencesSchema } } },
    async (request) => {
      const user = await currentUser(request);
      const saved = await ctx.accounts.getPreferences(user.id);
      return {
        user_id: user.id,
        email: user.email,
        preferences: saved.preferences,
        daily_limit: saved.dailyLimit,
      };
    },
  );

  app.post(
    '/api/auth/user/preferences',
    {
      schema: {
        tags,
        summary: 'Update notification preferences',
        body: preferencesUpdateSchema,
        response: { 200: preferencesSchema },
      },
    },
    async (request) => {
      let user = await currentUser(request);
      if (request.body.email && request.body.email !== user.email) {
        user = (await ctx.accounts.setEmail(user.id, request.body.email)) ?? user;
      }
      const current = await ctx.accounts.getPreferences(user.id);
      const saved = await ctx.accounts.setPreferences(
        user.id,
        {
          preferences: { ...current.preferences, ...request.body.preferences },
          dailyLimit: request.body.daily_limit ?? current.dailyLimit,
        },
        ctx.now().toISOString(),
      );
      return {
        user_id: user.id,
        email: user.email,
        preferences: saved.preferences,
        daily_limit: saved.dailyLimit,
      };
    },
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
