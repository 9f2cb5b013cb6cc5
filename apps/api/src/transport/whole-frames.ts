import type { Namespace, ServerOptions } from 'socket.io';
import type { Adapter } from 'socket.io-adapter';

/** The part of a packet's write options that Adapter#_encode (private in its types) sets. */
interface FrameOptions {
  wsPreEncodedFrame?: Buffer[];
}
type Encode = (packet: unknown, options: FrameOptions) => unknown;

/**
 * Makes each client's share of a broadcast one socket write instead of two. Socket.IO encodes a
 * broadcast once and hands every client's ws the frame as [header, payload], which ws writes
 * corked, as two chunks: a writev with its buffering, arrays and callbacks, for every client.
 * Joined into one buffer, once per broadcast, it is a single plain write (ws takes either form).
 * An adapter without that private step (another version) is returned as it is.
 */
function withWholeFrames<T extends Adapter>(adapter: T): T {
  const encodable = adapter as unknown as { _encode?: Encode };
  const encode = encodable._encode?.bind(adapter);
  if (!encode) return adapter;
  encodable._encode = (packet, options) => {
    const encoded = encode(packet, options);
    const frame = options.wsPreEncodedFrame;
    if (frame?.length === 2) options.wsPreEncodedFrame = [Buffer.concat(frame)];
    return encoded;
  };
  return adapter;
}

/**
 * The `adapter` option for adapters made by `create`, written whole. A plain function, not an
 * arrow: Socket.IO calls it with `new`, and the adapter it returns is what `new` gives.
 */
export function wholeFrameAdapters(
  create: (nsp: Namespace) => Adapter,
): NonNullable<ServerOptions['adapter']> {
  return function wholeFrameAdapter(nsp: Namespace) {
    return withWholeFrames(create(nsp));
  } as unknown as NonNullable<ServerOptions['adapter']>;
}
