import WebSocket from 'ws';
import { connected, eventually, metricsText, rawSocketUrl, useServers } from './harness';

const start = useServers();

/** Opens an Engine.IO polling session by hand and returns its id. */
async function pollingSession(url: string): Promise<string> {
  const body = await (await fetch(`${url}/socket.io/?EIO=4&transport=polling`)).text();
  return (JSON.parse(body.slice(1)) as { sid: string }).sid;
}

/** `count` Socket.IO CONNECT packets for the main namespace in one polling body. */
const connectPackets = (count: number) => Array.from({ length: count }, () => '40').join('\x1e');

const connectedSockets = async (url: string) =>
  Number(/^live_connected_sockets (\d+)$/m.exec(await metricsText(url))?.[1]);

describe('one socket per engine connection and namespace', () => {
  it('closes a polling connection whose one POST carries 2000 CONNECT packets, and online stays true', async () => {
    const server = await start();
    const { socket: watcher } = await connected(server.url);
    const sid = await pollingSession(server.url);
    const url = `${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`;
    const posted = await fetch(url, { method: 'POST', body: connectPackets(2000) });
    expect(posted.status).toBe(200);

    // The connection is gone: polling on it is refused.
    await eventually(async () => expect((await fetch(url)).status).toBe(400));
    expect(await connectedSockets(server.url)).toBeLessThanOrEqual(2);
    await eventually(async () => expect(await connectedSockets(server.url)).toBe(1));
    const { welcome } = await connected(server.url);
    expect(welcome.online).toBe(2);
    expect(watcher.connected).toBe(true);
  });

  it('closes a WebSocket that sends a second CONNECT while its first is still being admitted', async () => {
    const server = await start();
    const raw = new WebSocket(rawSocketUrl(server.url));
    const received: string[] = [];
    raw.on('message', (data) => received.push(String(data)));
    await new Promise((resolve) => raw.once('open', resolve));
    // Both frames arrive before the first socket has finished its middleware.
    raw.send('40');
    raw.send('40');
    await new Promise((resolve) => raw.once('close', resolve));
    await eventually(async () => expect(await connectedSockets(server.url)).toBe(0));
  });

  it('lets a client that left the namespace join again on the same connection', async () => {
    const server = await start();
    const raw = new WebSocket(rawSocketUrl(server.url));
    const received: string[] = [];
    raw.on('message', (data) => received.push(String(data)));
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send('40');
    await eventually(() => expect(received.filter((p) => p.startsWith('40{'))).toHaveLength(1));
    raw.send('41');
    // Socket.IO itself closes a connection whose CONNECT arrives before its DISCONNECT is processed.
    await eventually(async () => expect(await connectedSockets(server.url)).toBe(0));
    raw.send('40');
    await eventually(() => expect(received.filter((p) => p.startsWith('40{'))).toHaveLength(2));
    expect(raw.readyState).toBe(WebSocket.OPEN);
    expect(await connectedSockets(server.url)).toBe(1);
    raw.close();
  });
});
