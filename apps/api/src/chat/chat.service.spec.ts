import { jest } from '@jest/globals';
import type { ChatMessage } from '@live/shared-events';
import type { MessageDraft, Store } from '../store/store';
import { ChatService } from './chat.service';

describe('ChatService', () => {
  const ada = { userId: 'ada-identity-000001', name: 'Ada', moderator: false };
  const bo = { userId: 'bo-identity-0000001', name: 'Bo', moderator: false };
  const moderator = { userId: 'mod-identity-000001', name: 'Mo', moderator: true };
  const stored = (over: Partial<ChatMessage> = {}): ChatMessage => ({
    id: 'm1',
    seq: 1,
    author: 'Ada',
    authorId: ada.userId,
    text: 'hi',
    sentAt: new Date().toISOString(),
    ...over,
  });
  const store = {
    append: jest.fn(async (_room: string, draft: MessageDraft) => ({
      message: { ...draft, seq: 1 },
      created: true,
    })),
    messages: jest.fn<Store['messages']>(async () => []),
    message: jest.fn<Store['message']>(async () => stored()),
    edit: jest.fn<Store['edit']>(async (_room, id, text, editedAt) =>
      stored({ id, text, editedAt }),
    ),
    delete: jest.fn<Store['delete']>(async () => true),
  };
  const chat = new ChatService(store as unknown as Store, { editWindowMs: 15 * 60_000 });

  it('stores the text under its author, with their identity, a fresh id and an ISO timestamp', async () => {
    const { message } = await chat.post('maths', ada, { text: '<b>hi</b>' });
    expect(message).toMatchObject({
      author: 'Ada',
      authorId: ada.userId,
      text: '<b>hi</b>',
      seq: 1,
    });
    expect(message.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(message.sentAt).toISOString()).toBe(message.sentAt);
  });

  it("keeps the client's id so a retry is recognised", async () => {
    const { message } = await chat.post('maths', ada, { text: 'hi', id: 'client-1' });
    expect(message.id).toBe('client-1');
  });

  it('refuses the id of a deleted message with DELETED instead of confirming text never stored', async () => {
    store.append.mockResolvedValueOnce({ created: false, deleted: true } as never);
    await expect(chat.post('maths', ada, { text: 'new text', id: 'gone-1' })).rejects.toMatchObject(
      {
        code: 'DELETED',
      },
    );
  });

  it("neither returns nor replaces another person's message under a reused id", async () => {
    store.append.mockResolvedValueOnce({ created: false, message: stored() } as never);
    await expect(chat.post('maths', bo, { text: 'mine now', id: 'm1' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'That id belongs to another message; send this one with a new id',
    });
  });

  it('lets the author edit and delete within the window, and a moderator at any time', async () => {
    await expect(chat.edit('maths', ada, 'm1', 'fixed')).resolves.toMatchObject({ text: 'fixed' });
    await expect(chat.delete('maths', ada, 'm1')).resolves.toBe(true);
    const old = stored({ sentAt: new Date(Date.now() - 16 * 60_000).toISOString() });
    store.message.mockResolvedValueOnce(old).mockResolvedValueOnce(old);
    await expect(chat.edit('maths', ada, 'm1', 'late')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(chat.delete('maths', moderator, 'm1')).resolves.toBe(true);
  });

  it('refuses edits and deletes by anyone else with FORBIDDEN, and unknown ids with NOT_FOUND', async () => {
    await expect(chat.edit('maths', bo, 'm1', 'hacked')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(chat.delete('maths', bo, 'm1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const legacy = stored({ authorId: undefined });
    store.message.mockResolvedValueOnce(legacy);
    await expect(chat.edit('maths', ada, 'm1', 'mine?')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    store.message.mockResolvedValueOnce(undefined);
    await expect(chat.edit('maths', ada, 'nope', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    store.message.mockResolvedValueOnce(undefined);
    await expect(chat.delete('maths', ada, 'nope')).resolves.toBe(false);
  });

  it('pages history with the default limit of 50', async () => {
    await chat.history('maths', { after: 3 });
    expect(store.messages).toHaveBeenLastCalledWith('maths', {
      before: undefined,
      after: 3,
      limit: 50,
    });
    await chat.history('maths', { before: 9, limit: 10 });
    expect(store.messages).toHaveBeenLastCalledWith('maths', {
      before: 9,
      after: undefined,
      limit: 10,
    });
  });

  it('starts a connection with the latest 50 messages', async () => {
    await chat.latest('maths');
    expect(store.messages).toHaveBeenLastCalledWith('maths', { limit: 50 });
  });
});
