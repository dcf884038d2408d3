export * from './model';
export * from './issues';
export * from './pins';
export { parseGraph, parseGraphJson, linkKey, type ParseResult } from './parse';
export { findJsonError, type JsonErrorLocation } from './json-position';
export { createGraphIndex, type GraphIndex } from './graph-index';
export { nodeInputPins, nodeOutputPins } from './block-pins';
export { validateGraph, forceStaticLinks, startingNodes, type ValidateGraphOptions } from './validate';
export { graphInputSchema, graphOutputSchema, type GraphIoSchema } from './schemas';
export {
  credentialsInputKey,
  graphCredentialsInputSchema,
  nodeCredentialsFields,
  nodeCredentialsKeys,
  type CredentialsInputSchema,
  type NodeCredentialsField,
} from './credentials-schema';
export { stripSecrets, isSensitiveKey, sensitiveKeyParts } from './secrets';
export * from './export';
export * from './import';
