import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { OpenAPIV3 } from 'openapi-types';

type Json = Record<string, unknown>;

const SCHEMA_REF = '#/components/schemas/';
const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The component names a value's `$ref`s name, and theirs in turn, found from `roots`. */
function referencedSchemas(roots: unknown, schemas: Json): Set<string> {
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF)) {
        const name = child.slice(SCHEMA_REF.length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(child);
    }
  };
  visit(roots);
  return used;
}

/**
 * Every documented operation answers its errors with `ErrorBody` (error-handler.ts): said once here, for the
 * document only, so a generated client types its errors. Serialisation is unchanged.
 */
function withErrorResponses(paths: Json): Json {
  const errorResponse = {
    description: 'The error body `{message, detail, hint}`',
    content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}ErrorBody` } } },
  };
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => {
      if (!isObject(item)) return [path, item];
      const operations = Object.entries(item).map(([method, operation]) => {
        if (!httpMethods.includes(method) || !isObject(operation)) return [method, operation];
        const responses = isObject(operation.responses) ? operation.responses : {};
        return [
          method,
          { ...operation, responses: { '4XX': errorResponse, '5XX': errorResponse, ...responses } },
        ];
      });
      return [path, Object.fromEntries(operations)];
    }),
  );
}

/**
 * The zod provider's components (every schema with `.meta({ id })`, in an output and an `…Input` variant),
 * then the error responses, then only the components some operation reaches: an unused `GraphInput` beside
 * `Graph` would only confuse a generated client.
 */
export const transformOpenApiObject: SwaggerTransformObject = (documentObject) => {
  const document = jsonSchemaTransformObject(documentObject) as Json;
  const paths = withErrorResponses(isObject(document.paths) ? document.paths : {});
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const used = referencedSchemas(paths, schemas);
  const kept = Object.entries(schemas).filter(([name]) => used.has(name));
  return {
    ...document,
    paths,
    components: { ...components, schemas: Object.fromEntries(kept) },
  } as Partial<OpenAPIV3.Document>;
};
