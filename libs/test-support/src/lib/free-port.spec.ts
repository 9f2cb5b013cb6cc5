import { once } from 'node:events';
import { createServer } from 'node:net';
import { freePort } from './free-port';

describe('freePort', () => {
  it('returns a loopback port a server can listen on', async () => {
    const port = await freePort();
    const server = createServer().listen(port, '127.0.0.1');
    try {
      await once(server, 'listening');
      expect(server.address()).toMatchObject({ port });
    } finally {
      server.close();
    }
  });
});
