import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ChatMessage, Welcome } from '@live/shared-events';
import { ChatService } from '../chat/chat.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MuteList } from '../identity/mute-list';
import type { Room } from '../rooms/room';
import type { FullWelcome } from './welcome-packet';

/**
 * What a connection is told first: who it is (with a fresh session token and any mute), its
 * room with the room's count, latest messages, who is online and who is here, and the edit window.
 */
@Injectable()
export class WelcomeService {
  private readonly logger = new Logger(WelcomeService.name);

  constructor(
    private readonly chat: ChatService,
    private readonly mutes: MuteList,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `session`: the token issued at this connection's handshake, for the client to keep. */
  async welcomeFor(room: Room, you: Welcome['you'], session?: string): Promise<FullWelcome> {
    let messages: ChatMessage[] = [];
    try {
      messages = await this.chat.latest(room.slug);
    } catch (error) {
      // The welcome still goes out: counter and presence are useful without history.
      this.logger.error({ socket: you.id, err: error }, 'could not read history for welcome');
    }
    const mutedMs = this.mutes.remainingMs(you.userId);
    return {
      you,
      count: room.counter.current,
      messages,
      online: room.people.online,
      people: room.people.snapshot(),
      editWindowMs: this.config.editWindowMs,
      room: room.slug,
      ...(session && { session }),
      ...(mutedMs > 0 && { mutedUntil: new Date(Date.now() + mutedMs).toISOString() }),
    };
  }
}
