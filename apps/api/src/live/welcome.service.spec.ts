import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { ChatService } from '../chat/chat.service';
import type { CounterService } from '../counter/counter.service';
import { PeopleService } from '../people/people.service';
import { PresenceService } from '../presence/presence.service';
import { WelcomeService } from './welcome.service';
import { hello } from '../chat/chat-message.testing';

const ada = { id: 'sock-1', name: 'Ada', moderator: false };

describe('WelcomeService', () => {
  const latest = jest.fn<ChatService['latest']>();
  const presence = new PresenceService();
  const welcome = new WelcomeService(
    { current: 7 } as CounterService,
    { latest } as unknown as ChatService,
    presence,
    new PeopleService(),
  );

  it('welcomes with who you are, the count, the latest messages and who is online', async () => {
    presence.join();
    latest.mockResolvedValue([hello]);
    expect(await welcome.welcomeFor(ada)).toEqual({
      you: ada,
      count: 7,
      messages: [hello],
      online: 1,
      people: { people: [], total: 0 },
    });
    presence.leave();
  });

  it('still welcomes, with no messages, when history cannot be read', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      latest.mockRejectedValue(new Error('disk gone'));
      expect(await welcome.welcomeFor(ada)).toEqual({
        you: ada,
        count: 7,
        messages: [],
        online: 0,
        people: { people: [], total: 0 },
      });
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ socket: 'sock-1' }),
        'could not read history for welcome',
      );
    } finally {
      logged.mockRestore();
    }
  });
});
