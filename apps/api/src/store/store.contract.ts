import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOBBY, type ChatMessage } from '@live/shared-events';
import {
  StoreUnavailableError,
  type Identity,
  type MessageDraft,
  type Store,
  type StoredMessage,
} from './store';

let drafts = 0;
const draft = (text: string, id = `m-${++drafts}-${Date.now()}`): MessageDraft => ({
  id,
  author: 'Ada',
  text,
  sentAt: new Date().toISOString(),
});
const seqs = (messages: ChatMessage[]) => messages.map((message) => message.seq);
/** A hold, mute or identity TTL these tests outlive by waiting: long enough to write and read. */
const BRIEF_MS = 150;
/** Waits until a BRIEF_MS end has well passed. */
const past = (end: number) => sleep(end + BRIEF_MS / 2 - Date.now());
/** A hold or mute no test outlives. */
const far = () => Date.now() + 60 * 60_000;

/** Opens a store over one storage: every call the same file, or the same key prefix. */
export type OpenStore = () => Promise<Store>;

/**
 * The behaviour every {@link Store} adapter promises, run against each of them.
 * @param newStorage makes fresh, empty storage (its own file, or its own key prefix) and
 *   returns what opens stores over it: one per test, a second to race it or to reopen it
 */
export function describeStoreContract(adapter: string, newStorage: () => OpenStore): void {
  describe(`${adapter} keeps the Store contract`, () => {
    let openStore: OpenStore;
    let store: Store;

    beforeEach(async () => {
      openStore = newStorage();
      store = await openStore();
    });

    afterEach(() => store.close());

    /** Appends a message these tests expect to be stored (or found stored), not a deleted id. */
    const postIn = async (room: string, message: MessageDraft): Promise<StoredMessage> => {
      const result = await store.append(room, message);
      if (result.deleted) throw new Error(`${message.id} was unexpectedly a deleted message's id`);
      return result;
    };

    // In the lobby and in another room: an adapter may store the lobby apart (as it was before
    // rooms), and each must keep the whole contract.
    describe.each([
      ['the lobby', LOBBY],
      ['a room', 'maths-101'],
    ])('counting and chat in %s', (_, room) => {
      const post = (message: MessageDraft) => postIn(room, message);

      it('starts at zero and acks each click with the count after it', async () => {
        expect(await store.count(room)).toBe(0);
        expect(await store.click(room)).toBe(1);
        expect(await store.click(room)).toBe(2);
        expect(await store.count(room)).toBe(2);
      });

      it('announces a click on commit, with the count the click resolves with', async () => {
        const heard: number[] = [];
        const click = store.click(room, 'c-commit', (count) => heard.push(count));
        const retry = store.click(room, 'c-commit', (count) => heard.push(count));
        const [count, again] = await Promise.all([click, retry]);
        // Announced no later than resolved: a caller may broadcast there, and ack here.
        expect(heard).toEqual([count, count]);
        expect(again).toBe(count);
      });

      it('acks a click whose commit listener throws, and keeps counting', async () => {
        const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
        try {
          const failing = store.click(room, undefined, () => {
            throw new Error('listener bug');
          });
          await expect(Promise.all([failing, store.click(room)])).resolves.toEqual([1, 2]);
          expect(await store.click(room)).toBe(3);
          expect(logged).toHaveBeenCalledWith(expect.anything(), 'a commit listener failed');
        } finally {
          logged.mockRestore();
        }
      });

      it('counts 100 concurrent clicks exactly, each with its own count', async () => {
        const counts = await Promise.all(Array.from({ length: 100 }, () => store.click(room)));
        expect(new Set(counts).size).toBe(100);
        expect(Math.max(...counts)).toBe(100);
        expect(await store.count(room)).toBe(100);
      });

      it('counts a click id once and answers a retry with the original count', async () => {
        expect(await store.click(room, 'c-1')).toBe(1);
        expect(await store.click(room)).toBe(2);
        expect(await store.click(room, 'c-1')).toBe(1);
        expect(await Promise.all([store.click(room, 'c-2'), store.click(room, 'c-2')])).toEqual([
          3, 3,
        ]);
        expect(await store.count(room)).toBe(3);
      });

      it('gives appended messages strictly increasing seqs and keeps them verbatim', async () => {
        const first = await post(draft('<b>hello</b>'));
        const second = await post(draft('  two  '));
        expect(first.created).toBe(true);
        expect(first.message).toMatchObject({ author: 'Ada', text: '<b>hello</b>' });
        expect(second.message.seq).toBeGreaterThan(first.message.seq);
        expect(await store.messages(room, { limit: 10 })).toEqual([first.message, second.message]);
      });

      it('shows each new message in the latest page read after it, however often it was read before', async () => {
        const first = await post(draft('one'));
        expect(await store.messages(room, { limit: 2 })).toEqual([first.message]);
        expect(await store.messages(room, { limit: 2 })).toEqual([first.message]);
        const second = await post(draft('two'));
        await post(draft('two again', second.message.id));
        expect(await store.messages(room, { limit: 2 })).toEqual([first.message, second.message]);
        const third = await post(draft('three'));
        expect(await store.messages(room, { limit: 1 })).toEqual([third.message]);
        expect(await store.messages(room, { limit: 2 })).toEqual([second.message, third.message]);
      });

      it('returns the stored message for a known id and stores nothing new', async () => {
        const original = await post(draft('once', 'same-id'));
        const retry = await post(draft('twice', 'same-id'));
        expect(retry).toEqual({ message: original.message, created: false });
        expect(await store.messages(room, { limit: 10 })).toEqual([original.message]);
      });

      it('assigns distinct seqs to concurrent appends', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => post(draft(`m${i}`))),
        );
        expect(new Set(results.map((result) => result.message.seq)).size).toBe(20);
      });

      it('pages history oldest first with exclusive before/after bounds and a limit', async () => {
        const all: ChatMessage[] = [];
        for (let i = 1; i <= 7; i++) all.push((await post(draft(`m${i}`))).message);
        const at = (i: number) => all[i - 1].seq;
        expect(seqs(await store.messages(room, { limit: 3 }))).toEqual([at(5), at(6), at(7)]);
        expect(seqs(await store.messages(room, { before: at(5), limit: 2 }))).toEqual([
          at(3),
          at(4),
        ]);
        expect(seqs(await store.messages(room, { after: at(2), limit: 3 }))).toEqual([
          at(3),
          at(4),
          at(5),
        ]);
        expect(
          seqs(await store.messages(room, { after: at(2), before: at(5), limit: 10 })),
        ).toEqual([at(3), at(4)]);
        expect(await store.messages(room, { after: at(7), limit: 10 })).toEqual([]);
        expect(await store.messages(room, { before: at(1), limit: 10 })).toEqual([]);
      });

      it('deletes a message for good: gone from pages, and a retry of its id does not bring it back', async () => {
        await post(draft('a', 'del-a'));
        const { message: b } = await post(draft('spam', 'del-b'));
        await post(draft('c', 'del-c'));
        const ids = async () => (await store.messages(room, { limit: 10 })).map((m) => m.id);
        expect(await ids()).toEqual(['del-a', 'del-b', 'del-c']);
        expect(await store.delete(room, 'del-b')).toBe(true);
        expect(await store.delete(room, 'del-b')).toBe(false);
        expect(await store.delete(room, 'never-stored')).toBe(false);
        expect(await ids()).toEqual(['del-a', 'del-c']);

        // The id's message is gone: a retry (or a new text under that id) gets nothing back.
        expect(await store.append(room, draft('spam again', 'del-b'))).toEqual({
          created: false,
          deleted: true,
        });
        expect(await ids()).toEqual(['del-a', 'del-c']);
        expect((await post(draft('d'))).message.seq).toBe(b.seq + 2);
      });

      it('keeps the authorId a message was sent with, and has none on one sent without', async () => {
        const mine = await post({ ...draft('mine'), authorId: 'u-ada' });
        const anonymous = await post(draft('sent without an author id'));
        expect(mine.message.authorId).toBe('u-ada');
        const [mineRead, anonymousRead] = await store.messages(room, { limit: 10 });
        expect(mineRead).toEqual(mine.message);
        expect(await store.message(room, mine.message.id)).toEqual(mine.message);
        for (const message of [anonymous.message, anonymousRead]) {
          expect(message).not.toHaveProperty('authorId');
          expect(message).not.toHaveProperty('editedAt');
        }
      });

      it('finds a stored message by id, and none for a deleted or unknown id', async () => {
        const { message } = await post({ ...draft('findable'), authorId: 'u-ada' });
        expect(await store.message(room, message.id)).toEqual(message);
        await store.delete(room, message.id);
        expect(await store.message(room, message.id)).toBeUndefined();
        expect(await store.message(room, 'never-stored')).toBeUndefined();
      });

      it('edits a message: its new text and editedAt wherever it is read, the rest kept', async () => {
        const { message } = await post({ ...draft('first draft'), authorId: 'u-ada' });
        const { message: next } = await post(draft('next'));
        expect(await store.messages(room, { limit: 10 })).toEqual([message, next]);

        const editedAt = new Date().toISOString();
        const edited = await store.edit(room, message.id, 'final text', editedAt);
        expect(edited).toEqual({ ...message, text: 'final text', editedAt });
        expect(await store.message(room, message.id)).toEqual(edited);
        expect(await store.messages(room, { limit: 10 })).toEqual([edited, next]);
        expect(await store.messages(room, { after: message.seq - 1, limit: 10 })).toEqual([
          edited,
          next,
        ]);
        // A retried append of the id answers with the message as it is now.
        expect(await store.append(room, draft('first draft', message.id))).toEqual({
          message: edited,
          created: false,
        });

        const editedAgainAt = new Date(Date.parse(editedAt) + 1).toISOString();
        const again = await store.edit(room, message.id, 'final text, really', editedAgainAt);
        expect(again).toEqual({ ...message, text: 'final text, really', editedAt: editedAgainAt });
        expect(await store.messages(room, { limit: 10 })).toEqual([again, next]);
      });

      it('edits nothing for a deleted or unknown id', async () => {
        const { message } = await post(draft('doomed'));
        await store.delete(room, message.id);
        const editedAt = new Date().toISOString();
        expect(await store.edit(room, message.id, 'back?', editedAt)).toBeUndefined();
        expect(await store.edit(room, 'never-stored', 'hello', editedAt)).toBeUndefined();
        expect(await store.messages(room, { limit: 10 })).toEqual([]);
        expect(await store.append(room, draft('doomed', message.id))).toEqual({
          created: false,
          deleted: true,
        });
      });

      it('applies concurrent edits of one message each in full, one after the other', async () => {
        const { message } = await post(draft('original'));
        const editedAt = new Date().toISOString();
        const texts = ['one', 'two', 'three'];
        const edits = await Promise.all(
          texts.map((text) => store.edit(room, message.id, text, editedAt)),
        );
        expect(edits.map((edited) => edited?.text)).toEqual(texts);
        const page = await store.messages(room, { limit: 10 });
        expect(page).toHaveLength(1);
        expect(texts).toContain(page[0].text);
        expect(page[0]).toEqual({ ...message, text: page[0].text, editedAt });
        expect(await store.message(room, message.id)).toEqual(page[0]);
      });

      it('resets the counter to zero and forgets click ids', async () => {
        await store.click(room, 'before-reset');
        await store.click(room);
        expect(await store.resetCounter(room)).toBe(0);
        expect(await store.count(room)).toBe(0);
        expect(await store.click(room, 'before-reset')).toBe(1);
        expect(await store.click(room)).toBe(2);
      });
    });

    it('checks fine while open; once closed it refuses writes as unavailable', async () => {
      await expect(store.check()).resolves.toBeUndefined();
      await store.close();
      await expect(store.check()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.click(LOBBY)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.append(LOBBY, draft('late'))).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      await expect(store.edit(LOBBY, 'm', 'late', new Date().toISOString())).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      await expect(store.claimName('ada', 'u-1', far())).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      await expect(store.mute('u-1', far())).rejects.toBeInstanceOf(StoreUnavailableError);
    });

    it('saves an identity, replaces it, and forgets it once its TTL has passed', async () => {
      const ada: Identity = { id: 'u-ada', name: 'Ada', createdAt: 1_000, lastSeenAt: 2_000 };
      await store.saveIdentity(ada, 60_000);
      expect(await store.identity('u-ada')).toEqual(ada);
      const renamed = { ...ada, name: 'Ada L', lastSeenAt: 3_000 };
      await store.saveIdentity(renamed, 60_000);
      expect(await store.identity('u-ada')).toEqual(renamed);
      expect(await store.identity('u-nobody')).toBeUndefined();

      const expires = Date.now() + BRIEF_MS;
      await store.saveIdentity({ ...ada, id: 'u-brief' }, BRIEF_MS);
      expect(await store.identity('u-brief')).toEqual({ ...ada, id: 'u-brief' });
      await past(expires);
      expect(await store.identity('u-brief')).toBeUndefined();
      expect(await store.identity('u-ada')).toEqual(renamed);
    });

    it('holds a name for the identity that claimed it, telling others who holds it', async () => {
      expect(await store.claimName('ada', 'u-1', far())).toEqual({ held: true });
      expect(await store.claimName('ada', 'u-2', far())).toEqual({ held: false, holderId: 'u-1' });
      expect(await store.claimName('ada', 'u-1', far())).toEqual({ held: true });
      expect(await store.claimName('grace', 'u-2', far())).toEqual({ held: true });
    });

    it('ends a hold at its time, unless its holder claimed the name again for longer', async () => {
      const end = Date.now() + BRIEF_MS;
      expect(await store.claimName('ada', 'u-1', end)).toEqual({ held: true });
      expect(await store.claimName('grace', 'u-1', end)).toEqual({ held: true });
      expect(await store.claimName('grace', 'u-1', far())).toEqual({ held: true });
      await past(end);
      expect(await store.claimName('ada', 'u-2', far())).toEqual({ held: true });
      expect(await store.claimName('ada', 'u-1', far())).toEqual({ held: false, holderId: 'u-2' });
      expect(await store.claimName('grace', 'u-2', far())).toEqual({
        held: false,
        holderId: 'u-1',
      });
    });

    it('releases a name only for the identity holding it', async () => {
      await store.claimName('ada', 'u-1', far());
      await store.releaseName('ada', 'u-2');
      expect(await store.claimName('ada', 'u-2', far())).toEqual({ held: false, holderId: 'u-1' });
      await store.releaseName('ada', 'u-1');
      expect(await store.claimName('ada', 'u-2', far())).toEqual({ held: true });
      await expect(store.releaseName('never-claimed', 'u-1')).resolves.toBeUndefined();
    });

    it('gives each name to exactly one of two stores over the same storage claiming it at once', async () => {
      const other = await openStore();
      try {
        const names = Array.from({ length: 20 }, (_, i) => `name-${i}`);
        const claims = await Promise.all(
          names.map((name) =>
            Promise.all([store.claimName(name, 'u-1', far()), other.claimName(name, 'u-2', far())]),
          ),
        );
        for (const [first, second] of claims) {
          expect([first, second].filter((claim) => claim.held)).toHaveLength(1);
          const winner = first.held ? 'u-1' : 'u-2';
          expect(first.held ? second : first).toEqual({ held: false, holderId: winner });
        }
      } finally {
        await other.close();
      }
    });

    it('mutes until a time, unmutes with a past time or 0, and ends a mute at its time', async () => {
      expect(await store.mutedUntil('u-1')).toBe(0);
      const until = far();
      await store.mute('u-1', until);
      expect(await store.mutedUntil('u-1')).toBe(until);
      expect(await store.mutedUntil('u-2')).toBe(0);
      await store.mute('u-1', 0);
      expect(await store.mutedUntil('u-1')).toBe(0);
      await store.mute('u-1', until);
      await store.mute('u-1', Date.now() - 1_000);
      expect(await store.mutedUntil('u-1')).toBe(0);

      const end = Date.now() + BRIEF_MS;
      await store.mute('u-2', end);
      expect(await store.mutedUntil('u-2')).toBe(end);
      await past(end);
      expect(await store.mutedUntil('u-2')).toBe(0);
    });

    it('keeps the counts and messages of every room, edits, identities, names and mutes across a close and a reopen', async () => {
      await store.click(LOBBY);
      await Promise.all([store.click('maths-101'), store.click('maths-101')]);
      const { message } = await postIn(LOBBY, { ...draft('kept'), authorId: 'u-1' });
      const edited = await store.edit(LOBBY, message.id, 'kept, edited', new Date().toISOString());
      const { message: maths } = await postIn('maths-101', draft('kept in maths'));
      const ada: Identity = { id: 'u-1', name: 'Ada', createdAt: 1_000, lastSeenAt: 2_000 };
      await store.saveIdentity(ada, 60_000);
      await store.claimName('ada', 'u-1', far());
      const mutedUntil = far();
      await store.mute('u-1', mutedUntil);
      await store.close();

      store = await openStore();
      expect([await store.count(LOBBY), await store.count('maths-101')]).toEqual([1, 2]);
      expect(await store.messages(LOBBY, { limit: 10 })).toEqual([edited]);
      expect(await store.message(LOBBY, message.id)).toEqual(edited);
      expect(await store.messages('maths-101', { limit: 10 })).toEqual([maths]);
      expect(await store.identity('u-1')).toEqual(ada);
      expect(await store.claimName('ada', 'u-2', far())).toEqual({ held: false, holderId: 'u-1' });
      expect(await store.mutedUntil('u-1')).toBe(mutedUntil);
    });

    describe('rooms', () => {
      it('counts each room apart, concurrent clicks in two rooms each exactly', async () => {
        const clicks = (room: string) => Array.from({ length: 50 }, () => store.click(room));
        const [lobby, maths] = await Promise.all([
          Promise.all(clicks(LOBBY)),
          Promise.all(clicks('maths-101')),
        ]);
        expect([Math.max(...lobby), new Set(lobby).size]).toEqual([50, 50]);
        expect([Math.max(...maths), new Set(maths).size]).toEqual([50, 50]);
        expect(await store.click('physics')).toBe(1);
        expect(
          await Promise.all([LOBBY, 'maths-101', 'physics'].map((room) => store.count(room))),
        ).toEqual([50, 50, 1]);
      });

      it('remembers click ids per room: the same id in another room is another click', async () => {
        await store.click(LOBBY);
        expect(await store.click(LOBBY, 'c-1')).toBe(2);
        expect(await store.click('maths-101', 'c-1')).toBe(1);
        expect(await store.click(LOBBY, 'c-1')).toBe(2);
        expect(await store.click('maths-101', 'c-1')).toBe(1);
        expect([await store.count(LOBBY), await store.count('maths-101')]).toEqual([2, 1]);
      });

      it('resets the counter and click ids of one room, leaving those of the others', async () => {
        await store.click(LOBBY, 'c-1');
        await store.click(LOBBY);
        await store.click('maths-101', 'c-1');
        expect(await store.resetCounter('maths-101')).toBe(0);
        expect([await store.count(LOBBY), await store.count('maths-101')]).toEqual([2, 0]);
        expect(await store.click('maths-101', 'c-1')).toBe(1);
        expect(await store.click(LOBBY, 'c-1')).toBe(1);

        expect(await store.resetCounter(LOBBY)).toBe(0);
        expect([await store.count(LOBBY), await store.count('maths-101')]).toEqual([0, 1]);
        expect(await store.click('maths-101', 'c-1')).toBe(1);
      });

      it('numbers the messages of each room from 1 and keeps the history of each to itself', async () => {
        const inLobby = [await postIn(LOBBY, draft('l1')), await postIn(LOBBY, draft('l2'))];
        const inMaths = await Promise.all(
          Array.from({ length: 5 }, (_, i) => postIn('maths-101', draft(`m${i}`))),
        );
        expect(seqs(inLobby.map((result) => result.message))).toEqual([1, 2]);
        expect(seqs(inMaths.map((result) => result.message)).sort()).toEqual([1, 2, 3, 4, 5]);
        expect(await store.messages(LOBBY, { limit: 10 })).toEqual(inLobby.map((r) => r.message));
        expect(seqs(await store.messages('maths-101', { limit: 10 }))).toEqual([1, 2, 3, 4, 5]);
        expect(seqs(await store.messages('maths-101', { after: 2, limit: 10 }))).toEqual([3, 4, 5]);
        expect(seqs(await store.messages(LOBBY, { after: 1, limit: 10 }))).toEqual([2]);
        expect(seqs(await store.messages(LOBBY, { before: 3, limit: 10 }))).toEqual([1, 2]);

        // A room's latest page shows its new messages, and only its own.
        const { message: l3 } = await postIn(LOBBY, draft('l3'));
        expect(seqs(await store.messages(LOBBY, { limit: 2 }))).toEqual([2, 3]);
        expect(seqs(await store.messages('maths-101', { limit: 2 }))).toEqual([4, 5]);
        expect(l3.seq).toBe(3);
      });

      it('keeps the same message id in two rooms as two messages; an edit or delete in one leaves the other', async () => {
        const lobby = await postIn(LOBBY, { ...draft('in the lobby', 'same-id'), authorId: 'u-1' });
        const maths = await postIn('maths-101', draft('in maths', 'same-id'));
        expect([lobby.created, maths.created]).toEqual([true, true]);
        expect(maths.message).toMatchObject({ id: 'same-id', seq: 1, text: 'in maths' });
        expect(maths.message).not.toHaveProperty('authorId');

        const editedAt = new Date().toISOString();
        const edited = await store.edit('maths-101', 'same-id', 'in maths, edited', editedAt);
        expect(edited).toEqual({ ...maths.message, text: 'in maths, edited', editedAt });
        expect(await store.message(LOBBY, 'same-id')).toEqual(lobby.message);

        expect(await store.delete('maths-101', 'same-id')).toBe(true);
        expect(await store.message('maths-101', 'same-id')).toBeUndefined();
        expect(await store.messages(LOBBY, { limit: 10 })).toEqual([lobby.message]);
        expect(await store.append('maths-101', draft('again', 'same-id'))).toEqual({
          created: false,
          deleted: true,
        });
        expect(await store.append(LOBBY, draft('again', 'same-id'))).toEqual({
          message: lobby.message,
          created: false,
        });
        expect(await store.append('physics', draft('in physics', 'same-id'))).toMatchObject({
          created: true,
          message: { id: 'same-id', seq: 1 },
        });
        expect(await store.edit('maths-101', 'same-id', 'back?', editedAt)).toBeUndefined();
        expect(await store.delete('maths-101', 'same-id')).toBe(false);
        expect(await store.message(LOBBY, 'same-id')).toEqual(lobby.message);
      });

      it('reads a room nobody used as empty: 0, no messages, nothing to find, edit or delete', async () => {
        await store.click(LOBBY);
        await postIn(LOBBY, draft('only in the lobby', 'lobby-id'));
        const room = 'nobody-here';
        expect(await store.count(room)).toBe(0);
        expect(await store.messages(room, { limit: 10 })).toEqual([]);
        expect(await store.messages(room, { after: 0, limit: 10 })).toEqual([]);
        expect(await store.messages(room, { before: 10, limit: 10 })).toEqual([]);
        expect(await store.message(room, 'lobby-id')).toBeUndefined();
        expect(await store.edit(room, 'lobby-id', 'hijacked', new Date().toISOString())).toBe(
          undefined,
        );
        expect(await store.delete(room, 'lobby-id')).toBe(false);
        expect(await store.message(LOBBY, 'lobby-id')).toMatchObject({ text: 'only in the lobby' });
      });
    });
  });
}
