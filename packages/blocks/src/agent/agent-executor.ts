import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { isRecord } from '../shared/python';
import { childGraphNode, echoingAgents, finishedEvent, scriptedAgents } from './agent-executor-fixtures';
import {
  childInputMismatch,
  childInputNames,
  childOutputNames,
  coerceChildInputs,
  missingChildInputs,
} from './child-graph-schema';

/** The block's pins are the child graph's outputs, known per node; the index signature lets `run` yield them. */
const childOutputs: Record<string, z.ZodType> = {};

/**
 * Runs another agent (graph) as a step of this one: passes the inputs, streams each of the child's outputs
 * out under its output name, and adds the child's cost and node count to this node's stats. A child that
 * fails simply ends the stream (internals §3.10); cancelling this run cancels the child through `ctx.signal`.
 */
export const agentExecutorBlock = defineBlock({
  id: 'e189baac-8c20-45a1-94a7-55177ea42565',
  name: 'AgentExecutorBlock',
  description: 'Runs another agent as a sub-agent and outputs its results.',
  categories: ['AGENT'],
  type: 'Agent',
  // A sub-agent may legitimately run for hours; AutoGPT sets no wall-clock cap on this block.
  timeoutSeconds: null,
  input: z.object({
    user_id: z.string().meta({ description: 'The user the sub-agent belongs to.' }),
    graph_id: z.string().meta({ description: 'The id of the agent to run.' }),
    graph_version: z.number().int().meta({ description: 'The version of the agent to run.' }),
    agent_name: z
      .string()
      .nullable()
      .default(null)
      .meta({ description: 'The name of the agent, for display.' }),
    inputs: z.record(z.string(), z.unknown()).meta({ description: "The sub-agent's inputs, by input name." }),
    input_schema: z.record(z.string(), z.unknown()).meta({ description: "The sub-agent's input schema." }),
    output_schema: z.record(z.string(), z.unknown()).meta({ description: "The sub-agent's output schema." }),
    nodes_input_masks: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .nullable()
      .default(null)
      .meta({ hidden: true, description: 'Input overrides for nodes of the sub-agent, by node id.' }),
  }),
  output: childOutputs,
  dynamic: {
    // Constant child inputs live under `inputs`; links use the child's input names directly.
    inputDefaults: (inputDefault) => (isRecord(inputDefault.inputs) ? inputDefault.inputs : {}),
    missingInput: (data, inputDefault) => missingChildInputs(data, inputDefault),
    mismatchError: (data, inputDefault) => childInputMismatch(data, inputDefault),
    buildInput: (data, inputDefault) => ({ ...inputDefault, inputs: coerceChildInputs(data, inputDefault) }),
    inputPins: (inputDefault) => childInputNames(inputDefault),
    outputPins: (inputDefault) => childOutputNames(inputDefault),
  },
  tests: [
    {
      name: "streams the child's outputs in order",
      inputDefault: childGraphNode,
      input: { topic: 'AI' },
      context: {
        agents: scriptedAgents([
          { type: 'output', name: 'summary', value: 'first' },
          { type: 'output', name: 'summary', value: 'second' },
          finishedEvent(),
        ]),
      },
      output: [
        ['summary', 'first'],
        ['summary', 'second'],
      ],
    },
    {
      name: 'starts the child graph with the coerced inputs',
      inputDefault: { ...childGraphNode, nodes_input_masks: { 'node-1': { value: 'x' } } },
      input: { topic: 'AI', count: '3' },
      context: { agents: echoingAgents() },
      output: [
        [
          'request',
          {
            graphId: 'graph-child',
            graphVersion: 2,
            inputs: { topic: 'AI', count: 3 },
            nodesInputMasks: { 'node-1': { value: 'x' } },
          },
        ],
      ],
    },
    {
      name: 'completes quietly when the child fails',
      inputDefault: childGraphNode,
      input: { topic: 'AI' },
      context: { agents: scriptedAgents([finishedEvent('FAILED')]) },
      output: [],
    },
    {
      name: 'skips child outputs the node does not declare',
      inputDefault: childGraphNode,
      input: { topic: 'AI' },
      context: {
        agents: scriptedAgents([
          { type: 'output', name: 'added_later', value: 1 },
          { type: 'output', name: 'summary', value: 'kept' },
          finishedEvent(),
        ]),
      },
      output: [['summary', 'kept']],
    },
    {
      name: 'fails outside an engine',
      inputDefault: childGraphNode,
      input: { topic: 'AI' },
      output: [['error', 'AgentExecutor needs an engine to run a sub-agent']],
    },
  ],
  async *run(input, ctx) {
    if (!ctx.agents) throw new BlockError('AgentExecutor needs an engine to run a sub-agent');
    const declared = childOutputNames(input);
    const request = {
      graphId: input.graph_id,
      graphVersion: input.graph_version,
      inputs: input.inputs,
      nodesInputMasks: input.nodes_input_masks,
    };
    for await (const event of ctx.agents.run(request, ctx.signal)) {
      switch (event.type) {
        case 'output':
          // Links can only use declared names; an output the child gained since the node was saved has nowhere to go.
          if (!declared.includes(event.name)) {
            ctx.logger.warn(`Sub-agent output "${event.name}" is not in the node's output schema; skipped`);
          } else {
            yield [event.name, event.value];
          }
          break;
        case 'finished':
          ctx.stats.add({ extra_cost: event.cost, extra_steps: event.nodeCount });
          if (event.status !== 'COMPLETED') {
            ctx.logger.warn(`Sub-agent run ${event.graphExecId} ended ${event.status}`, {
              agent: input.agent_name,
            });
          }
          break;
      }
    }
  },
});
