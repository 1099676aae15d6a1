import express from 'express';

/**
 * The HTTP status rule (docs/API.md, "HTTP status codes"): a request refused as a whole is a 4xx, a
 * refused field inside an executed operation is a 200 with the error in `errors`. This middleware adds
 * what the status codes promise to every response of /graphql, whoever wrote it (Apollo, the body
 * parser, the context): a 401 says how to authenticate (RFC 6750), a 405 which methods are allowed.
 */
export function statusHeaders(): express.RequestHandler {
  return (req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: express.Response, statusCode: number, ...rest: unknown[]) {
      if (statusCode === 401 && !this.getHeader('www-authenticate')) {
        this.setHeader('WWW-Authenticate', req.headers.authorization ? 'Bearer realm="alliance-graph", error="invalid_token"' : 'Bearer realm="alliance-graph"');
      }
      if (statusCode === 405 && !this.getHeader('allow')) this.setHeader('Allow', req.method === 'GET' ? 'POST' : 'GET, POST');
      return (writeHead as (...args: unknown[]) => express.Response).call(this, statusCode, ...rest);
    } as typeof res.writeHead;
    next();
  };
}
