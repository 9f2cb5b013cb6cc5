import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { ChatService } from '../chat/chat.service';
import type { AppConfig } from '../config/config';
import { MuteList } from '../identity/mute-list';
import { Room } from '../rooms/room';
import type { Store } from '../store/store';
import { WelcomeService } from './welcome.service';
import { hello } from '../chat/chat-message.testing';

const ada = { id: 'sock-1', name: 'Ada', moderator: false, userId: 'ada' };

describe('WelcomeService', () => {
  const latest = jest.fn<ChatService['latest']>();
  const room = new Room('maths', { count: async () => 7 } as unknown as Store, Infinity);
  const mutes = new MuteList();
  const welcome = new WelcomeService({ latest } as unknown as ChatService, mutes, {
    editWindowMs: 900_000,
  } as AppConfig);
  beforeAll(() => room.counter.load());

  it("welcomes with who you are and the room's count, latest messages and who is online", async () => {
    const person = { id: 'ada', name: 'Ada', moderator: false };
    room.people.join(person);
    latest.mockResolvedValue([hello]);
    expect(await welcome.welcomeFor(room, ada)).toEqual({
      you: ada,
      count: 7,
      messages: [hello],
      online: 1,
      people: { people: [person], total: 1 },
      editWindowMs: 900_000,
      room: 'maths',
    });
    expect(latest).toHaveBeenCalledWith('maths');
    room.people.leave('ada', false);
  });

  it('gives the session token issued at the handshake, and says until when its person is muted', async () => {
    latest.mockResolvedValue([]);
    const until = Date.now() + 60_000;
    mutes.set('ada', until);
    try {
      const { session, mutedUntil = '' } = await welcome.welcomeFor(room, ada, 'token');
      expect(session).toBe('token');
      // The same end, give or take the milliseconds between reading the mute and the clock.
      expect(Date.parse(mutedUntil) - until).toBeGreaterThanOrEqual(0);
      expect(Date.parse(mutedUntil) - until).toBeLessThan(1000);
      expect(await welcome.welcomeFor(room, { ...ada, userId: 'bo' })).not.toHaveProperty(
        'mutedUntil',
      );
      expect(await welcome.welcomeFor(room, ada)).not.toHaveProperty('session');
    } finally {
      mutes.set('ada', 0);
    }
  });

  it('still welcomes, with no messages, when history cannot be read', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      latest.mockRejectedValue(new Error('disk gone'));
      expect(await welcome.welcomeFor(room, ada)).toEqual({
        you: ada,
        count: 7,
        messages: [],
        online: 0,
        people: { people: [], total: 0 },
        editWindowMs: 900_000,
        room: 'maths',
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
