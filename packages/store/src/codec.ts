/**
 * Values as the schema stores them (schema.ts): JSON as TEXT, booleans as 0/1. The same text in SQLite and
 * PostgreSQL, so a row reads back the same whichever dialect wrote it.
 */

/** JSON text for any value; `undefined` (and what JSON cannot express, like a function) is stored as null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null) ?? 'null';
}

/** For nullable JSON columns: SQL NULL stands for null. */
export function toJsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toJson(value);
}

/** Reads JSON this adapter wrote; the column's declared shape is the caller's to name. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function fromJsonOrNull<T>(text: string | null): T | null {
  return text === null ? null : fromJson<T>(text);
}

export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: number): boolean => value !== 0;

/**
 * Splits multi-row inserts: SQLite allows 32766 bound parameters per statement and PostgreSQL 65535, and a
 * row here binds at most 9.
 */
export function chunks<T>(rows: readonly T[], size = 500): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < rows.length; start += size) parts.push(rows.slice(start, start + size));
  return parts;
}
