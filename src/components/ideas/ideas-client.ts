/**
 * The HTTP side of submitting and voting (the README ("The ideas contract")). No DOM: the element turns these results into
 * messages. Requests go without cookies (`credentials: 'omit'`) and end after a timeout.
 */
import { isObject } from '../../data/util.js';

export interface Submission {
  title: string;
  description: string;
  category?: string;
  name?: string;
  email?: string;
  consent: boolean;
  /** Honeypot: a field people never see; bots fill it. Sent as is so the server decides. */
  website: string;
  /** Milliseconds between starting the form and sending it. */
  elapsed: number;
}

/** What a server answered, reduced to what the widget needs. */
export type SubmitResult =
  | { kind: 'ok'; status: number; published: boolean; idea?: Record<string, unknown> }
  | { kind: 'invalid'; status: 422; message?: string; errors: Record<string, string> }
  | { kind: 'failed'; status?: number; reason: 'http' | 'network' | 'timeout'; message?: string };

export type VoteResult =
  | { kind: 'ok'; status: number; votes?: number; voted: boolean }
  | { kind: 'already'; status: 409; votes?: number }
  /** The idea takes no more votes (its status is done or rejected): `422 { "error": "closed" }`. */
  | { kind: 'closed'; status: 422; message?: string }
  | { kind: 'failed'; status?: number; reason: 'http' | 'network' | 'timeout'; message?: string };

export interface RequestOptions {
  timeout: number;
  /** Answer language (`Accept-Language`). */
  lang: string;
  /** The browser's anonymous voting token (`X-Offen-Client`). */
  client?: string;
}

type Outcome = { response: Response; body: unknown } | { reason: 'network' | 'timeout' };

async function postJson(url: string, payload: unknown, options: RequestOptions): Promise<Outcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeout);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Accept-Language': options.lang,
  };
  if (options.client) headers['X-Offen-Client'] = options.client;
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers,
      body: JSON.stringify(payload),
      signal: controller.signal,
    });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    return { response, body };
  } catch {
    return { reason: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

function messageOf(body: unknown): string | undefined {
  return isObject(body) && typeof body.message === 'string' ? body.message.slice(0, 300) : undefined;
}

/** Field errors as `{ field: message }`; also accepts `[{ field, message }]`, the other common shape. */
function fieldErrors(body: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  const raw = isObject(body) ? body.errors : undefined;
  if (Array.isArray(raw)) {
    for (const item of raw)
      if (isObject(item) && typeof item.field === 'string') errors[item.field] = String(item.message ?? '');
  } else if (isObject(raw)) {
    for (const [field, message] of Object.entries(raw)) {
      const text = Array.isArray(message) ? message.join(' ') : String(message ?? '');
      errors[field] = text.slice(0, 300);
    }
  }
  return errors;
}

export async function submitIdea(url: string, submission: Submission, options: RequestOptions): Promise<SubmitResult> {
  const outcome = await postJson(url, submission, options);
  if ('reason' in outcome) return { kind: 'failed', reason: outcome.reason };
  const { response, body } = outcome;
  if (response.status === 200 || response.status === 201) {
    const idea = isObject(body) && isObject(body.idea) ? body.idea : undefined;
    const published = isObject(body) && typeof body.published === 'boolean' ? body.published : idea?.published === true;
    return { kind: 'ok', status: response.status, published, idea };
  }
  if (response.status === 422)
    return { kind: 'invalid', status: 422, message: messageOf(body), errors: fieldErrors(body) };
  return { kind: 'failed', status: response.status, reason: 'http', message: messageOf(body) };
}

export async function castVote(
  url: string,
  id: string,
  withdraw: boolean,
  options: RequestOptions,
): Promise<VoteResult> {
  const outcome = await postJson(url, withdraw ? { id, withdraw: true } : { id }, options);
  if ('reason' in outcome) return { kind: 'failed', reason: outcome.reason };
  const { response, body } = outcome;
  const votes = isObject(body) && typeof body.votes === 'number' ? body.votes : undefined;
  if (response.ok) return { kind: 'ok', status: response.status, votes, voted: !withdraw };
  if (response.status === 409) return { kind: 'already', status: 409, votes };
  if (response.status === 422 && isObject(body) && body.error === 'closed')
    return { kind: 'closed', status: 422, message: messageOf(body) };
  return { kind: 'failed', status: response.status, reason: 'http', message: messageOf(body) };
}
