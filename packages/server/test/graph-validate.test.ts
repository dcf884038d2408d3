import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, importCalculator, loadCalculatorAgent, type TestServer } from './harness';

interface Issue {
  node_id: string | null;
  field: string | null;
  message: string;
  link_id: string | null;
  graph_id: string | null;
  code: string | null;
}
interface Node {
  id: string;
  block_id: string;
  input_default: Record<string, unknown>;
}
interface Link {
  id: string;
  source_id: string;
  sink_id: string;
  source_name: string;
  sink_name: string;
}
type Graph = Record<string, unknown> & { id: string; nodes: Node[]; links: Link[] };

/** The calculator agent's blocks (shared/compat/agents/calculator-agent.json). */
const OUTPUT_BLOCK = '363ae599-353e-4804-937e-b2ee3cef3da4';
const CALCULATOR_BLOCK = 'b1ab9b19-67a6-406d-abf5-2dba76d00c79';

const nodeOf = (graph: Graph, blockId: string): Node => {
  const node = graph.nodes.find((candidate) => candidate.block_id === blockId);
  if (!node) throw new Error(`no node of block ${blockId}`);
  return node;
};
/** The graph with one node's constant inputs replaced. */
const withInputs = (graph: Graph, nodeId: string, inputs: Record<string, unknown>): Graph => ({
  ...graph,
  nodes: graph.nodes.map((node) => (node.id === nodeId ? { ...node, input_default: inputs } : node)),
});

