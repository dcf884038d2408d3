/**
 * Python `re` patterns compiled to JavaScript RegExps, so AutoGPT graphs keep matching what they matched.
 *
 * Translated: `(?P<name>…)`, `(?P=name)`, `(?#comment)`, leading inline flags `(?imsxa)`, `\A`, `\Z`,
 * `\U0001F600`, `\a`, octal escapes, Python's `$` (also matches before a final newline), `.` (excludes only
 * `\n`), Unicode-aware `\w \W \d \D \b \B` (ASCII with `(?a)`), `{,n}` quantifiers, literal `{`/`}`/`]`
 * and escaped punctuation that JavaScript's `u` mode refuses, verbose mode (`(?x)`).
 *
 * Not supported (a PythonRegexError names them): scoped flags `(?i:…)`, conditionals `(?(1)…)`, atomic
 * groups `(?>…)`, possessive quantifiers (`a*+`), `\N{NAME}`, the LOCALE flag. `\W`, `\D` inside a
 * character class keep JavaScript's ASCII meaning.
 */

export class PythonRegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PythonRegexError';
  }
}

export interface PythonRegexOptions {
  ignoreCase?: boolean;
  dotAll?: boolean;
  multiline?: boolean;
  global?: boolean;
}

interface Flags {
  ignoreCase: boolean;
  dotAll: boolean;
  multiline: boolean;
  verbose: boolean;
  ascii: boolean;
}

