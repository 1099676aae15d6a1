import fs from 'node:fs';
import net from 'node:net';

export class ListenError extends Error {}

/**
 * Fails fast, before the database is started, when the API could not listen: a port already taken
 * (naming the process that holds it, when this system shows it) or a host that is not this machine's.
 */
export async function assertCanListen(port: number, host: string | undefined, setting = 'PORT'): Promise<void> {
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', resolve);
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
  if (!error) return;
  if (error.code === 'EADDRINUSE') {
    const holder = listenerOf(port);
    throw new ListenError(
      `${setting} ${port} is already in use${host ? ` on ${host}` : ''}${holder ? ` by process ${holder.pid} (${holder.command})` : ''}: stop that process, or set ${setting} to a free port (${setting}=0 picks one). Nothing was started.`,
    );
  }
  if (error.code === 'EACCES') throw new ListenError(`${setting} ${port} needs privileges this process does not have: choose a port above 1023. Nothing was started.`);
  throw new ListenError(`cannot listen on ${host ?? 'all interfaces'} port ${port} (${error.code ?? error.message}): check HOST, it must be an address of this machine. Nothing was started.`);
}

/** The process listening on a TCP port, from /proc (Linux); undefined elsewhere or when it is not visible. */
export function listenerOf(port: number): { pid: number; command: string } | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is ADDR:PORT in hex; state 0A is LISTEN; column 9 is the socket's inode.
      if (cols.length > 9 && cols[3] === '0A' && parseInt(cols[1].split(':')[1], 16) === port) inodes.add(cols[9]);
    }
  }
  if (!inodes.size) return undefined;
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    for (const fd of safeReaddir(`/proc/${entry}/fd`)) {
      let target: string;
      try {
        target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) {
        let command = '';
        try {
          command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
        } catch {
          // gone meanwhile
        }
        return { pid: Number(entry), command: command.length > 120 ? `${command.slice(0, 117)}...` : command };
      }
    }
  }
  return undefined;
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
