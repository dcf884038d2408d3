/**
 * Closed sets shared with AutoGPT's wire format (internals §1.2). Each list is the single source of truth for
 * its type; schemas, SQL checks and the UI derive from it.
 */

/** `BlockType` values, sent to the UI as `uiType`. */
export const blockTypes = [
  'Standard',
  'Input',
  'Output',
  'Note',
  'Webhook',
  'Webhook (manual)',
  'Agent',
  'AI',
  'Ayrshare',
  'Human In The Loop',
  'MCP Tool',
] as const;
export type BlockType = (typeof blockTypes)[number];

/** `BlockCategory` names and the human text serialised beside them. */
export const blockCategories = {
  AI: 'Block that leverages AI to perform a task.',
  SOCIAL: 'Block that interacts with social media platforms.',
  TEXT: 'Block that processes text data.',
  SEARCH: 'Block that searches or extracts information from the internet.',
  BASIC: 'Block that performs basic operations.',
  INPUT: 'Block that interacts with input of the graph.',
  OUTPUT: 'Block that interacts with output of the graph.',
  LOGIC: 'Programming logic to control the flow of your agent.',
  COMMUNICATION: 'Block that interacts with communication platforms.',
  DEVELOPER_TOOLS: 'Developer tools such as GitHub blocks.',
  DATA: 'Block that interacts with structured data.',
  HARDWARE: 'Block that interacts with hardware.',
  AGENT: 'Block that interacts with other agents.',
  CRM: 'Block that interacts with CRM services.',
  SAFETY: 'Block that provides AI safety mechanisms such as detecting harmful content.',
  PRODUCTIVITY: 'Block that helps with productivity.',
  ISSUE_TRACKING: 'Block that helps with issue tracking.',
  MULTIMEDIA: 'Block that interacts with multimedia content.',
  MARKETING: 'Block that helps with marketing.',
} as const;
export type BlockCategory = keyof typeof blockCategories;

export const blockCostTypes = ['run', 'byte', 'second', 'items', 'cost_usd', 'tokens'] as const;
export type BlockCostType = (typeof blockCostTypes)[number];

export const credentialsTypes = ['api_key', 'oauth2', 'user_password', 'host_scoped'] as const;
export type CredentialsType = (typeof credentialsTypes)[number];

/** Block types whose output schema has no automatic `error` pin (they derive from plain `BlockSchema`). */
export const blockTypesWithoutErrorPin: readonly BlockType[] = ['Input', 'Output', 'Agent'];
