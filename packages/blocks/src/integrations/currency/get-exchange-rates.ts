import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { providerJson } from '../../providers/shared/http';
import { envBaseUrl } from '../shared/base-url';
import { asRecord, stringOf } from '../shared/json';

const currencyCode = /^[A-Z]{3}$/;

/** FRANKFURTER_BASE_URL points the block at a self-hosted Frankfurter (it is open source) or a test server. */
function baseUrl(): string {
  return envBaseUrl('FRANKFURTER_BASE_URL', 'https://api.frankfurter.dev/v1');
}

/** Blockloom block: reference exchange rates published by the European Central Bank, via Frankfurter (no key). */
export const getExchangeRatesBlock = defineBlock({
  id: '0357aa7a-815a-47a7-a821-0d31e74f1562',
  name: 'GetExchangeRatesBlock',
  description:
    'Blockloom block: gets currency exchange rates (European Central Bank reference rates, via the Frankfurter API), latest or for a past date, optionally converting an amount.',
  categories: ['DATA', 'SEARCH'],
  input: z.object({
    base_currency: z
      .string()
      .default('EUR')
      .meta({ description: 'The currency to convert from (ISO 4217, e.g. USD).' }),
    target_currencies: z
      .array(z.string())
      .default([])
      .meta({ description: 'Currencies to convert to; empty for every one published.' }),
    amount: z
      .number()
      .positive()
      .default(1)
      .meta({ description: 'The amount of the base currency to convert.' }),
    date: z.string().default('').meta({
      description: 'A past date (YYYY-MM-DD) for historical rates; empty for the latest.',
      advanced: true,
    }),
  }),
  output: {
    rates: z.record(z.string(), z.number()).meta({ description: 'Target currency → converted amount.' }),
    date: z.string().meta({ description: 'The date the rates were published for.' }),
    base_currency: z.string().meta({ description: 'The base currency.' }),
  },
  tests: [
    {
      name: 'refuses a code that is no currency code',
      input: { base_currency: 'dollars' },
      output: [['error', '"DOLLARS" is not a three-letter currency code']],
    },
    {
      name: 'refuses a malformed date',
      input: { date: '22/11/2026' },
      output: [['error', 'The date must be written YYYY-MM-DD']],
    },
  ],
  async *run(input, ctx) {
    const base = input.base_currency.trim().toUpperCase();
    const targets = input.target_currencies.map((code) => code.trim().toUpperCase()).filter(Boolean);
    const bad = [base, ...targets].find((code) => !currencyCode.test(code));
    if (bad !== undefined) {
      yield ['error', `"${bad}" is not a three-letter currency code`];
      return;
    }
    const date = input.date.trim();
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      yield ['error', 'The date must be written YYYY-MM-DD'];
      return;
    }
    const params = new URLSearchParams({ base, amount: String(input.amount) });
    if (targets.length > 0) params.set('symbols', targets.join(','));
    const answer = asRecord(
      await providerJson({
        provider: 'Frankfurter',
        url: `${baseUrl()}/${date || 'latest'}?${params}`,
        signal: ctx.signal,
        keyless: true,
      }),
    );
    const rates = asRecord(answer.rates);
    if (!Object.values(rates).every((rate) => typeof rate === 'number')) {
      throw new BlockError('Frankfurter sent malformed rates');
    }
    yield ['rates', rates as Record<string, number>];
    yield ['date', stringOf(answer.date)];
    yield ['base_currency', stringOf(answer.base, base)];
  },
});
