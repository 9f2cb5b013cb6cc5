import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationShutdown,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENTS, LIMITS, type ChatMessage, type UserMuted } from '@live/shared-events';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CounterService } from '../counter/counter.service';
import { LiveMetrics } from '../metrics/live-metrics';
import { PEOPLE_HEARTBEAT_MS } from '../people/people.module';
import { PeopleService } from '../people/people.service';
import { PresenceService } from '../presence/presence.service';
import { clickIntervalMs, presenceIntervalMs } from './broadcast-intervals';
import type { BroadcastServer, Speaker } from './broadcast-server';
import { Coalescer } from './coalescer';
import { SlicedBroadcast, type RoomMember } from './sliced-broadcast';

/**
 * Decides who hears each broadcast, for every gateway. Counts (`click`, `presence`, a reset's
 * `counter:reset`) go only to this instance's own clients (server.local), always with the
 * highest count known here, and coalesced but for a reset, so however instances' broadcasts
 * interleave, the last value a client gets is the final one; instances converge by telling each
 * other their highest count (docs/scaling.md). Chat (`message`, `message:deleted`, `typing`)
 * goes to everyone through the adapter.
 */
@Injectable()
export class LiveBroadcaster implements BeforeApplicationShutdown, OnApplicationShutdown {
  /** Set by {@link attach}, before any connection. */
  private server!: BroadcastServer;
  private readonly clustered: boolean;
  private readonly stopListening: (() => void)[] = [];

  // Under sustained clicking, from 500 clients on, a count broadcast goes out in 8 slices, one
  // per loop turn, so the clicks that arrive meanwhile are acked between slices, not after the
  // whole broadcast. A click after a quiet spell goes to everyone at once: nothing waits behind
  // it, and slices would only stretch its broadcast (docs/performance.md, step 8).
  private readonly clickSlices = new SlicedBroadcast(8, 500);
  // N clients clicking must not cost N² deliveries; the tick grows with the audience, so a
  // storm's broadcasts leave the event loop time to ack.
  private readonly clickBroadcast = new Coalescer(
    () => clickIntervalMs(this.presence.localConnections),
    (sustained) => {
      if (sustained)
        this.clickSlices.emit(
          this.server.local,
          this.presence.localConnections,
          EVENTS.click,
          () => this.counter.current,
        );
      else this.server.local.emit(EVENTS.click, this.counter.current);
      this.metrics.broadcasts.inc({ event: EVENTS.click });
    },
  );
  private readonly presenceBroadcast = new Coalescer(
    () => presenceIntervalMs(this.presence.localConnections),
    () => {
      this.server.local.emit(EVENTS.presence, { online: this.presence.online });
      this.metrics.broadcasts.inc({ event: EVENTS.presence });
    },
  );
  // Who joined, left or was renamed, as one diff per tick for everyone here: 1000 people
  // arriving together cost each client a few `people` events, not a thousand.
  private readonly peopleBroadcast = new Coalescer(
    () => presenceIntervalMs(this.presence.localConnections),
    () => {
      const change = this.people.takeChange();
      if (!change) return;
      this.server.local.emit(EVENTS.people, change);
      this.metrics.broadcasts.inc({ event: EVENTS.people });
    },
  );
  /** This instance, to the others' people boards. */
  private readonly instance = randomUUID();
  private readonly peopleShare = new Coalescer(LIMITS.broadcastIntervalMs * 4, () => {
    this.server.serverSideEmit('people', this.instance, this.people.local());
  });
  private peopleHeartbeat: NodeJS.Timeout | undefined;
  // With several instances, the others hear of this one's clicks at most once per tick.
  private readonly clickShare = new Coalescer(LIMITS.broadcastIntervalMs, () => {
    this.server.serverSideEmit('count', this.counter.current);
  });

  constructor(
    private readonly counter: CounterService,
    private readonly presence: PresenceService,
    private readonly people: PeopleService,
    private readonly metrics: LiveMetrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.clustered = config.redis !== undefined;
  }

