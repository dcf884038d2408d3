import { BlockError } from '@blockloom/sdk';
import { isRecord } from '../shared/python';
import type { RandomSource } from '../shared/seeded-random';
import { valueKey } from '../shared/value-key';

export const samplingMethods = [
  'random',
  'systematic',
  'top',
  'bottom',
  'stratified',
  'weighted',
  'reservoir',
  'cluster',
] as const;
export type SamplingMethod = (typeof samplingMethods)[number];

export interface SamplingOptions {
  size: number;
  random: RandomSource;
  stratifyKey: string | null;
  weightKey: string | null;
  clusterKey: string | null;
}

/** A row's field: a dictionary's key, or a list row's position written as a number. */
function fieldOf(row: unknown, key: string, index: number): unknown {
  const value = isRecord(row)
    ? row[key]
    : Array.isArray(row) && /^\d+$/.test(key)
      ? row[Number(key)]
      : undefined;
  if (value === undefined) throw new BlockError(`Key '${key}' not found in the item at index ${index}`);
  return value;
}

function requireKey(key: string | null, option: string, method: SamplingMethod): string {
  if (!key) throw new BlockError(`${option} is required for ${method} sampling`);
  return key;
}

/** Row indexes grouped by a field's value, groups in order of first appearance. */
function groupsBy(rows: readonly unknown[], key: string): number[][] {
  const groups = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const id = valueKey(fieldOf(row, key, index));
    groups.set(id, [...(groups.get(id) ?? []), index]);
  });
  return [...groups.values()];
}

/** Proportional allocation over strata; the rounding remainder goes to the largest fractions first. */
function stratified(rows: readonly unknown[], options: SamplingOptions, key: string): number[] {
  const groups = groupsBy(rows, key);
  const shares = groups.map((group) => (options.size * group.length) / rows.length);
  const counts = shares.map(Math.floor);
  const order = shares.map((share, i) => [share - Math.floor(share), i] as const).sort((a, b) => b[0] - a[0]);
  let left = options.size - counts.reduce((sum, count) => sum + count, 0);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return groups.flatMap((group, i) => options.random.shuffled(group).slice(0, counts[i]));
}

/** Draws with replacement, each row as likely as its weight (Python's `random.choices`). */
function weighted(rows: readonly unknown[], options: SamplingOptions, key: string): number[] {
  const cumulative: number[] = [];
  let total = 0;
  rows.forEach((row, index) => {
    const weight = fieldOf(row, key, index);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new BlockError(`The weight of the item at index ${index} must be a non-negative number`);
    }
    total += weight;
    cumulative.push(total);
  });
  if (total <= 0) throw new BlockError('The weights must not all be zero');
  return Array.from({ length: options.size }, () => {
    const target = options.random.next() * total;
    const found = cumulative.findIndex((edge) => target < edge);
    return found === -1 ? rows.length - 1 : found;
  });
}

/** Vitter's algorithm R: one pass, each row equally likely to end in the reservoir. */
function reservoir(count: number, options: SamplingOptions): number[] {
  const kept = Array.from({ length: options.size }, (_, i) => i);
  for (let i = options.size; i < count; i++) {
    const j = options.random.int(i + 1);
    if (j < options.size) kept[j] = i;
  }
  return kept;
}

/** Whole clusters in random order until there are enough rows, cut to the sample size. */
function cluster(rows: readonly unknown[], options: SamplingOptions, key: string): number[] {
  const picked: number[] = [];
  for (const group of options.random.shuffled(groupsBy(rows, key))) {
    if (picked.length >= options.size) break;
    picked.push(...group);
  }
  return picked.slice(0, options.size);
}

/** The indexes of the rows a method picks; `options.size` is at most `rows.length` (checked by the block). */
export function sampleIndices(
  method: SamplingMethod,
  rows: readonly unknown[],
  options: SamplingOptions,
): number[] {
  const { size, random } = options;
  const all = rows.map((_, i) => i);
  switch (method) {
    case 'random':
      return random.shuffled(all).slice(0, size);
    case 'systematic': {
      if (size === 0) return [];
      const step = Math.floor(rows.length / size);
      const start = random.int(step);
      return Array.from({ length: size }, (_, i) => start + i * step);
    }
    case 'top':
      return all.slice(0, size);
    case 'bottom':
      return all.slice(rows.length - size);
    case 'stratified':
      return stratified(rows, options, requireKey(options.stratifyKey, 'stratify_key', method));
    case 'weighted':
      return weighted(rows, options, requireKey(options.weightKey, 'weight_key', method));
    case 'reservoir':
      return reservoir(rows.length, options);
    case 'cluster':
      return cluster(rows, options, requireKey(options.clusterKey, 'cluster_key', method));
  }
}
