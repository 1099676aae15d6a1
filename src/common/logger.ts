import pino, { DestinationStream, Logger } from 'pino';

export type { Logger };

/**
 * JSON lines; every request's lines carry its requestId (see server.ts). The server logs to stdout;
 * command-line tools pass stderr (2), keeping stdout for their output.
 */
export function createLogger(level: string, destination: 1 | 2 | DestinationStream = 1, bindings: Record<string, string> = {}): Logger {
  return pino({
    level,
    base: { service: 'alliance-graph', ...bindings },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tokens and cookies never reach the logs.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    serializers: { err: withoutValues },
  }, typeof destination === 'number' ? pino.destination(destination) : destination);
}

/**
 * Errors without the values of a failed statement: TypeORM's QueryFailedError carries the query's
 * parameters and PostgreSQL's detail ("Key (email)=(...)"), which can be personal data.
 */
export function withoutValues(error: unknown): object {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  const { parameters: _parameters, driverError, detail: _detail, ...rest } = serialized;
  if (driverError && typeof driverError === 'object') {
    const { code, routine, table, constraint } = driverError as Record<string, unknown>;
    rest.driverError = { code, routine, table, constraint };
    // PostgreSQL quotes the offending value in the message ('invalid input syntax for type uuid: "…"'),
    // and the stack's first line repeats the message.
    rest.message = `statement failed (${String(code)} ${String(routine)})`;
    if (typeof rest.stack === 'string') rest.stack = `${rest.message}${rest.stack.includes('\n') ? rest.stack.slice(rest.stack.indexOf('\n')) : ''}`;
  }
  return rest;
}
