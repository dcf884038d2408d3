import { describe, expect, it } from 'vitest';
import { webBlocks } from './index';

/**
 * Ids of the web blocks. AutoGPT's blocks keep AutoGPT's ids (catalogue §1.2, §1.4, §1.8) so imported agents
 * find them; ExecuteJavaScriptBlock is Blockloom's own and its id, once chosen, never changes.
 */
const expectedIds: Record<string, string> = {
  SendWebRequestBlock: '6595ae1f-b924-42cb-9a41-551a0611c4b4',
  SendAuthenticatedWebRequestBlock: 'fff86bcd-e001-4bad-a7f6-2eae4720c8dc',
  FileStoreBlock: 'cbb50872-625b-42f0-8203-a2ae78242d8a',
  FileReadBlock: '3735a31f-7e18-4aca-9e90-08a7120674bc',
  ExecuteJavaScriptBlock: '641dba3a-a281-4c58-bec2-313ea9ddac1f',
};

describe('web block ids', () => {
  it('are exactly the blocks listed here, each with its id', () => {
    expect(Object.fromEntries(webBlocks.map((block) => [block.name, block.id]))).toEqual(expectedIds);
  });
});
