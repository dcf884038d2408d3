/**
 * A self-test input taken as plain data, for cases that pass a value of the wrong type on purpose (JSON text
 * for a list, a number for a string) to check the lenient conversion or the error the block reports.
 */
export function rawInput(input: Record<string, unknown>): Record<string, unknown> {
  return input;
}
