import { ComputationTimeoutError, runWithTimeout } from '../shared/run-with-timeout';
import { compilePythonRegex, PythonRegexError } from './python-regex';

/**
 * Regex matching for the text blocks: Python semantics (`python-regex.ts`) and a time cap. AutoGPT's newest
 * ExtractTextInformation guards risky patterns with a timeout; here every match runs under one, because a
 * catastrophic pattern would otherwise stall the event loop all runs share.
 */
export const REGEX_TIMEOUT_MS = 2_000;

export interface RegexFlags {
  caseSensitive: boolean;
  dotAll: boolean;
}

/** Python's `re.search(pattern, text) is not None`. Throws RegexRunError. */
export function regexSearch(pattern: string, text: string, flags: RegexFlags): boolean {
  return guarded(() => {
    const regex = compilePythonRegex(pattern, { ignoreCase: !flags.caseSensitive, dotAll: flags.dotAll });
    return runWithTimeout(() => regex.test(text), REGEX_TIMEOUT_MS);
  });
}

/** Python's `re.finditer`, stopped after `limit` matches. Throws RegexRunError. */
export function regexFindAll(
  pattern: string,
  text: string,
  flags: RegexFlags & { limit: number },
): RegExpExecArray[] {
  return guarded(() => {
    const regex = compilePythonRegex(pattern, {
      ignoreCase: !flags.caseSensitive,
      dotAll: flags.dotAll,
      global: true,
    });
    return runWithTimeout(() => {
      const matches: RegExpExecArray[] = [];
      for (const match of text.matchAll(regex)) {
        matches.push(match);
        if (matches.length >= flags.limit) break;
      }
      return matches;
    }, REGEX_TIMEOUT_MS);
  });
}

/** An invalid or unsupported pattern, or a match that ran out of time. */
export class RegexRunError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'RegexRunError';
  }
}

function guarded<T>(task: () => T): T {
  try {
    return task();
  } catch (error) {
    if (error instanceof PythonRegexError)
      throw new RegexRunError(`Invalid regex pattern: ${error.message}`, { cause: error });
    if (error instanceof ComputationTimeoutError)
      throw new RegexRunError(`Regex matching ${error.message}`, { cause: error });
    throw error;
  }
}
