import { z } from 'zod';
import {
  blockCategories,
  blockCostTypes,
  blockTypes,
  credentialsTypes,
  type BlockCategory,
} from '@blockloom/sdk';
import { executionStatuses } from '@blockloom/engine';

/** Shared wire schemas; the same objects validate requests and generate /openapi.json. */

export const errorBody = z
  .object({ message: z.string(), detail: z.unknown(), hint: z.string() })
  .meta({ id: 'ErrorBody' });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(['user', 'admin']),
    timezone: z.string(),
    created_at: z.string(),
  })
  .meta({ id: 'User' });

export const sessionSchema = z
  .object({ access_token: z.string(), refresh_token: z.string(), user: userSchema })
  .meta({ id: 'Session' });

export const uuidParam = z.string().min(1).max(200);

/** An object whose fields are free-form (graph JSON, block inputs, run inputs). */
export const looseObject = z.record(z.string(), z.unknown());

export const credentialsMetaSchema = z.object({
  id: z.string(),
  provider: z.string(),
  type: z.enum(credentialsTypes),
  title: z.string().nullish(),
});

export const executionStatus = z.enum(executionStatuses);

/** GraphExecutionMeta's fields (internals §3.11-3.12), as the engine's models serialise them. */
const graphExecutionMetaShape = {
  id: z.string(),
  user_id: z.string(),
  graph_id: z.string(),
  graph_version: z.number().int(),
  inputs: looseObject,
  credential_inputs: z.record(z.string(), credentialsMetaSchema),
  nodes_input_masks: z.record(z.string(), looseObject).nullable(),
  preset_id: z.string().nullable(),
  status: executionStatus,
  started_at: z.string().nullable(),
  ended_at: z.string().nullable(),
  stats: z
    .object({
      cost: z.number(),
      duration: z.number(),
      duration_cpu_only: z.number(),
      node_exec_time: z.number(),
      node_exec_time_cpu_only: z.number(),
      node_exec_count: z.number(),
      node_error_count: z.number(),
      error: z.string().nullable(),
      activity_status: z.string().nullable(),
      correctness_score: z.number().nullable(),
    })
    .nullable(),
  is_shared: z.boolean(),
  share_token: z.string().nullable(),
  is_dry_run: z.boolean(),
};

/** GraphExecutionMeta: a run without its results (lists, execute, stop). */
export const graphExecutionMetaSchema = z.object(graphExecutionMetaShape).meta({ id: 'GraphExecutionMeta' });

/** NodeExecutionResult (internals §3.11): one node execution of a run, as REST and WebSocket events carry it. */
export const nodeExecutionResultSchema = z
  .object({
    user_id: z.string(),
    graph_id: z.string(),
    graph_version: z.number().int(),
    graph_exec_id: z.string(),
    node_exec_id: z.string(),
    node_id: z.string(),
    block_id: z.string(),
    status: executionStatus,
    /** The resolved input once queued, else the input pins received so far. */
    input_data: looseObject,
    /** `{pin: [values]}` in the order the block yielded them. */
    output_data: z.record(z.string(), z.array(z.unknown())),
    add_time: z.string(),
    queue_time: z.string().nullable(),
    start_time: z.string().nullable(),
    end_time: z.string().nullable(),
  })
  .meta({ id: 'NodeExecutionResult' });

/**
 * `GET /api/graphs/{id}/executions/{exec_id}`: the run, its graph outputs `{name: [values]}` and its node
 * executions. `node_executions` is absent when the caller no longer owns that graph version (deleted since).
 */
export const graphExecutionSchema = z
  .object({
    ...graphExecutionMetaShape,
    outputs: z.record(z.string(), z.array(z.unknown())),
    node_executions: z.array(nodeExecutionResultSchema).optional(),
  })
  .meta({ id: 'GraphExecution' });

/** The fields every graph shape starts with: identity, version and descriptive metadata. */
const graphHeaderShape = {
  id: z.string(),
  version: z.number().int(),
  is_active: z.boolean(),
  name: z.string(),
  description: z.string(),
  instructions: z.string().nullable(),
  recommended_schedule_cron: z.string().nullable(),
  forked_from_id: z.string().nullable(),
  forked_from_version: z.number().int().nullable(),
};

/** GraphMeta (internals §2.1): list entries, without nodes and links. */
export const graphMetaSchema = z
  .object({
    ...graphHeaderShape,
    user_id: z.string(),
    created_at: z.string(),
  })
  .meta({ id: 'GraphMeta' });

/** A JSON Schema object (block input/output schemas, graph input/output schemas): free-form. */
const jsonSchemaObject = looseObject;

