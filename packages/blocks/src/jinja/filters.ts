import type nunjucks from 'nunjucks';
import { isRecord, pyEquals, pyJsonDumps, pyStr } from '../shared/python';
import { markSafe } from './sandbox';

/** Jinja's sandbox refuses ranges longer than this (`MAX_RANGE`), so a template can't allocate without bound. */
export const MAX_RANGE = 100_000;

/** Jinja's `range()`, capped like its sandbox's. */
export function cappedRange(start: number, stop?: number, step = 1): number[] {
  const [from, to] = stop === undefined ? [0, start] : [start, stop];
  if (step === 0) throw new Error('range() arg 3 must not be zero');
  const length = Math.max(0, Math.ceil((to - from) / step));
  if (length > MAX_RANGE) {
    throw new Error(`Range too big. The sandbox blocks ranges larger than MAX_RANGE (${MAX_RANGE}).`);
  }
  return Array.from({ length }, (_, i) => from + i * step);
}

/** Jinja's `tojson`: sorted keys, Python separators, and `< > & '` escaped so the output is HTML-safe. */
function toJson(value: unknown) {
  const json = pyJsonDumps(value, { sortKeys: true })
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll("'", '\\u0027');
  return markSafe(json);
}

function keywords(args: unknown[]): { positional: unknown[]; named: Record<string, unknown> } {
  const last = args.at(-1);
  if (isRecord(last) && last.__keywords === true) return { positional: args.slice(0, -1), named: last };
  return { positional: args, named: {} };
}

function attributeOf(item: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined),
      item,
    );
}

/** Jinja's `unique`: first occurrences kept; strings compare case-insensitively unless `case_sensitive`. */
function unique(items: unknown, ...args: unknown[]): unknown[] {
  if (!Array.isArray(items)) return [];
  const { positional, named } = keywords(args);
  const caseSensitive = (named.case_sensitive ?? positional[0]) === true;
  const key = (value: unknown) => (typeof value === 'string' && !caseSensitive ? value.toLowerCase() : value);
  const kept: unknown[] = [];
  for (const item of items) if (!kept.some((seen) => pyEquals(key(seen), key(item)))) kept.push(item);
  return kept;
}

/** Jinja's `join(d='', attribute=None)`: items print as Python's `str()` (`None`, `True`), not JavaScript's. */
function join(items: unknown, ...args: unknown[]): string {
  const { positional, named } = keywords(args);
  const separator = named.d ?? positional[0] ?? '';
  const attribute = named.attribute ?? positional[1];
  const list = Array.isArray(items) ? items : typeof items === 'string' ? Array.from(items) : [];
  return list
    .map((item) => pyStr(typeof attribute === 'string' ? attributeOf(item, attribute) : item))
    .join(pyStr(separator));
}

/**
 * Adds Jinja filters nunjucks lacks or renders differently: `tojson`, `join`, `string`, `map` (by filter
 * name or `attribute=`), `unique`, `items`.
 */
export function addJinjaFilters(env: nunjucks.Environment): void {
  env.addFilter('tojson', toJson);
  env.addFilter('join', join);
  env.addFilter('string', (value: unknown) => (value === undefined ? '' : pyStr(value)));
  env.addFilter('items', (value: unknown) => (isRecord(value) ? Object.entries(value) : []));
  env.addFilter('unique', unique);
  env.addFilter('map', function (this: unknown, items: unknown, ...args: unknown[]) {
    if (!Array.isArray(items)) return [];
    const { positional, named } = keywords(args);
    if (typeof named.attribute === 'string') {
      const path = named.attribute;
      return items.map((item) => attributeOf(item, path) ?? named.default);
    }
    const [filterName, ...filterArgs] = positional;
    if (typeof filterName !== 'string') throw new Error('map() needs a filter name or attribute=');
    const filter = env.getFilter(filterName) as (...a: unknown[]) => unknown;
    // Built-in filters read the render context from `this` (e.g. groupby), so pass it on.
    return items.map((item) => filter.call(this, item, ...filterArgs));
  });
}
