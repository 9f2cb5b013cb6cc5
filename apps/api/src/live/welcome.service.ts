import { Injectable, Logger } from '@nestjs/common';
import type { ChatMessage, Welcome } from '@live/shared-events';
import { ChatService } from '../chat/chat.service';
import { CounterService } from '../counter/counter.service';
import { PeopleService } from '../people/people.service';
import { PresenceService } from '../presence/presence.service';

/** What a connection is told first: who it is, the count, the latest messages, who is here. */
@Injectable()
export class WelcomeService {
  private readonly logger = new Logger(WelcomeService.name);

  constructor(
    private readonly counter: CounterService,
    private readonly chat: ChatService,
    private readonly presence: PresenceService,
    private readonly people: PeopleService,
  ) {}

  async welcomeFor(you: Welcome['you']): Promise<Welcome> {
    let messages: ChatMessage[] = [];
    try {
      messages = await this.chat.latest();
    } catch (error) {
      // The welcome still goes out: counter and presence are useful without history.
      this.logger.error({ socket: you.id, err: error }, 'could not read history for welcome');
    }
    return {
      you,
      count: this.counter.current,
      messages,
      online: this.presence.online,
      people: this.people.snapshot(),
    };
  }
}
