/**
 * A small, tolerant reader for RSS 2.0 (and 0.9x/1.0 items) and Atom 1.0 feeds: it finds each `<item>` or
 * `<entry>` and reads the few fields ReadRSSFeedBlock passes on. Feeds in the wild are often not well-formed
 * XML, so this looks for elements by name rather than building a full document tree.
 */

export interface FeedEntry {
  title: string;
  link: string;
  description: string;
  /** ISO 8601, or null when the entry carries no readable date. */
  pub_date: string | null;
  author: string;
  categories: string[];
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return entities[name] ?? whole;
    const code = name.startsWith('#x')
      ? Number.parseInt(name.slice(2), 16)
      : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Element text: CDATA sections kept verbatim, everything else entity-decoded, then trimmed. */
function textOf(inner: string): string {
  let out = '';
  let rest = inner;
  for (;;) {
    const start = rest.indexOf('<![CDATA[');
    if (start === -1) break;
    const end = rest.indexOf(']]>', start);
    out += decodeEntities(rest.slice(0, start)) + rest.slice(start + 9, end === -1 ? undefined : end);
    rest = end === -1 ? '' : rest.slice(end + 3);
  }
  return (out + decodeEntities(rest)).trim();
}

function escapeName(name: string): string {
  return name.replace(/[.:-]/g, (char) => `\\${char}`);
}

interface Element {
  attributes: Record<string, string>;
  inner: string;
}

/** Every `<name …>…</name>` or `<name …/>` directly in `xml` (the name matched exactly, namespace included). */
function elements(xml: string, name: string): Element[] {
  const tag = escapeName(name);
  const pattern = new RegExp(`<${tag}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${tag}\\s*>)`, 'g');
  return [...xml.matchAll(pattern)].map((match) => ({
    attributes: attributesOf(match[1] ?? ''),
    inner: match[2] ?? '',
  }));
}

function attributesOf(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    found[match[1] as string] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return found;
}

/** The text of the first of `names` present and non-empty. */
function firstText(xml: string, ...names: string[]): string {
  for (const name of names) {
    const element = elements(xml, name)[0];
    const text = element ? textOf(element.inner) : '';
    if (text) return text;
  }
  return '';
}

function isoDate(text: string): string | null {
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function rssItem(xml: string): FeedEntry {
  return {
    title: firstText(xml, 'title'),
    link: firstText(xml, 'link') || firstText(xml, 'guid'),
    description: firstText(xml, 'description', 'content:encoded'),
    pub_date: isoDate(firstText(xml, 'pubDate', 'dc:date')),
    author: firstText(xml, 'author', 'dc:creator'),
    categories: elements(xml, 'category')
      .map((element) => textOf(element.inner))
      .filter(Boolean),
  };
}

/** Atom links are attributes; the entry's own page is rel="alternate" (the default when rel is absent). */
function atomLink(xml: string): string {
  const links = elements(xml, 'link');
  const alternate = links.find((link) => (link.attributes.rel ?? 'alternate') === 'alternate');
  return (alternate ?? links[0])?.attributes.href ?? '';
}

function atomEntry(xml: string): FeedEntry {
  const author = elements(xml, 'author')[0];
  return {
    title: firstText(xml, 'title'),
    link: atomLink(xml),
    description: firstText(xml, 'summary', 'content'),
    pub_date: isoDate(firstText(xml, 'published', 'updated')),
    author: author ? firstText(author.inner, 'name') || textOf(author.inner) : '',
    categories: elements(xml, 'category')
      .map((element) => element.attributes.term ?? textOf(element.inner))
      .filter(Boolean),
  };
}

export class FeedParseError extends Error {}

/** The entries of a feed in document order; throws `FeedParseError` when the text is no RSS or Atom feed. */
export function parseFeed(xml: string): FeedEntry[] {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
  if (/<(rss|rdf:RDF)[\s>]/.test(withoutComments)) {
    return elements(withoutComments, 'item').map((item) => rssItem(item.inner));
  }
  if (/<feed[\s>]/.test(withoutComments)) {
    return elements(withoutComments, 'entry').map((entry) => atomEntry(entry.inner));
  }
  throw new FeedParseError('The document is neither an RSS nor an Atom feed');
}
