/** One room's clicks in the rooms scenario, from every worker: what its receivers are checked against. */
export interface RoomClicks {
  /** The count the room's clients held when the clicking began. */
  start: number;
  /** Clicks its clients sent, acked or not. */
  sent: number;
  /** Of those, acked. */
  acked: number;
  /** [count from the ack, hrtime of the send] per acked click. */
  acks: [number, number][];
}

/** The `click` broadcasts a worker's clients received, one entry per delivery, in arrival order. */
export interface ReceivedClicks {
  clients: readonly number[];
  counts: readonly number[];
  atNs: readonly number[];
}

/**
 * How many `click` deliveries cannot have come from their receiver's room. Every count a room
 * broadcasts is one of its own clicks' counts, and a client hears them in order, so a delivery is
 * from elsewhere when its count is above the room's start plus every click sent in it, lower than
 * a count the client already held, or arrived before the room's click with that count was sent.
 * With rooms' counts growing side by side, a foreign count usually breaks one of the three; with
 * everyone in one room, the count soon passes what any room sent.
 */
export function countCrossRoomClicks(
  received: ReceivedClicks,
  rooms: readonly RoomClicks[],
  roomOf: (client: number) => number,
): number {
  const sentNsByCount = rooms.map((room) => new Map(room.acks));
  const held = new Map<number, number>();
  let cross = 0;
  for (let i = 0; i < received.clients.length; i++) {
    const client = received.clients[i];
    const count = received.counts[i];
    const room = roomOf(client);
    const { start, sent } = rooms[room];
    const before = held.get(client) ?? start;
    const sentNs = sentNsByCount[room].get(count);
    if (
      count < before ||
      count > start + sent ||
      (sentNs !== undefined && sentNs > received.atNs[i])
    )
      cross++;
    held.set(client, Math.max(before, count));
  }
  return cross;
}
