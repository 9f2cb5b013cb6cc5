import { SlicedBroadcast } from './sliced-broadcast';

function fakeServer() {
  const sent: [string, string, unknown][] = [];
  return {
    sent,
    to: (room: string) => ({
      emit: (event: string, value: unknown) => sent.push([room, event, value]),
    }),
  };
}

describe('SlicedBroadcast', () => {
  it('spreads connections over its slices round robin', () => {
    const broadcast = new SlicedBroadcast(3, 10, 'room:maths');
    const rooms: string[] = [];
    for (let i = 0; i < 4; i++) broadcast.assign({ join: (room: string) => rooms.push(room) });
    expect(rooms).toEqual(['room:maths#0', 'room:maths#1', 'room:maths#2', 'room:maths#0']);
  });

  it('sends one plain broadcast to a small audience, at once', () => {
    const server = fakeServer();
    new SlicedBroadcast(3, 10, 'room:maths').emit(server, 9, 'click', () => 7);
    expect(server.sent).toEqual([['room:maths', 'click', 7]]);
  });

  it('sends a large audience one slice per turn, each with the latest value', async () => {
    const server = fakeServer();
    let count = 1;
    new SlicedBroadcast(3, 10, 'room:maths').emit(server, 10, 'click', () => count);
    expect(server.sent).toEqual([['room:maths#0', 'click', 1]]);
    count = 2;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.sent).toEqual([
      ['room:maths#0', 'click', 1],
      ['room:maths#1', 'click', 2],
      ['room:maths#2', 'click', 2],
    ]);
  });
});
