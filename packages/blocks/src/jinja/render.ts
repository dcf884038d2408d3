import nunjucks from 'nunjucks';
import { ComputationTimeoutError, runWithTimeout } from '../shared/run-with-timeout';
import { addJinjaFilters, cappedRange } from './filters';
import { sandboxRuntime } from './sandbox';

/**
 * The one Jinja renderer of the package (FillTextTemplate, AgentOutput's `format`, and later the LLM
 * blocks' prompt templates). AutoGPT renders these with a Jinja2 SandboxedEnvironment; here nunjucks, which
 * shares Jinja's syntax, is configured to behave like it:
 *
 * - no loader: `include`/`import`/`extends` can't read files;
 * - undefined names render as nothing, values print as Python's `str()` (`sandbox.ts`);
 * - a single trailing newline of the template is dropped (Jinja's `keep_trailing_newline=False`);
 * - Jinja's `range` cap, its `tojson`/`map`/`unique`/`items` filters, `join`/`string` printing `str()`;
 * - rendering is stopped after `RENDER_TIMEOUT_MS`, because it runs on the event loop every node shares.
 */

export const RENDER_TIMEOUT_MS = 5_000;

/** A template that does not parse or fails while rendering; the message says where and why. */
export class TemplateRenderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TemplateRenderError';
  }
}

export interface RenderOptions {
  /** Escape HTML in printed values (Jinja's `autoescape`); `| safe` opts a value out. */
  escapeHtml?: boolean;
}

/** nunjucks' Template internals this module uses: the compiled entry point, `root(env, context, frame, runtime, cb)`. */
interface CompiledTemplate {
  rootRenderFunc: (...args: unknown[]) => void;
}
const RUNTIME_ARGUMENT = 3;

function createEnvironment(autoescape: boolean): nunjucks.Environment {
  const env = new nunjucks.Environment(null, { autoescape, throwOnUndefined: false });
  env.addGlobal('range', cappedRange);
  addJinjaFilters(env);
  return env;
}

const environments = { plain: createEnvironment(false), escaped: createEnvironment(true) };

const CACHE_SIZE = 200;
const cache = new Map<string, nunjucks.Template>();

/** "(unknown path) [Line 1, Column 5]\n  Error: msg" -> "[Line 1, Column 5] msg". */
function describe(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  return raw
    .replace(/^\(unknown path\)\s*/, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/(^|\] )(?:Template render error|Error|TypeError|RangeError): /g, '$1')
    .trim();
}

function compile(source: string, escapeHtml: boolean): nunjucks.Template {
  const key = `${escapeHtml ? 'e' : 'p'}:${source}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const env = escapeHtml ? environments.escaped : environments.plain;
  // Jinja strips one trailing newline from the template source.
  const template = new nunjucks.Template(source.replace(/\r?\n$/, ''), env, undefined, true);
  const compiled = template as unknown as CompiledTemplate;
  const root = compiled.rootRenderFunc;
  compiled.rootRenderFunc = (...args) => {
    args[RUNTIME_ARGUMENT] = sandboxRuntime;
    root(...args);
  };
  cache.set(key, template);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  return template;
}

/**
 * Renders a Jinja template with `values` as its variables. The values are copied first, so a template that
 * calls `list.append()` can't change the node's input. Throws TemplateRenderError.
 */
export function renderTemplate(
  source: string,
  values: Record<string, unknown>,
  options: RenderOptions = {},
): string {
  try {
    const template = compile(source, options.escapeHtml ?? false);
    const context = structuredClone(values);
    return runWithTimeout(() => template.render(context), RENDER_TIMEOUT_MS);
  } catch (error) {
    if (error instanceof ComputationTimeoutError) {
      throw new TemplateRenderError(`template rendering ${error.message}`, { cause: error });
    }
    throw new TemplateRenderError(describe(error), { cause: error });
  }
}
