import { NonRetriableError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { useFakeProvider } from '../../providers/shared/fake-server';
import { runForTest } from '../../providers/shared/test-run';
import { getExchangeRatesBlock } from './get-exchange-rates';

const startFrankfurter = useFakeProvider((url) => ({ FRANKFURTER_BASE_URL: `${url}/v1` }));

describe('GetExchangeRatesBlock', () => {
  it('asks for the latest rates of the chosen currencies and amount', async () => {
    const fake = await startFrankfurter(() => ({
      body: { amount: 10, base: 'USD', date: '2026-11-20', rates: { EUR: 9.5, GBP: 7.9 } },
    }));
    const run = await runForTest(getExchangeRatesBlock, {
      base_currency: 'usd',
      target_currencies: ['eur', ' GBP '],
      amount: 10,
    });
    expect(run.outputs).toEqual([
      ['rates', { EUR: 9.5, GBP: 7.9 }],
      ['date', '2026-11-20'],
      ['base_currency', 'USD'],
    ]);
    expect(fake.requests[0]?.path).toBe('/v1/latest?base=USD&amount=10&symbols=EUR%2CGBP');
  });

  it('asks for a past date', async () => {
    const fake = await startFrankfurter(() => ({
      body: { base: 'EUR', date: '2020-01-02', rates: { USD: 1.12 } },
    }));
    const run = await runForTest(getExchangeRatesBlock, { date: '2020-01-02' });
    expect(run.outputs[0]).toEqual(['rates', { USD: 1.12 }]);
    expect(fake.requests[0]?.path).toBe('/v1/2020-01-02?base=EUR&amount=1');
  });

  it('reports an unknown currency as non-retriable', async () => {
    await startFrankfurter(() => ({ status: 404, body: { message: 'not found' } }));
    const run = await runForTest(getExchangeRatesBlock, { base_currency: 'XYZ' });
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toBe('Frankfurter rejected the request (HTTP 404): not found');
  });

  it('refuses malformed rates', async () => {
    await startFrankfurter(() => ({ body: { rates: { EUR: 'one' } } }));
    const run = await runForTest(getExchangeRatesBlock, {});
    expect((run.error as Error).message).toBe('Frankfurter sent malformed rates');
  });
});
