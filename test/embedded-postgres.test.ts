import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '../src/database/embedded-postgres';

describe('embedded PostgreSQL start-up errors', () => {
  const dataDir = path.join(os.tmpdir(), `alliance-graph-unused-${process.pid}`, 'pg');

  it('never takes port 5432', async () => {
    await expect(startEmbeddedPostgres({ dataDir, port: 5432 })).rejects.toThrow(/5432/);
  });

  it('says the port is in use instead of hanging', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const start = startEmbeddedPostgres({ dataDir, port });
      await expect(start).rejects.toThrow(EmbeddedPostgresError);
      await expect(start).rejects.toThrow(new RegExp(`port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });
});
