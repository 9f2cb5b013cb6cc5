import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { flood } from './flood-attacker';
import { offer } from './offer';
import { countCrossRoomClicks, type RoomClicks } from './room-deliveries';
import { chatsInRooms, roomMessageText, roomOf, roomSlug, sentInRoom } from './room-layout';
import { nowNs, nsToMs } from './stats';
import type {
  ClicksResult,
  Collected,
  ConnectResult,
  CrossRoomDeliveries,
  FanoutLatencies,
  RecordMode,
  RoomsLoad,
  WorkerCommand,
  WorkerProgress,
  WorkerReply,
} from './worker-protocol';

/**
 * A load-generator process: holds its share of the Socket.IO clients and runs what the main
 * process commands over IPC (or, for the flood, is its attacker). Listeners only append to flat
 * arrays; all maths happens after.
 */

const sockets = new Map<number, Socket>();
const lastCounts = new Map<number, number>();
/** The room each client is in, when connected for the rooms scenario. */
const roomOfClient = new Map<number, number>();
let mode: RecordMode = 'off';
let clickDeliveries = 0;
let messageDeliveries = 0;
let crossRoomMessages = 0;
let clickClients: number[] = [];
let clickCounts: number[] = [];
let clickTimes: number[] = [];
let messageLatencyMs: number[] = [];
let loopSince: EventLoopUtilization = performance.eventLoopUtilization();
/** Sends and acks of the storm in progress, reported as progress. */
const live = { sent: 0, acked: 0 };

function onClick(index: number, count: number): void {
  lastCounts.set(index, count);
  if (mode === 'off') return;
  clickDeliveries++;
  // The rooms scenario checks each delivery against its room's clicks afterwards (crossRoom).
  if (mode === 'click-times' || mode === 'rooms') {
    clickClients.push(index);
    clickCounts.push(count);
    clickTimes.push(nowNs());
  }
}

function onMessage(index: number, message: unknown): void {
  if (mode !== 'message-latency' && mode !== 'rooms') return;
  const at = nowNs();
  // The baseline echoes the string; the project sends a ChatMessage.
  const text = typeof message === 'string' ? message : (message as { text?: string })?.text;
  if (mode === 'rooms') {
    messageDeliveries++;
    if (sentInRoom(text ?? '') !== roomSlug(roomOfClientOrFail(index))) crossRoomMessages++;
    return;
  }
  const sentNs = Number(text?.split(' ')[1]);
  if (!Number.isFinite(sentNs)) return;
  messageDeliveries++;
  messageLatencyMs.push(nsToMs(at - sentNs));
}

function roomOfClientOrFail(index: number): number {
  const room = roomOfClient.get(index);
  if (room === undefined) throw new Error(`client ${index} was not connected to a room`);
  return room;
}

function connect(
  url: string,
  indices: number[],
  timeoutMs: number,
  roomClients?: number,
): Promise<ConnectResult> {
  const result: ConnectResult = {
    connected: 0,
    welcomed: 0,
    failed: 0,
    lastConnectNs: 0,
    lastWelcomeNs: 0,
    errors: [],
  };
  return new Promise((resolve) => {
    let settled = 0;
    const done = () => {
      if (++settled === indices.length) finish();
    };
    const timer = setTimeout(() => {
      result.errors.push(`${indices.length - settled} clients not welcomed within ${timeoutMs} ms`);
      finish();
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      resolve(result);
    };
    if (indices.length === 0) return finish();
    for (const index of indices) {
      const room = roomClients === undefined ? undefined : roomOf(index, roomClients);
      if (room !== undefined) roomOfClient.set(index, room);
      const socket = io(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        timeout: timeoutMs,
        auth: { name: `bench-${index}`, ...(room !== undefined && { room: roomSlug(room) }) },
      });
      sockets.set(index, socket);
      lastCounts.set(index, -1);
      let over = false;
      socket.on('connect', () => {
        result.connected++;
        result.lastConnectNs = Math.max(result.lastConnectNs, nowNs());
      });
      socket.once('welcome', (welcome: { count?: number }) => {
        result.welcomed++;
        result.lastWelcomeNs = Math.max(result.lastWelcomeNs, nowNs());
        if (typeof welcome?.count === 'number') lastCounts.set(index, welcome.count);
        if (!over) {
          over = true;
          done();
        }
      });
      socket.on('connect_error', (error) => {
        result.failed++;
        if (result.errors.length < 5) result.errors.push(error.message);
        if (!over) {
          over = true;
          done();
        }
      });
      socket.on('click', (count: number) => onClick(index, count));
      socket.on('message', (message: unknown) => onMessage(index, message));
    }
  });
}

