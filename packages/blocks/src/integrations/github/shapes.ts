import { z } from 'zod';
import { asRecord, numberOf, stringOf } from '../shared/json';

/** The fields of an issue or pull request the blocks pass on (GitHub sends many more). */
export const issueSummary = z.object({
  number: z.number(),
  title: z.string(),
  state: z.string(),
  url: z.string(),
  user: z.string(),
});
export type IssueSummary = z.infer<typeof issueSummary>;

export function toIssueSummary(raw: unknown): IssueSummary {
  const item = asRecord(raw);
  return {
    number: numberOf(item.number),
    title: stringOf(item.title),
    state: stringOf(item.state),
    url: stringOf(item.html_url),
    user: stringOf(asRecord(item.user).login),
  };
}

export function labelNames(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .map((label) => (typeof label === 'string' ? label : stringOf(asRecord(label).name)))
    .filter(Boolean);
}

/** How many items a list block returns; one GitHub page holds at most 100. */
export const pageLimitField = () =>
  z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(30)
    .meta({ description: 'At most this many (GitHub’s page size caps it at 100).' });
