import { randomBytes } from 'node:crypto';

/**
 * The JSON answer protocol of AIStructuredResponseGenerator: format instructions for the model and the check
 * of its reply. Unless JSON mode is on, the model wraps its JSON in `<json_output id="…">` tags whose id is
 * fresh per run, so JSON quoted from the prompt or an earlier turn can't pass for the answer.
 */

export interface AnswerFormat {
  /** Expected keys -> what each holds. */
  keys: Record<string, string>;
  listResult: boolean;
  /** JSON mode: the provider's JSON response format, no tags. */
  jsonMode: boolean;
  /** The id of the `<json_output>` tag (tag mode). */
  tagId: string;
}

export function newTagId(): string {
  return randomBytes(8).toString('hex');
}

/** The system message that tells the model how to answer. */
export function formatInstructions(format: AnswerFormat): string {
  const shape = JSON.stringify(format.keys, null, 2);
  const what = format.listResult
    ? `a JSON array of objects, each with these keys (key: what it holds):\n${shape}`
    : `a JSON object with these keys (key: what it holds):\n${shape}`;
  if (format.jsonMode) {
    // JSON mode only allows an object at the top, so a list travels under "results".
    const wrapper = format.listResult ? '\nPut the array under the key "results" of a JSON object.' : '';
    return `Reply only with JSON: ${what}${wrapper}`;
  }
  return (
    `Reply with ${what}\n` +
    `Wrap the JSON in <json_output id="${format.tagId}"> and </json_output> tags, exactly once. ` +
    'Use plain JSON inside the tags, without markdown code fences. Text outside the tags is ignored.'
  );
}

export type Checked = { ok: true; value: unknown } | { ok: false; error: string };

function stripFences(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  return fenced?.[1] ?? text;
}

function parseJson(text: string): Checked {
  try {
    return { ok: true, value: JSON.parse(stripFences(text).trim()) };
  } catch (error) {
    return {
      ok: false,
      error: `the JSON is invalid (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

function checkObject(value: unknown, keys: readonly string[], where: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `${where} is not a JSON object`;
  const missing = keys.filter((key) => !(key in value));
  return missing.length > 0 ? `${where} lacks the keys ${missing.join(', ')}` : undefined;
}

/** The JSON inside the run's tag, or why there is none. */
function tagged(text: string, tagId: string): Checked {
  const pattern = new RegExp(`<json_output id="${tagId}">([\\s\\S]*?)</json_output>`);
  const match = pattern.exec(text);
  if (!match)
    return { ok: false, error: `the answer has no <json_output id="${tagId}"> … </json_output> block` };
  return parseJson(match[1] ?? '');
}

/** Checks a reply against the format: the parsed JSON, or an error to send back as a correction. */
export function checkAnswer(text: string, format: AnswerFormat): Checked {
  const parsed = format.jsonMode ? parseJson(text) : tagged(text, format.tagId);
  if (!parsed.ok) return parsed;
  const keys = Object.keys(format.keys);
  let value = parsed.value;
  if (format.listResult) {
    if (format.jsonMode) {
      const results = (value as { results?: unknown } | null)?.results;
      if (!Array.isArray(results)) return { ok: false, error: 'the JSON object has no "results" array' };
      value = results;
    }
    if (!Array.isArray(value)) return { ok: false, error: 'the JSON is not an array' };
    for (const [index, item] of value.entries()) {
      const problem = checkObject(item, keys, `item ${index}`);
      if (problem) return { ok: false, error: problem };
    }
    return { ok: true, value };
  }
  const problem = checkObject(value, keys, 'the JSON');
  return problem ? { ok: false, error: problem } : { ok: true, value };
}

/** The user message that asks for a fixed answer after a bad one. */
export function correctionMessage(error: string): string {
  return (
    `Your previous answer could not be used: ${error}. ` +
    'Answer again, following the format instructions exactly.'
  );
}
