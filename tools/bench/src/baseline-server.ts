import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The baseline: the tutorial's plain Socket.IO counter and chat, with default options, in rooms
 * the tutorial way: a connection joins the room its `auth.room` names (`lobby` without one) and
 * everything it sends goes to that room alone, which keeps a count of its own.
 * Two additions so it can be measured exactly like the project: an ack on `click` and
 * `message` when the client asks for one, and a `welcome` on connect (the first server
 * message, which the connect scenario waits for).
 */
const port = Number(process.env.PORT ?? 3001);
const httpServer = createServer();
const io = new Server(httpServer);
const counts = new Map<string, number>();

io.on('connection', (socket) => {
  const { room: asked } = socket.handshake.auth as { room?: unknown };
  const room = typeof asked === 'string' && asked ? asked : 'lobby';
  void socket.join(room); // at once with the default in-memory adapter
  socket.emit('welcome', { count: counts.get(room) ?? 0 });
  socket.on('click', (ack?: unknown) => {
    const count = (counts.get(room) ?? 0) + 1;
    counts.set(room, count);
    io.to(room).emit('click', count);
    if (typeof ack === 'function') ack({ ok: true, count });
  });
  socket.on('message', (message: unknown, ack?: unknown) => {
    io.to(room).emit('message', message);
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
