import { NonRetriableError } from '@blockloom/sdk';
import { providerHttpError } from '../../providers/shared/http';
import { safeFetch, type SafeResponse } from '../../web/safe-fetch';

/**
 * Posts JSON to a chat webhook. The URL is user input, so it goes through `safeFetch` (no private or internal
 * targets). A webhook URL is itself the secret: it is never repeated in an error message, only its origin.
 */
export interface WebhookPost {
  /** The service's display name, for error messages ("Slack"). */
  provider: string;
  webhookUrl: string;
  payload: unknown;
  signal: AbortSignal;
}

export async function postWebhook({
  provider,
  webhookUrl,
  payload,
  signal,
}: WebhookPost): Promise<SafeResponse> {
  let url: URL;
  try {
    url = new URL(webhookUrl.trim());
  } catch {
    throw new NonRetriableError(`The ${provider} webhook URL is not a valid URL`);
  }
  let response: SafeResponse;
  try {
    // Webhooks answer directly; a redirect would mean posting the message somewhere unexpected.
    response = await safeFetch(url.href, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal,
      maxRedirects: 0,
    });
  } catch (error) {
    if (error instanceof Error && error.message.includes(url.href)) {
      error.message = error.message.replaceAll(url.href, `${url.origin}/…`);
    }
    throw error;
  }
  if (response.status >= 300) {
    const status = { status: response.status, retryAfter: response.headers['retry-after'] ?? null };
    throw providerHttpError({ provider, keyless: true }, status, response.text());
  }
  return response;
}
