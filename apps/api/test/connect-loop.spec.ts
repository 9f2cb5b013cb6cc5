import WebSocket from 'ws';
import {
  captureLogs,
  closeClients,
  connected,
  metricsText,
  rawSocketUrl,
  removeDataDir,
  startApp,
} from './harness';

/**
 * A client that connects in a loop from another address on this machine (Linux routes all of
 * 127/8 to loopback), and on every connection it gets sends each limited event at full speed.
 */
function floodFrom(address: string, url: string, loops: number, durationMs: number) {
  const end = Date.now() + durationMs;
  const seen = { attempts: 0, admitted: 0, refused: 0, turnedAway: 0 };
  const loop = (): Promise<void> =>
    new Promise((resolve) => {
      if (Date.now() > end) return resolve();
      seen.attempts += 1;
      const ws = new WebSocket(rawSocketUrl(url), { localAddress: address });
      ws.on('error', () => undefined);
      ws.once('unexpected-response', (_req, res) => {
        if (res.statusCode === 429) seen.turnedAway += 1;
        ws.terminate();
      });
      ws.on('close', () => setImmediate(() => resolve(loop())));
      ws.on('message', (data) => {
        const packet = String(data);
        if (packet.startsWith('0')) ws.send('40{"name":"flood"}');
        else if (packet.startsWith('44')) {
          seen.refused += 1;
          ws.close();
        } else if (packet.startsWith('40')) {
          seen.admitted += 1;
          for (let i = 0; i < 20; i++) {
            ws.send(`42${i}["click"]`);
            ws.send(`42["message",{"text":"flood ${i}"}]`);
            ws.send('42["history",{}]');
            ws.send('42["typing",true]');
          }
          ws.close();
        }
      });
    });
  return Promise.all(Array.from({ length: loops }, loop)).then(() => seen);
}

afterEach(() => closeClients());

describe('one address connecting in a loop and flooding every event', () => {
  it('is turned away at the HTTP request after its burst, while another client is served and counted', async () => {
    const logs = captureLogs('info');
    const server = await startApp({ RATE_CONNECT_BURST: '20' }, logs.logger);
    try {
      const { socket: other } = await connected(server.url);
      const clicking = (async () => {
        const acks: unknown[] = [];
        for (let i = 0; i < 20; i++) {
          acks.push(await other.timeout(5000).emitWithAck('click', {}));
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return acks;
      })();
      const [flood, acks] = await Promise.all([
        floodFrom('127.0.0.2', server.url, 10, 2500),
        clicking,
      ]);

      // The burst is admitted; every connection after it is refused, nearly all before a
      // handshake: Socket.IO itself refuses only the few in flight each time a wait ends.
      expect(flood.admitted).toBeLessThanOrEqual(22);
      expect(flood.turnedAway).toBeGreaterThan(flood.attempts * 0.9);
      expect(flood.refused).toBeLessThanOrEqual(10 * 4);
      // The other client was never refused, and its clicks are all in the count.
      expect(acks).toHaveLength(20);
      for (const ack of acks) expect(ack).toMatchObject({ ok: true });
      const { count } = (await other.emitWithAck('click', {})) as { count: number };
      const floodClicks = Number(
        /^live_events_total\{event="click",result="ok"\} (\d+)$/m.exec(
          await metricsText(server.url),
        )?.[1],
      );
      expect(count).toBe(floodClicks);
      // The operator reads a line per address a minute about it, not one per refusal.
      const refusalLines = logs.lines().filter((l) => String(l['msg']).startsWith('connections'));
      expect(refusalLines).toEqual([
        expect.objectContaining({ address: '127.0.0.2', reason: 'connect_rate', refusals: 1 }),
      ]);
    } finally {
      await server.close();
      removeDataDir(server.dataDir);
    }
  });
});
