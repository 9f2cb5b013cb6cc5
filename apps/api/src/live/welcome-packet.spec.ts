import { jest } from '@jest/globals';
import { LIMITS, type Person } from '@live/shared-events';
import { Encoder } from 'socket.io-parser';
import type { LiveSocket } from '../socket/live-socket';
import { wsTextFrame } from '../transport/ws-frame.testing';
import { textFrameHeader, WelcomePacket, type FullWelcome } from './welcome-packet';

type Write = (text: string, options: { wsPreEncodedFrame: Buffer[] }) => void;

/** What WelcomePacket touches of a socket: the server's encoder and the connection's write. */
function fakeSocket(nsp = '/') {
  const write = jest.fn<Write>();
  const socket = {
    nsp: { name: nsp, server: { encoder: new Encoder() } },
    client: { conn: { write } },
  };
  return { socket: socket as unknown as LiveSocket, write };
}

const people: Person[] = Array.from({ length: LIMITS.welcomePeople }, (_, i) => ({
  id: `person-${i}`,
  name: i % 2 ? `Zoë ${i}` : `مريم ${i}`,
  moderator: i === 3,
}));

function welcomeFor(you: string, total: number): FullWelcome {
  return {
    you: { id: `sock-${you}`, name: you, moderator: false, userId: `${you}-identity` },
    count: 3,
    messages: [],
    online: total,
    people: { people, total },
    editWindowMs: 900_000,
    room: 'lobby',
    session: 'token',
  };
}

describe('WelcomePacket', () => {
  it('writes the text socket.emit would encode, and a WebSocket frame carrying the same', () => {
    const { socket, write } = fakeSocket();
    const welcome = welcomeFor('Ada', 140);
    new WelcomePacket().send(socket, welcome);
    const [text, { wsPreEncodedFrame }] = write.mock.calls[0];
    expect(JSON.parse(text.slice(1))).toEqual(['welcome', welcome]);
    expect(text[0]).toBe('2');
    const frame = Buffer.concat(wsPreEncodedFrame);
    const payload = Buffer.from(`4${text}`);
    expect(frame).toEqual(Buffer.concat([textFrameHeader(payload.length), payload]));
  });

  it('shares the listed people between welcomes while the list stays the same', () => {
    const { socket, write } = fakeSocket();
    const packet = new WelcomePacket();
    packet.send(socket, welcomeFor('Ada', 140));
    packet.send(socket, welcomeFor('Bo', 141));
    const [[textA, a], [textB, b]] = write.mock.calls;
    expect(b.wsPreEncodedFrame[1]).toBe(a.wsPreEncodedFrame[1]);
    expect(JSON.parse(textB.slice(1))[1]).toEqual(welcomeFor('Bo', 141));
    expect(textA).not.toEqual(textB);
  });

  it('names its namespace as socket.emit does', () => {
    const { socket, write } = fakeSocket('/admin');
    new WelcomePacket().send(socket, welcomeFor('Ada', 1));
    expect(write.mock.calls[0][0].startsWith('2/admin,["welcome",')).toBe(true);
  });
});

describe('textFrameHeader', () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 300_000])(
    'is the header ws frames %i bytes with',
    (length) => {
      const [header] = wsTextFrame(Buffer.alloc(length));
      expect(textFrameHeader(length)).toEqual(header);
    },
  );
});
