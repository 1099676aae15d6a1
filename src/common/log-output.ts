import pretty from 'pino-pretty';
import { DestinationStream } from 'pino';

/**
 * Where a logger writes: JSON lines for a log collector, or pino-pretty's readable lines for a terminal
 * (the default in development). Pretty printing runs in the process, synchronously, so the last lines
 * before an exit are not lost.
 */
export function logDestination(format: 'pretty' | 'json', fd: 1 | 2 = 1): 1 | 2 | DestinationStream {
  if (format === 'json') return fd;
  return pretty({ destination: fd, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', singleLine: true, colorize: require('node:tty').isatty(fd) });
}
