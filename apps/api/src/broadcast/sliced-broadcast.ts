/** What SlicedBroadcast needs of a socket and of the server (a Socket.IO Server fits). */
export interface RoomMember {
  join(room: string): unknown;
}
export interface RoomEmitter {
  emit(event: string, ...args: unknown[]): unknown;
  to(room: string): { emit(event: string, ...args: unknown[]): unknown };
}

/**
 * Sends a broadcast to a large audience in slices, one slice per event-loop turn, so acks and
 * other I/O interleave instead of queueing behind thousands of socket writes (a broadcast to
 * 1000 clients blocks the loop for milliseconds). Slices are Socket.IO rooms: the emitter
 * decides their reach (LiveBroadcaster passes `server.local`, this instance's clients).
 */
export class SlicedBroadcast {
  private assigned = 0;

  /**
   * @param slices rooms the audience is spread over
   * @param minAudience below this many, one plain broadcast: it is short enough
   */
  constructor(
    private readonly slices: number,
    private readonly minAudience: number,
  ) {}

  /** Puts a new connection in the next slice (round robin). */
  assign(socket: RoomMember): void {
    socket.join(this.room(this.assigned++ % this.slices));
  }

  /** Emits `value()` to everyone; each slice reads the value when its turn comes, so it is the latest. */
  emit(server: RoomEmitter, audience: number, event: string, value: () => unknown): void {
    if (audience < this.minAudience) {
      server.emit(event, value());
      return;
    }
    let slice = 0;
    const next = () => {
      server.to(this.room(slice)).emit(event, value());
      if (++slice < this.slices) setImmediate(next);
    };
    next();
  }

  private room(slice: number): string {
    return `broadcast-slice:${slice}`;
  }
}
