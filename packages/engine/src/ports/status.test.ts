import { describe, expect, it } from 'vitest';
import { canTransition, executionStatuses, isTerminal } from './status';

describe('status transitions (internals §3.1)', () => {
  it.each([
    ['INCOMPLETE', 'QUEUED', true],
    ['TERMINATED', 'QUEUED', true],
    ['REVIEW', 'QUEUED', true],
    ['RUNNING', 'QUEUED', false],
    ['COMPLETED', 'QUEUED', false],
    ['QUEUED', 'RUNNING', true],
    ['TERMINATED', 'RUNNING', true],
    ['COMPLETED', 'RUNNING', false],
    ['FAILED', 'RUNNING', false],
    ['RUNNING', 'COMPLETED', true],
    ['QUEUED', 'COMPLETED', false],
    ['QUEUED', 'FAILED', true],
    ['COMPLETED', 'FAILED', false],
    ['RUNNING', 'TERMINATED', true],
    ['COMPLETED', 'TERMINATED', false],
    ['RUNNING', 'REVIEW', true],
    ['QUEUED', 'REVIEW', false],
  ] as const)('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('never re-enters INCOMPLETE, and only COMPLETED, TERMINATED and FAILED are terminal', () => {
    for (const from of executionStatuses) expect(canTransition(from, 'INCOMPLETE')).toBe(false);
    expect(executionStatuses.filter(isTerminal)).toEqual(['COMPLETED', 'TERMINATED', 'FAILED']);
  });
});
