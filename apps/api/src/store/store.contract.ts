import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { ChatMessage } from '@live/shared-events';
import { StoreUnavailableError, type MessageDraft, type Store, type StoredMessage } from './store';

let drafts = 0;
const draft = (text: string, id = `m-${++drafts}-${Date.now()}`): MessageDraft => ({
  id,
  author: 'Ada',
  text,
  sentAt: new Date().toISOString(),
});
const seqs = (messages: ChatMessage[]) => messages.map((message) => message.seq);

/**
 * The behaviour every {@link Store} adapter promises, run against each of them.
 * @param open resolves a fresh, empty store (its own file, or its own key prefix)
 */
export function describeStoreContract(adapter: string, open: () => Promise<Store>): void {
  describe(`${adapter} keeps the Store contract`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await open();
    });

    afterEach(() => store.close());

    /** Appends a message these tests expect to be stored (or found stored), not a deleted id. */
    const post = async (message: MessageDraft): Promise<StoredMessage> => {
      const result = await store.append(message);
      if (result.deleted) throw new Error(`${message.id} was unexpectedly a deleted message's id`);
      return result;
    };

    it('starts at zero and acks each click with the count after it', async () => {
      expect(await store.count()).toBe(0);
      expect(await store.click()).toBe(1);
      expect(await store.click()).toBe(2);
      expect(await store.count()).toBe(2);
    });

    it('announces a click on commit, with the count the click resolves with', async () => {
      const heard: number[] = [];
      const click = store.click('c-commit', (count) => heard.push(count));
      const retry = store.click('c-commit', (count) => heard.push(count));
      const [count, again] = await Promise.all([click, retry]);
      // Announced no later than resolved: a caller may broadcast there, and ack here.
      expect(heard).toEqual([count, count]);
      expect(again).toBe(count);
    });

    it('acks a click whose commit listener throws, and keeps counting', async () => {
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      try {
        const failing = store.click(undefined, () => {
          throw new Error('listener bug');
        });
        await expect(Promise.all([failing, store.click()])).resolves.toEqual([1, 2]);
        expect(await store.click()).toBe(3);
        expect(logged).toHaveBeenCalledWith(expect.anything(), 'a commit listener failed');
      } finally {
        logged.mockRestore();
      }
    });

    it('counts 100 concurrent clicks exactly, each with its own count', async () => {
      const counts = await Promise.all(Array.from({ length: 100 }, () => store.click()));
      expect(new Set(counts).size).toBe(100);
      expect(Math.max(...counts)).toBe(100);
      expect(await store.count()).toBe(100);
    });

    it('counts a click id once and answers a retry with the original count', async () => {
      expect(await store.click('c-1')).toBe(1);
      expect(await store.click()).toBe(2);
      expect(await store.click('c-1')).toBe(1);
      expect(await Promise.all([store.click('c-2'), store.click('c-2')])).toEqual([3, 3]);
      expect(await store.count()).toBe(3);
    });

    it('gives appended messages strictly increasing seqs and keeps them verbatim', async () => {
      const first = await post(draft('<b>hello</b>'));
      const second = await post(draft('  two  '));
      expect(first.created).toBe(true);
      expect(first.message).toMatchObject({ author: 'Ada', text: '<b>hello</b>' });
      expect(second.message.seq).toBeGreaterThan(first.message.seq);
      expect(await store.messages({ limit: 10 })).toEqual([first.message, second.message]);
    });

    it('shows each new message in the latest page read after it, however often it was read before', async () => {
      const first = await post(draft('one'));
      expect(await store.messages({ limit: 2 })).toEqual([first.message]);
      expect(await store.messages({ limit: 2 })).toEqual([first.message]);
      const second = await post(draft('two'));
      await post(draft('two again', second.message.id));
      expect(await store.messages({ limit: 2 })).toEqual([first.message, second.message]);
      const third = await post(draft('three'));
      expect(await store.messages({ limit: 1 })).toEqual([third.message]);
      expect(await store.messages({ limit: 2 })).toEqual([second.message, third.message]);
    });

    it('returns the stored message for a known id and stores nothing new', async () => {
      const original = await post(draft('once', 'same-id'));
      const retry = await post(draft('twice', 'same-id'));
      expect(retry).toEqual({ message: original.message, created: false });
      expect(await store.messages({ limit: 10 })).toEqual([original.message]);
    });

    it('assigns distinct seqs to concurrent appends', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => post(draft(`m${i}`))));
      expect(new Set(results.map((result) => result.message.seq)).size).toBe(20);
    });

    it('pages history oldest first with exclusive before/after bounds and a limit', async () => {
      const all: ChatMessage[] = [];
      for (let i = 1; i <= 7; i++) all.push((await post(draft(`m${i}`))).message);
      const at = (i: number) => all[i - 1].seq;
      expect(seqs(await store.messages({ limit: 3 }))).toEqual([at(5), at(6), at(7)]);
      expect(seqs(await store.messages({ before: at(5), limit: 2 }))).toEqual([at(3), at(4)]);
      expect(seqs(await store.messages({ after: at(2), limit: 3 }))).toEqual([at(3), at(4), at(5)]);
      expect(seqs(await store.messages({ after: at(2), before: at(5), limit: 10 }))).toEqual([
        at(3),
        at(4),
      ]);
      expect(await store.messages({ after: at(7), limit: 10 })).toEqual([]);
      expect(await store.messages({ before: at(1), limit: 10 })).toEqual([]);
    });

    it('checks fine while open; once closed it refuses writes as unavailable', async () => {
      await expect(store.check()).resolves.toBeUndefined();
      await store.close();
      await expect(store.check()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.click()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.append(draft('late'))).rejects.toBeInstanceOf(StoreUnavailableError);
    });

    it('deletes a message for good: gone from pages, and a retry of its id does not bring it back', async () => {
      await post(draft('a', 'del-a'));
      const { message: b } = await post(draft('spam', 'del-b'));
      await post(draft('c', 'del-c'));
      const ids = async () => (await store.messages({ limit: 10 })).map((m) => m.id);
      expect(await ids()).toEqual(['del-a', 'del-b', 'del-c']);
      expect(await store.delete('del-b')).toBe(true);
      expect(await store.delete('del-b')).toBe(false);
      expect(await store.delete('never-stored')).toBe(false);
      expect(await ids()).toEqual(['del-a', 'del-c']);

      // The id's message is gone: a retry (or a new text under that id) gets nothing back.
      expect(await store.append(draft('spam again', 'del-b'))).toEqual({
        created: false,
        deleted: true,
      });
      expect(await ids()).toEqual(['del-a', 'del-c']);
      expect((await post(draft('d'))).message.seq).toBe(b.seq + 2);
    });

    it('resets the counter to zero and forgets click ids', async () => {
      await store.click('before-reset');
      await store.click();
      expect(await store.resetCounter()).toBe(0);
      expect(await store.count()).toBe(0);
      expect(await store.click('before-reset')).toBe(1);
      expect(await store.click()).toBe(2);
    });
  });
}
