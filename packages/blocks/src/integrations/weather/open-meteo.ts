import { NonRetriableError, type BlockContext } from '@blockloom/sdk';
import { providerJson } from '../../providers/shared/http';
import { envBaseUrl } from '../shared/base-url';
import { asRecord, numberOf, stringOf } from '../shared/json';

/**
 * Open-Meteo (open-meteo.com/en/docs) serves forecasts and geocoding from two hosts, told apart by path
 * (`/v1/forecast`, `/v1/search`). OPEN_METEO_BASE_URL moves both to one address; OPEN_METEO_GEOCODING_BASE_URL
 * moves the geocoder alone and wins over it.
 */
export function openMeteoUrls(env: Readonly<Record<string, string | undefined>> = process.env) {
  const shared = env.OPEN_METEO_BASE_URL?.trim();
  return {
    forecast: envBaseUrl('OPEN_METEO_BASE_URL', 'https://api.open-meteo.com', env),
    geocoding: envBaseUrl(
      'OPEN_METEO_GEOCODING_BASE_URL',
      shared || 'https://geocoding-api.open-meteo.com',
      env,
    ),
  };
}

export interface Place {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
}

const PROVIDER = 'Open-Meteo';
const coordinates = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;

/** "52.52, 13.41" is used as is; any other text is looked up with the geocoding API (best match). */
export async function findPlace(ctx: BlockContext, location: string): Promise<Place> {
  const pair = coordinates.exec(location);
  if (pair) {
    const latitude = Number(pair[1]);
    const longitude = Number(pair[2]);
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      throw new NonRetriableError(`"${location}" is not a valid latitude, longitude pair`);
    }
    return { name: location.trim(), country: '', latitude, longitude };
  }
  const query = new URLSearchParams({ name: location.trim(), count: '1', language: 'en', format: 'json' });
  const answer = asRecord(
    await providerJson({
      provider: PROVIDER,
      url: `${openMeteoUrls().geocoding}/v1/search?${query}`,
      signal: ctx.signal,
      keyless: true,
    }),
  );
  const best = Array.isArray(answer.results) ? asRecord(answer.results[0]) : undefined;
  if (!best || typeof best.latitude !== 'number' || typeof best.longitude !== 'number') {
    throw new NonRetriableError(`No place called "${location.trim()}" was found`);
  }
  return {
    name: stringOf(best.name, location.trim()),
    country: stringOf(best.country),
    latitude: best.latitude,
    longitude: best.longitude,
  };
}

export function forecastJson(ctx: BlockContext, query: URLSearchParams): Promise<unknown> {
  return providerJson({
    provider: PROVIDER,
    url: `${openMeteoUrls().forecast}/v1/forecast?${query}`,
    signal: ctx.signal,
    keyless: true,
  });
}

/** WMO weather interpretation codes, as Open-Meteo documents them. */
const conditions: Record<number, string> = {
  0: 'Clear sky',
  1: 'Mainly clear',
  2: 'Partly cloudy',
  3: 'Overcast',
  45: 'Fog',
  48: 'Depositing rime fog',
  51: 'Light drizzle',
  53: 'Moderate drizzle',
  55: 'Dense drizzle',
  56: 'Light freezing drizzle',
  57: 'Dense freezing drizzle',
  61: 'Slight rain',
  63: 'Moderate rain',
  65: 'Heavy rain',
  66: 'Light freezing rain',
  67: 'Heavy freezing rain',
  71: 'Slight snow fall',
  73: 'Moderate snow fall',
  75: 'Heavy snow fall',
  77: 'Snow grains',
  80: 'Slight rain showers',
  81: 'Moderate rain showers',
  82: 'Violent rain showers',
  85: 'Slight snow showers',
  86: 'Heavy snow showers',
  95: 'Thunderstorm',
  96: 'Thunderstorm with slight hail',
  99: 'Thunderstorm with heavy hail',
};

export function conditionOf(code: unknown): string {
  return conditions[numberOf(code, -1)] ?? 'Unknown';
}
