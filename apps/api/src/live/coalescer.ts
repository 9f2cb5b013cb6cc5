/**
 * Runs `flush` at most once per `intervalMs`: at once when idle, otherwise once at the end
 * of the current interval, however often it was scheduled meanwhile. `flush` reads the latest
 * state itself, so the last run always carries the final value.
 */
export class Coalescer {
  private window: NodeJS.Timeout | undefined;
  private pending = false;

  /** @param intervalMs the interval, or a function read after each flush (an interval that adapts). */
  constructor(
    private readonly intervalMs: number | (() => number),
    private readonly flush: () => void,
  ) {}

  schedule(): void {
    if (this.window) {
      this.pending = true;
      return;
    }
    this.run();
  }

  /** Drops a pending flush (on shutdown). */
  cancel(): void {
    clearTimeout(this.window);
    this.window = undefined;
    this.pending = false;
  }

  private run(): void {
    this.flush();
    this.window = setTimeout(
      () => {
        this.window = undefined;
        if (this.pending) {
          this.pending = false;
          this.run();
        }
      },
      typeof this.intervalMs === 'number' ? this.intervalMs : this.intervalMs(),
    );
    this.window.unref();
  }
}
