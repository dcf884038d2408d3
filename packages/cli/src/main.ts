import { parseArgs } from 'node:util';
import { CliError } from './cli-error';
import { blocksCommand } from './commands/blocks';
import { newBlockCommand } from './commands/new-block';
import { resumeCommand } from './commands/resume';
import { runCommand } from './commands/run';
import { serveCommand } from './commands/serve';
import { validateCommand } from './commands/validate';
import { processOutput, type Output } from './output';

export const usage = `Usage: blockloom <command> [options]

Commands:
  run <graph.json> [--inputs '<JSON object>'] [--input name=value]... [--json] [--db <file>]
        Run an agent graph (AutoGPT export format) and print its outputs.
        Without --db the run uses a temporary store. Exit code 0 iff the run COMPLETED.
  resume --db <file> [--json]
        Finish the runs an interrupted process left in <file>.
  validate <graph.json> [--json]
        Print the graph's validation issues; exit code 1 if there are any.
  blocks [--json]
        List the available blocks (--json: the /api/blocks item shape).
  serve
        Run the platform (REST, WebSocket, executor) on $HOST:$PORT (default 127.0.0.1:8006), data in
        $BLOCKLOOM_DATA_DIR (default ./data), auth $BLOCKLOOM_AUTH (local|none|jwt). Stops on SIGTERM/SIGINT.
  new-block <name> [--dir <folder>]
        Scaffold a custom block and its test (default folder: $BLOCKLOOM_BLOCKS_DIR or ./blocks).

Options:
  --debug   Show stack traces for unexpected errors.
  --help    Show this help.

Exit codes: 0 success, 1 run not completed / invalid graph, 2 bad input.`;

const options = {
  inputs: { type: 'string' },
  input: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  db: { type: 'string' },
  dir: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function onePositional(positionals: string[], command: string): string {
  const [file, ...extra] = positionals;
  if (!file) throw new CliError(`${command} needs a graph file: blockloom ${command} <graph.json>`);
  if (extra.length > 0) throw new CliError(`Unexpected arguments: ${extra.join(' ')}`);
  return file;
}

async function dispatch(argv: readonly string[], out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    out.stdout(`${usage}\n`);
    return command || values.help ? 0 : 2;
  }
  const json = values.json === true;
  switch (command) {
    case 'run':
      return runCommand(
        {
          file: onePositional(rest, 'run'),
          inputs: values.inputs,
          input: values.input ?? [],
          json,
          db: values.db,
        },
        out,
      );
    case 'validate':
      return validateCommand({ file: onePositional(rest, 'validate'), json }, out);
    case 'blocks':
      return blocksCommand({ json }, out);
    case 'new-block': {
      const name = rest.join(' ').trim();
      if (!name) throw new CliError('new-block needs a name: blockloom new-block "word counter"');
      return newBlockCommand({ name, dir: values.dir }, out);
    }
    case 'serve':
      if (rest.length > 0) throw new CliError(`Unexpected arguments: ${rest.join(' ')}`);
      return serveCommand(process.env, out);
    case 'resume':
      if (!values.db) throw new CliError('resume needs --db <file>');
      return resumeCommand({ db: values.db, json }, out);
    default:
      throw new CliError(`Unknown command "${command}"\n\n${usage}`);
  }
}

/** Runs the CLI; returns the exit code. Errors a user can fix print a message only (stack with --debug). */
export async function main(argv: readonly string[], out: Output = processOutput): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await dispatch(argv, out);
  } catch (error) {
    if (error instanceof CliError) {
      out.stderr(`Error: ${error.message}\n`);
      if (debug && error.stack) out.stderr(`${error.stack}\n`);
      return error.exitCode;
    }
    out.stderr(`Unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) out.stderr(`${error.stack}\n`);
    else out.stderr('Run again with --debug for details.\n');
    return 1;
  }
}
