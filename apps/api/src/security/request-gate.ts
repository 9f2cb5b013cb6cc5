import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { OwnOrigins } from './own-origins';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
/** A connect-style middleware that only sets headers (helmet's). */
type HeaderMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

interface Refusal {
  status: 421 | 403 | 429;
  reason: string;
  retryAfterMs?: number;
}

/** How long a new Socket.IO connection from this request's client must still wait (0: none). */
export type ConnectWait = (req: IncomingMessage) => number;

/** A request that would open a new Engine.IO session: to the Socket.IO path, without a session id. */
const opensSession = (req: IncomingMessage, socketPath: string) =>
  req.url?.startsWith(socketPath) === true && !/[?&]sid=/.test(req.url);

/**
 * Why a request must not be served, or undefined. 421 Misdirected Request for a Host that is not
 * this server's (RFC 9110 §15.5.20: "not able to produce a response for this target"), which is
 * what a DNS-rebinding page's request is; 403 for a foreign Origin on Socket.IO, which would
 * otherwise let any page drive the chat with its visitor's browser; 429 for a new connection from
 * a client that was told to wait before connecting again.
 */
export function refusalFor(
  req: IncomingMessage,
  origins: OwnOrigins,
  socketPath: string,
  connectWait: ConnectWait = () => 0,
): Refusal | undefined {
  const { host, origin } = req.headers;
  if (!origins.allowsHost(host)) {
    return {
      status: 421,
      reason: `This server does not answer for host ${JSON.stringify(host ?? '')}: open it at ${origins.origins.join(' or ')} (the operator sets PUBLIC_URL).`,
    };
  }
  if (req.url?.startsWith(socketPath) && !origins.allowsOrigin(origin, host)) {
    return { status: 403, reason: `Origin ${origin} is not allowed.` };
  }
  const waitMs = opensSession(req, socketPath) ? connectWait(req) : 0;
  if (waitMs > 0) {
    return {
      status: 429,
      reason: `Too many connects from your address: try again in ${Math.ceil(waitMs / 1000)} s`,
      retryAfterMs: waitMs,
    };
  }
  return undefined;
}

/** The headers of a refusal's answer; it closes the connection. */
function refusalHeaders(refusal: Refusal): Record<string, string> {
  return {
    'Content-Type': 'text/plain; charset=utf-8',
    Connection: 'close',
    ...(refusal.retryAfterMs && { 'Retry-After': String(Math.ceil(refusal.retryAfterMs / 1000)) }),
  };
}

/**
 * Puts the Host and Origin checks and the security headers in front of every HTTP request and
 * WebSocket upgrade the server gets — Express and Engine.IO alike, so long-polling, an upgrade of
 * an existing session and an Engine.IO error pass through them too (Engine.IO's `allowRequest`
 * sees only new handshakes). Call it once the listeners are in place: Engine.IO takes over the
 * server's `request` listeners when it attaches, so this must wrap what it left.
 */
export function gateRequests(
  server: Server,
  origins: OwnOrigins,
  securityHeaders: HeaderMiddleware,
  connectWait: ConnectWait = () => 0,
  socketPath = '/socket.io/',
): void {
  const onRequest = server.listeners('request') as RequestListener[];
  const onUpgrade = server.listeners('upgrade') as UpgradeListener[];
  server.removeAllListeners('request');
  server.removeAllListeners('upgrade');

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    securityHeaders(req, res, () => {
      const refusal = refusalFor(req, origins, socketPath, connectWait);
      if (!refusal) {
        for (const listener of onRequest) listener.call(server, req, res);
        return;
      }
      res.writeHead(refusal.status, refusalHeaders(refusal));
      res.end(`${refusal.reason}\n`);
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refusalFor(req, origins, socketPath, connectWait);
    if (!refusal) {
      for (const listener of onUpgrade) listener.call(server, req, socket, head);
      return;
    }
    const body = `${refusal.reason}\n`;
    const headers = { ...refusalHeaders(refusal), 'Content-Length': Buffer.byteLength(body) };
    socket.on('error', () => undefined);
    socket.end(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
        Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('') +
        `\r\n${body}`,
    );
  });
}
