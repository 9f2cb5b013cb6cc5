import { connected, eventually, metricsText, useServers } from './harness';

const start = useServers();

async function pollingSession(url: string): Promise<string> {
  const body = await (await fetch(`${url}/socket.io/?EIO=4&transport=polling`)).text();
  return (JSON.parse(body.slice(1)) as { sid: string }).sid;
}

const connectPackets = (count: number) => Array.from({ length: count }, () => '40').join('\x1e');
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

describe('CONNECT floods in polling bodies', () => {
  it('keep memory bounded: 20 000 CONNECT packets from one address cost no socket each', async () => {
    const server = await start();
    const { socket: watcher } = await connected(server.url);
    const before = rssMb();
    // As one 60 KB POST (under the 64 KB body limit), then as ten POSTs on ten sessions.
    const bodies = [
      connectPackets(20_000),
      ...Array.from({ length: 10 }, () => connectPackets(2000)),
    ];
    for (const body of bodies) {
      const sid = await pollingSession(server.url);
      await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
        method: 'POST',
        body,
      });
    }
    await eventually(async () =>
      expect(await metricsText(server.url)).toMatch(/^live_connected_sockets 1$/m),
    );
    const grown = rssMb() - before;
    process.stdout.write(`RSS grew ${grown.toFixed(1)} MB over 40 000 CONNECT packets\n`);
    expect(grown).toBeLessThan(64);
    expect(watcher.connected).toBe(true);
    const { welcome } = await connected(server.url);
    expect(welcome.online).toBe(2);
  });
});
