import type { PinType } from '../editor/pins';
import type { BlockLike } from '../editor/types';

/** How blocks look in the builder: names, category colours, pin colours. */

/** `AgentInputBlock` -> `Agent Input`; `HTTPRequestBlock` -> `HTTP Request`. */
export function displayName(name: string): string {
  const bare = name.endsWith('Block') && name !== 'Block' ? name.slice(0, -'Block'.length) : name;
  return bare
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim();
}

/** `DEVELOPER_TOOLS` -> `Developer tools`. */
export function categoryLabel(category: string): string {
  const words = category.toLowerCase().split('_');
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ').replace(/\bai\b/i, 'AI');
}

/** The category a block is filed under first (its colour): the first that is not BASIC, when it has one. */
export function primaryCategory(block: Pick<BlockLike, 'categories'>): string {
  const categories = block.categories.map((entry) => entry.category);
  return categories.find((category) => category !== 'BASIC') ?? categories[0] ?? 'BASIC';
}

const categoryColours: Record<string, string> = {
  INPUT: '#0ea5e9',
  OUTPUT: '#10b981',
  AI: '#8b5cf6',
  AGENT: '#6366f1',
  LOGIC: '#f59e0b',
  TEXT: '#ec4899',
  DATA: '#14b8a6',
  BASIC: '#64748b',
  SEARCH: '#3b82f6',
  SOCIAL: '#f43f5e',
  COMMUNICATION: '#06b6d4',
  DEVELOPER_TOOLS: '#84cc16',
  MULTIMEDIA: '#d946ef',
  PRODUCTIVITY: '#22c55e',
  SAFETY: '#ef4444',
  CRM: '#a855f7',
  MARKETING: '#fb923c',
  ISSUE_TRACKING: '#eab308',
  HARDWARE: '#78716c',
};

export function categoryColour(category: string): string {
  return categoryColours[category] ?? '#64748b';
}

const pinColours: Record<PinType, string> = {
  string: '#3b82f6',
  number: '#f59e0b',
  integer: '#f97316',
  boolean: '#10b981',
  object: '#8b5cf6',
  array: '#ec4899',
  any: '#94a3b8',
  credentials: '#64748b',
};

export function pinColour(type: PinType): string {
  return pinColours[type];
}

const pinTypeLabels: Record<PinType, string> = {
  string: 'text',
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  object: 'object',
  array: 'list',
  any: 'any',
  credentials: 'credentials',
};

export function pinTypeLabel(type: PinType): string {
  return pinTypeLabels[type];
}

/**
 * How well a block matches a palette search, or 0 when it does not (every word must appear in the name or
 * the description). Name matches rank first: the exact name, then a name that starts with the query, then
 * every word in the name, then description matches.
 */
export function searchScore(block: Pick<BlockLike, 'name' | 'description'>, query: string): number {
  const text = query.trim().toLowerCase();
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 1;
  const name = displayName(block.name).toLowerCase();
  const haystack = `${block.name.toLowerCase()} ${name} ${block.description.toLowerCase()}`;
  if (!words.every((word) => haystack.includes(word))) return 0;
  if (name === text || block.name.toLowerCase() === text) return 5;
  if (name.startsWith(text)) return 4;
  if (name.includes(text)) return 3;
  if (words.every((word) => name.includes(word))) return 2;
  return 1;
}
