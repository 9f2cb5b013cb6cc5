import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationShutdown,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENTS, LOBBY, type ChatMessage, type UserMuted } from '@live/shared-events';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LiveMetrics } from '../metrics/live-metrics';
import type { Room } from '../rooms/room';
import { RoomRegistry } from '../rooms/room-registry';
import type { BroadcastServer, Speaker } from './broadcast-server';
import { RoomBroadcast } from './room-broadcast';
import type { RoomMember } from './sliced-broadcast';

/**
 * Decides who hears each broadcast, for every gateway, and never beyond the room it belongs to.
 * Counts (`click`, `presence`, a reset's `counter:reset`) and people go only to this instance's
 * own clients in the room (RoomBroadcast), always with the highest count known here, coalesced
 * but for a reset, so however instances' broadcasts interleave, the last value a client gets is
 * the final one; instances converge by telling each other each room's highest count
 * (docs/scaling.md). Chat (`message`, edits, deletions, `typing`) goes to the room on every
 * instance through the adapter.
 */
@Injectable()
export class LiveBroadcaster implements BeforeApplicationShutdown, OnApplicationShutdown {
  /** Set by {@link attach}, before any connection. */
  private server!: BroadcastServer;
  /** This instance, to the others' people boards; absent when alone. */
  private readonly instance: string | undefined;
  /**
   * How often an instance of a cluster tells the others who is in each room, changed or not:
   * three times per PRESENCE_TTL_MS, after which the others stop counting an instance silent.
   */
  private readonly heartbeatMs: number;
  private readonly rooms = new Map<string, RoomBroadcast>();
  private readonly stopListening: (() => void)[] = [];
  private peopleHeartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: RoomRegistry,
    private readonly metrics: LiveMetrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.instance = config.redis ? randomUUID() : undefined;
    this.heartbeatMs = (config.redis?.presenceTtlMs ?? 0) / 3;
  }

  /** Starts broadcasting on `server`: what the other instances say, and what changes here. */
  attach(server: BroadcastServer): void {
    this.server = server;
    for (const room of this.registry.all()) this.opened(room);
    this.stopListening.push(
      this.registry.onOpened((room) => this.opened(room)),
      this.registry.onClosed((room) => {
        this.rooms.get(room.slug)?.close();
        this.rooms.delete(room.slug);
      }),
    );
    // Instances that name no room speak of the lobby (as every instance did before rooms).
    server.on('count', (count, room = LOBBY) => this.rooms.get(room)?.observedCount(count));
    server.on('counterReset', (count, room = LOBBY) => {
      const held = this.registry.get(room);
      if (!held) return;
      held.counter.adopt(count);
      this.rooms.get(room)?.announceReset(count);
    });
    if (!this.instance) return;
    server.on('people', (instance, people, room = LOBBY, connections) =>
      this.registry.get(room)?.people.observe(instance, people, connections),
    );
    server.on('peopleHello', (room) => {
      if (room === undefined) for (const broadcast of this.rooms.values()) broadcast.sharePeople();
      else this.rooms.get(room)?.sharePeople();
    });
    // Unchanged people are said again now and then: an instance that dies stops saying them.
    this.peopleHeartbeat = setInterval(() => {
      for (const room of this.registry.all()) {
        if (room.people.localConnections > 0) this.rooms.get(room.slug)?.sharePeople();
        room.people.forgetStale();
      }
    }, this.heartbeatMs);
    this.peopleHeartbeat.unref();
  }

  /** Places a new connection in its slice of its room's click broadcast. */
  admit(room: Room, socket: RoomMember): void {
    socket.join(room.channel);
    this.rooms.get(room.slug)?.admit(socket);
  }

  /** A click was counted here: with other instances, they hear the room's count within a tick. */
  clicked(room: Room): void {
    this.rooms.get(room.slug)?.clicked();
  }

  /** A moderator reset the room's counter here to `count`: every instance tells its own clients. */
  counterReset(room: Room, count: number): void {
    // Other instances hold the old count as their latest; they must start again too.
    if (this.instance) this.server.serverSideEmit('counterReset', count, room.slug);
    this.rooms.get(room.slug)?.announceReset(count);
  }

  /** Sends this instance's clients their room's latest count at once (on shutdown: they leave holding it). */
  sendLatestCount(): void {
    for (const broadcast of this.rooms.values()) broadcast.sendLatestCount();
  }

  message(room: Room, message: ChatMessage): void {
    this.server.to(room.channel).emit(EVENTS.message, message);
  }

  messageDeleted(room: Room, id: string): void {
    this.server.to(room.channel).emit(EVENTS.messageDeleted, { id });
  }

  messageEdited(room: Room, message: ChatMessage): void {
    this.server.to(room.channel).emit(EVENTS.messageEdited, message);
  }

  /**
   * The moderator's room hears who was muted (or unmuted), no other: the person, wherever they
   * are, is refused (and told why) from their next send, on every instance.
   */
  muted(room: Room, muted: UserMuted, until: number): void {
    if (this.instance) this.server.serverSideEmit('muted', muted.userId, until);
    this.server.to(room.channel).emit(EVENTS.userMuted, muted);
  }

  /** The person took another name: the other instances' connections of theirs take it too. */
  renamed(userId: string, name: string): void {
    if (this.instance) this.server.serverSideEmit('renamed', userId, name);
  }

  /** Tells everyone in the speaker's room but the speaker whether it is typing. */
  typing(speaker: Speaker, room: Room, typing: boolean): void {
    speaker.to(room.channel).emit(EVENTS.typing, { name: speaker.data.name, typing });
  }

  /** While the adapter still runs: the others stop listing this instance's people at once, not three heartbeats later. */
  beforeApplicationShutdown(): void {
    clearInterval(this.peopleHeartbeat);
    if (!this.instance || !this.server) return;
    for (const room of this.registry.all()) {
      this.rooms.get(room.slug)?.close();
      if (room.people.localConnections > 0)
        this.server.serverSideEmit('people', this.instance, [], room.slug, 0);
    }
  }

  onApplicationShutdown(): void {
    for (const stop of this.stopListening.splice(0)) stop();
    for (const broadcast of this.rooms.values()) broadcast.close();
    clearInterval(this.peopleHeartbeat);
  }

  private opened(room: Room): void {
    this.rooms.set(
      room.slug,
      new RoomBroadcast(room, {
        server: this.server,
        metrics: this.metrics,
        instance: this.instance,
      }),
    );
    // Whoever else is in it tells this instance now, not at their next heartbeat.
    if (this.instance) this.server.serverSideEmit('peopleHello', room.slug);
  }
}
