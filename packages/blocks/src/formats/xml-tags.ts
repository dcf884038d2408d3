/**
 * A lenient tag reader for XMLParserBlock (catalogue §1.7; AutoGPT uses the `gravitasml` tokenizer): it
 * reads the tags an LLM writes into nested dictionaries, `<a><b>x</b></a>` → `{a: {b: "x"}}`. Attributes,
 * comments, processing instructions and doctypes are skipped; a `<` that doesn't start a tag is text.
 */

export class XmlTagError extends Error {}

/** The 10 MB cap of the newest AutoGPT version. */
export const MAX_XML_CHARS = 10 * 1024 * 1024;

type Token =
  | { kind: 'open'; name: string; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const tagPattern = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^<>]*?)?)\s*(\/?)>/y;
const skipped: [string, string][] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
  ['<!', '>'],
];

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return entities[name] ?? whole;
    const code = name.startsWith('#x')
      ? Number.parseInt(name.slice(2), 16)
      : Number.parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole; // an impossible character stays as written
  });
}

function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text: decodeEntities(text) });
    text = '';
  };
  while (i < xml.length) {
    const special = xml[i] === '<' ? skipped.find(([start]) => xml.startsWith(start, i)) : undefined;
    if (special) {
      const end = xml.indexOf(special[1], i + special[0].length);
      const stop = end === -1 ? xml.length : end + special[1].length;
      if (special[0] === '<![CDATA[') text += xml.slice(i + special[0].length, end === -1 ? xml.length : end);
      i = stop;
      continue;
    }
    tagPattern.lastIndex = i;
    const tag = xml[i] === '<' ? tagPattern.exec(xml) : null;
    if (!tag) {
      text += xml[i];
      i += 1;
      continue;
    }
    flush();
    const [whole, slash, name = '', , selfClose] = tag;
    tokens.push(slash ? { kind: 'close', name } : { kind: 'open', name, selfClosing: selfClose === '/' });
    i += whole.length;
  }
  flush();
  return tokens;
}

interface Element {
  name: string;
  children: [string, unknown][];
  text: string;
}

function valueOf(element: Element): unknown {
  if (element.children.length === 0) return element.text.trim();
  // A Map, then fromEntries: a tag named `__proto__` must become a key, not a prototype.
  const out = new Map<string, unknown>();
  for (const [name, value] of element.children) {
    // An element's value is text or a dictionary, so a list here can only be one made for repeated tags.
    const existing = out.get(name);
    if (!out.has(name)) out.set(name, value);
    else if (Array.isArray(existing)) existing.push(value);
    else out.set(name, [existing, value]);
  }
  // Text beside child elements is kept rather than lost.
  if (element.text.trim()) out.set('#text', element.text.trim());
  return Object.fromEntries(out);
}

/**
 * Parses tagged text into `{root: value}`. An element holding only text becomes that text (trimmed);
 * one holding elements becomes a dictionary of them, repeated tags as a list. Exactly one root element is
 * required, with nothing but whitespace around it.
 */
export function parseTags(xml: string): Record<string, unknown> {
  if (xml.length > MAX_XML_CHARS) throw new XmlTagError(`Input is larger than ${MAX_XML_CHARS} characters`);
  const stack: Element[] = [];
  let root: Record<string, unknown> | undefined;
  for (const token of tokenize(xml)) {
    const parent = stack.at(-1);
    if (token.kind === 'text') {
      if (parent) parent.text += token.text;
      else if (token.text.trim())
        throw new XmlTagError(`Text outside the root element: "${token.text.trim().slice(0, 40)}"`);
      continue;
    }
    if (token.kind === 'open') {
      if (!parent && root) throw new XmlTagError(`More than one root element: <${token.name}>`);
      const element: Element = { name: token.name, children: [], text: '' };
      if (!token.selfClosing) {
        stack.push(element);
        continue;
      }
      if (parent) parent.children.push([element.name, valueOf(element)]);
      else root = { [element.name]: valueOf(element) };
      continue;
    }
    const open = stack.pop();
    if (!open) throw new XmlTagError(`Closing tag </${token.name}> without an opening tag`);
    if (open.name !== token.name)
      throw new XmlTagError(`Closing tag </${token.name}> does not match <${open.name}>`);
    const value = valueOf(open);
    const outer = stack.at(-1);
    if (outer) outer.children.push([open.name, value]);
    else root = { [open.name]: value };
  }
  const unclosed = stack.at(-1);
  if (unclosed) throw new XmlTagError(`Unclosed tag <${unclosed.name}>`);
  if (!root) throw new XmlTagError('No root element found');
  return root;
}
