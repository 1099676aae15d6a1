import { AppServer } from '../../src/server';

/** A GraphQL response body as tests read it. */
export interface GraphQLBody {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface HttpClient {
  base: string;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** POST and read the body. */
  gql(body: unknown, headers?: Record<string, string>): Promise<GraphQLBody>;
}

/** The server on a real port, for what only HTTP shows: status codes, headers, limits. */
export async function listen(server: AppServer): Promise<HttpClient> {
  const url = await server.listen(0, '127.0.0.1');
  const base = url.replace(/\/graphql$/, '');
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { base, post, gql: async (body, headers) => (await (await post(body, headers)).json()) as GraphQLBody };
}
