import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyStaticOptions } from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** `packages/web/dist` of this repository, where the web app's build (`npm run build:web`) goes. */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Paths the server answers itself: never the web app's, so an unknown one is the JSON 404. */
const serverPaths = [
  '/api',
  '/external-api',
  '/ws',
  '/docs',
  '/openapi.json',
  '/health',
  '/ready',
  '/metrics',
];

export const isServerPath = (pathname: string): boolean =>
  serverPaths.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

/** Built assets have content hashes in their names: a given URL never changes. */
const ASSETS_PREFIX = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is revalidated, so a new build is seen at the next load. */
const REVALIDATE = 'no-cache';

export const notBuiltPage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Blockloom</title>
  </head>
  <body>
    <h1>Blockloom</h1>
    <p>The web app is not built. Run <code>npm run build:web</code>.</p>
    <p>The API is running: see its documentation at <a href="/docs">/docs</a>.</p>
  </body>
</html>
`;

/** @fastify/static's options for the web app's build in `root`: files by path, with their cache headers. */
export function webStaticOptions(root: string): FastifyStaticOptions {
  const assetsDir = join(resolve(root), 'assets') + sep;
  return {
    root: resolve(root),
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    // The header is set here, per file, instead.
    cacheControl: false,
    dotfiles: 'ignore',
    // An unbuilt web app is not an error: `/` says how to build it.
    suppressWarning: true,
    allowedPath: (pathname) => !isServerPath(pathname),
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE);
    },
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The web app's answer to a request no route or file served: for a GET of one of its own paths
 * (`/build?flowID=…`, `/library`, `/login`), `index.html`, and the client-side router takes over; when the
 * app is not built, a page saying how to build it. Undefined for the rest (server paths, other methods, a
 * missing asset), which get the JSON 404.
 */
export function spaFallback(root: string) {
  const indexFile = join(resolve(root), 'index.html');
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const pathname = request.url.split('?')[0] ?? '/';
    // A missing asset is a 404: index.html in its place would be run as a script, or cached as one.
    if (isServerPath(pathname) || pathname.startsWith(ASSETS_PREFIX)) return undefined;
    reply.code(200).header('cache-control', REVALIDATE);
    if (await isFile(indexFile)) return reply.sendFile('index.html', resolve(root));
    return reply.type('text/html; charset=utf-8').send(notBuiltPage);
  };
}
