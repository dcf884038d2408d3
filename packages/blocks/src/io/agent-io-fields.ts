import { z } from 'zod';

/**
 * Fields the graph input blocks share besides `value` (catalogue §1.1 AgentInputBlock). The graph's input
 * schema is built from them: `name` is the run-input key, the rest are presentation hints.
 */
export const agentInputFields = {
  name: z
    .string()
    .meta({ description: 'The name of the input; the run input with this name becomes the value.' }),
  title: z
    .string()
    .nullable()
    .default(null)
    .meta({ advanced: true, description: 'The title shown for this input in the run form.' }),
  description: z
    .string()
    .nullable()
    .default(null)
    .meta({ advanced: true, description: 'Help text shown for this input in the run form.' }),
  advanced: z.boolean().default(false).meta({
    advanced: true,
    description: 'Whether the run form shows this input only under advanced options.',
  }),
  secret: z
    .boolean()
    .default(false)
    .meta({ advanced: true, description: 'Whether the input holds a secret that must be masked.' }),
};

/** The value fields are all optional: a run that doesn't supply the input leaves the block silent. */
export function valueField<T extends z.ZodType>(schema: T, description: string) {
  return schema.nullable().default(null).meta({ description });
}
