/** Short, stable renderings of output values for the report (no loopback ports, one line, a code span). */

const PREVIEW_CHARS = 70;

/** Loopback ports change with every run; reports show a placeholder so they can be compared. */
const stablePorts = (text: string) => text.replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://127.0.0.1:PORT');

/** A short one-line markdown code span of a value; backticks and pipes would break the span and the table. */
export function preview(value: unknown): string {
  const text = stablePorts(typeof value === 'string' ? value : JSON.stringify(value))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/`/g, "'");
  const short = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
  return `\`${short.replace(/\|/g, '\\|')}\``;
}

/** "name: `value`" per output, or "name: N values, first `value`". */
export function outputLines(values: Record<string, unknown[]>): string[] {
  return Object.entries(values).map(([name, list]) => {
    const shown = list.length === 1 ? preview(list[0]) : `${list.length} values, first ${preview(list[0])}`;
    return `${name}: ${shown}`;
  });
}
