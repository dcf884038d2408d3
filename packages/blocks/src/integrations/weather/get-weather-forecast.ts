import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { asRecord, numberOf, stringOf } from '../shared/json';
import { conditionOf, findPlace, forecastJson } from './open-meteo';

const unitSystems = {
  metric: { temperature: '°C', wind_speed: 'km/h', precipitation: 'mm' },
  imperial: { temperature: '°F', wind_speed: 'mph', precipitation: 'inch' },
} as const;

const dayForecast = z.object({
  date: z.string(),
  condition: z.string(),
  weather_code: z.number(),
  temperature_max: z.number(),
  temperature_min: z.number(),
  precipitation: z.number(),
  precipitation_probability: z.number(),
});

/** The `index`-th value of one of Open-Meteo's daily columns. */
function column(daily: Record<string, unknown>, name: string, index: number): unknown {
  const values = daily[name];
  return Array.isArray(values) ? values[index] : undefined;
}

/** Blockloom block: current weather and a daily forecast from Open-Meteo (free, no key). */
export const getWeatherForecastBlock = defineBlock({
  id: '8cfab46f-74cd-431e-9448-b602c6025687',
  name: 'GetWeatherForecastBlock',
  description:
    'Blockloom block: gets the current weather and a daily forecast (up to 16 days) for a place name or "latitude, longitude", from Open-Meteo.',
  categories: ['SEARCH', 'DATA'],
  input: z.object({
    location: z
      .string()
      .meta({ description: 'A place name, or "latitude, longitude".', placeholder: 'Berlin' }),
    forecast_days: z
      .number()
      .int()
      .min(1)
      .max(16)
      .default(3)
      .meta({ description: 'Days to forecast, 1-16.' }),
    units: z
      .enum(['metric', 'imperial'])
      .default('metric')
      .meta({ description: '°C, km/h, mm or °F, mph, inch.' }),
  }),
  output: {
    location: z
      .object({
        name: z.string(),
        country: z.string(),
        latitude: z.number(),
        longitude: z.number(),
        timezone: z.string(),
      })
      .meta({ description: 'The place the forecast is for.' }),
    current: z
      .object({
        time: z.string(),
        condition: z.string(),
        weather_code: z.number(),
        temperature: z.number(),
        humidity: z.number(),
        wind_speed: z.number(),
      })
      .meta({ description: 'The weather now.' }),
    forecast: z.array(dayForecast).meta({ description: 'One entry per day, today first.' }),
    units: z
      .object({ temperature: z.string(), wind_speed: z.string(), precipitation: z.string() })
      .meta({ description: 'The units of the numbers.' }),
  },
  tests: [
    {
      name: 'refuses an empty location',
      input: { location: ' ' },
      output: [['error', 'The location must not be empty']],
    },
    {
      name: 'refuses coordinates out of range before any request',
      input: { location: '95, 10' },
      output: [['error', '"95, 10" is not a valid latitude, longitude pair']],
    },
  ],
  async *run(input, ctx) {
    if (!input.location.trim()) {
      yield ['error', 'The location must not be empty'];
      return;
    }
    const place = await findPlace(ctx, input.location);
    const imperial = input.units === 'imperial';
    const query = new URLSearchParams({
      latitude: String(place.latitude),
      longitude: String(place.longitude),
      current: 'temperature_2m,relative_humidity_2m,wind_speed_10m,weather_code',
      daily:
        'weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum,precipitation_probability_max',
      timezone: 'auto',
      forecast_days: String(input.forecast_days),
      ...(imperial
        ? { temperature_unit: 'fahrenheit', wind_speed_unit: 'mph', precipitation_unit: 'inch' }
        : {}),
    });
    const answer = asRecord(await forecastJson(ctx, query));
    const current = asRecord(answer.current);
    const daily = asRecord(answer.daily);
    if (!Array.isArray(daily.time) || typeof current.time !== 'string') {
      throw new BlockError('Open-Meteo sent a forecast without current or daily data');
    }
    yield ['location', { ...place, timezone: stringOf(answer.timezone) }];
    yield [
      'current',
      {
        time: current.time,
        condition: conditionOf(current.weather_code),
        weather_code: numberOf(current.weather_code),
        temperature: numberOf(current.temperature_2m),
        humidity: numberOf(current.relative_humidity_2m),
        wind_speed: numberOf(current.wind_speed_10m),
      },
    ];
    yield [
      'forecast',
      daily.time.map((date, index) => ({
        date: stringOf(date),
        condition: conditionOf(column(daily, 'weather_code', index)),
        weather_code: numberOf(column(daily, 'weather_code', index)),
        temperature_max: numberOf(column(daily, 'temperature_2m_max', index)),
        temperature_min: numberOf(column(daily, 'temperature_2m_min', index)),
        precipitation: numberOf(column(daily, 'precipitation_sum', index)),
        precipitation_probability: numberOf(column(daily, 'precipitation_probability_max', index)),
      })),
    ];
    yield ['units', { ...unitSystems[input.units] }];
  },
});
