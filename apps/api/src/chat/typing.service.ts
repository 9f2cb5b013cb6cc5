import { Injectable } from '@nestjs/common';

/** Who is typing, by connection id. Knows nothing of sockets. */
@Injectable()
export class TypingService {
  private readonly typists = new Set<string>();

  /** Records what `connection` says: typing or not. */
  set(connection: string, typing: boolean): void {
    if (typing) this.typists.add(connection);
    else this.typists.delete(connection);
  }

  /** Ends `connection`'s typing (it sent its message, or left); true when it was typing. */
  stop(connection: string): boolean {
    return this.typists.delete(connection);
  }
}
