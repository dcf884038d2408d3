import { describe, expect, it } from 'vitest';
import { createCoreRegistry, foundationBlocks } from './index';

/**
 * Block ids copied from the catalogue (autogpt-blocks.md §1). Saved graphs refer to blocks only by id, so a
 * typo here or in a block breaks every imported agent that uses it.
 */
const expectedIds: Record<string, string> = {
  AgentInputBlock: 'c0a8e994-ebf1-4a9c-a4d8-89d09c86741b',
  AgentShortTextInputBlock: '7fcd3bcb-8e1b-4e69-903d-32d3d4a92158',
  AgentLongTextInputBlock: '90a56ffb-7024-4b2b-ab50-e26c5e5ab8ba',
  AgentNumberInputBlock: '96dae2bb-97a2-41c2-bd2f-13a3b5a8ea98',
  AgentDateInputBlock: '7e198b09-4994-47db-8b4d-952d98241817',
  AgentTimeInputBlock: '2a1c757e-86cf-4c7e-aacf-060dc382e434',
  AgentFileInputBlock: '95ead23f-8283-4654-aef3-10c053b74a31',
  AgentDropdownInputBlock: '655d6fdf-a334-421c-b733-520549c07cd1',
  AgentToggleInputBlock: 'cbf36ab5-df4a-43b6-8a7f-f7ed8652116e',
  AgentTableInputBlock: '5603b273-f41e-4020-af7d-fbc9c6a8d928',
  AgentOutputBlock: '363ae599-353e-4804-937e-b2ee3cef3da4',
  AgentExecutorBlock: 'e189baac-8c20-45a1-94a7-55177ea42565',
  NoteBlock: 'cc10ff7b-7753-4ff2-9af6-9399b1a7eddc',
  StoreValueBlock: '1ff065e9-88e8-4358-9d82-8dc91f622ba9',
  PrintToConsoleBlock: 'f3b1c1b2-4c4f-4f0d-8d2f-4c4f0d8d2f4c',
  CalculatorBlock: 'b1ab9b19-67a6-406d-abf5-2dba76d00c79',
  ConditionBlock: '715696a0-e1da-45c8-b209-c2fa9c3b0be6',
  IfInputMatchesBlock: '6dbbc4b3-ca6c-42b6-b508-da52d23e13f2',
  StepThroughItemsBlock: 'f66a3543-28d3-4ab5-8945-9b336371e2ce',
  CountItemsBlock: '3c9c2f42-b0c3-435f-ba35-05f7a25c772a',
  FillTextTemplateBlock: 'db7d8f02-2f44-4c55-ab7a-eae0941f0c30',
  CombineTextsBlock: 'e30a4d42-7b7d-4e6a-b36e-1f9b8e3b7d85',
  TextSplitBlock: 'd5ea33c8-a575-477a-b42f-2fe3be5055ec',
  TextReplaceBlock: '7e7c87ab-3469-4bcc-9abe-67705091b713',
  MatchTextPatternBlock: '3060088f-6ed9-4928-9ba7-9c92823a7ccd',
  ExtractTextInformationBlock: '3146e4fe-2cdd-4f29-bd12-0c9d5bb4deb0',
  FindInDictionaryBlock: '0e50422c-6dee-4145-83d6-3a5a392f65de',
  AddToDictionaryBlock: '31d1064e-7446-4693-a7d4-65e5ca1180d1',
  CreateDictionaryBlock: 'b924ddf4-de4f-4b56-9a85-358930dcbc91',
  AddToListBlock: 'aeb08fc1-2fc1-4141-bc8e-f758f183a822',
  CreateListBlock: 'a912d5c7-6e00-4542-b2a9-8034136930e4',
  GetListItemBlock: '262ca24c-1025-43cf-a578-534e23234e97',
};

describe('block ids', () => {
  const registry = createCoreRegistry();

  it.each(Object.entries(expectedIds))('%s has its AutoGPT id', (name, id) => {
    expect(registry.get(id)?.name).toBe(name);
  });

  it('the foundation set is exactly the blocks listed here', () => {
    expect(foundationBlocks.map((block) => block.name).sort()).toEqual(Object.keys(expectedIds).sort());
  });
});
