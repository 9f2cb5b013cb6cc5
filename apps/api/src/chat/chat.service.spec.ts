import { jest } from '@jest/globals';
import type { MessageDraft, Store } from '../store/store';
import { ChatService } from './chat.service';

describe('ChatService', () => {
  const store = {
    append: jest.fn(async (draft: MessageDraft) => ({
      message: { ...draft, seq: 1 },
      created: true,
    })),
    messages: jest.fn<Store['messages']>(async () => []),
  };
  const chat = new ChatService(store as unknown as Store);

  it('stores the text under the given author with a fresh id and an ISO timestamp', async () => {
    const { message } = await chat.post('Ada', { text: '<b>hi</b>' });
    expect(message).toMatchObject({ author: 'Ada', text: '<b>hi</b>', seq: 1 });
    expect(message.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(message.sentAt).toISOString()).toBe(message.sentAt);
  });

  it("keeps the client's id so a retry is recognised", async () => {
    const { message } = await chat.post('Ada', { text: 'hi', id: 'client-1' });
    expect(message.id).toBe('client-1');
  });

  it('refuses the id of a deleted message with DELETED instead of confirming text never stored', async () => {
    store.append.mockResolvedValueOnce({ created: false, deleted: true } as never);
    await expect(chat.post('Ada', { text: 'new text', id: 'gone-1' })).rejects.toMatchObject({
      code: 'DELETED',
      message: 'That message was deleted by a moderator; send it again as a new message',
    });
  });

  it('pages history with the default limit of 50', async () => {
    await chat.history({ after: 3 });
    expect(store.messages).toHaveBeenLastCalledWith({ before: undefined, after: 3, limit: 50 });
    await chat.history({ before: 9, limit: 10 });
    expect(store.messages).toHaveBeenLastCalledWith({ before: 9, after: undefined, limit: 10 });
  });

  it('starts a connection with the latest 50 messages', async () => {
    await chat.latest();
    expect(store.messages).toHaveBeenLastCalledWith({ limit: 50 });
  });
});
