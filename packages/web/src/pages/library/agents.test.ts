import { describe, expect, it } from 'vitest';
import { exportFileName, matchesSearch, summariseRuns, type GraphExecutionMeta } from './agents';

const run = (id: string, graphId: string, status: GraphExecutionMeta['status']): GraphExecutionMeta => ({
  id,
  user_id: 'u',
  graph_id: graphId,
  graph_version: 1,
  inputs: {},
  credential_inputs: {},
  nodes_input_masks: null,
  preset_id: null,
  status,
  started_at: null,
  ended_at: null,
  stats: null,
  is_shared: false,
  share_token: null,
  is_dry_run: false,
});

describe('summariseRuns', () => {
  it('counts runs per agent and keeps the first listed (newest) as the last run', () => {
    const summary = summariseRuns([
      run('r3', 'a', 'RUNNING'),
      run('r2', 'b', 'FAILED'),
      run('r1', 'a', 'COMPLETED'),
    ]);
    expect(summary.get('a')).toMatchObject({ count: 2, last: { id: 'r3', status: 'RUNNING' } });
    expect(summary.get('b')).toMatchObject({ count: 1, last: { id: 'r2' } });
    expect(summary.has('c')).toBe(false);
  });
});

describe('matchesSearch', () => {
  const agent = { name: 'Financial Advisor', description: 'Personal budget guidance' };
  it('matches every word in the name or description, ignoring case', () => {
    expect(matchesSearch(agent, '')).toBe(true);
    expect(matchesSearch(agent, 'advisor BUDGET')).toBe(true);
    expect(matchesSearch(agent, 'advisor tax')).toBe(false);
  });
});

describe('exportFileName', () => {
  it('keeps a readable name without the characters file systems refuse', () => {
    expect(exportFileName('Financial Advisor: Expert / v2')).toBe('Financial Advisor Expert v2.json');
    expect(exportFileName('  ..  ')).toBe('agent.json');
  });
});
