import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { sendWebRequest, webRequestInputFields, webRequestOutputs } from './http-request';

/** Sends an HTTP request to a user-given URL (SSRF-safe) and routes the answer by status (catalogue §1.8). */
export const sendWebRequestBlock = defineBlock({
  id: '6595ae1f-b924-42cb-9a41-551a0611c4b4',
  name: 'SendWebRequestBlock',
  description:
    'Sends an HTTP request to a URL and outputs the answer: on response (2xx), client_error (4xx) or server_error (5xx).',
  categories: ['OUTPUT'],
  input: z.object(webRequestInputFields),
  output: webRequestOutputs,
  tests: [
    {
      name: 'refuses the cloud metadata address',
      input: { url: 'http://169.254.169.254/latest/meta-data/', method: 'GET' },
      output: [['error', textContaining('Refused to connect to 169.254.169.254')]],
    },
    {
      name: 'refuses a non-http scheme',
      input: { url: 'file:///etc/passwd' },
      output: [['error', textContaining('Only http and https')]],
    },
    {
      name: 'refuses files together with json_format',
      input: { url: 'https://example.com/upload', files: ['data:text/plain;base64,aGk='] },
      output: [['error', textContaining('json_format cannot be used with files')]],
    },
  ],
  async *run(input, ctx) {
    yield* sendWebRequest(input, { ctx });
  },
});
