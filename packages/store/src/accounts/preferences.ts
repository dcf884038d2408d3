import type { Kysely, Migration } from 'kysely';

/** AutoGPT's notification types (internals §8.2), each a switch in the user's preferences. */
export const notificationTypes = [
  'AGENT_RUN',
  'ZERO_BALANCE',
  'LOW_BALANCE',
  'BLOCK_EXECUTION_FAILED',
  'CONTINUOUS_AGENT_ERROR',
  'DAILY_SUMMARY',
  'WEEKLY_SUMMARY',
  'MONTHLY_SUMMARY',
  'REFUND_REQUEST',
  'REFUND_PROCESSED',
  'AGENT_APPROVED',
  'AGENT_REJECTED',
] as const;
export type NotificationType = (typeof notificationTypes)[number];

/** The most notification emails a user receives per day unless they choose otherwise. */
export const DEFAULT_DAILY_EMAIL_LIMIT = 10;

export interface NotificationPreferences {
  preferences: Record<NotificationType, boolean>;
  dailyLimit: number;
}

/** Every notification on, the default daily limit: what a user has before saving preferences. */
export function defaultPreferences(): NotificationPreferences {
  return {
    preferences: Object.fromEntries(notificationTypes.map((type) => [type, true])) as Record<
      NotificationType,
      boolean
    >,
    dailyLimit: DEFAULT_DAILY_EMAIL_LIMIT,
  };
}

export interface UserPreferencesTable {
  user_id: string;
  /** JSON object: notification type -> on/off. */
  preferences: string;
  daily_limit: number;
  updated_at: string;
}

/** A table of its own, so the users table and its inserts stay as they are; a missing row means defaults. */
export const userPreferencesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('user_preferences')
      .addColumn('user_id', 'text', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('preferences', 'text', (col) => col.notNull())
      .addColumn('daily_limit', 'integer', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('user_preferences').execute();
  },
};
