import type { AnyBlock } from '@blockloom/sdk';
import { ideogramModelBlock } from './ideogram/ideogram-model';
import { extractWebsiteContentBlock } from './jina/extract-website-content';
import { searchTheWebBlock } from './jina/search-the-web';
import { publishToMediumBlock } from './medium/publish-to-medium';
import { replicateFluxAdvancedModelBlock } from './replicate/flux-advanced-model';
import { transcribeYouTubeVideoBlock } from './youtube/transcribe-youtube-video';

export {
  searchTheWebBlock,
  extractWebsiteContentBlock,
  transcribeYouTubeVideoBlock,
  ideogramModelBlock,
  replicateFluxAdvancedModelBlock,
  publishToMediumBlock,
};

/** Blocks for third-party providers (Jina, YouTube, Ideogram, Replicate, Medium), each against its documented HTTP API. */
export const providerBlocks: readonly AnyBlock[] = [
  searchTheWebBlock,
  extractWebsiteContentBlock,
  transcribeYouTubeVideoBlock,
  ideogramModelBlock,
  replicateFluxAdvancedModelBlock,
  publishToMediumBlock,
];
