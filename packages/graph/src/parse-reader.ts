import type { GraphIssue } from './issues';
import { isRecord, type JsonObject } from './json';

/**
 * Field readers for `parseGraph`. Each reads one field of a JSON object, records an issue when the value has
 * the wrong type, and returns a fallback so parsing can go on and report every problem at once.
 * `null` counts as absent: exports write `null` for unset optional fields.
 */
export class FieldReader {
  readonly issues: GraphIssue[] = [];
  readonly warnings: GraphIssue[] = [];
  /** The graph being read; stamped on its issues. */
  graphId: string | undefined;

  problem(path: string, message: string, extra: Partial<GraphIssue> = {}): void {
    this.issues.push(this.stamp({ ...extra, field: path, message, code: extra.code ?? 'malformed' }));
  }

  warn(issue: GraphIssue): void {
    this.warnings.push(this.stamp(issue));
  }

  private stamp(issue: GraphIssue): GraphIssue {
    return this.graphId === undefined ? issue : { graph_id: this.graphId, ...issue };
  }

  /** Readers for the fields of `object`, whose issues name `path` + the field (`nodes[2].` + `block_id`). */
  fields(object: JsonObject, path: string): Fields {
    return new Fields(this, object, path);
  }
}

interface FieldSpec<T> {
  check: (value: unknown) => boolean;
  expected: string;
  fallback: T;
}

export class Fields {
  constructor(
    private readonly reader: FieldReader,
    private readonly source: JsonObject,
    private readonly path: string,
  ) {}

  /** A non-empty string the format requires; undefined (with an issue) when absent or wrong. */
  requiredString(key: string): string | undefined {
    const value = this.source[key];
    if (typeof value === 'string' && value !== '') return value;
    const absent = value === undefined || value === null;
    this.reader.problem(this.path + key, absent ? `Missing "${key}"` : `"${key}" must be a non-empty string`);
    return undefined;
  }

  string(key: string, fallback: string): string {
    return this.typed(key, { check: (v) => typeof v === 'string', expected: 'a string', fallback });
  }

  nullableString(key: string): string | null {
    return this.typed<string | null>(key, {
      check: (v) => typeof v === 'string',
      expected: 'a string or null',
      fallback: null,
    });
  }

  boolean(key: string, fallback: boolean): boolean {
    return this.typed(key, { check: (v) => typeof v === 'boolean', expected: 'a boolean', fallback });
  }

  /** An integer ≥ 1 (graph versions start at 1, internals §2.1). */
  version<T extends number | null>(key: string, fallback: T): number | T {
    return this.typed<number | T>(key, {
      check: (v) => Number.isInteger(v) && (v as number) >= 1,
      expected: 'an integer of at least 1',
      fallback,
    });
  }

  /** A JSON object such as `input_default` or `metadata`; absent means `{}`. */
  object(key: string): JsonObject {
    return this.typed(key, { check: isRecord, expected: 'an object', fallback: {} });
  }

  /** A list; absent means empty. */
  list(key: string): unknown[] {
    return this.typed<unknown[]>(key, { check: Array.isArray, expected: 'a list', fallback: [] });
  }

  private typed<T>(key: string, spec: FieldSpec<T>): T {
    const value = this.source[key];
    if (value === undefined || value === null) return spec.fallback;
    if (spec.check(value)) return value as T;
    this.reader.problem(this.path + key, `"${key}" must be ${spec.expected}`);
    return spec.fallback;
  }
}
