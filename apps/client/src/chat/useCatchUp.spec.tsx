import { LIMITS } from '@live/shared-events';
import { screen, within } from '@testing-library/react';
import { messagesFrom, renderWithSocket, welcome } from '../testing/fakeSocket';
import { storeUnavailable } from '../testing/serverRefusals';
import { MAX_CATCH_UP_PAGES, useCatchUp } from './useCatchUp';
import { useMessageLog } from './useMessageLog';

function CatchUpHarness() {
  const log = useMessageLog();
  useCatchUp(log.messages.at(-1)?.seq, { onMissed: log.add, onGap: log.restartFrom });
  return (
    <ol aria-label="Messages">
      {log.messages.map((m) => (
        <li key={m.id}>{m.seq}</li>
      ))}
    </ol>
  );
}

const shownSeqs = () =>
  within(screen.getByRole('list', { name: 'Messages' }))
    .queryAllByRole('listitem')
    .map((item) => Number(item.textContent));

/** Had messages up to seq `newest`, lost the link, and came back to a snapshot from `snapshotFrom`. */
async function reconnectedAfterMissing(
  newest: number,
  snapshotFrom: number,
  { recovered = false } = {},
) {
  const rendered = renderWithSocket(<CatchUpHarness />);
  const { socket } = rendered;
  socket.serverConnect();
  socket.receive('welcome', welcome({ messages: messagesFrom(1, newest) }));
  await socket.drop();
  socket.serverConnect({ recovered });
  const snapshot = messagesFrom(snapshotFrom, LIMITS.welcomeMessages);
  socket.receive('welcome', welcome({ messages: snapshot }));
  return { ...rendered, snapshot };
}

const page = { limit: LIMITS.historyMaxLimit };

describe('useCatchUp', () => {
  it('fetches what it missed after its newest message, page by page, until a short page', async () => {
    const { socket } = await reconnectedAfterMissing(1, 251);
    expect(socket.sent('history')).toEqual([{ after: 1, ...page }]);

    await socket.ack('history', { ok: true, messages: messagesFrom(2, 100) });
    expect(socket.sent('history')).toEqual([
      { after: 1, ...page },
      { after: 101, ...page },
    ]);
    await socket.ack('history', { ok: true, messages: messagesFrom(102, 100) });
    await socket.ack('history', { ok: true, messages: messagesFrom(202, 49) });

    expect(socket.sent('history')).toHaveLength(3);
    expect(shownSeqs()).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it('stops once a full page reaches the snapshot', async () => {
    const { socket } = await reconnectedAfterMissing(1, 102);
    await socket.ack('history', { ok: true, messages: messagesFrom(2, 100) });

    expect(socket.sent('history')).toHaveLength(1);
    expect(shownSeqs()).toHaveLength(151);
  });

  it(`starts again from the snapshot when more was missed than ${MAX_CATCH_UP_PAGES} pages`, async () => {
    const { socket, snapshot } = await reconnectedAfterMissing(1, 1000);
    for (let p = 0; p < MAX_CATCH_UP_PAGES; p += 1) {
      await socket.ack('history', { ok: true, messages: messagesFrom(2 + p * 100, 100) });
    }

    expect(socket.sent('history')).toHaveLength(MAX_CATCH_UP_PAGES);
    expect(shownSeqs()).toEqual(snapshot.map((m) => m.seq));
  });

  it('starts again from the snapshot rather than show a hole when a page is refused', async () => {
    const { socket, snapshot } = await reconnectedAfterMissing(1, 300);
    await socket.ack('history', storeUnavailable());

    expect(socket.sent('history')).toHaveLength(1);
    expect(shownSeqs()).toEqual(snapshot.map((m) => m.seq));
  });

  it('asks for nothing when the snapshot follows on from what it has', async () => {
    const { socket } = await reconnectedAfterMissing(10, 11);
    expect(socket.sent('history')).toEqual([]);
  });

  it('asks for nothing when the server recovered the session (it replays what was missed)', async () => {
    const { socket } = await reconnectedAfterMissing(1, 300, { recovered: true });
    expect(socket.sent('history')).toEqual([]);
  });

  it('asks for nothing on the first welcome', () => {
    const { socket } = renderWithSocket(<CatchUpHarness />);
    socket.serverConnect();
    socket.receive('welcome', welcome({ messages: messagesFrom(500, LIMITS.welcomeMessages) }));
    expect(socket.sent('history')).toEqual([]);
  });
});
