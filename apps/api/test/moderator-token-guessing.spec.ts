import WebSocket from 'ws';
import {
  captureLogs,
  client,
  closeClients,
  connected,
  next,
  rawSocketUrl,
  removeDataDir,
  startApp,
} from './harness';
import type { Running } from './harness';

const TOKEN = 'guessing-test-operator-token-0123456789abcdef';
const wrong = (i: number) => `wrong-token-${String(i).padStart(4, '0')}-abcdefghijklmnopqrstuvwxyz`;

interface ConnectError {
  message: string;
  data?: { code?: string; retryAfterMs?: number };
}

/**
 * A raw Engine.IO WebSocket, as an attacker would drive it: one transport, CONNECT packets
 * (`40{…}`) sent again and again, each answered by a CONNECT_ERROR (`44{…}`) or a CONNECT (`40{…}`).
 */
async function rawSocket(url: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(rawSocketUrl(url), {
    headers,
  });
  const answers: string[] = [];
  const waiting: ((packet: string) => void)[] = [];
  ws.on('message', (data: Buffer) => {
    const packet = data.toString();
    if (packet === '2') return ws.send('3');
    if (!packet.startsWith('4')) return;
    const waiter = waiting.shift();
    if (waiter) waiter(packet);
    else answers.push(packet);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const answer = () =>
    new Promise<string>((resolve) => {
      const ready = answers.shift();
      if (ready !== undefined) resolve(ready);
      else waiting.push(resolve);
    });
  return {
    ws,
    /** Sends a CONNECT with `auth` and resolves with the server's answer packet. */
    async connect(auth: object): Promise<string> {
      ws.send(`40${JSON.stringify(auth)}`);
      return answer();
    },
  };
}

const connectError = (packet: string): ConnectError => {
  expect(packet.startsWith('44')).toBe(true);
  return JSON.parse(packet.slice(2)) as ConnectError;
};

describe('moderator token guessing', () => {
  let server: Running;
  const sockets: WebSocket[] = [];

  afterEach(async () => {
    sockets.splice(0).forEach((ws) => ws.terminate());
    closeClients();
    await server.close();
    removeDataDir(server.dataDir);
  });

  it('answers RATE_LIMITED with retryAfterMs after 5 wrong tokens, without evaluating the next ones', async () => {
    server = await startApp({ ADMIN_TOKEN: TOKEN });
    const raw = await rawSocket(server.url);
    sockets.push(raw.ws);

    for (let i = 0; i < 5; i++) {
      expect(connectError(await raw.connect({ token: wrong(i) }))).toEqual({
        message: 'Invalid moderator token',
        data: { code: 'FORBIDDEN' },
      });
    }
    const limited = connectError(await raw.connect({ token: wrong(5) }));
    expect(limited.data?.code).toBe('RATE_LIMITED');
    expect(limited.data?.retryAfterMs).toBeGreaterThan(0);
    expect(limited.message).toMatch(/Too many wrong moderator tokens/);

    // Even the right token is not looked at while the wait lasts: a guess there proves nothing.
    const right = connectError(await raw.connect({ token: TOKEN }));
    expect(right.data?.code).toBe('RATE_LIMITED');

    // The wait is per address, not per transport: a new connection from it waits as well.
    const fresh = client(server.url, { auth: { token: TOKEN } });
    const error = await next<Error & { data?: ConnectError['data'] }>(fresh, 'connect_error');
    expect(error.data?.code).toBe('RATE_LIMITED');

    // People without a token are not held back by someone guessing from their address.
    expect((await connected(server.url)).welcome.you.moderator).toBe(false);
  });

  it('lets the operator in at once after a few typos, and from another address during a wait (TRUST_PROXY)', async () => {
    server = await startApp({ ADMIN_TOKEN: TOKEN, TRUST_PROXY: '1' });
    const attacker = await rawSocket(server.url, { 'X-Forwarded-For': '203.0.113.66' });
    sockets.push(attacker.ws);
    for (let i = 0; i < 8; i++) await attacker.connect({ token: wrong(i) });
    // Forged entries before the proxy's own do not make the attacker someone else.
    const forged = await rawSocket(server.url, {
      'X-Forwarded-For': '198.51.100.9, 203.0.113.66',
    });
    sockets.push(forged.ws);
    expect(connectError(await forged.connect({ token: TOKEN })).data?.code).toBe('RATE_LIMITED');

    const operator = await rawSocket(server.url, { 'X-Forwarded-For': '198.51.100.9' });
    sockets.push(operator.ws);
    for (let i = 0; i < 3; i++) await operator.connect({ token: wrong(i) });
    expect((await operator.connect({ token: TOKEN })).startsWith('40{')).toBe(true);
  });

  it('logs one aggregated line per address, not one per try, and never the token', async () => {
    const logs = captureLogs('warn');
    server = await startApp({ ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn' }, logs.logger);
    const raw = await rawSocket(server.url);
    sockets.push(raw.ws);
    for (let i = 0; i < 50; i++) await raw.connect({ token: wrong(i) });

    const lines = logs.lines().filter((line) => /moderator token/.test(String(line['msg'])));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 40,
      address: '127.0.0.1',
      msg: '1 failed moderator token from 127.0.0.1 in the last minute',
    });
    expect(logs.text()).not.toContain('wrong-token-');
  });
});
