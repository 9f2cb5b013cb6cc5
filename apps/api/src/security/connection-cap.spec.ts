import { jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { LiveSocket } from '../socket/live-socket';
import { addressKey } from '../socket/client-key';
import { ConnectionCap, clientAddress } from './connection-cap';

let ids = 0;
const socketFrom = (
  address: string,
  conn: EventEmitter & { close?: unknown } = new EventEmitter(),
  forwardedFor?: string,
) => {
  conn.close ??= jest.fn();
  return Object.assign(new EventEmitter(), {
    id: `s${ids++}`,
    conn,
    nsp: { name: '/' },
    handshake: { address, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} },
  }) as unknown as LiveSocket & { conn: EventEmitter & { close: jest.Mock } };
};

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
    expect(refused).toHaveBeenCalledWith(expect.anything(), '10.0.0.1', 'too_many_connections');

    a.conn.emit('close');
    expect(cap.count('10.0.0.1')).toBe(1);
    expect(admit(cap, socketFrom('10.0.0.1'))).toBeUndefined();
  });

  it('tells who left and why from the one disconnect listener it adds', () => {
    const left = jest.fn();
    const cap = new ConnectionCap(2, undefined, undefined, left);
    const socket = socketFrom('10.0.0.1');
    expect(admit(cap, socket)).toBeUndefined();
    expect(socket.listenerCount('disconnect')).toBe(1);
    (socket as unknown as EventEmitter).emit('disconnect', 'transport close');
    expect(left).toHaveBeenCalledWith(socket, 'transport close');
    expect(cap.count('10.0.0.1')).toBe(0);
  });

  it('closes a connection that asks for a second socket in a namespace it is joining', () => {
    const refused = jest.fn();
    const cap = new ConnectionCap(10, refused);
    const conn = new EventEmitter();
    expect(admit(cap, socketFrom('10.0.0.1', conn))).toBeUndefined();
    const second = socketFrom('10.0.0.1', conn);
    expect(admit(cap, second)).toBeInstanceOf(Error);
    expect(second.conn.close).toHaveBeenCalledWith(true);
    expect(refused).toHaveBeenCalledWith(second, '10.0.0.1', 'second_socket');
    expect(cap.count('10.0.0.1')).toBe(1);
    conn.emit('close');
    expect(cap.count('10.0.0.1')).toBe(0);
  });

  it('frees the slot when the socket leaves or a later check refuses it, so the connection may join again', () => {
    const cap = new ConnectionCap(1);
    const conn = new EventEmitter();
    const first = socketFrom('10.0.0.1', conn);
    expect(admit(cap, first)).toBeUndefined();
    (first as unknown as EventEmitter).emit('disconnect');
    expect(cap.count('10.0.0.1')).toBe(0);
    const second = socketFrom('10.0.0.1', conn);
    expect(admit(cap, second)).toBeUndefined();
    cap.release(second);
    expect(cap.count('10.0.0.1')).toBe(0);
    expect(admit(cap, socketFrom('10.0.0.1', conn))).toBeUndefined();
    expect(conn.listenerCount('close')).toBe(1);
  });

  it('behind a trusted proxy, caps the address the proxy saw, not the proxy nor a forged one', () => {
    const cap = new ConnectionCap(1, undefined, addressKey(1));
    // nginx appends the peer it saw; anything before that came from the client.
    expect(admit(cap, socketFrom('127.0.0.1', undefined, '203.0.113.7'))).toBeUndefined();
    expect(admit(cap, socketFrom('127.0.0.1', undefined, '198.51.100.2'))).toBeUndefined();
    expect(admit(cap, socketFrom('127.0.0.1', undefined, '1.2.3.4, 203.0.113.7'))).toBeInstanceOf(
      Error,
    );
  });
});

describe('clientAddress', () => {
  const handshake = (address: string, xff?: string | string[]) => ({
    address,
    headers: { 'x-forwarded-for': xff },
  });

  it('is the TCP peer unless proxies are trusted', () => {
    expect(clientAddress(handshake('10.0.0.9', '6.6.6.6'), 0)).toBe('10.0.0.9');
  });

  it('counts trusted hops from the end of X-Forwarded-For, falling back to the peer', () => {
    expect(clientAddress(handshake('127.0.0.1', 'forged, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(handshake('127.0.0.1', ['forged', '203.0.113.7, 10.1.1.1']), 2)).toBe(
      '203.0.113.7',
    );
    expect(clientAddress(handshake('127.0.0.1'), 1)).toBe('127.0.0.1');
  });
});
