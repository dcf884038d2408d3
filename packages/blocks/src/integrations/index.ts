import type { AnyBlock } from '@blockloom/sdk';
import { getExchangeRatesBlock } from './currency/get-exchange-rates';
import { createCsvBlock } from './data/create-csv';
import { createMarkdownTableBlock } from './data/create-markdown-table';
import { createXmlBlock } from './data/create-xml';
import { commentOnGitHubIssueBlock } from './github/comment-on-github-issue';
import { createGitHubIssueBlock } from './github/create-github-issue';
import { createGitHubPullRequestBlock } from './github/create-github-pull-request';
import { getGitHubIssueBlock } from './github/get-github-issue';
import { getGitHubPullRequestDiffBlock } from './github/get-github-pull-request-diff';
import { listGitHubIssuesBlock } from './github/list-github-issues';
import { listGitHubPullRequestsBlock } from './github/list-github-pull-requests';
import { readGitHubFileBlock } from './github/read-github-file';
import { hackerNewsSearchBlock } from './hackernews/hacker-news-search';
import { hackerNewsTopStoriesBlock } from './hackernews/hacker-news-top-stories';
import { jinaChunkingBlock } from './jina/jina-chunking';
import { jinaEmbeddingBlock } from './jina/jina-embedding';
import { codeGenerationBlock } from './llm/code-generation';
import { perplexityBlock } from './llm/perplexity';
import { sendDiscordWebhookMessageBlock } from './messaging/send-discord-webhook-message';
import { sendSlackWebhookMessageBlock } from './messaging/send-slack-webhook-message';
import { sendTelegramMessageBlock } from './messaging/send-telegram-message';
import { sendTelegramPhotoBlock } from './messaging/send-telegram-photo';
import { aiImageGeneratorBlock } from './replicate/ai-image-generator';
import { replicateModelBlock } from './replicate/replicate-model';
import { readRssFeedBlock } from './rss/read-rss-feed';
import { unrealTextToSpeechBlock } from './unreal-speech/unreal-text-to-speech';
import { getWeatherForecastBlock } from './weather/get-weather-forecast';
import { getWikipediaSummaryBlock } from './wikipedia/get-wikipedia-summary';
import { searchWikipediaBlock } from './wikipedia/search-wikipedia';

export {
  getWikipediaSummaryBlock,
  readRssFeedBlock,
  perplexityBlock,
  codeGenerationBlock,
  replicateModelBlock,
  aiImageGeneratorBlock,
  unrealTextToSpeechBlock,
  jinaChunkingBlock,
  jinaEmbeddingBlock,
  getGitHubIssueBlock,
  createGitHubIssueBlock,
  commentOnGitHubIssueBlock,
  listGitHubIssuesBlock,
  listGitHubPullRequestsBlock,
  readGitHubFileBlock,
  sendSlackWebhookMessageBlock,
  sendDiscordWebhookMessageBlock,
  sendTelegramMessageBlock,
  createCsvBlock,
  createXmlBlock,
  getWeatherForecastBlock,
  hackerNewsTopStoriesBlock,
  hackerNewsSearchBlock,
  searchWikipediaBlock,
  createGitHubPullRequestBlock,
  sendTelegramPhotoBlock,
  createMarkdownTableBlock,
  getExchangeRatesBlock,
  getGitHubPullRequestDiffBlock,
};

/** Integration blocks beyond the compatibility agents' providers: search, media, messaging, developer tools. */
export const integrationBlocks: readonly AnyBlock[] = [
  // AutoGPT blocks (catalogue §1.11), same ids
  getWikipediaSummaryBlock,
  readRssFeedBlock,
  perplexityBlock,
  codeGenerationBlock,
  replicateModelBlock,
  aiImageGeneratorBlock,
  unrealTextToSpeechBlock,
  jinaChunkingBlock,
  jinaEmbeddingBlock,
  // Blockloom blocks (own ids)
  getGitHubIssueBlock,
  createGitHubIssueBlock,
  commentOnGitHubIssueBlock,
  listGitHubIssuesBlock,
  listGitHubPullRequestsBlock,
  readGitHubFileBlock,
  sendSlackWebhookMessageBlock,
  sendDiscordWebhookMessageBlock,
  sendTelegramMessageBlock,
  createCsvBlock,
  createXmlBlock,
  getWeatherForecastBlock,
  hackerNewsTopStoriesBlock,
  hackerNewsSearchBlock,
  searchWikipediaBlock,
  createGitHubPullRequestBlock,
  sendTelegramPhotoBlock,
  createMarkdownTableBlock,
  getExchangeRatesBlock,
  getGitHubPullRequestDiffBlock,
];
