import { isRecord, pyEquals, pyStr } from '../shared/python';

/**
 * The Python methods Jinja templates commonly call on values (`name.strip()`, `d.items()`,
 * `text.split(",")`), so templates written for AutoGPT render the same here. Looked up before JavaScript's
 * own members, so `"a-a".replace("a", "b")` replaces every occurrence as Python does.
 */
type Method<T> = (self: T, args: unknown[]) => unknown;

function asText(value: unknown): string {
  return typeof value === 'string' ? value : pyStr(value);
}

function stripSet(text: string, chars: unknown, side: 'both' | 'left' | 'right'): string {
  const set = chars === undefined || chars === null ? null : new Set(Array.from(asText(chars)));
  const isStripped = (char: string) => (set ? set.has(char) : /\s/u.test(char));
  const codePoints = Array.from(text);
  let start = 0;
  let end = codePoints.length;
  if (side !== 'right') while (start < end && isStripped(codePoints[start] ?? '')) start++;
  if (side !== 'left') while (end > start && isStripped(codePoints[end - 1] ?? '')) end--;
  return codePoints.slice(start, end).join('');
}

/** Python's `str.split(sep=None, maxsplit=-1)`: no separator splits on runs of whitespace. */
function split(text: string, separator: unknown, maxsplit: unknown): string[] {
  const limit = typeof maxsplit === 'number' && maxsplit >= 0 ? maxsplit : Infinity;
  if (separator === undefined || separator === null) {
    const words: string[] = [];
    let rest = text.replace(/^\s+/u, '');
    while (rest !== '' && words.length < limit) {
      const match = /\s+/u.exec(rest);
      if (!match) break;
      words.push(rest.slice(0, match.index));
      rest = rest.slice(match.index + match[0].length);
    }
    if (rest !== '') words.push(rest);
    return words;
  }
  const sep = asText(separator);
  if (sep === '') throw new Error('empty separator');
  const parts = text.split(sep);
  if (parts.length - 1 <= limit) return parts;
  return [...parts.slice(0, limit), parts.slice(limit).join(sep)];
}

/** Python's `str.replace(old, new, count=-1)`. */
function replace(text: string, [old, replacement, count]: unknown[]): string {
  const from = asText(old);
  const to = asText(replacement);
  const limit = typeof count === 'number' && count >= 0 ? count : Infinity;
  const parts = from === '' ? ['', ...Array.from(text), ''] : text.split(from);
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) out += (i <= limit ? to : from) + (parts[i] ?? '');
  return out;
}

function affix(text: string, candidates: unknown, test: (text: string, affix: string) => boolean): boolean {
  const list = Array.isArray(candidates) ? candidates : [candidates];
  return list.some((candidate) => test(text, asText(candidate)));
}

const stringMethods: Record<string, Method<string>> = {
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  strip: (s, [chars]) => stripSet(s, chars, 'both'),
  lstrip: (s, [chars]) => stripSet(s, chars, 'left'),
  rstrip: (s, [chars]) => stripSet(s, chars, 'right'),
  title: (s) => s.replace(/\p{L}+/gu, (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()),
  capitalize: (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  startswith: (s, [prefix]) => affix(s, prefix, (text, start) => text.startsWith(start)),
  endswith: (s, [suffix]) => affix(s, suffix, (text, end) => text.endsWith(end)),
  replace: (s, args) => replace(s, args),
  split: (s, [separator, maxsplit]) => split(s, separator, maxsplit),
  join: (s, [items]) =>
    Array.isArray(items) ? items.map(asText).join(s) : Array.from(asText(items)).join(s),
  find: (s, [sub]) => s.indexOf(asText(sub)),
  count: (s, [sub]) => (asText(sub) === '' ? Array.from(s).length + 1 : s.split(asText(sub)).length - 1),
};

const listMethods: Record<string, Method<unknown[]>> = {
  append: (list, [item]) => {
    list.push(item);
    return null;
  },
  index: (list, [item]) => {
    const index = list.findIndex((entry) => pyEquals(entry, item));
    if (index === -1) throw new Error(`${pyStr(item)} is not in list`);
    return index;
  },
  count: (list, [item]) => list.filter((entry) => pyEquals(entry, item)).length,
};

const dictMethods: Record<string, Method<Record<string, unknown>>> = {
  items: (dict) => Object.entries(dict),
  keys: (dict) => Object.keys(dict),
  values: (dict) => Object.values(dict),
  get: (dict, [key, fallback = null]) => (Object.hasOwn(dict, asText(key)) ? dict[asText(key)] : fallback),
};

/** Keyword arguments arrive from nunjucks as a trailing `{__keywords: true}` object; Python methods here take none. */
function positional(args: unknown[]): unknown[] {
  const last = args.at(-1);
  return isRecord(last) && last.__keywords === true ? args.slice(0, -1) : args;
}

function bind<T>(table: Record<string, Method<T>>, target: T, name: string) {
  // Own keys only: the tables are plain objects, and `constructor` must never resolve to Object.
  const method = Object.hasOwn(table, name) ? table[name] : undefined;
  return method && ((...args: unknown[]) => method(target, positional(args)));
}

/** The Python method `name` bound to `target`, or undefined when the value has no such method. */
export function pythonMethod(target: unknown, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (typeof target === 'string') return bind(stringMethods, target, name);
  if (Array.isArray(target)) return bind(listMethods, target, name);
  if (isRecord(target)) return bind(dictMethods, target, name);
  return undefined;
}
