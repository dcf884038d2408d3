import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAKE_LLM_MARK } from '../../../scripts/compat/fake-llm';
import { FAKE_VIDEO_IDS, TRANSCRIPT_MARK } from '../../../scripts/compat/fake-providers';
import { runCompatAgents, type CompatRow, type RunReport } from '../../../scripts/compat/run-agents';

/**
 * The facts docs/COMPATIBILITY.md's agents table states, asserted on real runs of the 16 AutoGPT agents with
 * every provider on loopback fakes (scripts/compat/).
 */

const agentsDir = resolve(import.meta.dirname, '../../../../shared/compat/agents');
const DISCORD = 'discord-bot-chat-to-llm_v5.json';
const TESTING = 'testing-agent.json';
const BLOG = 'ai-youtube-to-blog-converter.json';
/** The blog converter's XMLParser node: the only node of all runs allowed to fail (its error is routed). */
const BLOG_XML_NODE = 'ffdcd234-9c01-4576-8768-b1f092f4b3bb';

let rows: CompatRow[] = [];
beforeAll(async () => {
  rows = await runCompatAgents(agentsDir, { timeoutMs: 60_000 });
}, 300_000);

function row(file: string): CompatRow {
  const found = rows.find((candidate) => candidate.file === file);
  if (!found) throw new Error(`no row for ${file}`);
  return found;
}

function completed(file: string): RunReport {
  const run = row(file).run;
  expect(run?.status, `${file}: ${JSON.stringify(run?.failedNodes)}`).toBe('COMPLETED');
  return run as RunReport;
}

/** The single value of a graph output, as text. */
function text(file: string, output: string): string {
  const values = completed(file).outputs[output];
  expect(values, `${file} output "${output}"`).toHaveLength(1);
  expect(typeof values?.[0]).toBe('string');
  return values?.[0] as string;
}

const runnable = () => rows.filter((r) => r.file !== DISCORD && r.file !== TESTING).map((r) => r.file);

