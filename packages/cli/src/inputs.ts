import { CliError } from './cli-error';

/**
 * Graph inputs from `--inputs '<JSON object>'` and repeated `--input name=value` (which win). A value is
 * parsed as JSON when it parses ("8" -> 8, "[1,2]" -> a list), else taken as a string.
 */
export function parseInputs(json: string | undefined, pairs: readonly string[]): Record<string, unknown> {
  let inputs: Record<string, unknown> = {};
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new CliError(`--inputs is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new CliError('--inputs must be a JSON object, e.g. --inputs \'{"Input": 8}\'');
    }
    inputs = { ...(parsed as Record<string, unknown>) };
  }
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError(`--input expects name=value, got "${pair}"`);
    const raw = pair.slice(at + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    inputs[pair.slice(0, at)] = value;
  }
  return inputs;
}