/** A link between two pins; `*_name` may be a nested pin such as `values_#_key` or `tools_^_fn_~_arg`. */
export const linkSchema = z
  .object({
    id: z.string(),
    source_id: z.string(),
    sink_id: z.string(),
    source_name: z.string(),
    sink_name: z.string(),
    is_static: z.boolean(),
  })
  .meta({ id: 'Link' });

/** A node as GraphModel carries it (AutoGPT's NodeModel); its links are derived from the graph's `links`. */
export const nodeSchema = z
  .object({
    id: z.string(),
    block_id: z.string(),
    /** The node's constant inputs. */
    input_default: looseObject,
    /** Owned by the builder: `position {x, y}`, `customized_name`, … */
    metadata: looseObject,
    input_links: z.array(linkSchema),
    output_links: z.array(linkSchema),
    graph_id: z.string(),
    graph_version: z.number().int(),
    webhook_id: z.string().nullable(),
  })
  .meta({ id: 'Node' });

/** `{type: 'object', properties, required}`: a graph's inputs, outputs or credentials inputs. */
const graphIoSchema = z.object({
  type: z.literal('object'),
  properties: z.record(z.string(), jsonSchemaObject),
  required: z.array(z.string()),
});

const triggerSetupInfo = z
  .object({
    provider: z.string(),
    config_schema: jsonSchemaObject,
    credentials_input_name: z.string().nullable(),
  })
  .nullable();

/** BaseGraph with its computed fields: one of a GraphModel's `sub_graphs`. */
export const baseGraphSchema = z
  .object({
    ...graphHeaderShape,
    nodes: z.array(nodeSchema),
    links: z.array(linkSchema),
    input_schema: graphIoSchema,
    output_schema: graphIoSchema,
    has_external_trigger: z.boolean(),
    has_human_in_the_loop: z.boolean(),
    has_sensitive_action: z.boolean(),
    trigger_setup_info: triggerSetupInfo,
  })
  .meta({ id: 'BaseGraph' });

/**
 * GraphModel (internals §2.2): what `GET /api/graphs/{id}` serves and saving returns. The sub-graphs its
 * AgentExecutor nodes run are bundled; `user_id` is "" in an export; `created_at` is null for a graph never
 * stored.
 */
export const graphSchema = z
  .object({
    ...graphHeaderShape,
    user_id: z.string(),
    created_at: z.string().nullable(),
    nodes: z.array(nodeSchema),
    links: z.array(linkSchema),
    sub_graphs: z.array(baseGraphSchema),
    input_schema: graphIoSchema,
    output_schema: graphIoSchema,
    credentials_input_schema: graphIoSchema,
    has_external_trigger: z.boolean(),
    has_human_in_the_loop: z.boolean(),
    has_sensitive_action: z.boolean(),
    trigger_setup_info: triggerSetupInfo,
  })
  .meta({ id: 'Graph' });

const blockCategoryNames = Object.keys(blockCategories) as [BlockCategory, ...BlockCategory[]];

/** A catalogue entry of `/api/blocks` (AutoGPT's `Block.to_dict()`). */
export const blockSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    /** JSON Schema of the inputs; credentials fields carry `credentials_provider` and `credentials_types`. */
    inputSchema: jsonSchemaObject,
    /** JSON Schema of the output pins (with `error` for block types that have one). */
    outputSchema: jsonSchemaObject,
    categories: z.array(z.object({ category: z.enum(blockCategoryNames), description: z.string() })),
    contributors: z.array(z.object({ name: z.string() })),
    /** Links from this block's outputs are static: they keep their value for every later run of the sink. */
    staticOutput: z.boolean(),
    uiType: z.enum(blockTypes),
    costs: z.array(
      z.object({
        cost_amount: z.number(),
        cost_filter: looseObject,
        cost_type: z.enum(blockCostTypes),
        cost_divisor: z.number().optional(),
      }),
    ),
  })
  .meta({ id: 'Block' });

/** `POST …/blocks/{id}/execute`: every output pin with the values the block yielded on it, in order. */
export const blockOutputsSchema = z.record(z.string(), z.array(z.unknown())).meta({ id: 'BlockOutputs' });

/**
 * One problem of a graph, placed for the builder: the node (by the id the client sent) and input field, or
 * the link; `field` is a JSON path such as `nodes[2].block_id` for a malformed graph.
 */
export const graphIssueSchema = z
  .object({
    node_id: z.string().nullable(),
    field: z.string().nullable(),
    message: z.string(),
    link_id: z.string().nullable(),
    /** The graph the issue is in: the root graph's id, or a sub-graph's. */
    graph_id: z.string().nullable(),
    /** `missing_input`, `unknown_block`, `unknown_pin`, `malformed`, … (@blockloom/graph's `graphIssueCodes`). */
    code: z.string().nullable(),
  })
  .meta({ id: 'GraphIssue' });
