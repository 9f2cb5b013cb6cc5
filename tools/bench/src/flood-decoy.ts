import { createServer } from 'node:http';

/**
 * The flood's control: a server that is nothing but the project's answer to a refused address (a
 * 429 at the WebSocket upgrade), in a process of its own. With the attacker sent here instead of
 * to the server under test, that server does nothing for the flood, so what its client still
 * loses is what sharing the machine with the attacker costs (`--flood-at decoy`). `/` answers 200,
 * for the bench to know it serves.
 */
const REFUSAL = 'HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';

const server = createServer((req, res) => {
  res.writeHead(req.url === '/' ? 200 : 429).end();
});
server.on('upgrade', (_req, socket) => {
  // The attacker drops connections it has given up on: a reset is no reason to stop.
  socket.on('error', () => undefined);
  socket.end(REFUSAL);
});
server.on('clientError', (_error, socket) => socket.destroy());
server.listen(Number(process.env.PORT ?? 3002), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
