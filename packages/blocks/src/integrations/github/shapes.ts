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
