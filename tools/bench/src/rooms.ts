import { offer, type AckedSend } from './offer';
import type { BenchOptions, Target } from './options';
import type { WorkerPool } from './pool';
import { isRunning, readCpuSeconds } from './proc';
import { connectProbe, readCount } from './probe';
import type { RoomClicks } from './room-deliveries';
import { WARMUP_ROOM, roomMessageText, roomOf, roomSlug } from './room-layout';
import type { RoomsPoint } from './results';
import { startServer } from './servers';
import { nowNs, nsToMs } from './stats';
import type { Collected, CrossRoomDeliveries, RoomsLoad } from './worker-protocol';
import { ackFigures, connectClients, mergeCollected, mergeSeries, settle } from './worker-replies';

/** Each client clicks this often (with an ack), and every fifth also sends this many messages. */
export const ROOM_CLICKS_PER_SEC = 1;
export const ROOM_MESSAGES_PER_SEC = 1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const click: AckedSend = (socket, _index, _seq, ack) => socket.emit('click', ack);

/**
 * Untimed, from a client in a room of its own so no measured room's count moves: the clicks and
 * messages that take the server's hot paths past the JIT's cold start, as the load scenarios'
 * warm-up does.
 */
async function warmUp(url: string, options: BenchOptions): Promise<void> {
  const { warmup, fanoutIntervalMs, ackTimeoutMs } = options;
  if (warmup === 0) return;
  const probe = await connectProbe(url, { name: 'bench-warmup', room: WARMUP_ROOM });
  try {
    const paced = { clients: [[0, probe]] as const, rate: 1000 / fanoutIntervalMs, ackTimeoutMs };
    const durationMs = warmup * fanoutIntervalMs;
    await offer({ ...paced, durationMs, send: click });
    await offer({
      ...paced,
      durationMs,
      send: (socket, _index, seq, ack) =>
        socket.emit('message', roomMessageText('warmup', seq, WARMUP_ROOM), ack),
    });
  } finally {
    probe.disconnect();
  }
  // The last broadcasts reach their room before anything is timed.
  await sleep(fanoutIntervalMs);
}

/** Every worker's share of each room as one, by room index. */
function mergeRooms(parts: RoomsLoad[], rooms: number): RoomClicks[] {
  return Array.from({ length: rooms }, (_, room) => {
    const shares = parts.flatMap((part) => part.rooms[room] ?? []);
    return {
      start: Math.max(0, ...shares.map((share) => share.start)),
      sent: shares.reduce((n, share) => n + share.sent, 0),
      acked: shares.reduce((n, share) => n + share.acked, 0),
      acks: shares.flatMap((share) => share.acks),
    };
  });
}

/**
 * The rooms scenario on a fresh server of `target`: `rooms` rooms of `roomClients` clients each
 * (named in `auth.room`), every client clicking with an ack and every fifth chatting, for
 * `roomsSeconds`. Then each room's count is read by a new connection to it, and every delivery
 * a client received is checked against its own room's clicks and messages. Always stops what it
 * started.
 */
