import pino, { Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout; every request's lines carry its requestId (see server.ts). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'alliance-graph' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tokens and cookies never reach the logs.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}
