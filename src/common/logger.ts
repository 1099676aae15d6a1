import pino, { Logger } from 'pino';

export type { Logger };

/**
 * JSON lines; every request's lines carry its requestId (see server.ts). The server logs to stdout;
 * command-line tools pass stderr (2), keeping stdout for their output.
 */
export function createLogger(level: string, destination: 1 | 2 = 1, bindings: Record<string, string> = {}): Logger {
  return pino({
    level,
    base: { service: 'alliance-graph', ...bindings },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tokens and cookies never reach the logs.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  }, pino.destination(destination));
}
