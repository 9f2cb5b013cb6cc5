import { jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { LiveSocket } from '../live/live-socket';
import { ConnectionCap } from './connection-cap';

const socketFrom = (address: string, conn = new EventEmitter()) =>
  ({ conn, handshake: { address } }) as unknown as LiveSocket & { conn: EventEmitter };

function admit(cap: ConnectionCap, socket: LiveSocket) {
  const next = jest.fn<(error?: Error) => void>();
  cap.middleware(socket, next);
  return next.mock.calls[0]?.[0];
}

describe('ConnectionCap', () => {
  it('admits up to the cap per address, refuses beyond it with a clear error, and frees on close', () => {
    const refused = jest.fn();
    const cap = new ConnectionCap(2, refused);
    const a = socketFrom('10.0.0.1');
    expect(admit(cap, a)).toBeUndefined();
    expect(admit(cap, socketFrom('10.0.0.1'))).toBeUndefined();
    expect(admit(cap, socketFrom('10.0.0.2'))).toBeUndefined();
    const error = admit(cap, socketFrom('10.0.0.1')) as Error & { data: unknown };
    expect(error.message).toMatch(/Too many connections from your address \(at most 2\)/);
    expect(error.data).toEqual({ code: 'RATE_LIMITED' });
    expect(refused).toHaveBeenCalledTimes(1);

    a.conn.emit('close');
    expect(cap.count('10.0.0.1')).toBe(1);
    expect(admit(cap, socketFrom('10.0.0.1'))).toBeUndefined();
  });

  it('counts one engine connection once, however often it retries the namespace', () => {
    const cap = new ConnectionCap(1);
    const conn = new EventEmitter();
    expect(admit(cap, socketFrom('10.0.0.1', conn))).toBeUndefined();
    expect(admit(cap, socketFrom('10.0.0.1', conn))).toBeUndefined();
    expect(cap.count('10.0.0.1')).toBe(1);
    conn.emit('close');
    expect(cap.count('10.0.0.1')).toBe(0);
  });
});
