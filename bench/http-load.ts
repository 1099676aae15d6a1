import { createHash } from 'node:crypto';
import autocannon from 'autocannon';

/** What a request sends: a document as text (POST), or, for an anonymous PedEx reader, a persisted document by its hash (GET). */
export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  /** A bearer token; none: an anonymous request, without an Authorization header. */
  token?: string;
  /**
   * Send the document as production's anonymous callers must (src/ops/persisted-documents.ts): by the
   * sha256 of its text (which must be an entry of the persisted documents' manifest), over GET, as
   * Apollo's `extensions.persistedQuery`, with the variables in the query string. No If-None-Match is
   * ever sent, so the server answers every request in full, never 304.
   */
  persisted?: boolean;
}

export interface LoadOptions {
  /** The server's GraphQL URL; only loopback addresses are accepted. */
  url: string;
  request: GraphQLRequest;
  durationSeconds: number;
  connections: number;
  /** Called after the warm-up, right before the timed run (the CPU samples are taken here). */
  beforeRun?: () => Promise<void>;
}

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  p50: number;
  p975: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers: anything but 0 makes the figures suspect. */
  failures: number;
}

export interface GraphQLAnswer {
  data?: unknown;
  errors?: { message: string }[];
  bytes: number;
}

/** The URL, method, headers and body of a request. */
function request(url: string, r: GraphQLRequest): { url: string; method: 'GET' | 'POST'; headers: Record<string, string>; body?: string } {
  const authorization: Record<string, string> = r.token ? { authorization: `Bearer ${r.token}` } : {};
  if (r.persisted) {
    const sha256Hash = createHash('sha256').update(r.query).digest('hex');
    const search = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }), ...(r.variables ? { variables: JSON.stringify(r.variables) } : {}) });
    // A GET without a content type needs Apollo's preflight header (CSRF prevention), as the PedEx site sends it.
    return { url: `${url}${url.includes('?') ? '&' : '?'}${search}`, method: 'GET', headers: { 'apollo-require-preflight': 'true', ...authorization } };
  }
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization },
    body: JSON.stringify(r.variables ? { query: r.query, variables: r.variables } : { query: r.query }),
  };
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!/^127\.\d+\.\d+\.\d+$/.test(host) && host !== 'localhost' && host !== '[::1]') throw new Error(`refusing to load ${host}: benchmarks target loopback only`);
}

/** One request, outside the load run: the sanity check and the statement count use it. */
export async function post(url: string, r: GraphQLRequest): Promise<GraphQLAnswer> {
  assertLoopback(url);
  const { url: target, ...init } = request(url, r);
  const response = await fetch(target, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  return { ...(JSON.parse(text) as Omit<GraphQLAnswer, 'bytes'>), bytes: Buffer.byteLength(text) };
}

/** A bounded autocannon run (fixed duration and connections), after a few sequential requests to warm the JIT and the pool. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  assertLoopback(options.url);
  for (let i = 0; i < 10; i++) await post(options.url, options.request);
  await options.beforeRun?.();
  const result = await autocannon({
    ...request(options.url, options.request),
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
  });
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
