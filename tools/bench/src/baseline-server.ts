import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The baseline: the tutorial's plain Socket.IO counter and chat, with default options.
 * Two additions so it can be measured exactly like the project: an ack on `click` and
 * `message` when the client asks for one, and a `welcome` on connect (the first server
 * message, which the connect scenario waits for).
 */
const port = Number(process.env.PORT ?? 3001);
const httpServer = createServer();
const io = new Server(httpServer);
let count = 0;

io.on('connection', (socket) => {
  socket.emit('welcome', { count });
  socket.on('click', (ack?: unknown) => {
    count++;
    io.emit('click', count);
    if (typeof ack === 'function') ack({ ok: true, count });
  });
  socket.on('message', (message: unknown, ack?: unknown) => {
    io.emit('message', message);
    if (typeof ack === 'function') ack({ ok: true });
  });
});

httpServer.listen(port, '127.0.0.1');
process.on('SIGTERM', () => {
  // Disconnect every client and close the HTTP server before exiting; a failed close is reported.
  io.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`baseline server: close failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
});
