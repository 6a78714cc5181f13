import type { getOctokit } from '@actions/github';
import { setTimeout as sleep } from 'node:timers/promises';

/** The REST client `@actions/github` hands out, with pagination. */
export type Octokit = ReturnType<typeof getOctokit>;

/** How long one API call may take, and how long a `retry-after` may make the one retry wait. */
export interface ApiLimits {
  timeoutMs: number;
  maxRetryWaitMs: number;
}

/**
 * 10 s a call: GitHub answers in well under a second, and a call that never answers would hold
 * the job until GitHub's 6-hour limit. `AI_REGISTRY_API_TIMEOUT_MS` changes it (a slow GitHub
 * Enterprise Server; the tests).
 */
export function apiLimits(env: NodeJS.ProcessEnv): ApiLimits {
  const given = Number(env.AI_REGISTRY_API_TIMEOUT_MS);
  return { timeoutMs: Number.isFinite(given) && given > 0 ? given : 10_000, maxRetryWaitMs: 30_000 };
}

/**
 * A client whose every call is bounded: a timeout per call, one retry of a read (GET, or a
 * GraphQL query) that timed out, lost its connection, met a server error or a rate limit that
 * says when to come back (`retry-after`, within `maxRetryWaitMs`), and an error instead of a
 * JSON body that does not parse. Callers then decide fail-closed on whatever still fails.
 */
export async function createGitHubClient(token: string, limits: ApiLimits): Promise<Octokit> {
  // Loaded only for a pull request: Octokit is most of the bundle's start-up time, and a push needs none of it.
  const octokit = (await import('@actions/github')).getOctokit(token);
  octokit.hook.wrap('request', async (request, options) => {
    const read = options.method === 'GET' || (options.method === 'POST' && String(options.url).endsWith('/graphql'));
    for (let attempt = 1; ; attempt++) {
      const signal = AbortSignal.timeout(limits.timeoutMs);
      // Set on the call's own options, which the wrapped hooks (the token's auth) were bound to:
      // options passed to `request` would be dropped. A new `request` object, so the client's
      // shared defaults never hold one call's signal.
      options.request = { ...options.request, signal };
      try {
        const response = await request(options);
        if (typeof response.data === 'string' && /json/i.test(String(response.headers['content-type'] ?? ''))) {
          throw new ApiError(`HTTP ${response.status} with a body that is not valid JSON (cut short?)`, 'retry');
        }
        return response;
      } catch (raw) {
        const error = signal.aborted ? new ApiError(`no answer within ${seconds(limits.timeoutMs)}`, 'retry') : raw;
        const wait = retryWait(error);
        if (!read || attempt > 1 || wait === undefined || wait > limits.maxRetryWaitMs) throw withRoute(error, options.method, octokit.request.endpoint(options).url);
        await sleep(wait);
      }
    }
  });
  return octokit;
}

/** A failure that is not an HTTP status: no answer in time, or an answer that cannot be read. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly retry: 'retry' | 'final' = 'final',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** How long to wait before trying a read again, or undefined when trying again cannot help. */
function retryWait(error: unknown): number | undefined {
  if (error instanceof ApiError) return error.retry === 'retry' ? 1000 : undefined;
  const status = httpStatus(error);
  const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
  // GitHub's primary rate limit: remaining 0 until `x-ratelimit-reset` (epoch seconds).
  if ((status === 403 || status === 429) && headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return Number.isFinite(reset) ? Math.max(0, reset * 1000 - Date.now()) : undefined;
  }
  // No response at all (a lost connection: Octokit says 500), a server error, or "slow down".
  return status === 429 || (status !== undefined && status >= 500) ? 1000 : undefined;
}

/** The error with the call it came from (method and path), for a warning a person can act on. */
function withRoute(error: unknown, method: string, url: string): unknown {
  if (error instanceof ApiError) error.message = `${method} ${new URL(url).pathname}: ${error.message}`;
  return error;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** The HTTP status of a failed API call (Octokit's RequestError), or undefined for other errors. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** One line about a failed API call, for a warning. */
export function describeApiError(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (status === undefined) return message!;
  // A rate limit is worth naming: it is the usual reason a large pull request cannot be read.
  const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers ?? {};
  const reset = Number(headers['x-ratelimit-reset']);
  const limited = headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)
    ? `; the rate limit is used up until ${new Date(reset * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`
    : '';
  return `HTTP ${status}: ${message}${limited}`;
}
