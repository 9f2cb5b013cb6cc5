/** What SlicedBroadcast needs of a socket and of the server (a Socket.IO Server fits). */
export interface RoomMember {
  join(room: string): unknown;
}
export interface RoomEmitter {
  to(room: string): { emit(event: string, ...args: unknown[]): unknown };
}

/**
 * Sends a broadcast to a large audience in slices, one slice per event-loop turn, so acks and
 * other I/O interleave instead of queueing behind thousands of socket writes (a broadcast to
 * 1000 clients blocks the loop for milliseconds). The audience is one Socket.IO room (a live
 * room's channel) and its slices are rooms named after it; the emitter decides their reach
 * (RoomBroadcast passes `server.local`, this instance's clients).
 */
export class SlicedBroadcast {
  private assigned = 0;

  /**
   * @param slices rooms the audience is spread over
   * @param minAudience below this many, one plain broadcast: it is short enough
   * @param channel the room everyone in the audience is in
   */
  constructor(
    private readonly slices: number,
    private readonly minAudience: number,
    private readonly channel: string,
  ) {}

  /** Puts a new connection in the next slice (round robin). */
  assign(socket: RoomMember): void {
    socket.join(this.room(this.assigned++ % this.slices));
  }

  /** Emits `value()` to everyone; each slice reads the value when its turn comes, so it is the latest. */
  emit(server: RoomEmitter, audience: number, event: string, value: () => unknown): void {
    if (audience < this.minAudience) {
      server.to(this.channel).emit(event, value());
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
    return `${this.channel}#${slice}`;
  }
}
