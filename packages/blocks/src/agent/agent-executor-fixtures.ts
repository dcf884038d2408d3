import type { AgentRunEvent, AgentRunner } from '@blockloom/sdk';

/** Fakes of the engine's sub-agent runner, for AgentExecutorBlock's self-tests. */

/** Replays `events`, whatever the request. */
export function scriptedAgents(events: readonly AgentRunEvent[]): AgentRunner {
  return {
    async *run() {
      yield* events;
    },
  };
}

/** Answers with one `request` output holding the request it received, so a test can see what was started. */
export function echoingAgents(): AgentRunner {
  return {
    async *run(request) {
      yield { type: 'output', name: 'request', value: request };
      yield finishedEvent();
    },
  };
}

export function finishedEvent(status = 'COMPLETED'): AgentRunEvent {
  return { type: 'finished', graphExecId: 'child-exec', status, cost: 3, nodeCount: 4 };
}

/** The constant inputs a builder saves on an AgentExecutor node. */
export const childGraphNode = {
  user_id: 'user-1',
  graph_id: 'graph-child',
  graph_version: 2,
  agent_name: 'Summariser',
  inputs: {},
  input_schema: {
    type: 'object',
    properties: { topic: { anyOf: [{ type: 'string' }, { type: 'null' }] }, count: { type: 'integer' } },
    required: ['topic'],
  },
  output_schema: { type: 'object', properties: { summary: {}, request: {} } },
};
