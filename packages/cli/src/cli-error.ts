/** A failure the user can fix: printed as a message (no stack trace) with its exit code (2 = bad input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
