/**
 * Where instances of one deployment post how many connections each holds; `online` is the
 * sum. Without a board (one instance) the service counts its own connections only.
 */
export interface PresenceBoard {
  /**
   * Posts this instance's connection count as a heartbeat that expires unless posted again,
   * and returns the count over every live instance, this one included.
   */
  report(connections: number): Promise<number>;
  /** Takes this instance off the board at once (a clean shutdown). */
  leave(): Promise<void>;
}
