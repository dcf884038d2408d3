import { z } from 'zod';
import { credentialsTypes } from '@blockloom/sdk';
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

const executionStatus = z.enum(executionStatuses);

/** GraphExecutionMeta (internals §3.11-3.12), as the engine's models serialise it. */
export const graphExecutionMetaSchema = z
  .object({
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
  })
  .meta({ id: 'GraphExecutionMeta' });

/** GraphMeta (internals §2.1): list entries, without nodes and links. */
export const graphMetaSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    is_active: z.boolean(),
    name: z.string(),
    description: z.string(),
    instructions: z.string().nullable(),
    recommended_schedule_cron: z.string().nullable(),
    forked_from_id: z.string().nullable(),
    forked_from_version: z.number().int().nullable(),
    user_id: z.string(),
    created_at: z.string(),
  })
  .meta({ id: 'GraphMeta' });