function clientsOf(indices: number[]): [number, Socket][] {
  return indices.map((index) => {
    const socket = sockets.get(index);
    if (!socket) throw new Error(`client ${index} is not in this worker`);
    return [index, socket];
  });
}

async function clicks(
  index: number,
  count: number,
  intervalMs: number,
  ackTimeoutMs: number,
): Promise<ClicksResult> {
  const sends: [number, number][] = [];
  const series = await offer({
    clients: clientsOf([index]),
    rate: 1000 / intervalMs,
    durationMs: count * intervalMs,
    ackTimeoutMs,
    send: (socket, _i, _seq, ack) => socket.emit('click', ack),
    onAck: (result, sentNs) => sends.push([(result as { count: number }).count, sentNs]),
    live,
  });
  return { ...series, sends };
}

/**
 * Fan-out latency per client and click: from the click's send to the first broadcast that
 * carries its count or a later one (a coalesced broadcast serves every click it covers).
 */
function fanoutLatencies(sentNsByCount: Record<string, number>): FanoutLatencies {
  const sent = Object.entries(sentNsByCount)
    .map(([count, ns]) => [Number(count), ns] as const)
    .sort((a, b) => a[0] - b[0]);
  const served = new Map<number, number>(); // client → index in `sent` of its next unserved click
  const latencyMs: number[] = [];
  const firstMs = sent.map(() => NaN);
  const lastMs = sent.map(() => NaN);
  let unmatched = 0;
  for (let i = 0; i < clickCounts.length; i++) {
    let next = served.get(clickClients[i]) ?? 0;
    const before = next;
    while (next < sent.length && sent[next][0] <= clickCounts[i]) {
      const ms = nsToMs(clickTimes[i] - sent[next][1]);
      latencyMs.push(ms);
      if (!(ms >= firstMs[next])) firstMs[next] = ms;
      if (!(ms <= lastMs[next])) lastMs[next] = ms;
      next++;
    }
    if (next === before) unmatched++;
    served.set(clickClients[i], next);
  }
  return { latencyMs, firstMs, lastMs, unmatched };
}

/**
 * The rooms scenario's load from this worker's clients: each clicks `clickRate` times a second
 * and every fifth also sends `messageRate` messages a second, all in its own room; says, per
 * room, what its clients here sent and got acked.
 */
async function roomsLoad(
  clickRate: number,
  messageRate: number,
  durationMs: number,
  ackTimeoutMs: number,
): Promise<RoomsLoad> {
  const rooms: Record<string, RoomClicks> = {};
  const shareOf = (index: number) =>
    (rooms[roomOfClientOrFail(index)] ??= { start: -1, sent: 0, acked: 0, acks: [] });
  // No click is on its way yet: the counts held now are the rooms' counts at the start.
  for (const [index, count] of lastCounts) {
    const share = shareOf(index);
    share.start = Math.max(share.start, count);
  }
  const clients = [...sockets.entries()];
  const [clicks, messages] = await Promise.all([
    offer({
      clients,
      rate: clickRate,
      durationMs,
      ackTimeoutMs,
      send: (socket, index, _seq, ack) => {
        shareOf(index).sent++;
        socket.emit('click', ack);
      },
      onAck: (result, sentNs, index) => {
        const share = shareOf(index);
        share.acked++;
        share.acks.push([(result as { count: number }).count, sentNs]);
      },
      live,
    }),
    offer({
      clients: clients.filter(([index]) => chatsInRooms(index)),
      rate: messageRate,
      durationMs,
      ackTimeoutMs,
      send: (socket, index, seq, ack) =>
        socket.emit(
          'message',
          roomMessageText(String(index), seq, roomSlug(roomOfClientOrFail(index))),
          ack,
        ),
    }),
  ]);
  return { clicks, messages, rooms };
}

