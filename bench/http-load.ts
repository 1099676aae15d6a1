import autocannon from 'autocannon';

export interface LoadOptions {
  /** The server's GraphQL URL; only loopback addresses are accepted. */
  url: string;
  query: string;
  token: string;
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

function request(query: string, token: string) {
  return {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  };
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!/^127\.\d+\.\d+\.\d+$/.test(host) && host !== 'localhost' && host !== '[::1]') throw new Error(`refusing to load ${host}: benchmarks target loopback only`);
}

/** One request, outside the load run: the sanity check and the statement count use it. */
export async function post(url: string, query: string, token: string): Promise<GraphQLAnswer> {
  assertLoopback(url);
  const response = await fetch(url, request(query, token));
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  return { ...(JSON.parse(text) as Omit<GraphQLAnswer, 'bytes'>), bytes: Buffer.byteLength(text) };
}

/** A bounded autocannon run (fixed duration and connections), after a few sequential requests to warm the JIT and the pool. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  assertLoopback(options.url);
  for (let i = 0; i < 10; i++) await post(options.url, options.query, options.token);
  await options.beforeRun?.();
  const result = await autocannon({
    url: options.url,
    ...request(options.query, options.token),
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
