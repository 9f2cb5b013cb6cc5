import type { ServerProcess } from '@live/test-support';
import type { Socket } from 'socket.io-client';
import { offer, type AckedSend } from './offer';
import type { BenchOptions, Target } from './options';
import type { WorkerPool } from './pool';
import { connectProbe } from './probe';
import { isRunning, readCpuSeconds, readRssKiB } from './proc';
import type { FloodPoint } from './results';
import { startDecoy, startServer } from './servers';
import { nowNs, nsToMs } from './stats';
import type { FloodAttack } from './worker-protocol';
import { ackFigures } from './worker-replies';

/**
 * Where the attacker connects from. Linux routes all of 127/8 to loopback, so the server sees
 * another client than the victim on 127.0.0.1 — which matters, as the project limits per address.
 */
export const ATTACKER_ADDRESS = '127.0.0.2';

/** The victim's pace: half the project's per-connection click limit (20/s), which never refuses it. */
export const VICTIM_CLICKS_PER_SEC = 10;

/** The victim's first clicks on a fresh server run cold (JIT) and are not counted. */
const VICTIM_WARMUP_MS = 1000;

/**
 * The history before the flood, so that welcomes and history pages are as big as in use: 60
 * messages from 12 clients over 2 s, within the project's message limits per connection (a
 * burst of 5) and per address (a burst of 50, then 10/s).
 */
const SEED = { senders: 12, perSender: 5, seconds: 2 };

const click: AckedSend = (socket, _index, _seq, ack) => socket.emit('click', ack);

/** Sends SEED's messages and says how many were acked. */
async function seedHistory(url: string, ackTimeoutMs: number): Promise<number> {
  const senders = await Promise.all(
    Array.from({ length: SEED.senders }, (_, i) => connectProbe(url, { name: `bench-seed-${i}` })),
  );
  try {
    const series = await offer({
      clients: senders.map((socket, i) => [i, socket] as const),
      rate: SEED.perSender / SEED.seconds,
      durationMs: SEED.seconds * 1000,
      ackTimeoutMs,
      send: (socket, index, seq, ack) =>
        socket.emit('message', `Message ${seq + 1} of seeder ${index}, about as long as most`, ack),
    });
    return series.acked;
  } finally {
    for (const socket of senders) socket.disconnect();
  }
}

/**
 * The flood scenario on a fresh server of `target` with the product's own limits: a victim in
 * this process clicks with acks, alone and then while worker 0 floods the server from
 * ATTACKER_ADDRESS (or, with `floodAt: 'decoy'`, a decoy process beside it). Always stops what
 * it started.
 */
export async function runFlood(
  options: BenchOptions,
  pool: WorkerPool,
  target: Target,
  round: number,
  say: (phase: string, live?: () => string) => void,
): Promise<FloodPoint> {
  const { floodQuietSeconds, floodSeconds, floodConcurrency, floodAt, ackTimeoutMs } = options;
  const point: FloodPoint = { target, round, serverUp: false };
  say('starting server');
  const server = await startServer(target, {
    api: options.api,
    profileDir: options.profileDir,
    limits: 'product',
  });
  let victim: Socket | undefined;
  let decoy: ServerProcess | undefined;
  try {
    if (floodAt === 'decoy') decoy = await startDecoy();
    say(`seeding ${SEED.senders * SEED.perSender} messages`);
    point.seeded = await seedHistory(server.url, ackTimeoutMs);
    victim = await connectProbe(server.url, { name: 'bench-victim' });
    const live = { sent: 0, acked: 0 };
    const clients = [[0, victim]] as const;
    const clicking = (seconds: number) =>
      offer({
        clients,
        rate: VICTIM_CLICKS_PER_SEC,
        durationMs: seconds * 1000,
        ackTimeoutMs,
        send: click,
        live,
      });
    const progress = () => `victim: ${live.sent} clicks, ${live.acked} acked`;
    say('warming up the victim', progress);
    await clicking(VICTIM_WARMUP_MS / 1000);
    say(`the victim alone for ${floodQuietSeconds} s`, progress);
    const quiet = await clicking(floodQuietSeconds);

    say(
      `${floodConcurrency} attack loops from ${ATTACKER_ADDRESS} for ${floodSeconds} s`,
      progress,
    );
    const rssBeforeKiB = readRssKiB(server.pid);
    const cpu0 = readCpuSeconds(server.pid);
    const decoyCpu0 = decoy ? readCpuSeconds(decoy.pid) : 0;
    const t0 = nowNs();
    // The server's CPU is read the moment the attacker stops, not after the victim's last ack.
    const attack = pool
      .send<FloodAttack>(0, {
        cmd: 'flood',
        url: (decoy ?? server).url,
        concurrency: floodConcurrency,
        durationMs: floodSeconds * 1000,
        localAddress: ATTACKER_ADDRESS,
      })
      .then((attacker) => ({
        attacker,
        cpuSeconds: readCpuSeconds(server.pid) - cpu0,
        decoyCpuSeconds: decoy && readCpuSeconds(decoy.pid) - decoyCpu0,
        seconds: nsToMs(nowNs() - t0) / 1000,
      }));
    const [{ attacker, cpuSeconds, decoyCpuSeconds, seconds }, flooded] = await Promise.all([
      attack,
      clicking(floodSeconds),
    ]);
    point.attacker = attacker;
    if (decoyCpuSeconds !== undefined) point.decoy = { cpuPct: (100 * decoyCpuSeconds) / seconds };
    point.server = {
      cpuSeconds,
      cpuPct: (100 * cpuSeconds) / seconds,
      rssBeforeKiB,
      rssAfterKiB: readRssKiB(server.pid),
    };
    const phases = { quiet: ackFigures(quiet), flood: ackFigures(flooded) };
    point.victim = {
      ...phases,
      p99Ratio: phases.flood.ackLatency.p99 / phases.quiet.ackLatency.p99,
      allAcked: [quiet, flooded].every((series) => series.acked === series.sent),
    };
  } catch (error) {
    point.error = (error as Error).message;
  } finally {
    point.serverUp = isRunning(server.pid);
    say('stopping');
    victim?.disconnect();
    await Promise.all([server.stop(), decoy?.stop()]);
  }
  return point;
}
