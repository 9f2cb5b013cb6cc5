/**
 * Runs `flush` at most once per `intervalMs`: at once when idle, otherwise once at the end
 * of the current interval, however often it was scheduled meanwhile. `flush` reads the latest
 * state itself, so the last run always carries the final value; it is told `sustained` when it
 * runs at the end of an interval, i.e. it was scheduled again before the interval was over.
 */
export class Coalescer {
  private window: NodeJS.Timeout | undefined;
  private pending = false;

  /** @param intervalMs the interval, or a function read after each flush (an interval that adapts). */
  constructor(
    private readonly intervalMs: number | (() => number),
    private readonly flush: (sustained: boolean) => void,
  ) {}

  schedule(): void {
    if (this.window) {
      this.pending = true;
      return;
    }
    this.run(false);
  }

  /** Drops a pending flush (on shutdown). */
  cancel(): void {
    clearTimeout(this.window);
    this.window = undefined;
    this.pending = false;
  }

  private run(sustained: boolean): void {
    this.flush(sustained);
    this.window = setTimeout(
      () => {
        this.window = undefined;
        if (this.pending) {
          this.pending = false;
          this.run(true);
        }
      },
      typeof this.intervalMs === 'number' ? this.intervalMs : this.intervalMs(),
    );
    this.window.unref();
  }
}
