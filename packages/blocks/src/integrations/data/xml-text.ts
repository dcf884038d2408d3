/**
 * Writes dictionaries as XML in the shape XMLParserBlock reads (`formats/xml-tags.ts`): a dict key is an
 * element, a nested dict its children, a list repeats the element once per item, `#text` is the element's own
 * text, and an empty string or null is an empty element.
 */

export class XmlBuildError extends Error {}

/** XML 1.0 names, restricted to the characters the parser's tag pattern accepts. */
const namePattern = /^[A-Za-z_][\w.:-]*$/;
/** Where the parser puts an element's loose text next to its children. */
const TEXT_KEY = '#text';

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return escapeText(typeof value === 'string' ? value : String(value));
}

function checkName(name: string): void {
  if (!namePattern.test(name) || /^xml/i.test(name)) {
    throw new XmlBuildError(`"${name}" cannot be an XML tag name`);
  }
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface XmlStyle {
  /** Spaces per nesting level; 0 writes everything on one line. */
  indent: number;
}

interface Position {
  depth: number;
  style: XmlStyle;
}

function element(name: string, value: unknown, { depth, style }: Position): string[] {
  checkName(name);
  const pad = ' '.repeat(style.indent * depth);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (Array.isArray(item)) throw new XmlBuildError(`A list inside the list "${name}" has no XML form`);
      return element(name, item, { depth, style });
    });
  }
  if (!isDict(value)) {
    const text = scalarText(value);
    return [text ? `${pad}<${name}>${text}</${name}>` : `${pad}<${name}/>`];
  }
  const { [TEXT_KEY]: ownText, ...children } = value;
  const inner = Object.entries(children).flatMap(([child, childValue]) =>
    element(child, childValue, { depth: depth + 1, style }),
  );
  const text = ownText === undefined ? '' : scalarText(ownText);
  if (inner.length === 0) return [text ? `${pad}<${name}>${text}</${name}>` : `${pad}<${name}/>`];
  if (style.indent === 0) return [`<${name}>${text}${inner.join('')}</${name}>`];
  const textLine = text ? [`${' '.repeat(style.indent * (depth + 1))}${text}`] : [];
  return [`${pad}<${name}>`, ...textLine, ...inner, `${pad}</${name}>`];
}

/** The document for `data`: its single key is the root, or `rootTag` wraps everything. */
export function toXml(data: Record<string, unknown>, rootTag: string, style: XmlStyle): string {
  const keys = Object.keys(data);
  const useOwnRoot = !rootTag && keys.length === 1 && !Array.isArray(data[keys[0] as string]);
  const [name, value] = useOwnRoot ? [keys[0] as string, data[keys[0] as string]] : [rootTag || 'root', data];
  return element(name, value, { depth: 0, style }).join(style.indent === 0 ? '' : '\n');
}
