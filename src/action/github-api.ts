import type { getOctokit } from '@actions/github';

/** The REST client `@actions/github` hands out, with pagination. */
export type Octokit = ReturnType<typeof getOctokit>;

/** The HTTP status of a failed API call (Octokit's RequestError), or undefined for other errors. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** One line about a failed API call, for a warning. */
export function describeApiError(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return status === undefined ? message! : `HTTP ${status}: ${message}`;
}
