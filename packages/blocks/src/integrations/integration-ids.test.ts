import { describe, expect, it } from 'vitest';
import { integrationBlocks } from './index';

/**
 * AutoGPT's ids, copied from the catalogue (autogpt-blocks.md §1.11). Saved graphs refer to blocks only by
 * id, so a typo here or in a block breaks every imported agent that uses it.
 */
const autogptIds: Record<string, string> = {
  GetWikipediaSummaryBlock: 'f5b0f5d0-1862-4d61-94be-3ad0fa772760',
  ReadRSSFeedBlock: '5ebe6768-8e5d-41e3-9134-1c7bd89a8d52',
  PerplexityBlock: 'c8a5f2e9-8b3d-4a7e-9f6c-1d5e3c9b7a4f',
  CodeGenerationBlock: '86a2a099-30df-47b4-b7e4-34ae5f83e0d5',
  ReplicateModelBlock: 'c40d75a2-d0ea-44c9-a4f6-634bb3bdab1a',
  AIImageGeneratorBlock: 'ed1ae7a0-b770-4089-b520-1f0005fad19a',
  UnrealTextToSpeechBlock: '4ff1ff6d-cc40-4caa-ae69-011daa20c378',
  JinaChunkingBlock: '806fb15e-830f-4796-8692-557d300ff43c',
  JinaEmbeddingBlock: '7c56b3ab-62e7-43a2-a2dc-4ec4245660b6',
};

/** Blockloom's own blocks: ids generated once (UUID v4) and fixed forever. */
const blockloomIds: Record<string, string> = {
  GetGitHubIssueBlock: '5ee73f8d-47e0-4c38-a448-fea66626e155',
  CreateGitHubIssueBlock: 'dd82b13e-7471-4660-a0a9-40f657fc07dc',
  CommentOnGitHubIssueBlock: '7753e61c-cad7-4f78-98e3-e944f1ab981c',
  ListGitHubIssuesBlock: 'c00e40a0-4e04-4252-9af1-d905fa3afa2a',
  ListGitHubPullRequestsBlock: 'b6b20a9d-f2ba-4139-91c6-e4f119faa252',
  ReadGitHubFileBlock: 'b06c1a2a-1233-4962-922b-ed4666225e7f',
  SendSlackWebhookMessageBlock: 'c60cd367-5065-463a-ac3c-b8768c59e1d9',
  SendDiscordWebhookMessageBlock: '6a7ad8b1-9631-4ac8-838e-84d5b1679fca',
  SendTelegramMessageBlock: 'f6cfd8cb-4804-4b40-a302-9fc487b781bd',
  CreateCSVBlock: '0ea2aeda-89ea-457a-96f5-c743c09179ca',
  CreateXMLBlock: '3d0271b8-a5c7-4e22-88c8-0456d4b5dfb8',
  GetWeatherForecastBlock: '8cfab46f-74cd-431e-9448-b602c6025687',
  HackerNewsTopStoriesBlock: '1a34539d-9db3-45f6-a1fa-1655a0b30ae6',
  HackerNewsSearchBlock: 'b2f7e37b-3e17-4474-bb0f-46c633486a96',
  SearchWikipediaBlock: 'ca486889-18b5-41f5-91c8-c5b1373bf289',
  CreateGitHubPullRequestBlock: 'ebf5c66c-8d2c-4f7b-aaff-54f3bee0fa12',
  SendTelegramPhotoBlock: 'a4e7a5af-dcdc-4620-aad6-36c5d7e2d0af',
  CreateMarkdownTableBlock: 'b33d4533-0092-4a53-acd5-8905e75b19ad',
  GetExchangeRatesBlock: '0357aa7a-815a-47a7-a821-0d31e74f1562',
  GetGitHubPullRequestDiffBlock: '6a01c906-7ef0-4797-8471-d2525bef363a',
};

/** The credentials provider each block asks for (none for keyless APIs and webhook-URL blocks). */
const expectedProviders: Record<string, string[] | undefined> = {
  PerplexityBlock: ['open_router'],
  CodeGenerationBlock: ['openai'],
  ReplicateModelBlock: ['replicate'],
  AIImageGeneratorBlock: ['replicate'],
  UnrealTextToSpeechBlock: ['unreal_speech'],
  JinaChunkingBlock: ['jina'],
  JinaEmbeddingBlock: ['jina'],
  GetGitHubIssueBlock: ['github'],
  CreateGitHubIssueBlock: ['github'],
  CommentOnGitHubIssueBlock: ['github'],
  ListGitHubIssuesBlock: ['github'],
  ListGitHubPullRequestsBlock: ['github'],
  ReadGitHubFileBlock: ['github'],
  SendTelegramMessageBlock: ['telegram'],
  SendTelegramPhotoBlock: ['telegram'],
  CreateGitHubPullRequestBlock: ['github'],
  GetGitHubPullRequestDiffBlock: ['github'],
};

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('integration block ids', () => {
  it('registers exactly the expected blocks', () => {
    expect(Object.fromEntries(integrationBlocks.map((block) => [block.name, block.id]))).toEqual({
      ...autogptIds,
      ...blockloomIds,
    });
  });

  it('gives Blockloom’s own blocks UUID v4 ids and says so in their descriptions', () => {
    for (const name of Object.keys(blockloomIds)) {
      const block = integrationBlocks.find((candidate) => candidate.name === name);
      expect(block?.id).toMatch(uuidV4);
      expect(block?.description).toMatch(/^Blockloom block: /);
    }
  });

  it.each(integrationBlocks.map((block) => [block.name, block] as const))(
    '%s asks for the right credentials',
    (name, block) => {
      expect(block.credentialsInfo.credentials?.providers).toEqual(expectedProviders[name]);
      expect(block.credentialsFields).toEqual(expectedProviders[name] ? ['credentials'] : []);
    },
  );
});
