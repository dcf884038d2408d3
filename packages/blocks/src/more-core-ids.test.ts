import { describe, expect, it } from 'vitest';
import { moreCoreBlocks } from './more-core';

/**
 * Ids copied from the catalogue (autogpt-blocks.md §1.2-§1.7). Saved graphs name blocks only by id, so a typo
 * here or in a block breaks every imported agent that uses it.
 */
const expectedIds: Record<string, string> = {
  UniversalTypeConverterBlock: '95d1b990-ce13-4d88-9737-ba5c2070c97b',
  ReverseListOrderBlock: '422cb708-3109-4277-bfe3-bc2ae5812777',
  RemoveFromDictionaryBlock: '46afe2ea-c613-43f8-95ff-6692c3ef6876',
  ReplaceDictionaryValueBlock: '27e31876-18b6-44f3-ab97-f6226d8b3889',
  DictionaryIsEmptyBlock: 'a3cf3f64-6bb9-4cc6-9900-608a0b3359b0',
  FindInListBlock: '5e2c6d0a-1e37-489f-b1d0-8e1812b23333',
  RemoveFromListBlock: 'd93c5a93-ac7e-41c1-ae5c-ef67e6e9b826',
  ReplaceListItemBlock: 'fbf62922-bea1-4a3d-8bac-23587f810b38',
  ListIsEmptyBlock: '896ed73b-27d0-41be-813c-c1c1dc856c03',
  ConcatenateListsBlock: '3cf9298b-5817-4141-9d80-7c2cc5199c8e',
  FlattenListBlock: 'cc45bb0f-d035-4756-96a7-fe3e36254b4d',
  InterleaveListsBlock: '9f616084-1d9f-4f8e-bc00-5b9d2a75cd75',
  ZipListsBlock: '0d0e684f-5cb9-4c4b-b8d1-47a0860e0c07',
  ListDifferenceBlock: '05309873-9d61-447e-96b5-b804e2511829',
  ListIntersectionBlock: 'b6eb08b6-dbe3-411b-b9b4-2508cb311a1f',
  TextDecoderBlock: '2570e8fe-8447-43ed-84c7-70d657923231',
  TextEncoderBlock: '5185f32e-4b65-4ecf-8fbb-873f003f09d6',
  CodeExtractionBlock: 'd3a7d896-3b78-4f44-8b4b-48fbf4f0bcd8',
  WordCharacterCountBlock: 'ab2a782d-22cf-4587-8a70-55b59b3f9f90',
  GetCurrentTimeBlock: 'a892b8d9-3e4e-4e9c-9c1e-75f8efcf1bfa',
  GetCurrentDateBlock: 'b29c1b50-5d0e-4d9f-8f9d-1b0e6fcbf0b1',
  GetCurrentDateAndTimeBlock: '716a67b3-6760-42e7-86dc-18645c6e00fc',
  CountdownTimerBlock: 'd67a9c52-5e4e-11e2-bcfd-0800200c9a71',
  DataSamplingBlock: '4a448883-71fa-49cf-91cf-70d793bd7d87',
  JSONEncoderBlock: '9a9d20c5-5b4d-4e94-8022-83b6cb72648a',
  JSONDecoderBlock: '2b935639-65bc-48fd-9f88-823cd706fcd9',
  XMLParserBlock: '286380af-9529-4b55-8be0-1d7c854abdb5',
  ReadSpreadsheetBlock: 'acf7625e-d2cb-4941-bfeb-2819fc6fc015',
  PersistInformationBlock: '1d055e55-a2b9-4547-8311-907d05b0304d',
  RetrieveInformationBlock: 'd8710fc9-6e29-481e-a7d5-165eb16f8471',
};

describe('more core blocks', () => {
  it.each(Object.entries(expectedIds))('%s keeps its AutoGPT id', (name, id) => {
    expect(moreCoreBlocks.find((block) => block.name === name)?.id).toBe(id);
  });

  it('are exactly these blocks', () => {
    expect(moreCoreBlocks.map((block) => block.name).sort()).toEqual(Object.keys(expectedIds).sort());
  });

  it('mark only RetrieveInformation as static', () => {
    const staticNames = moreCoreBlocks.filter((block) => block.staticOutput).map((block) => block.name);
    expect(staticNames).toEqual(['RetrieveInformationBlock']);
  });
});
