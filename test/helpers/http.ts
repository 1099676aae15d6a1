import { AppServer } from '../../src/server';

/** The server on a real port, for what only HTTP shows: status codes, headers, limits. */
export async function listen(server: AppServer): Promise<{ base: string; post(body: unknown, headers?: Record<string, string>): Promise<Response> }> {
  const url = await server.listen(0, '127.0.0.1');
  const base = url.replace(/\/graphql$/, '');
  return {
    base,
    post: (body, headers = {}) =>
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  };
}
