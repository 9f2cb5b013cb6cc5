import { isIPv6 } from 'node:net';
import type { LiveSocket } from './live-socket';

/**
 * What the limits that follow a client are keyed by: today its address, later perhaps a signed-in
 * identity. Every per-client limit takes its key from here, never from the socket directly.
 */
export type ClientKey = (socket: LiveSocket) => string;

/** Nest injection token for the {@link ClientKey} in use. */
export const CLIENT_KEY = Symbol('CLIENT_KEY');

/**
 * The client's address: the TCP peer, or behind `trustedHops` proxies that append to
 * X-Forwarded-For, the entry that many from the end — entries before it are the client's own
 * claims and can be forged.
 */
export function clientAddress(
  handshake: { address: string; headers: Record<string, string | string[] | undefined> },
  trustedHops: number,
): string {
  if (trustedHops === 0) return handshake.address;
  const header = handshake.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - trustedHops] ?? handshake.address;
}

/**
 * The network a limit counts: an IPv4 address as itself (also when IPv4-mapped, `::ffff:1.2.3.4`),
 * an IPv6 address by its /64 — one subscriber usually holds a whole /64 and can pick any address
 * in it, so counting single IPv6 addresses would let one client be 2^64 clients.
 */
export function addressNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.toLowerCase().split('%')[0].split('::');
  const front = head ? head.split(':') : [];
  const back = address.includes('::') && tail ? tail.split(':') : [];
  const groups = [...front, ...Array(8 - front.length - back.length).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/** Keys each client by its address's network (see {@link addressNetwork}). */
export const addressKey =
  (trustedHops: number): ClientKey =>
  (socket) =>
    addressNetwork(clientAddress(socket.handshake, trustedHops));
