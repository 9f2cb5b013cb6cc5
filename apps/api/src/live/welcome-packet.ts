import { Injectable } from '@nestjs/common';
import { EVENTS, type PeopleSnapshot, type Person, type Welcome } from '@live/shared-events';
import { PacketType } from 'socket.io-parser';
import type { LiveSocket } from '../socket/live-socket';

/** A welcome as this server builds it: always with the people present. */
export type FullWelcome = Welcome & { people: PeopleSnapshot };

/** The listed people's part of a welcome, encoded once: as text (long-polling) and as bytes. */
interface SharedPart {
  text: string;
  bytes: Buffer;
}

type SendOptions = NonNullable<Parameters<LiveSocket['client']['conn']['write']>[1]>;

/** How a welcome encoded with an empty list (`[]`) ends: the list is the payload's last value. */
const EMPTY_LIST_END = '[]}}]';

/**
 * Writes a `welcome` as `socket.emit` would, except that the listed people, the same for everyone
 * welcomed until the list changes, are encoded once and their bytes shared. A thousand people
 * arriving together would otherwise each cost a fresh encoding and copy of up to a hundred people,
 * garbage that outgrows everything else a connection keeps. The list goes last in the payload so
 * that the WebSocket frame is two buffers, [header and this connection's part, the shared part]:
 * the pre-encoded form Socket.IO's own broadcasts hand to ws. Long-polling gets the same text.
 */
@Injectable()
export class WelcomePacket {
  private readonly encoded = new WeakMap<readonly Person[], SharedPart>();

  send(socket: LiveSocket, welcome: FullWelcome): void {
    const { people, ...rest } = welcome;
    const { people: listed, ...counts } = people;
    const [text] = socket.nsp.server.encoder.encode({
      type: PacketType.EVENT,
      nsp: socket.nsp.name,
      data: [EVENTS.welcome, { ...rest, people: { ...counts, people: [] } }],
    }) as [string];
    const head = text.slice(0, -EMPTY_LIST_END.length);
    const shared = this.sharedPart(listed);
    // "4": Engine.IO's message packet, which the frame carries (conn.write adds it on polling).
    const headBytes = Buffer.from(`4${head}`);
    const frame = [
      Buffer.concat([textFrameHeader(headBytes.length + shared.bytes.length), headBytes]),
      shared.bytes,
    ];
    socket.client.conn.write(head + shared.text, { wsPreEncodedFrame: frame } as SendOptions);
  }

  private sharedPart(listed: readonly Person[]): SharedPart {
    let part = this.encoded.get(listed);
    if (!part) {
      const text = `${JSON.stringify(listed)}${EMPTY_LIST_END.slice(2)}`;
      part = { text, bytes: Buffer.from(text) };
      this.encoded.set(listed, part);
    }
    return part;
  }
}

/** A final, unmasked text frame's header for a payload of `length` bytes (RFC 6455, 5.2). */
export function textFrameHeader(length: number): Buffer {
  const extended = length < 126 ? 0 : length < 65_536 ? 2 : 8;
  const header = Buffer.alloc(2 + extended);
  header[0] = 0x81; // FIN, opcode 1 (text)
  if (extended === 0) header[1] = length;
  else if (extended === 2) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return header;
}
