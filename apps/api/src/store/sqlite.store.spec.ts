import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqlite.store';
import { describeStoreContract } from './store.contract';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeStoreContract('SqliteStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'live-sqlite-'));
  dirs.push(dir);
  return new SqliteStore(dir);
});

describe('SqliteStore', () => {
  it('keeps the count and messages across a reopen of the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-sqlite-'));
    dirs.push(dir);
    const first = new SqliteStore(dir);
    await first.click();
    const { message } = await first.append({
      id: 'a',
      author: 'Ada',
      text: 'kept',
      sentAt: new Date().toISOString(),
    });
    await first.close();
    const second = new SqliteStore(dir);
    expect(await second.count()).toBe(1);
    expect(await second.messages({ limit: 5 })).toEqual([message]);
    await second.close();
  });
});
