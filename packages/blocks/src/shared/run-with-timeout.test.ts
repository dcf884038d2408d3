import { describe, expect, it } from 'vitest';
import { ComputationTimeoutError, runWithTimeout } from './run-with-timeout';

describe('runWithTimeout', () => {
  it('returns the result of a quick task', () => {
    expect(runWithTimeout(() => 6 * 7, 1_000)).toBe(42);
  });

  it('passes on errors the task throws', () => {
    expect(() =>
      runWithTimeout(() => {
        throw new RangeError('boom');
      }, 1_000),
    ).toThrow(RangeError);
  });

  it('stops catastrophic regex backtracking', () => {
    const evil = /^(a+)+$/;
    const text = `${'a'.repeat(40)}b`;
    expect(() => runWithTimeout(() => evil.test(text), 50)).toThrow(ComputationTimeoutError);
  });

  it('can be used again after a timeout', () => {
    expect(() => runWithTimeout(() => /^(a+)+$/.test(`${'a'.repeat(40)}!`), 20)).toThrow(
      ComputationTimeoutError,
    );
    expect(runWithTimeout(() => 'still works', 1_000)).toBe('still works');
  });
});