const WORD = '[\\p{L}\\p{N}_]';
const unicodeClasses: Record<string, string> = {
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  w: WORD,
  W: '[^\\p{L}\\p{N}_]',
  b: `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`,
  B: `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
};
const inClassUnicode: Record<string, string> = { d: '\\p{Nd}', D: '\\P{Nd}', w: '\\p{L}\\p{N}_' };
const controlEscapes: Record<string, string> = {
  n: '\\n',
  t: '\\t',
  r: '\\r',
  f: '\\f',
  v: '\\v',
  a: '\\x07',
};
const syntaxChars = new Set('^$\\.*+?()[]{}|/');

function codePointEscape(code: number): string {
  return `\\u{${code.toString(16)}}`;
}

/** A literal character written so JavaScript's `u` mode accepts it. */
function literal(char: string, inClass: boolean): string {
  if (syntaxChars.has(char) || (inClass && char === '-')) return `\\${char}`;
  return char;
}

/** Reads Python's global inline flags, which may only open the pattern; returns where the rest starts. */
function readLeadingFlags(pattern: string, flags: Flags): number {
  const leading = /^(?:\(\?[aiLmsux]+\))+/.exec(pattern)?.[0] ?? '';
  for (const flag of leading.replace(/[(?)]/g, '')) {
    if (flag === 'i') flags.ignoreCase = true;
    else if (flag === 's') flags.dotAll = true;
    else if (flag === 'm') flags.multiline = true;
    else if (flag === 'x') flags.verbose = true;
    else if (flag === 'a') flags.ascii = true;
    else if (flag === 'L')
      throw new PythonRegexError('the LOCALE flag (?L) is not supported for text patterns');
  }
  return leading.length;
}

class Translator {
  private pos: number;
  private out = '';
  private inClass = false;
  private afterQuantifier = false;

  constructor(
    private readonly src: string,
    private readonly flags: Flags,
    start: number,
  ) {
    this.pos = start;
  }

  run(): string {
    while (this.pos < this.src.length) {
      const char = this.src[this.pos] ?? '';
      const wasQuantifier = this.afterQuantifier;
      this.afterQuantifier = false;
      if (this.inClass) this.classChar(char);
      else if (wasQuantifier && char === '+')
        throw new PythonRegexError('possessive quantifiers (*+, ++) are not supported');
      else this.outerChar(char);
    }
    return this.out;
  }

  private outerChar(char: string): void {
    if (this.flags.verbose && /\s/.test(char)) {
      this.pos++;
    } else if (this.flags.verbose && char === '#') {
      const end = this.src.indexOf('\n', this.pos);
      this.pos = end === -1 ? this.src.length : end + 1;
    } else if (char === '\\') {
      this.escape(false);
    } else if (char === '(') {
      this.group();
    } else if (char === '[') {
      this.openClass();
    } else if (char === '{') {
      this.brace();
    } else {
      this.pos++;
      if (char === '.') this.out += this.flags.dotAll ? '[\\s\\S]' : '[^\\n]';
      else if (char === '$') this.out += this.flags.multiline ? '$' : '(?=\\n?(?![\\s\\S]))';
      else if (char === '}' || char === ']') this.out += `\\${char}`;
      else this.out += char;
      this.afterQuantifier = char === '*' || char === '+' || char === '?';
    }
  }

  private openClass(): void {
    this.pos++;
    this.out += '[';
    this.inClass = true;
    if (this.src[this.pos] === '^') {
      this.out += '^';
      this.pos++;
    }
    // Python reads a `]` right after `[` or `[^` as a literal.
    if (this.src[this.pos] === ']') {
      this.out += '\\]';
      this.pos++;
    }
  }

  private classChar(char: string): void {
    if (char === '\\') return this.escape(true);
    this.pos++;
    if (char === ']') {
      this.out += ']';
      this.inClass = false;
    } else if (char === '[') {
      this.out += '\\[';
    } else {
      this.out += char;
    }
  }

  /** `{m,n}` stays a quantifier (`{,n}` becomes `{0,n}`); any other brace is a literal, as in Python. */
  private brace(): void {
    const match = /^\{(\d*)(,(\d*))?\}/.exec(this.src.slice(this.pos));
    if (!match || (match[1] === '' && match[2] === undefined)) {
      this.out += '\\{';
      this.pos++;
      return;
    }
    const min = match[1] === '' ? '0' : match[1];
    this.out += match[2] === undefined ? `{${min}}` : `{${min},${match[3] ?? ''}}`;
    this.pos += match[0].length;
    this.afterQuantifier = true;
  }

  private group(): void {
    const rest = this.src.slice(this.pos);
    const named = /^\(\?P<([^>]*)>/.exec(rest);
    const backref = /^\(\?P=([^)]*)\)/.exec(rest);
    if (named) {
      this.out += `(?<${named[1]}>`;
      this.pos += named[0].length;
    } else if (backref) {
      this.out += `\\k<${backref[1]}>`;
      this.pos += backref[0].length;
    } else if (rest.startsWith('(?#')) {
      const end = this.src.indexOf(')', this.pos);
      if (end === -1) throw new PythonRegexError('missing ), unterminated comment');
      this.pos = end + 1;
    } else if (rest.startsWith('(?(')) {
      throw new PythonRegexError('conditional groups (?(id)yes|no) are not supported');
    } else if (rest.startsWith('(?>')) {
      throw new PythonRegexError('atomic groups (?>...) are not supported');
    } else if (/^\(\?[aiLmsux]*(-[imsx]+)?:/.test(rest) && !rest.startsWith('(?:')) {
      throw new PythonRegexError('scoped inline flags such as (?i:...) are not supported');
    } else if (/^\(\?[aiLmsux]+\)/.test(rest)) {
      throw new PythonRegexError('global flags such as (?i) must be at the start of the expression');
    } else {
      // `(`, or a group kind JavaScript shares: `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`.
      const opening = rest.startsWith('(?') ? '(?' : '(';
      this.out += opening;
      this.pos += opening.length;
    }
  }

  private escape(inClass: boolean): void {
    const next = this.src[this.pos + 1];
    if (next === undefined) throw new PythonRegexError('bad escape (end of pattern)');
    this.pos += 2;
    const control = controlEscapes[next];
    if (control) {
      this.out += control;
    } else if (
      /[0-7]/.test(next) &&
      (next === '0' || inClass || /^[0-7]{2}/.test(this.src.slice(this.pos)))
    ) {
      this.octal(next);
    } else if (/[1-9]/.test(next)) {
      const digits = /^\d?/.exec(this.src.slice(this.pos))?.[0] ?? '';
      this.pos += digits.length;
      this.out += `\\${next}${digits}`;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      this.hexEscape(next);
    } else if (/[A-Za-z]/.test(next)) {
      this.out += this.letterEscape(next, inClass);
    } else {
      this.out += literal(next, inClass);
    }
  }

  private octal(first: string): void {
    const more = /^[0-7]{0,2}/.exec(this.src.slice(this.pos))?.[0] ?? '';
    this.pos += more.length;
    const code = parseInt(first + more, 8);
    if (code > 0o377)
      throw new PythonRegexError(`octal escape value \\${first}${more} outside of range 0-0o377`);
    this.out += codePointEscape(code);
  }

  private hexEscape(kind: string): void {
    const length = kind === 'x' ? 2 : kind === 'u' ? 4 : 8;
    const hex = this.src.slice(this.pos, this.pos + length);
    if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(hex))
      throw new PythonRegexError(`incomplete escape \\${kind}${hex}`);
    this.pos += length;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw new PythonRegexError(`bad escape \\${kind}${hex}`);
    this.out += codePointEscape(code);
  }

  private letterEscape(letter: string, inClass: boolean): string {
    if (letter === 'N') throw new PythonRegexError('named character escapes (\\N{...}) are not supported');
    if (inClass) {
      if (letter === 'b') return '\\x08';
      if ('sSDW'.includes(letter) || this.flags.ascii) return `\\${letter}`;
      if (letter === 'w') return inClassUnicode.w ?? '';
      if (letter === 'd') return inClassUnicode.d ?? '';
      throw new PythonRegexError(`bad escape \\${letter}`);
    }
    if (letter === 'A') return '(?<![\\s\\S])';
    if (letter === 'Z' || letter === 'z') return '(?![\\s\\S])';
    if (letter === 's' || letter === 'S') return `\\${letter}`;
    const translated = unicodeClasses[letter];
    if (translated === undefined) throw new PythonRegexError(`bad escape \\${letter}`);
    return this.flags.ascii ? `\\${letter}` : translated;
  }
}

/**
 * Compiles a Python regular expression. `ignoreCase`/`dotAll`/`multiline` are `re.IGNORECASE`/`re.DOTALL`/
 * `re.MULTILINE`; `global` gives a RegExp for `matchAll` (Python's `finditer`). Throws PythonRegexError
 * for an invalid or unsupported pattern.
 */
export function compilePythonRegex(pattern: string, options: PythonRegexOptions = {}): RegExp {
  const flags: Flags = {
    ignoreCase: options.ignoreCase ?? false,
    dotAll: options.dotAll ?? false,
    multiline: options.multiline ?? false,
    verbose: false,
    ascii: false,
  };
  const start = readLeadingFlags(pattern, flags);
  const source = new Translator(pattern, flags, start).run();
  const jsFlags = `u${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${options.global ? 'g' : ''}`;
  try {
    return new RegExp(source, jsFlags);
  } catch (error) {
    const detail =
      error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : '';
    throw new PythonRegexError(detail || 'invalid regular expression');
  }
}
