import type { Namespace } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import { Encoder } from 'socket.io-parser';
import { wholeFrameAdapters } from './whole-frames';
import { wsTextFrame } from './ws-frame.testing';

type Written = { packets: unknown; options: { wsPreEncodedFrame?: Buffer[] } };

/** An adapter over a namespace with two sockets, recording what each is handed to write. */
function adapterWithTwoSockets(whole: boolean) {
  const written = new Map<string, Written[]>();
  const sockets = new Map(
    ['a', 'b'].map((id) => {
      written.set(id, []);
      const client = {
        writeToEngine: (packets: unknown, options: Written['options']) =>
          written.get(id)?.push({ packets, options }),
      };
      return [id, { id, client }];
    }),
  );
  const nsp = { name: '/', sockets, server: { encoder: new Encoder() } };
  const create = (on: Namespace) => new Adapter(on);
  // As Socket.IO makes it: `new` on the `adapter` option.
  const Made = wholeFrameAdapters(create) as unknown as new (on: Namespace) => Adapter;
  const adapter = whole
    ? new Made(nsp as unknown as Namespace)
    : create(nsp as unknown as Namespace);
  for (const id of sockets.keys()) void adapter.addAll(id, new Set(['room']));
  return { adapter, written };
}

const broadcast = (adapter: Adapter) =>
  adapter.broadcast(
    { type: 2, nsp: '/', data: ['click', 42] },
    { rooms: new Set(['room']), except: new Set(), flags: {} },
  );

describe('wholeFrameAdapters', () => {
  it("hands every client one buffer holding the frame Socket.IO's own broadcast builds", () => {
    const plain = adapterWithTwoSockets(false);
    const whole = adapterWithTwoSockets(true);
    broadcast(plain.adapter);
    broadcast(whole.adapter);
    const [before] = plain.written.get('a') ?? [];
    const [after] = whole.written.get('a') ?? [];
    expect(before?.options.wsPreEncodedFrame).toHaveLength(2);
    expect(after?.options.wsPreEncodedFrame).toEqual([
      Buffer.concat(before?.options.wsPreEncodedFrame ?? []),
    ]);
    expect(after?.packets).toEqual(before?.packets);
    // Joined once per broadcast: both clients share the same bytes.
    expect(whole.written.get('b')?.[0]?.options.wsPreEncodedFrame?.[0]).toBe(
      after?.options.wsPreEncodedFrame?.[0],
    );
  });

  it('is a frame ws would send: header and payload of the event', () => {
    const { adapter, written } = adapterWithTwoSockets(true);
    broadcast(adapter);
    const [frame] = written.get('a')?.[0]?.options.wsPreEncodedFrame ?? [];
    const payload = Buffer.from('42["click",42]');
    const [header] = wsTextFrame(payload);
    expect(frame).toEqual(Buffer.concat([header, payload]));
  });
});
