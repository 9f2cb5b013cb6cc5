import { EVENTS, LIMITS } from '@live/shared-events';
import type { LiveMetrics } from '../metrics/live-metrics';
import type { Room } from '../rooms/room';
import { clickIntervalMs, presenceIntervalMs } from './broadcast-intervals';
import type { BroadcastServer } from './broadcast-server';
import { Coalescer } from './coalescer';
import { SlicedBroadcast, type RoomMember } from './sliced-broadcast';

/** What every room's broadcasts share: the server, the metrics, and this instance's place in a cluster. */
export interface RoomBroadcastContext {
  server: BroadcastServer;
  metrics: LiveMetrics;
  /** Set with other instances: this one's id on their people boards. */
  instance?: string;
}

/**
 * One room's coalesced broadcasts on this instance: its count, `online` and people go to this
 * instance's clients in the room, at most once per tick each, so a click storm in one room
 * neither delays another room's broadcasts nor costs more than its own audience. With other
 * instances, it tells them the room's count and people within a tick of a change.
 */
export class RoomBroadcast {
  // Under sustained clicking, from 500 clients on, a count broadcast goes out in 8 slices, one
  // per loop turn, so the clicks that arrive meanwhile are acked between slices, not after the
  // whole broadcast. A click after a quiet spell goes to everyone at once: nothing waits behind
  // it, and slices would only stretch its broadcast (docs/performance.md, step 8).
  private readonly clickSlices: SlicedBroadcast;
  // N clients clicking must not cost N² deliveries; the tick grows with the audience, so a
  // storm's broadcasts leave the event loop time to ack.
  private readonly clicks = new Coalescer(
    () => clickIntervalMs(this.room.people.localConnections),
    (sustained) => {
      const { server, metrics } = this.context;
      if (sustained)
        this.clickSlices.emit(
          server.local,
          this.room.people.localConnections,
          EVENTS.click,
          () => this.room.counter.current,
        );
      else server.local.to(this.room.channel).emit(EVENTS.click, this.room.counter.current);
      metrics.broadcasts.inc({ event: EVENTS.click });
    },
  );
  /** The `online` last sent: the others' heartbeats repeat what they have, which is no news. */
  private sentOnline: number | undefined;
  private readonly presence = new Coalescer(
    () => presenceIntervalMs(this.room.people.localConnections),
    () => {
      const online = this.room.people.online;
      if (online === this.sentOnline) return;
      this.sentOnline = online;
      this.local.emit(EVENTS.presence, { online });
      this.context.metrics.broadcasts.inc({ event: EVENTS.presence });
    },
  );
  // Who joined, left or was renamed, as one diff per tick for everyone here: 1000 people
  // arriving together cost each client a few `people` events, not a thousand.
  private readonly people = new Coalescer(
    () => presenceIntervalMs(this.room.people.localConnections),
    () => {
      const change = this.room.people.takeChange();
      if (!change) return;
      this.local.emit(EVENTS.people, change);
      this.context.metrics.broadcasts.inc({ event: EVENTS.people });
    },
  );
  private readonly peopleShare = new Coalescer(LIMITS.broadcastIntervalMs * 4, () =>
    this.sharePeople(),
  );
  // With several instances, the others hear of this room's clicks at most once per tick.
  private readonly clickShare = new Coalescer(LIMITS.broadcastIntervalMs, () => {
    this.context.server.serverSideEmit('count', this.room.counter.current, this.room.slug);
  });
  private readonly stopListening: (() => void)[];

  constructor(
    private readonly room: Room,
    private readonly context: RoomBroadcastContext,
  ) {
    this.clickSlices = new SlicedBroadcast(8, 500, room.channel);
    this.stopListening = [
      // Fires once a click is committed, before the disk confirms it: the count's broadcast
      // does not wait for the fsync that the ack waits for.
      room.counter.onChange(() => this.clicks.schedule()),
      room.people.onChange((local) => {
        this.people.schedule();
        // `online` counts the others' connections too, which they say with their people.
        this.presence.schedule();
        if (local && context.instance) this.peopleShare.schedule();
      }),
    ];
  }

  /** Places a new connection in its slice of the click broadcast. */
  admit(socket: RoomMember): void {
    this.clickSlices.assign(socket);
  }

  /** A click was counted here: with other instances, they hear the room's count within a tick. */
  clicked(): void {
    if (this.context.instance) this.clickShare.schedule();
  }

  /** Another instance's count for this room: sent on if it is news. */
  observedCount(count: number): void {
    if (this.room.counter.observe(count)) this.clicks.schedule();
  }

  /** The room's people, to the other instances now (asked for, or their heartbeat). */
  sharePeople(): void {
    const { server, instance } = this.context;
    if (!instance) return;
    this.peopleShare.cancel();
    server.serverSideEmit(
      'people',
      instance,
      this.room.people.local(),
      this.room.slug,
      this.room.people.localConnections,
    );
  }

  /** Sends the room's latest count to its clients here at once. */
  sendLatestCount(): void {
    this.local.emit(EVENTS.click, this.room.counter.current);
  }

  /** A reset reaches a client as `counter:reset`, the one count it may go down to. */
  announceReset(count: number): void {
    this.local.emit(EVENTS.counterReset, { count });
    // Clients written like the tutorial only listen to `click`.
    this.local.emit(EVENTS.click, count);
  }

  /** The room left memory here, or the instance stops: nothing more goes out for it. */
  close(): void {
    for (const stop of this.stopListening.splice(0)) stop();
    for (const coalescer of [
      this.clicks,
      this.presence,
      this.people,
      this.peopleShare,
      this.clickShare,
    ])
      coalescer.cancel();
  }

  /** This instance's clients in the room. */
  private get local() {
    return this.context.server.local.to(this.room.channel);
  }
}
