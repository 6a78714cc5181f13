import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small GitHub REST API on 127.0.0.1 for running the built Action against: it keeps state
 * (comments, PR files, reviews, review requests, the git trees and blobs of commits, the token's
 * identity), paginates with `Link` headers like GitHub, records every request, and fails or hangs
 * on demand. Endpoints are routes, so a test (or another feature) adds or overrides one with
 * `route()`.
 */

export interface RecordedRequest {
  method: string;
  /** The path without the query string: `/repos/o/r/issues/1/comments`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body, or undefined when there is none. */
  body: unknown;
}

export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: IncomingMessage['headers'];
}

export interface RouteResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as it is instead of `body` as JSON (a body cut short, say), with a JSON content type. */
  raw?: string;
}

export type RouteHandler = (request: RouteRequest, api: FakeGitHub) => RouteResponse;

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface FakePullRequestFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  /** For a renamed file: its name at the base. */
  previous_filename?: string;
}

export type FakeReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface FakeReview {
  id: number;
  user: { login: string; type: string };
  state: FakeReviewState;
  body: string;
  /** Absent for a pending review, as on GitHub. */
  submitted_at?: string;
  commit_id: string;
}

/** A PR's pending review requests, as `requested_reviewers` lists them. */
export interface FakeReviewRequests {
  users: string[];
  teams: string[];
}

