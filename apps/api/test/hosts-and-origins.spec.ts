import WebSocket from 'ws';
import { httpRequest as get, serveEachTest, useServers } from './harness';

/** Opens a raw WebSocket; resolves 101 when it opens, else the HTTP status it was refused with. */
function upgrade(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve(0));
  });
}

const handshake = (url: string) => `${url}/socket.io/?EIO=4&transport=polling`;
const wsHandshake = (url: string) => `${url}/socket.io/?EIO=4&transport=websocket`;

/** Opens an Engine.IO polling session by hand and returns its id. */
async function pollingSession(url: string): Promise<string> {
  const answer = await get(handshake(url));
  return (JSON.parse(answer.body.slice(1)) as { sid: string }).sid;
}

describe('Host: DNS rebinding', () => {
  const server = serveEachTest();
  const port = () => new URL(server().url).port;
  const rebound = () => ({
    Host: `rebind.attacker.example:${port()}`,
    Origin: `http://rebind.attacker.example:${port()}`,
  });

  it('refuses a polling handshake whose Host and Origin are both the attacker’s name, with 421', async () => {
    const answer = await get(handshake(server().url), rebound());
    expect(answer.status).toBe(421);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.body).toMatch(/rebind\.attacker\.example.*PUBLIC_URL/);
  });

  it('refuses a WebSocket handshake whose Host and Origin are both the attacker’s name, with 421', async () => {
    expect(await upgrade(wsHandshake(server().url), rebound())).toBe(421);
  });

  it('refuses plain HTTP requests (the UI, /health, /metrics) for a foreign Host', async () => {
    for (const path of ['/', '/health', '/metrics']) {
      const answer = await get(`${server().url}${path}`, {
        Host: `rebind.attacker.example:${port()}`,
      });
      expect([path, answer.status]).toEqual([path, 421]);
    }
  });

  it('serves its own hosts by default: localhost and 127.0.0.1 on the port it listens on', async () => {
    for (const host of [`localhost:${port()}`, `127.0.0.1:${port()}`]) {
      expect((await get(`${server().url}/health`, { Host: host })).status).toBe(200);
      const origin = `http://${host}`;
      expect((await get(handshake(server().url), { Host: host, Origin: origin })).status).toBe(200);
      expect(await upgrade(wsHandshake(server().url), { Host: host, Origin: origin })).toBe(101);
    }
  });
});

describe('Origin: never derived from Host', () => {
  const start = useServers();

  it('with PUBLIC_URL, serves that host and its origin (and loopback), and nothing else', async () => {
    const server = await start({ PUBLIC_URL: 'https://chat.example.com' });
    const own = { Host: 'chat.example.com', Origin: 'https://chat.example.com' };
    expect((await get(handshake(server.url), own)).status).toBe(200);
    expect(await upgrade(wsHandshake(server.url), own)).toBe(101);
    // Same host, other scheme: not this server's origin.
    const other = { Host: 'chat.example.com', Origin: 'http://chat.example.com' };
    expect((await get(handshake(server.url), other)).status).toBe(403);
    expect((await get(`${server.url}/health`, { Host: new URL(server.url).host })).status).toBe(
      200,
    );
    expect((await get(`${server.url}/health`, { Host: 'chat.example.org' })).status).toBe(421);
  });

  it('answers 403 to a WebSocket handshake from a foreign Origin, as the docs say', async () => {
    const server = await start();
    expect(await upgrade(wsHandshake(server.url), { Origin: 'http://evil.example' })).toBe(403);
  });

  it('refuses to upgrade a polling session to WebSocket from a foreign Origin', async () => {
    const server = await start();
    const sid = await pollingSession(server.url);
    const status = await upgrade(`${wsHandshake(server.url)}&sid=${sid}`, {
      Origin: 'http://evil.example',
    });
    expect(status).toBe(403);
  });

  it('refuses a polling request of an open session from a foreign Origin', async () => {
    const server = await start();
    const sid = await pollingSession(server.url);
    const answer = await get(`${handshake(server.url)}&sid=${sid}`, {
      Origin: 'http://evil.example',
    });
    expect(answer.status).toBe(403);
  });
});
