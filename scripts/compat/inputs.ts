/**
 * The graph inputs each agent is run with: realistic values a user would type (a YouTube link for the
 * YouTube agents, a topic for the writers). Agents absent here run with their inputs' own defaults.
 */

const video = 'https://www.youtube.com/watch?v=KWonAsyKF3g';

export const agentInputs: Readonly<Record<string, Record<string, unknown>>> = {
  'calculator-agent.json': { Input: 8 },
  'ai-function.json': {
    'Function Definition': 'def fake_people(n: int) -> list[dict]:',
    Arguments: '3',
    Description:
      'Generates n examples of fake data representing people, with a name, DoB, job title and age.',
  },
  'win-back-email-writer.json': {
    'Contact or Segment': 'Dana, a designer on the annual plan',
    'What Happened': 'Last logged in four months ago, after the export feature broke twice.',
    'The Offer': 'Two months free if she renews before the end of the month.',
    'Sender Name': 'Sam from Acme',
  },
  'lifecycle-email-sequence-builder.json': {
    Product: 'A shared calendar app for small clinics.',
    Audience: 'Clinic managers who signed up for the free trial this week.',
    'Sequence Type': 'onboarding',
  },
  'financial-advisor.json': {
    Country: 'Canada',
    Goal: 'Retire at 60 with a steady income',
    'Investment Capital': '50000',
    Income: '85000',
    Expenses: '40000',
  },
  'financial-analyst.json': {
    Country: 'Germany',
    Goal: 'Save for a house deposit in five years',
    'Investment Capital': '20000',
    Income: '60000',
    Expenses: '35000',
  },
  'unspirational-poster-maker.json': { Theme: 'Monday mornings' },
  'flux-ai-image-generator.json': { 'Image Subject': 'A lighthouse at dawn in a winter storm' },
  'ai-webpage-copy-improver.json': { 'Homepage URL': 'https://agpt.co' },
  'email-address-finder.json': { 'Business Name': 'Example Corp', Address: 'Berlin, Germany' },
  'youtube-to-linkedin-post-converter.json': {
    'Source YouTube Video': video,
    'Structure: How do you want to present your LinkedIn Post?': 'Lesson Learned',
    'Content: What is the main idea or message you want to convey.': 'Key Takeaways',
    'Tone: How do you want to express yourself in your post?': 'Conversational',
  },
  'ai-youtube-to-blog-converter.json': { 'YouTube URL': video, 'Blog Tone': 'Casual', 'Blog Length': '800' },
  'youtube-transcription-scraper.json': { 'Search Query': 'AutoGPT tutorial', 'Number of Videos': '3' },
};
