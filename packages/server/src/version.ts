import { readFileSync } from 'node:fs';

/** The server package's version (package.json), as `/api/config` and `/openapi.json` report it. */
export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
