import { describe, expect, it } from 'vitest';
import { providerBlocks } from './index';

/**
 * Block ids copied from the catalogue (autogpt-blocks.md §1.11). Saved graphs refer to blocks only by id, so
 * a typo here or in a block breaks every imported agent that uses it.
 */
const expectedIds: Record<string, string> = {
  SearchTheWebBlock: '87840993-2053-44b7-8da4-187ad4ee518c',
  ExtractWebsiteContentBlock: '436c3984-57fd-4b85-8e9a-459b356883bd',
  TranscribeYouTubeVideoBlock: 'f3a8f7e1-4b1d-4e5f-9f2a-7c3d5a2e6b4c',
  IdeogramModelBlock: '6ab085e2-20b3-4055-bc3e-08036e01eca6',
  ReplicateFluxAdvancedModelBlock: '90f8c45e-e983-4644-aa0b-b4ebe2f531bc',
  PublishToMediumBlock: '3f7b2dcb-4a78-4e3f-b0f1-88132e1b89df',
};

/** The credentials providers each block asks for, as the agents' `credentials_input_schema` names them. */
const expectedProviders: Record<string, string[]> = {
  SearchTheWebBlock: ['jina'],
  ExtractWebsiteContentBlock: ['jina'],
  TranscribeYouTubeVideoBlock: ['webshare_proxy'],
  IdeogramModelBlock: ['ideogram'],
  ReplicateFluxAdvancedModelBlock: ['replicate'],
  PublishToMediumBlock: ['medium'],
};

describe('provider block ids', () => {
  it('registers exactly the expected blocks', () => {
    expect(Object.fromEntries(providerBlocks.map((block) => [block.name, block.id]))).toEqual(expectedIds);
  });

  it.each(Object.entries(expectedProviders))('%s asks for %j credentials', (name, providers) => {
    const block = providerBlocks.find((candidate) => candidate.name === name);
    expect(block?.credentialsInfo.credentials?.providers).toEqual(providers);
  });
});
