import nunjucks from 'nunjucks';
import { pyStr } from '../shared/python';
import { pythonMethod } from './python-methods';

/**
 * The runtime compiled nunjucks templates call, replaced per template (never patched globally) to give
 * Jinja's behaviour and Jinja's sandbox, which AutoGPT renders every template in:
 *
 * - member lookup never reaches `constructor`, `prototype`, `__proto__` or other inherited `_`-prefixed
 *   members, and reads no attribute of a function: the path from a template to `Function("code")` is shut;
 *   own keys of data are always readable (`row._id`), and Python methods come first (`python-methods.ts`);
 * - `True`, `False` and `None` are names, as in Jinja;
 * - `{{ value }}` prints Python's `str(value)`: `None`, `True`, `['a', 'b']`, `{'k': 1}`; an undefined
 *   name prints nothing; with autoescape on, text is escaped the way markupsafe does it.
 */

/** The subset of nunjucks' runtime module this file calls (`nunjucks.runtime` is typed as SafeString only). */
interface NunjucksRuntime {
  contextOrFrameLookup(context: NunjucksContext, frame: unknown, name: string): unknown;
  SafeString: typeof nunjucks.runtime.SafeString;
}
interface NunjucksContext {
  ctx: Record<string, unknown>;
}

const baseRuntime = nunjucks.runtime as unknown as NunjucksRuntime & Record<string, unknown>;
const { SafeString } = baseRuntime;

const blockedMembers = new Set(['constructor', 'prototype', '__proto__', 'caller', 'callee', 'arguments']);
const jinjaConstants: Record<string, unknown> = { True: true, False: false, None: null };

function isDataContainer(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isIndex(key: unknown): boolean {
  return (
    (typeof key === 'number' && Number.isInteger(key)) || (typeof key === 'string' && /^-?\d+$/.test(key))
  );
}

/** `items[-1]` counts from the end, and text is indexed by code point, as in Python. */
function indexLookup(target: string | unknown[], key: unknown): unknown {
  const items = typeof target === 'string' ? Array.from(target) : target;
  const index = Number(key);
  return items[index < 0 ? items.length + index : index];
}

/** A method read off an object stays bound to it (`c.next()` on a cycler), as nunjucks' own lookup does. */
function boundTo(target: unknown, value: unknown): unknown {
  if (typeof value !== 'function') return value;
  return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args);
}

function memberLookup(target: unknown, key: unknown): unknown {
  if (target === undefined || target === null || typeof target === 'function') return undefined;
  if ((typeof target === 'string' || Array.isArray(target)) && isIndex(key)) return indexLookup(target, key);
  const name = String(key);
  if (isDataContainer(target) && Object.hasOwn(target, name)) return boundTo(target, target[name]);
  if (blockedMembers.has(name) || name.startsWith('_')) return undefined;
  return pythonMethod(target, name) ?? boundTo(target, (target as Record<string, unknown>)[name]);
}

function contextOrFrameLookup(context: NunjucksContext, frame: unknown, name: string): unknown {
  // Names that exist on every object (`constructor`, `toString`) resolve only from the template's own data.
  if (name in Object.prototype) return Object.hasOwn(context.ctx, name) ? context.ctx[name] : undefined;
  const value = baseRuntime.contextOrFrameLookup(context, frame, name);
  return value === undefined && Object.hasOwn(jinjaConstants, name) ? jinjaConstants[name] : value;
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);
}

function suppressValue(value: unknown, autoescape: boolean): unknown {
  if (value instanceof SafeString) return value;
  const text = value === undefined || typeof value === 'function' ? '' : pyStr(value);
  return autoescape ? escapeHtml(text) : text;
}

export const sandboxRuntime: Record<string, unknown> = {
  ...baseRuntime,
  memberLookup,
  contextOrFrameLookup,
  suppressValue,
};

/** Marks text as safe HTML, as Jinja's `Markup` does. */
export function markSafe(text: string): InstanceType<typeof SafeString> {
  return new SafeString(text);
}
