import { countCrossRoomClicks, type ReceivedClicks, type RoomClicks } from './room-deliveries';

/** Room r's clicks counted 1..n, click k sent at r * 1000 + k * 100 ns. */
const room = (r: number, n: number): RoomClicks => ({
  start: 0,
  sent: n,
  acked: n,
  acks: Array.from({ length: n }, (_, k) => [k + 1, r * 1000 + (k + 1) * 100]),
});

/** Clients 0 and 1 are in room 0, clients 2 and 3 in room 1. */
const roomOf = (client: number) => Math.floor(client / 2);

const received = (
  ...deliveries: [client: number, count: number, atNs: number][]
): ReceivedClicks => ({
  clients: deliveries.map(([client]) => client),
  counts: deliveries.map(([, count]) => count),
  atNs: deliveries.map(([, , atNs]) => atNs),
});

describe('countCrossRoomClicks', () => {
  const rooms = [room(0, 3), room(1, 3)];

  it("counts none when every client hears its own room's counts, in order, after the clicks", () => {
    const clicks = received(
      [0, 1, 150],
      [1, 1, 160],
      [0, 3, 350],
      [1, 2, 260],
      [1, 3, 360],
      [2, 2, 1250],
    );
    expect(countCrossRoomClicks(clicks, rooms, roomOf)).toBe(0);
  });

  it('takes a repeated count as the same one, not as a foreign one', () => {
    expect(countCrossRoomClicks(received([0, 2, 250], [0, 2, 260]), rooms, roomOf)).toBe(0);
  });

  it('counts a count above every click sent in the room', () => {
    expect(countCrossRoomClicks(received([0, 4, 500]), rooms, roomOf)).toBe(1);
  });

  it('counts a count lower than one the client already held', () => {
    expect(countCrossRoomClicks(received([0, 3, 350], [0, 1, 400]), rooms, roomOf)).toBe(1);
  });

  it("counts a count that arrived before its room's click was sent", () => {
    // Client 2 (room 1) hears 2 at 210 ns: room 0's second click (sent at 200 ns) may have made
    // it, room 1's was only sent at 1200 ns.
    expect(countCrossRoomClicks(received([2, 2, 210]), rooms, roomOf)).toBe(1);
  });

  it('counts the leaks when everyone is in one room: the counts pass what any room sent', () => {
    const shared = received(
      ...Array.from({ length: 6 }, (_, k) =>
        [0, 2, 3].map((client): [number, number, number] => [client, k + 1, 2000 + k]),
      ).flat(),
    );
    // Counts 4, 5 and 6 to each of the three clients: above the 3 clicks of either room.
    expect(countCrossRoomClicks(shared, rooms, roomOf)).toBe(9);
  });
});
