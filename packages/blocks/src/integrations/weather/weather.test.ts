import { NonRetriableError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { type FakeHandler, useFakeProvider } from '../../providers/shared/fake-server';
import { runForTest } from '../../providers/shared/test-run';
import { getWeatherForecastBlock } from './get-weather-forecast';
import { openMeteoUrls } from './open-meteo';

const startOpenMeteo = useFakeProvider((url) => ({
  OPEN_METEO_BASE_URL: url,
  OPEN_METEO_GEOCODING_BASE_URL: undefined,
}));

const forecast = {
  timezone: 'Europe/Berlin',
  current: {
    time: '2026-11-22T05:00',
    temperature_2m: 3.5,
    relative_humidity_2m: 80,
    wind_speed_10m: 12,
    weather_code: 3,
  },
  daily: {
    time: ['2026-11-22', '2026-11-23'],
    weather_code: [61, 0],
    temperature_2m_max: [6, 8],
    temperature_2m_min: [1, 2],
    precipitation_sum: [2.5, 0],
    precipitation_probability_max: [70, 5],
  },
};

const openMeteo: FakeHandler = (request) => {
  if (request.path.startsWith('/v1/search')) {
    const name = new URL(request.path, 'http://x').searchParams.get('name');
    return {
      body:
        name === 'Berlin'
          ? { results: [{ name: 'Berlin', country: 'Germany', latitude: 52.52, longitude: 13.41 }] }
          : {},
    };
  }
  return { body: forecast };
};

describe('GetWeatherForecastBlock', () => {
  it('geocodes the place, then reads the forecast', async () => {
    const fake = await startOpenMeteo(openMeteo);
    const run = await runForTest(getWeatherForecastBlock, { location: 'Berlin', forecast_days: 2 });
    expect(run.outputs).toEqual([
      [
        'location',
        { name: 'Berlin', country: 'Germany', latitude: 52.52, longitude: 13.41, timezone: 'Europe/Berlin' },
      ],
      [
        'current',
        {
          time: '2026-11-22T05:00',
          condition: 'Overcast',
          weather_code: 3,
          temperature: 3.5,
          humidity: 80,
          wind_speed: 12,
        },
      ],
      [
        'forecast',
        [
          {
            date: '2026-11-22',
            condition: 'Slight rain',
            weather_code: 61,
            temperature_max: 6,
            temperature_min: 1,
            precipitation: 2.5,
            precipitation_probability: 70,
          },
          {
            date: '2026-11-23',
            condition: 'Clear sky',
            weather_code: 0,
            temperature_max: 8,
            temperature_min: 2,
            precipitation: 0,
            precipitation_probability: 5,
          },
        ],
      ],
      ['units', { temperature: '°C', wind_speed: 'km/h', precipitation: 'mm' }],
    ]);
    expect(fake.requests[0]?.path).toBe('/v1/search?name=Berlin&count=1&language=en&format=json');
    const sent = new URL(fake.requests[1]?.path ?? '', 'http://x');
    expect(sent.pathname).toBe('/v1/forecast');
    expect(sent.searchParams.get('latitude')).toBe('52.52');
    expect(sent.searchParams.get('forecast_days')).toBe('2');
    expect(sent.searchParams.get('temperature_unit')).toBeNull();
  });

  it('uses coordinates as given and asks for imperial units', async () => {
    const fake = await startOpenMeteo(openMeteo);
    const run = await runForTest(getWeatherForecastBlock, { location: '40.7, -74', units: 'imperial' });
    expect(run.outputs[0]?.[1]).toMatchObject({ latitude: 40.7, longitude: -74, country: '' });
    expect(fake.requests).toHaveLength(1);
    const sent = new URL(fake.requests[0]?.path ?? '', 'http://x').searchParams;
    expect([
      sent.get('temperature_unit'),
      sent.get('wind_speed_unit'),
      sent.get('precipitation_unit'),
    ]).toEqual(['fahrenheit', 'mph', 'inch']);
  });

  it('reports an unknown place as non-retriable', async () => {
    await startOpenMeteo(openMeteo);
    const run = await runForTest(getWeatherForecastBlock, { location: 'Atlantis' });
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toBe('No place called "Atlantis" was found');
  });

  it('quotes Open-Meteo’s reason for a bad request', async () => {
    await startOpenMeteo(() => ({ status: 400, body: { error: true, reason: 'Latitude must be in range' } }));
    const run = await runForTest(getWeatherForecastBlock, { location: '1, 2' });
    expect((run.error as Error).message).toContain('Open-Meteo rejected the request (HTTP 400)');
    expect((run.error as Error).message).toContain('Latitude must be in range');
  });

  it('resolves its base URLs', () => {
    expect(openMeteoUrls({})).toEqual({
      forecast: 'https://api.open-meteo.com',
      geocoding: 'https://geocoding-api.open-meteo.com',
    });
    expect(openMeteoUrls({ OPEN_METEO_BASE_URL: 'http://m/' })).toEqual({
      forecast: 'http://m',
      geocoding: 'http://m',
    });
    expect(
      openMeteoUrls({ OPEN_METEO_BASE_URL: 'http://m', OPEN_METEO_GEOCODING_BASE_URL: 'http://g' }).geocoding,
    ).toBe('http://g');
  });
});
