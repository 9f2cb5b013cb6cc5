import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ERROR_CODES, LOBBY } from '@live/shared-events';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LiveMetrics } from '../metrics/live-metrics';
import { ProtocolError } from '../socket/protocol-error';
import { STORE, type Store } from '../store/store';
import { Room } from './room';

type RoomListener = (room: Room) => void;

/**
 * The rooms this instance holds in memory, at most `roomsMax`: a room comes in when a connection
 * here names it (its count read from the store) and leaves `roomIdleMs` after its last
 * connection here did — a room that was never used stored nothing, and one that was comes back
 * from the store. The lobby is always held.
 */
@Injectable()
export class RoomRegistry implements OnModuleInit, OnModuleDestroy {
  private readonly rooms = new Map<string, Room>();
  private readonly opening = new Map<string, Promise<Room>>();
  private readonly openedListeners = new Set<RoomListener>();
  private readonly closedListeners = new Set<RoomListener>();
  private readonly staleAfterMs: number;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    @Inject(STORE) private readonly store: Store,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: LiveMetrics,
  ) {
    // Alone, nobody else says who is in a room, so nobody goes stale.
    this.staleAfterMs = config.redis ? config.redis.presenceTtlMs : Number.POSITIVE_INFINITY;
  }

  async onModuleInit(): Promise<void> {
    await this.open(LOBBY);
    const every = Math.max(1000, Math.min(this.config.roomIdleMs, 30_000));
    this.sweeper = setInterval(() => this.closeIdle(), every);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** The lobby: the room of every connection that names none. */
  get lobby(): Room {
    return this.rooms.get(LOBBY) as Room;
  }

  /** Rooms held in memory now. */
  get size(): number {
    return this.rooms.size;
  }

  /** The room, if it is held here. */
  get(slug: string): Room | undefined {
    return this.rooms.get(slug);
  }

  /** Every room held here. */
  all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  /**
   * The room, brought into memory when it is not (UNAVAILABLE when `roomsMax` rooms are all in
   * use here). The store is read once however many connections ask together.
   */
  open(slug: string): Promise<Room> {
    const held = this.rooms.get(slug);
    if (held) return Promise.resolve(held);
    let opening = this.opening.get(slug);
    if (!opening) {
      opening = this.load(slug).finally(() => this.opening.delete(slug));
      this.opening.set(slug, opening);
    }
    return opening;
  }

  /** A connection here entered the room (after {@link open}). */
  entered(room: Room): void {
    room.idleSince = undefined;
  }

  /** A connection here left the room. */
  left(room: Room, now = Date.now()): void {
    if (room.people.localConnections === 0) room.idleSince = now;
  }

  /** Calls `listener` for each room that comes into memory. Returns the function that stops it. */
  onOpened(listener: RoomListener): () => void {
    this.openedListeners.add(listener);
    return () => this.openedListeners.delete(listener);
  }

  /** Calls `listener` for each room that leaves memory. Returns the function that stops it. */
  onClosed(listener: RoomListener): () => void {
    this.closedListeners.add(listener);
    return () => this.closedListeners.delete(listener);
  }

  /** Lets go of rooms nobody here has been in for `roomIdleMs` (or, to make space, of any idle). */
  closeIdle(now = Date.now(), idleMs = this.config.roomIdleMs): number {
    let closed = 0;
    for (const room of this.rooms.values()) {
      if (room.slug === LOBBY || room.idleSince === undefined) continue;
      if (now - room.idleSince < idleMs) continue;
      this.rooms.delete(room.slug);
      closed += 1;
      for (const listener of this.closedListeners) listener(room);
    }
    if (closed) this.metrics.activeRooms.set(this.rooms.size);
    return closed;
  }

  private async load(slug: string): Promise<Room> {
    const full = () => this.rooms.size + this.opening.size >= this.config.roomsMax;
    if (full() && !this.closeIdle(Date.now(), 0)) {
      throw new ProtocolError(
        ERROR_CODES.UNAVAILABLE,
        'This server has as many rooms open as it can hold; try again in a minute',
      );
    }
    const room = new Room(slug, this.store, this.staleAfterMs);
    await room.counter.load();
    this.rooms.set(slug, room);
    this.metrics.activeRooms.set(this.rooms.size);
    for (const listener of this.openedListeners) listener(room);
    return room;
  }
}