describe('POST /api/graphs/validate and the 400 of invalid saves', () => {
  let server: TestServer;
  let headers: { authorization: string };
  let agent: Graph;
  beforeEach(async () => {
    server = await createTestServer();
    headers = server.auth((await server.signup('v@x.io')).token);
    agent = (await loadCalculatorAgent()) as Graph;
  });
  afterEach(() => server.close());

  const inject = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown) =>
    server.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const validate = async (payload: unknown) => {
    const response = await inject('POST', '/api/graphs/validate', payload);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ valid: boolean; issues: Issue[] }>();
  };

  it('accepts a valid graph and stores nothing', async () => {
    expect(await validate({ graph: agent })).toEqual({ valid: true, issues: [] });
    expect(await validate({ graph: agent, for_run: true })).toEqual({ valid: true, issues: [] });
    expect((await inject('GET', '/api/graphs')).json()).toEqual([]);
  });

  it('places each issue on the node and link ids the client sent', async () => {
    const output = nodeOf(agent, OUTPUT_BLOCK);
    const calculator = nodeOf(agent, CALCULATOR_BLOCK);
    const badLink = { ...agent.links[0]!, id: 'link-to-nowhere', sink_name: 'no_such_pin' };
    const graph = {
      ...withInputs(agent, output.id, {}),
      nodes: [
        ...withInputs(agent, output.id, {}).nodes,
        {
          id: 'ghost-node',
          block_id: '00000000-0000-0000-0000-00000000dead',
          input_default: {},
          metadata: {},
        },
      ],
      links: [badLink, ...agent.links.slice(1)],
    };
    const result = await validate({ graph });
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual(
      expect.arrayContaining([
        // An Output block's `name` is required even to save (internals §2.4).
        {
          node_id: output.id,
          field: 'name',
          message: 'This field is required',
          link_id: null,
          graph_id: agent.id,
          code: 'missing_input',
        },
        expect.objectContaining({ node_id: 'ghost-node', field: null, code: 'unknown_block' }),
        expect.objectContaining({
          node_id: badLink.sink_id,
          link_id: 'link-to-nowhere',
          field: 'no_such_pin',
          code: 'unknown_pin',
        }),
      ]),
    );
    expect(result.issues).toHaveLength(3);
    expect(result.issues.map((issue) => issue.node_id)).not.toContain(calculator.id);
  });

  it('checks a Standard block’s required inputs only for a run, as AutoGPT does', async () => {
    const calculator = nodeOf(agent, CALCULATOR_BLOCK);
    // `b` is required and neither set nor linked; `a` stays linked.
    const graph = withInputs(agent, calculator.id, { operation: 'Add', round_result: false });
    expect(await validate({ graph })).toEqual({ valid: true, issues: [] });
    const forRun = await validate({ graph, for_run: true });
    expect(forRun).toEqual({
      valid: false,
      issues: [
        {
          node_id: calculator.id,
          field: 'b',
          message: 'This field is required',
          link_id: null,
          graph_id: agent.id,
          code: 'missing_input',
        },
      ],
    });
    // And saving it succeeds: the run is what refuses it.
    expect((await inject('POST', '/api/graphs', { graph })).statusCode).toBe(200);
  });

  it('reports a malformed graph as issues with JSON paths, placed on the node when it has an id', async () => {
    const result = await validate({
      graph: { name: 'Broken', nodes: [{ id: 'n1', input_default: {} }, 'not a node'], links: [] },
    });
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ node_id: 'n1', field: 'nodes[0].block_id', code: 'malformed' }),
        expect.objectContaining({ node_id: null, field: 'nodes[1]', code: 'malformed' }),
      ]),
    );
  });

  it('answers a malformed body with the error body, never a 500', async () => {
    for (const payload of [{}, { graph: 'text' }, { graph: [] }, { graph: agent, for_run: 'yes' }]) {
      const response = await inject('POST', '/api/graphs/validate', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(response.json()).toEqual({
        message: 'Invalid data for POST /api/graphs/validate',
        detail: expect.arrayContaining([expect.objectContaining({ loc: expect.any(Array) })]),
        hint: expect.any(String),
      });
    }
    const badJson = await server.app.inject({
      method: 'POST',
      url: '/api/graphs/validate',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"graph":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ message: expect.any(String), hint: expect.any(String) });
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/graphs/validate',
      payload: { graph: agent },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses an invalid POST /api/graphs with 400 listing the same issues as validate', async () => {
    const output = nodeOf(agent, OUTPUT_BLOCK);
    const graph = {
      ...withInputs(agent, output.id, {}),
      nodes: [
        ...withInputs(agent, output.id, {}).nodes,
        {
          id: 'ghost-node',
          block_id: '00000000-0000-0000-0000-00000000dead',
          input_default: {},
          metadata: {},
        },
      ],
    };
    const { issues } = await validate({ graph });
    expect(issues).toHaveLength(2);
    const refused = await inject('POST', '/api/graphs', { graph, source: 'builder' });
    expect(refused.statusCode).toBe(400);
    const body = refused.json<{ message: string; detail: Record<string, unknown>; hint: string }>();
    expect(body.message).toBe('Failed to process POST /api/graphs');
    expect(body.detail).toMatchObject({
      type: 'validation_error',
      message: expect.stringContaining('is not valid'),
      node_errors: { [output.id]: { name: 'This field is required' } },
    });
    expect(body.detail.issues).toEqual(issues);
  });

  it('refuses an invalid PUT /api/graphs/{id} with 400 naming the nodes as the body sent them', async () => {
    const saved = await importCalculator(server, headers.authorization.slice('Bearer '.length));
    const current = (await inject('GET', `/api/graphs/${saved.id}`)).json<Graph>();
    const output = nodeOf(current, OUTPUT_BLOCK);
    const edited = withInputs(current, output.id, { secret: false });
    const { issues } = await validate({ graph: edited });
    expect(issues).toEqual([expect.objectContaining({ node_id: output.id, field: 'name' })]);
    const refused = await inject('PUT', `/api/graphs/${saved.id}`, edited);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ detail: { issues: Issue[] } }>().detail.issues).toEqual(issues);
    // Nothing was stored.
    expect((await inject('GET', `/api/graphs/${saved.id}/versions`)).json()).toHaveLength(1);
  });

  it('lists the run checks the same way when executing refuses a run', async () => {
    const calculator = nodeOf(agent, CALCULATOR_BLOCK);
    const graph = withInputs(agent, calculator.id, { operation: 'Add', round_result: false });
    const saved = (await inject('POST', '/api/graphs', { graph })).json<Graph & { version: number }>();
    const storedCalculator = nodeOf(saved, CALCULATOR_BLOCK);
    const refused = await inject('POST', `/api/graphs/${saved.id}/execute/${saved.version}`, {
      inputs: { Input: 1 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ detail: { issues: Issue[] } }>().detail.issues).toEqual([
      expect.objectContaining({ node_id: storedCalculator.id, field: 'b', code: 'missing_input' }),
    ]);
    // The stored graph has its own node ids: validate names them the same way.
    expect((await validate({ graph: saved, for_run: true })).issues).toEqual([
      expect.objectContaining({ node_id: storedCalculator.id, field: 'b', code: 'missing_input' }),
    ]);
  });
});
