import { createBlockRegistry, type AnyBlock, type BlockRegistry } from '@blockloom/sdk';
import { agentExecutorBlock } from './agent/agent-executor';
import { noteBlock } from './basic/note';
import { printToConsoleBlock } from './basic/print-to-console';
import { storeValueBlock } from './basic/store-value';
import { addToDictionaryBlock } from './data/add-to-dictionary';
import { addToListBlock } from './data/add-to-list';
import { createDictionaryBlock } from './data/create-dictionary';
import { createListBlock } from './data/create-list';
import { findInDictionaryBlock } from './data/find-in-dictionary';
import { getListItemBlock } from './data/get-list-item';
import { agentDateInputBlock } from './io/agent-date-input';
import { agentDropdownInputBlock } from './io/agent-dropdown-input';
import { agentFileInputBlock } from './io/agent-file-input';
import { agentInputBlock } from './io/agent-input';
import { agentLongTextInputBlock } from './io/agent-long-text-input';
import { agentNumberInputBlock } from './io/agent-number-input';
import { agentOutputBlock } from './io/agent-output';
import { agentShortTextInputBlock } from './io/agent-short-text-input';
import { agentTableInputBlock } from './io/agent-table-input';
import { agentTimeInputBlock } from './io/agent-time-input';
import { agentToggleInputBlock } from './io/agent-toggle-input';
import { calculatorBlock } from './logic/calculator';
import { conditionBlock } from './logic/condition';
import { countItemsBlock } from './logic/count-items';
import { ifInputMatchesBlock } from './logic/if-input-matches';
import { stepThroughItemsBlock } from './logic/step-through-items';
import { combineTextsBlock } from './text/combine-texts';
import { extractTextInformationBlock } from './text/extract-text-information';
import { fillTextTemplateBlock } from './text/fill-text-template';
import { matchTextPatternBlock } from './text/match-text-pattern';
import { textReplaceBlock } from './text/text-replace';
import { textSplitBlock } from './text/text-split';
import { integrationBlocks } from './integrations/index';
import { llmBlocks } from './llm/index';
import { moreCoreBlocks } from './more-core';
import { providerBlocks } from './providers/index';
import { webBlocks } from './web/index';

export {
  agentInputBlock,
  agentShortTextInputBlock,
  agentLongTextInputBlock,
  agentNumberInputBlock,
  agentDateInputBlock,
  agentTimeInputBlock,
  agentFileInputBlock,
  agentDropdownInputBlock,
  agentToggleInputBlock,
  agentTableInputBlock,
  agentOutputBlock,
  agentExecutorBlock,
  noteBlock,
  storeValueBlock,
  printToConsoleBlock,
  calculatorBlock,
  conditionBlock,
  ifInputMatchesBlock,
  stepThroughItemsBlock,
  countItemsBlock,
  fillTextTemplateBlock,
  combineTextsBlock,
  textSplitBlock,
  textReplaceBlock,
  matchTextPatternBlock,
  extractTextInformationBlock,
  findInDictionaryBlock,
  addToDictionaryBlock,
  createDictionaryBlock,
  addToListBlock,
  createListBlock,
  getListItemBlock,
};

/** Every built-in block that needs no third-party credentials, grouped as the catalogue groups them. */
/** The first set of core blocks (the foundation issue). */
export const foundationBlocks: readonly AnyBlock[] = [
  // Graph input and output (catalogue §1.1)
  agentInputBlock,
  agentShortTextInputBlock,
  agentLongTextInputBlock,
  agentNumberInputBlock,
  agentDateInputBlock,
  agentTimeInputBlock,
  agentFileInputBlock,
  agentDropdownInputBlock,
  agentToggleInputBlock,
  agentTableInputBlock,
  agentOutputBlock,
  // Basic (§1.2)
  noteBlock,
  storeValueBlock,
  printToConsoleBlock,
  // Dictionaries and lists (§1.3)
  createDictionaryBlock,
  addToDictionaryBlock,
  findInDictionaryBlock,
  createListBlock,
  addToListBlock,
  getListItemBlock,
  // Text (§1.4)
  matchTextPatternBlock,
  extractTextInformationBlock,
  fillTextTemplateBlock,
  combineTextsBlock,
  textSplitBlock,
  textReplaceBlock,
  // Logic (§1.6)
  calculatorBlock,
  countItemsBlock,
  conditionBlock,
  ifInputMatchesBlock,
  stepThroughItemsBlock,
  // Agents (§1.10)
  agentExecutorBlock,
];

/** Every built-in block. */
export const coreBlocks: readonly AnyBlock[] = [
  ...foundationBlocks,
  ...moreCoreBlocks,
  ...webBlocks,
  ...providerBlocks,
  ...llmBlocks,
  ...integrationBlocks,
];

/** A registry holding the core blocks; throws if two share an id or a name. */
export function createCoreRegistry(): BlockRegistry {
  return createBlockRegistry(coreBlocks);
}

export {
  platformProviders,
  platformCredentialsFromEnv,
  platformCredentialsId,
  providerBaseUrl,
  ollamaBaseUrl,
  type PlatformProvider,
} from './platform/providers';
export { runFileDir } from './web/media';
