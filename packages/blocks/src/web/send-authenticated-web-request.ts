import { credentialsField, defineBlock, NonRetriableError, type HostScopedCredentials } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { sendWebRequest, webRequestInputFields, webRequestOutputs } from './http-request';

/**
 * Whether host-scoped credentials apply to a URL. The stored host is a hostname, optionally with a port
 * (`api.example.com:8443`) or a leading `*.` for its subdomains; a scheme or path written with it is ignored.
 */
export function credentialsHostMatches(pattern: string, url: URL): boolean {
  const host = pattern
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/\/.*$/, '');
  const hasPort = /:\d+$/.test(host) && !host.endsWith(']');
  const target = hasPort ? url.host.toLowerCase() : url.hostname.toLowerCase();
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  const withPort = hasPort && !url.port ? `${target}:${defaultPort}` : target;
  if (host.startsWith('*.')) return withPort.endsWith(host.slice(1));
  return withPort === host;
}

/**
 * SendWebRequest with host-scoped credentials: the headers stored for a host (an API key, a bearer token) are
 * added when the URL's host matches; headers the user sets win. They never follow a redirect to another origin.
 */
export const sendAuthenticatedWebRequestBlock = defineBlock({
  id: 'fff86bcd-e001-4bad-a7f6-2eae4720c8dc',
  name: 'SendAuthenticatedWebRequestBlock',
  description:
    "Sends an HTTP request with the headers stored in host-scoped credentials added when the URL's host matches.",
  categories: ['OUTPUT'],
  input: z.object({
    ...webRequestInputFields,
    credentials: credentialsField({
      providers: ['http'],
      types: ['host_scoped'],
      description: 'Headers to add for a host (e.g. an Authorization header for api.example.com).',
    }),
  }),
  output: webRequestOutputs,
  tests: [
    {
      name: 'refuses a loopback URL even with credentials',
      input: {
        url: 'http://[::1]:9/',
        credentials: { id: 'c1', provider: 'http', type: 'host_scoped' },
      },
      credentials: {
        credentials: {
          id: 'c1',
          provider: 'http',
          type: 'host_scoped',
          host: '::1',
          headers: { 'X-Key': 'k' },
        },
      },
      output: [['error', textContaining('Refused to connect to ::1')]],
    },
  ],
  async *run(input, ctx) {
    const credentials = ctx.credentials.credentials;
    if (credentials?.type !== 'host_scoped') {
      throw new NonRetriableError('SendAuthenticatedWebRequest needs host-scoped credentials');
    }
    const scoped: HostScopedCredentials = credentials;
    const matches = URL.canParse(input.url) && credentialsHostMatches(scoped.host, new URL(input.url));
    // A malformed URL is left for safeFetch to report.
    if (!matches)
      ctx.logger.warn('credentials not applied: the URL host does not match', { host: scoped.host });
    const baseHeaders = matches ? scoped.headers : {};
    yield* sendWebRequest(input, { ctx, baseHeaders });
  },
});