export interface FakeGitHub {
  /** The API base URL, for GITHUB_API_URL. */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Issue (PR) comments by issue number. */
  comments: Map<number, FakeComment[]>;
  /** A pull request's files by PR number. */
  pullFiles: Map<number, FakePullRequestFile[]>;
  /** A pull request's reviews by PR number, oldest first. */
  reviews: Map<number, FakeReview[]>;
  /** A pull request's pending review requests by PR number. */
  reviewRequests: Map<number, FakeReviewRequests>;
  /** The login GraphQL's `viewer` answers: whom the token belongs to, and who its comments are by. */
  viewer: string;
  /** GitHub caps `per_page` at 100; lower it to make pagination cheap to reach. */
  maxPerPage: number;
  /** Adds or overrides an endpoint; `:name` segments become params. Later routes win. */
  route(method: string, pattern: string, handler: RouteHandler): void;
  /** Answers requests matching method and pattern with an error status until cleared. */
  fail(method: string, pattern: string, status: number, message?: string, headers?: Record<string, string>): void;
  /** Never answers requests matching method and pattern (until closed). */
  hang(method: string, pattern: string): void;
  clearFailures(): void;
  /** Requests matching a method and a pattern, such as `POST /repos/:o/:r/issues/:n/comments`. */
  requestsTo(method: string, pattern: string): RecordedRequest[];
  /** Adds a comment as if someone had posted it, returning it. */
  addComment(issue: number, body: string, login?: string): FakeComment;
  /** Adds a review as if `login` had submitted it, a minute after the previous one. */
  addReview(pr: number, login: string, state: FakeReviewState): FakeReview;
  /**
   * Makes a commit of `files` (repo-relative path → content) for the git database API: `GET
   * git/trees/:sha` (the commit's id gives its root tree, as on GitHub; `?recursive=1`) and
   * `GET git/blobs/:sha`, with real git blob ids.
   */
  setCommit(sha: string, files: Record<string, string | Buffer>): void;
  close(): Promise<void>;
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

interface Failure {
  method: string;
  pattern: RegExp;
  /** Undefined: never answer. */
  status?: number;
  message: string;
  headers: Record<string, string>;
}

interface TreeEntry {
  path: string;
  mode: '100644' | '040000';
  type: 'blob' | 'tree';
  sha: string;
  size?: number;
}

/** The id git gives a blob: the Action compares it with the head's files. */
export function gitBlobId(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function compile(pattern: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { regex: new RegExp(`^${source}$`), names };
}

/** One page of `items` and GitHub's `Link` header for the others. */
export function paginate<T>(items: readonly T[], request: RouteRequest, api: FakeGitHub, path: string): RouteResponse {
  const perPage = Math.min(Number(request.query.per_page ?? 30) || 30, api.maxPerPage);
  const page = Math.max(Number(request.query.page ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number, rel: string) => `<${api.url}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
  const links = [
    ...(page > 1 ? [link(page - 1, 'prev'), link(1, 'first')] : []),
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
  ];
  return { body: items.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, raw?: string): void {
  const text = raw ?? (body === undefined ? '' : JSON.stringify(body));
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(text);
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const routes: Route[] = [];
  const failures: Failure[] = [];
  let nextCommentId = 1000;
  let nextReviewId = 5000;
  let reviewClock = Date.parse('2026-11-20T09:00:00Z');
  const trees = new Map<string, TreeEntry[]>();
  const blobs = new Map<string, Buffer>();

  const api: FakeGitHub = {
    url: '',
    requests: [],
    comments: new Map(),
    pullFiles: new Map(),
    reviews: new Map(),
    reviewRequests: new Map(),
    viewer: 'github-actions[bot]',
    maxPerPage: 100,
    route(method, pattern, handler) {
      const { regex, names } = compile(pattern);
      routes.unshift({ method: method.toUpperCase(), pattern: regex, names, handler });
    },
    fail(method, pattern, status, message = 'Resource not accessible by integration', headers = {}) {
      failures.push({ method: method.toUpperCase(), pattern: compile(pattern).regex, status, message, headers });
    },
    hang(method, pattern) {
      failures.push({ method: method.toUpperCase(), pattern: compile(pattern).regex, message: '', headers: {} });
    },
    clearFailures() {
      failures.length = 0;
    },
    requestsTo(method, pattern) {
      const { regex } = compile(pattern);
      return api.requests.filter((r) => r.method === method.toUpperCase() && regex.test(r.path));
    },
    addComment(issue, body, login = 'github-actions[bot]') {
      const comment: FakeComment = { id: nextCommentId++, body, user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' } };
      api.comments.set(issue, [...(api.comments.get(issue) ?? []), comment]);
      return comment;
    },
    addReview(pr, login, state) {
      reviewClock += 60_000;
      const review: FakeReview = {
        id: nextReviewId++,
        user: { login, type: 'User' },
        state,
        body: '',
        ...(state === 'PENDING' ? {} : { submitted_at: new Date(reviewClock).toISOString().replace('.000Z', 'Z') }),
        commit_id: 'b'.repeat(40),
      };
      api.reviews.set(pr, [...(api.reviews.get(pr) ?? []), review]);
      return review;
    },
    setCommit(sha, files) {
      trees.set(sha, buildTree(files, trees, blobs));
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };

  api.route('GET', '/repos/:owner/:repo/issues/:number/comments', (request, self) =>
    paginate(self.comments.get(Number(request.params.number)) ?? [], request, self, `/repos/${request.params.owner}/${request.params.repo}/issues/${request.params.number}/comments`),
  );
  api.route('POST', '/repos/:owner/:repo/issues/:number/comments', (request, self) => {
    const body = (request.body as { body?: unknown } | undefined)?.body;
    if (typeof body !== 'string') return { status: 422, body: { message: 'Validation Failed' } };
    return { status: 201, body: self.addComment(Number(request.params.number), body, self.viewer) };
  });
  api.route('PATCH', '/repos/:owner/:repo/issues/comments/:id', (request, self) => {
    const body = (request.body as { body?: unknown } | undefined)?.body;
    const comment = [...self.comments.values()].flat().find((c) => c.id === Number(request.params.id));
    if (!comment) return { status: 404, body: { message: 'Not Found' } };
    if (typeof body !== 'string') return { status: 422, body: { message: 'Validation Failed' } };
    comment.body = body;
    return { status: 200, body: comment };
  });
  api.route('GET', '/repos/:owner/:repo/pulls/:number/files', (request, self) =>
    paginate(self.pullFiles.get(Number(request.params.number)) ?? [], request, self, `/repos/${request.params.owner}/${request.params.repo}/pulls/${request.params.number}/files`),
  );

  api.route('GET', '/repos/:owner/:repo/pulls/:number/reviews', (request, self) =>
    paginate(self.reviews.get(Number(request.params.number)) ?? [], request, self, `/repos/${request.params.owner}/${request.params.repo}/pulls/${request.params.number}/reviews`),
  );
  api.route('GET', '/repos/:owner/:repo/pulls/:number/requested_reviewers', (request, self) => {
    const pending = self.reviewRequests.get(Number(request.params.number)) ?? { users: [], teams: [] };
    return {
      body: {
        users: pending.users.map((login) => ({ login, type: 'User' })),
        teams: pending.teams.map((slug) => ({ slug, name: slug, privacy: 'closed', permission: 'pull' })),
      },
    };
  });
  api.route('POST', '/repos/:owner/:repo/pulls/:number/requested_reviewers', (request, self) => {
    const body = (request.body ?? {}) as { reviewers?: unknown; team_reviewers?: unknown };
    const list = (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined);
    const users = body.reviewers === undefined ? [] : list(body.reviewers);
    const teams = body.team_reviewers === undefined ? [] : list(body.team_reviewers);
    if (!users || !teams || users.length + teams.length === 0) return { status: 422, body: { message: 'Validation Failed' } };
    const number = Number(request.params.number);
    const pending = self.reviewRequests.get(number) ?? { users: [], teams: [] };
    const updated = { users: [...new Set([...pending.users, ...users])], teams: [...new Set([...pending.teams, ...teams])] };
    self.reviewRequests.set(number, updated);
    return {
      status: 201,
      body: { number, requested_reviewers: updated.users.map((login) => ({ login })), requested_teams: updated.teams.map((slug) => ({ slug, name: slug })) },
    };
  });
  api.route('GET', '/repos/:owner/:repo/git/trees/:sha', (request) => {
    const sha = request.params.sha!;
    const entries = trees.get(sha);
    if (!entries) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/git/trees#get-a-tree' } };
    const recursive = request.query.recursive !== undefined && request.query.recursive !== '0' && request.query.recursive !== 'false';
    const listed = recursive ? flatten(entries, trees, '') : entries;
    return { body: { sha, url: '', tree: listed.map((e) => ({ ...e, url: '' })), truncated: false } };
  });
  api.route('GET', '/repos/:owner/:repo/git/blobs/:sha', (request) => {
    const content = blobs.get(request.params.sha!);
    if (!content) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/git/blobs#get-a-blob' } };
    // GitHub wraps the base64 at 60 characters.
    return { body: { sha: request.params.sha, size: content.length, url: '', encoding: 'base64', content: content.toString('base64').replace(/(.{60})/g, '$1\n') } };
  });
  api.route('POST', '/graphql', (request, self) => {
    const query = (request.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string' || !/\bviewer\b/.test(query)) return { status: 400, body: { message: 'Problems parsing JSON' } };
    return { body: { data: { viewer: { login: self.viewer } } } };
  });

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const method = (request.method ?? 'GET').toUpperCase();
      const query = Object.fromEntries(url.searchParams);
      const body = await readBody(request);
      api.requests.push({ method, path: url.pathname, query, headers: request.headers, body });
      const failure = failures.find((f) => f.method === method && f.pattern.test(url.pathname));
      if (failure?.status === undefined && failure) return; // hangs: no answer, ever
      if (failure) return send(response, failure.status!, { message: failure.message, documentation_url: 'https://docs.github.com/rest' }, failure.headers);
      for (const route of routes) {
        const match = route.method === method ? route.pattern.exec(url.pathname) : null;
        if (!match) continue;
        const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
        const result = route.handler({ params, query, body, headers: request.headers }, api);
        return send(response, result.status ?? 200, result.body, result.headers, result.raw);
      }
      send(response, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    })().catch((error: unknown) => send(response, 500, { message: String(error) }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}

/** The root tree of `files`, registering every sub-tree and blob; tree ids are made up (nothing compares them). */
function buildTree(files: Record<string, string | Buffer>, trees: Map<string, TreeEntry[]>, blobs: Map<string, Buffer>): TreeEntry[] {
  const folders = new Map<string, Record<string, string | Buffer>>();
  const entries: TreeEntry[] = [];
  for (const [path, content] of Object.entries(files)) {
    const slash = path.indexOf('/');
    if (slash === -1) {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      const sha = gitBlobId(bytes);
      blobs.set(sha, bytes);
      entries.push({ path, mode: '100644', type: 'blob', sha, size: bytes.length });
    } else {
      const folder = path.slice(0, slash);
      folders.set(folder, { ...folders.get(folder), [path.slice(slash + 1)]: content });
    }
  }
  for (const [folder, inside] of folders) {
    const subtree = buildTree(inside, trees, blobs);
    const sha = createHash('sha1').update(JSON.stringify(subtree)).digest('hex');
    trees.set(sha, subtree);
    entries.push({ path: folder, mode: '040000', type: 'tree', sha });
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** A recursive listing, as `?recursive=1` gives it: every entry below, trees included, by full path. */
function flatten(entries: readonly TreeEntry[], trees: ReadonlyMap<string, TreeEntry[]>, prefix: string): TreeEntry[] {
  return entries.flatMap((entry) => {
    const path = `${prefix}${entry.path}`;
    const self = { ...entry, path };
    return entry.type === 'tree' ? [self, ...flatten(trees.get(entry.sha) ?? [], trees, `${path}/`)] : [self];
  });
}
