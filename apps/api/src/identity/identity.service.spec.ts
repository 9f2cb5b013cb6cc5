import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import { SqliteStore } from '../store/sqlite.store';
import { IdentityService } from './identity.service';

/** IdentityService over the real embedded store, in a directory of its own. */
describe('IdentityService', () => {
  let dir: string;
  let store: SqliteStore;
  let identities: IdentityService;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'identity-'));
    store = new SqliteStore(dir);
    const config = {
      dataDir: dir,
      identityTtlMs: 30 * 24 * 60 * 60_000,
      nameHoldMs: 24 * 60 * 60_000,
    } as AppConfig;
    identities = new IdentityService(config, store);
  });

  afterEach(async () => {
    identities.onModuleDestroy();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a new person, and does not rewrite them on every reconnect', async () => {
    const saves = jest.spyOn(store, 'saveIdentity');
    const first = await identities.admit(undefined, 'Ada');
    expect(first.returning).toBe(false);
    expect(await store.identity(first.identity.id)).toMatchObject({ name: 'Ada' });
    expect(saves).toHaveBeenCalledTimes(1);

    const again = await identities.admit(first.session, undefined);
    expect(again).toMatchObject({
      returning: true,
      identity: { id: first.identity.id, name: 'Ada' },
    });
    expect(saves).toHaveBeenCalledTimes(1);

    // A new name is written at once.
    await identities.admit(again.session, 'Ada L.');
    expect(await store.identity(first.identity.id)).toMatchObject({ name: 'Ada L.' });
  });

  it('keeps the identity a refused handshake was given, so the name suggested to it can be taken', async () => {
    await identities.admit(undefined, 'Ada');
    const refused = await identities.admit(undefined, 'ada').catch((error: unknown) => error);
    const { suggestion, session } = refused as { suggestion: string; session: string };
    const back = await identities.admit(session, suggestion);
    expect(back.identity.name).toBe(suggestion);
  });
});
