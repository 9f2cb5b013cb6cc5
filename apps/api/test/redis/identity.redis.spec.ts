import type { ChatMessage, PeopleChange, Welcome } from '@live/shared-events';
import { client, closeClients, connected, eventually, next, record } from '../harness';
import { startCluster, type Cluster } from './support/cluster';

const MODERATOR_TOKEN = 'cluster-moderator-token-0123456789';

/** People across two instances on one Redis: one identity, one name, one people list. */
describe('identities on two instances', () => {
  let cluster: Cluster;
  const url = (i: number) => cluster.instances[i].url;

  beforeAll(async () => {
    cluster = await startCluster(2, { ADMIN_TOKEN: MODERATOR_TOKEN });
  });

  afterEach(() => closeClients());

  afterAll(() => cluster.close());

  it('recognises a person on either instance, and never gives their name to someone else', async () => {
    const ada = await connected(url(0), { auth: { name: 'Ada' } });
    const session = ada.welcome.session ?? '';
    const elsewhere = await connected(url(1), { auth: { session } });
    expect(elsewhere.welcome.you).toMatchObject({ userId: ada.welcome.you.userId, name: 'Ada' });

    const impostor = await next<Error & { data?: { code: string } }>(
      client(url(1), { auth: { name: 'ada' } }),
      'connect_error',
    );
    expect(impostor.data?.code).toBe('NAME_TAKEN');
  });

  it('lists the people of both instances for everyone within a second, once each', async () => {
    const watcher = await connected(url(0), { auth: { name: 'Watcher' } });
    const changes = record<PeopleChange>(watcher.socket, 'people');
    const bo = await connected(url(1), { auth: { name: 'Bo' } });
    const startedAt = performance.now();
    await eventually(() =>
      expect(changes.flatMap((c) => c.joined).map((p) => p.id)).toContain(bo.welcome.you.userId),
    );
    expect(performance.now() - startedAt).toBeLessThan(1000);
    // A second tab of Bo's on the other instance is still one person.
    const boAgain = await connected(url(0), { auth: { session: bo.welcome.session ?? '' } });
    const listed = (w: Welcome) => w.people?.people.filter((p) => p.id === bo.welcome.you.userId);
    expect(listed(boAgain.welcome)).toHaveLength(1);

    bo.socket.close();
    boAgain.socket.close();
    await eventually(
      () => expect(changes.flatMap((c) => c.left)).toContain(bo.welcome.you.userId),
      {
        timeoutMs: 3000,
      },
    );
  });

  it("delivers an author's edit to everyone on both instances, and a mute on one holds on the other", async () => {
    const ada = await connected(url(0), { auth: { name: 'Ada B.' } });
    const reader = await connected(url(1));
    const edits = record<ChatMessage>(reader.socket, 'message:edited');
    const sent = await ada.socket.emitWithAck('message', { text: 'helo', id: 'cluster-edit-1' });
    expect(sent.ok).toBe(true);
    expect(
      await ada.socket.emitWithAck('message:edit', { id: 'cluster-edit-1', text: 'hello' }),
    ).toMatchObject({ ok: true });
    await eventually(() => expect(edits.map((m) => m.text)).toEqual(['hello']));
    const { welcome } = await connected(url(1));
    expect(welcome.messages.find((m) => m.id === 'cluster-edit-1')?.text).toBe('hello');

    const adaElsewhere = await connected(url(1), { auth: { session: ada.welcome.session ?? '' } });
    const moderator = await connected(url(0), { auth: { token: MODERATOR_TOKEN } });
    await moderator.socket.emitWithAck('user:mute', {
      userId: ada.welcome.you.userId ?? '',
      minutes: 5,
    });
    await eventually(async () =>
      expect(
        await adaElsewhere.socket.emitWithAck('message', { text: 'still here?' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      }),
    );
  });
});