export async function runRooms(
  options: BenchOptions,
  pool: WorkerPool,
  target: Target,
  round: number,
  say: (phase: string, live?: () => string) => void,
): Promise<RoomsPoint> {
  const { rooms, roomClients, roomsSeconds, ackTimeoutMs } = options;
  const n = rooms * roomClients;
  const point: RoomsPoint = { target, round, serverUp: false, rooms, clients: n, welcomed: 0 };
  say('starting server');
  const server = await startServer(target, { api: options.api, profileDir: options.profileDir });
  try {
    say(`connecting ${n} clients to ${rooms} rooms`);
    const { welcomed, shortfall } = await connectClients(pool, {
      url: server.url,
      n,
      timeoutMs: options.connectTimeoutMs,
      roomClients,
    });
    point.welcomed = welcomed;
    if (shortfall) throw shortfall;
    // The connection burst's people and presence broadcasts die down before anything is timed.
    await sleep(options.settleMs / 3);
    say(`warming up in ${WARMUP_ROOM}: ${options.warmup} clicks and messages`);
    await warmUp(server.url, options);

    await pool.all({ cmd: 'record', mode: 'rooms' });
    const offered = Math.max(1, Math.round(roomsSeconds * ROOM_CLICKS_PER_SEC)) * n;
    say(`${rooms} rooms × ${roomClients} clients for ${roomsSeconds} s`, () => {
      const sum = pool.progress.reduce(
        (s, p) => ({ sent: s.sent + p.sent, acked: s.acked + p.acked }),
        { sent: 0, acked: 0 },
      );
      return `clicks sent ${sum.sent}/${offered} acked ${sum.acked}`;
    });
    const cpu0 = readCpuSeconds(server.pid);
    const t0 = nowNs();
    const parts = await pool.all<RoomsLoad>({
      cmd: 'rooms',
      clickRate: ROOM_CLICKS_PER_SEC,
      messageRate: ROOM_MESSAGES_PER_SEC,
      durationMs: roomsSeconds * 1000,
      ackTimeoutMs,
    });
    // Read together, so the CPU is divided by the deliveries it paid for.
    const during = mergeCollected(await pool.all<Collected>({ cmd: 'collect' }));
    const cpuSeconds = readCpuSeconds(server.pid) - cpu0;
    const elapsedS = nsToMs(nowNs() - t0) / 1000;
    const clicks = mergeSeries(parts.map((part) => part.clicks));
    const messages = mergeSeries(parts.map((part) => part.messages));
    const byRoom = mergeRooms(parts, rooms);
    const deliveries = during.clickDeliveries + during.messageDeliveries;
    point.clicks = ackFigures(clicks);
    point.server = {
      deliveries,
      cpuSeconds,
      cpuPct: (100 * cpuSeconds) / elapsedS,
      cpuSecondsPer1000Deliveries: cpuSeconds / (deliveries / 1000),
    };
    point.loadGeneratorBusy = during.busy;

    say(`reading the count of each of ${rooms} rooms`);
    const finals = await Promise.all(
      Array.from({ length: rooms }, (_, room) =>
        readCount(server.url, {
          name: `bench-count-${room}`,
          room: roomSlug(room),
          timeoutMs: options.connectTimeoutMs,
        }),
      ),
    );
    const finalOf = (client: number) => finals[roomOf(client, roomClients)];
    // Each message reaches every client of its room, its sender too.
    const expected = messages.acked * roomClients;
    const settled = await settle(
      pool,
      (c) =>
        c.messageDeliveries >= expected &&
        c.clients.every((client, i) => c.lastCounts[i] === finalOf(client)),
      5000,
    );
    const cross = await pool.all<CrossRoomDeliveries>({ cmd: 'crossRoom', rooms: byRoom });
    await pool.all({ cmd: 'record', mode: 'off' });
    point.messages = {
      sent: messages.sent,
      acked: messages.acked,
      delivered: settled.messageDeliveries,
      expected,
    };
    const crossClicks = cross.reduce((sum, part) => sum + part.clicks, 0);
    const crossMessages = cross.reduce((sum, part) => sum + part.messages, 0);
    point.crossRoom = {
      clicks: crossClicks,
      messages: crossMessages,
      none: crossClicks + crossMessages === 0,
    };
    const exactRooms = byRoom.filter(
      (room, i) => finals[i] - room.start === room.acked && room.acked === room.sent,
    ).length;
    point.counts = {
      exactRooms,
      exact: exactRooms === rooms,
      converged: settled.clients.filter((client, i) => settled.lastCounts[i] === finalOf(client))
        .length,
    };
  } catch (error) {
    point.error = (error as Error).message;
  } finally {
    point.serverUp = isRunning(server.pid);
    say('disconnecting');
    await pool.all({ cmd: 'disconnect' }).catch(() => undefined);
    await server.stop();
  }
  return point;
}