function crossRoom(rooms: RoomClicks[]): CrossRoomDeliveries {
  const received = { clients: clickClients, counts: clickCounts, atNs: clickTimes };
  return {
    clicks: countCrossRoomClicks(received, rooms, roomOfClientOrFail),
    messages: crossRoomMessages,
  };
}

function collect(): Collected {
  const busy = performance.eventLoopUtilization(loopSince).utilization;
  return {
    clickDeliveries,
    messageDeliveries,
    messageLatencyMs,
    lastCounts: [...lastCounts.values()],
    clients: [...lastCounts.keys()],
    busy,
  };
}

function record(next: RecordMode): void {
  mode = next;
  loopSince = performance.eventLoopUtilization();
  clickDeliveries = messageDeliveries = crossRoomMessages = 0;
  clickClients = [];
  clickCounts = [];
  clickTimes = [];
  messageLatencyMs = [];
  live.sent = live.acked = 0;
}

async function disconnect(): Promise<void> {
  for (const socket of sockets.values()) socket.disconnect();
  sockets.clear();
  lastCounts.clear();
  roomOfClient.clear();
  record('off');
}

async function run(command: WorkerCommand): Promise<unknown> {
  switch (command.cmd) {
    case 'connect':
      return connect(command.url, command.indices, command.timeoutMs, command.roomClients);
    case 'record':
      return record(command.mode);
    case 'clicks':
      return clicks(command.index, command.count, command.intervalMs, command.ackTimeoutMs);
    case 'fanoutLatencies':
      return fanoutLatencies(command.sentNsByCount);
    case 'chat':
      return offer({
        clients: clientsOf(command.senders),
        rate: command.rate,
        durationMs: command.durationMs,
        ackTimeoutMs: command.ackTimeoutMs,
        send: (socket, index, seq, ack) =>
          // The send time travels in the text: hrtime is comparable across processes.
          socket.emit('message', `bench ${nowNs()} ${index}-${seq}`, ack),
        live,
      });
    case 'storm':
      return offer({
        clients: [...sockets.entries()],
        rate: command.rate,
        durationMs: command.durationMs,
        ackTimeoutMs: command.ackTimeoutMs,
        send: (socket, _i, _s, ack) => socket.emit('click', ack),
        live,
      });
    case 'rooms':
      return roomsLoad(
        command.clickRate,
        command.messageRate,
        command.durationMs,
        command.ackTimeoutMs,
      );
    case 'crossRoom':
      return crossRoom(command.rooms);
    case 'flood':
      return flood(command);
    case 'collect':
      return collect();
    case 'disconnect':
      return disconnect();
  }
}

const send = (message: WorkerReply | WorkerProgress) => process.send?.(message);

process.on('message', (message: { id: number } & WorkerCommand) => {
  run(message).then(
    (result) => send({ id: message.id, ok: true, result }),
    (error: unknown) =>
      send({ id: message.id, ok: false, error: String((error as Error)?.stack ?? error) }),
  );
});

// Progress for the main process's status line.
setInterval(
  () => send({ progress: { sent: live.sent, acked: live.acked, deliveries: clickDeliveries } }),
  500,
).unref();
// The main process went away: leave with it, closing every socket.
process.on('disconnect', () => process.exit(0));