  /** Starts broadcasting on `server`: what the other instances say, and what changes here. */
  attach(server: BroadcastServer): void {
    this.server = server;
    server.on('count', (count) => {
      if (this.counter.observe(count)) this.clickBroadcast.schedule();
    });
    server.on('counterReset', (count) => {
      this.counter.adopt(count);
      this.announceReset(count);
    });
    this.stopListening.push(
      // Fires once a click is committed, before the disk confirms it: the count's broadcast
      // does not wait for the fsync that the ack waits for.
      this.counter.onChange(() => this.clickBroadcast.schedule()),
      this.presence.onChange(() => this.presenceBroadcast.schedule()),
      this.people.onChange((local) => {
        this.peopleBroadcast.schedule();
        if (local && this.clustered) this.peopleShare.schedule();
      }),
    );
    if (this.clustered) {
      server.on('people', (instance, people) => this.people.observe(instance, people));
      server.on('peopleHello', () => this.peopleShare.schedule());
      server.serverSideEmit('peopleHello');
      // Unchanged people are said again now and then: an instance that dies stops saying them.
      this.peopleHeartbeat = setInterval(() => {
        this.peopleShare.schedule();
        this.people.forgetStale();
      }, PEOPLE_HEARTBEAT_MS);
      this.peopleHeartbeat.unref();
    }
  }

  /** Places a new connection in its slice of the click broadcast. */
  admit(socket: RoomMember): void {
    this.clickSlices.assign(socket);
  }

  /** A click was counted here: with other instances, they hear this one's count within a tick. */
  clicked(): void {
    if (this.clustered) this.clickShare.schedule();
  }

  /** A connection came or went here: `online` goes out, coalesced. */
  onlineChanged(): void {
    this.presenceBroadcast.schedule();
  }

  /** A moderator reset the counter here to `count`: every instance tells its own clients. */
  counterReset(count: number): void {
    // Other instances hold the old count as their latest; they must start again too.
    if (this.clustered) this.server.serverSideEmit('counterReset', count);
    this.announceReset(count);
  }

  /** Sends this instance's clients the latest count at once (on shutdown: they leave holding it). */
  sendLatestCount(): void {
    this.server.local.emit(EVENTS.click, this.counter.current);
  }

  message(message: ChatMessage): void {
    this.server.emit(EVENTS.message, message);
  }

  messageDeleted(id: string): void {
    this.server.emit(EVENTS.messageDeleted, { id });
  }

  messageEdited(message: ChatMessage): void {
    this.server.emit(EVENTS.messageEdited, message);
  }

  /** Everyone hears who was muted (or unmuted); the other instances refuse their sends too. */
  muted(muted: UserMuted, until: number): void {
    if (this.clustered) this.server.serverSideEmit('muted', muted.userId, until);
    this.server.emit(EVENTS.userMuted, muted);
  }

  /** The person took another name: the other instances' connections of theirs take it too. */
  renamed(userId: string, name: string): void {
    if (this.clustered) this.server.serverSideEmit('renamed', userId, name);
  }

  /** Tells everyone but `speaker` whether it is typing. */
  typing(speaker: Speaker, typing: boolean): void {
    speaker.broadcast.emit(EVENTS.typing, { name: speaker.data.name, typing });
  }

  /** While the adapter still runs: the others stop listing this instance's people at once, not three heartbeats later. */
  beforeApplicationShutdown(): void {
    clearInterval(this.peopleHeartbeat);
    this.peopleShare.cancel();
    if (this.clustered && this.server) this.server.serverSideEmit('people', this.instance, []);
  }

  onApplicationShutdown(): void {
    for (const stop of this.stopListening.splice(0)) stop();
    this.clickBroadcast.cancel();
    this.presenceBroadcast.cancel();
    this.peopleBroadcast.cancel();
    this.peopleShare.cancel();
    clearInterval(this.peopleHeartbeat);
    this.clickShare.cancel();
  }

  /** A reset reaches a client as `counter:reset`, the one count it may go down to. */
  private announceReset(count: number): void {
    this.server.local.emit(EVENTS.counterReset, { count });
    // Clients written like the tutorial only listen to `click`.
    this.server.local.emit(EVENTS.click, count);
  }
}
