import { Injectable } from '@nestjs/common';

/** Who is online: the number of open connections. Knows nothing of sockets. */
@Injectable()
export class PresenceService {
  private connections = 0;

  get online(): number {
    return this.connections;
  }

  join(): void {
    this.connections += 1;
  }

  leave(): void {
    this.connections = Math.max(0, this.connections - 1);
  }
}