describe('the 16 AutoGPT agents, run with every provider on loopback', () => {
  it('covers all 16 files; every one parses and round-trips', () => {
    expect(rows).toHaveLength(16);
    for (const r of rows) {
      expect(r.parses, r.file).toBe(true);
      expect(r.roundTrips, `${r.file}: ${r.roundTripProblem}`).toBe(true);
    }
  });

  it('validates every agent but the Discord one, which names exactly its two legacy blocks', () => {
    for (const r of rows.filter((candidate) => candidate.file !== DISCORD)) {
      expect(r.issues, r.file).toEqual([]);
      expect(r.validates, r.file).toBe(true);
    }
    const discord = row(DISCORD);
    expect(discord.validates).toBe(false);
    expect(discord.missingBlocks).toEqual([
      'legacy block d3f4g5h6-1i2j-3k4l-5m6n-7o8p9q0r1s2t (the Discord reader; not in AutoGPT either)',
      'legacy block h1i2j3k4-5l6m-7n8o-9p0q-r1s2t3u4v5w6 (the Discord sender; not in AutoGPT either)',
    ]);
    expect(discord.issues).toHaveLength(2);
    expect(discord.run).toBeUndefined();
  });

  it('runs every agent that validates to COMPLETED, except the fixture without inputs, which is refused', () => {
    expect(runnable()).toHaveLength(14);
    for (const file of runnable()) completed(file);
    const testing = row(TESTING).run;
    expect(testing?.status).toBe('REFUSED');
    expect(testing?.reason).toBe('operation, a, b: This field is required (node c5e2d556)');
  });

  it('leaves no failed node unexplained: only the blog converter’s XMLParser fails, into its Error output', () => {
    for (const file of runnable()) {
      const run = completed(file);
      const expected =
        file === BLOG
          ? [
              {
                nodeId: BLOG_XML_NODE,
                block: 'XMLParserBlock',
                error: 'More than one root element: <blog_post>',
                routed: true,
              },
            ]
          : [];
      expect(run.failedNodes, file).toEqual(expected);
      const failedOrErrored = run.nodes.filter(
        (node) => node.status !== 'COMPLETED' || node.outputs.error !== undefined,
      );
      expect(
        failedOrErrored.map((node) => node.nodeId),
        file,
      ).toEqual(expected.map((node) => node.nodeId));
    }
  });

  it('calculator: Input 8 gives Output [42]', () => {
    expect(completed('calculator-agent.json').outputs).toEqual({ Output: [42] });
  });

  it('text agents output the fake model’s reply to their own filled-in prompts', () => {
    expect(text('ai-function.json', 'return')).toBe(`${FAKE_LLM_MARK} 3`);
    expect(text('win-back-email-writer.json', 'Win-back Email')).toContain('Dana, a designer');
    expect(text('lifecycle-email-sequence-builder.json', 'Email Sequence')).toContain('shared calendar app');
    expect(text('financial-advisor.json', 'Advice')).toContain('Client Country: Canada');
    expect(text('financial-advisor.json', 'Your Situation')).toContain('Expenses: 40000');
    expect(text('financial-analyst.json', 'Advice')).toContain('Client Country: Germany');
    expect(text('ai-webpage-copy-improver.json', 'Original Page Analysis')).toContain(FAKE_LLM_MARK);
    expect(text('ai-webpage-copy-improver.json', 'Improved Webpage Copy')).toContain('https://agpt.co');
    for (const [file, output] of [
      ['win-back-email-writer.json', 'Win-back Email'],
      ['lifecycle-email-sequence-builder.json', 'Email Sequence'],
      ['financial-advisor.json', 'Advice'],
      ['financial-analyst.json', 'Advice'],
      ['ai-webpage-copy-improver.json', 'Improved Webpage Copy'],
    ] as const) {
      expect(text(file, output).startsWith(FAKE_LLM_MARK), file).toBe(true);
    }
  });

  it('email finder: the address the model tagged, taken from the search results', () => {
    expect(completed('email-address-finder.json').outputs).toEqual({ Email: ['contact@example.com'] });
  });

  it('image agents output the image URLs the fake Ideogram and Replicate returned', () => {
    const posters = completed('unspirational-poster-maker.json').outputs['Generated Image'] ?? [];
    expect(posters).toHaveLength(4);
    for (const url of posters)
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ephemeral\/image-[1-4]\.png$/);
    expect(new Set(posters).size).toBe(4);
    expect(text('flux-ai-image-generator.json', 'Generated Image')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/delivery\/flux\.png$/,
    );
  });

  it('YouTube to LinkedIn: the post quotes the video’s transcript', () => {
    const post = text('youtube-to-linkedin-post-converter.json', 'LinkedIn Post');
    expect(post).toContain(FAKE_LLM_MARK);
    expect(post).toContain(`Video KWonAsyKF3g: ${TRANSCRIPT_MARK}`);
  });

  it('transcription scraper: collects the transcripts of the first 3 videos the model listed', () => {
    const transcripts = completed('youtube-transcription-scraper.json').outputs.Transcripts;
    expect(transcripts).toHaveLength(1);
    const [list] = transcripts as [unknown[]];
    expect(list[0]).toBe('Youtube Transcripts');
    expect(list).toHaveLength(4);
    const videos = list.slice(1).map((entry) => {
      expect(entry).toContain(TRANSCRIPT_MARK);
      return /^Video ([\w-]{11}):/.exec(String(entry))?.[1];
    });
    expect([...videos].sort()).toEqual(FAKE_VIDEO_IDS.slice(0, 3));
  });

  it('blog converter: the transcript reaches the analysis, then XMLParser rejects the three-root answer', () => {
    const run = completed(BLOG);
    expect(run.outputs).toEqual({ Error: ['More than one root element: <blog_post>'] });
    const analysis = run.nodes.find((node) => node.nodeId.startsWith('1806c84c'));
    expect(String(analysis?.outputs.response?.[0])).toContain(TRANSCRIPT_MARK);
    const writer = run.nodes.find((node) => node.nodeId.startsWith('2b85cb39'));
    expect(String(writer?.outputs.response?.[0])).toMatch(/^<title>.*<\/title>\n<blog_post>/);
  });

  it('Medium blogger: publishes the generated post and gets its URL back', () => {
    const run = completed('medium-blogger_v28.json');
    expect(run.outputs).toEqual({});
    const publish = run.nodes.find((node) => node.block === 'PublishToMediumBlock');
    expect(publish?.status).toBe('COMPLETED');
    expect(publish?.outputs.post_url).toEqual(['https://medium.com/@writer/post-1']);
    // The title Medium got is the one the structured LLM answer carried under its TITLE key.
    const title = run.nodes.find((node) => node.block === 'FindInDictionaryBlock' && node.outputs.output);
    expect(String(title?.outputs.output?.[0])).toContain(FAKE_LLM_MARK);
  });
});
