import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTokenVerifier } from './admin-token';
import { clientAddress } from './connection-cap';

type Next = () => void;

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (a dual-stack listener's view). */
const isLoopback = (address: string) => address === '::1' || /^(::ffff:)?127\./.test(address);

/**
 * Who may read GET /metrics (process memory, file-descriptor limit, connection counts: a map for
 * an attacker). With METRICS_TOKEN: whoever sends `Authorization: Bearer <token>`, else 401.
 * Without: loopback clients only (a scraper on the same machine, an operator's curl), else 403 —
 * the client's address as the per-address cap sees it, so through a proxy (TRUST_PROXY) the
 * forwarded client counts, not the proxy on loopback.
 */
export function metricsAccess(token: string | undefined, trustedHops: number) {
  const verify = createTokenVerifier(token);
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if (token !== undefined) {
      const presented = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (verify(presented)) return next();
      return deny(res, 401, 'GET /metrics needs the bearer token (METRICS_TOKEN).', {
        'WWW-Authenticate': 'Bearer realm="metrics"',
      });
    }
    const address = clientAddress(
      { address: req.socket.remoteAddress ?? '', headers: req.headers },
      trustedHops,
    );
    if (isLoopback(address)) return next();
    deny(
      res,
      403,
      'GET /metrics is served to loopback clients only; set METRICS_TOKEN to scrape it from elsewhere.',
    );
  };
}

function deny(
  res: ServerResponse,
  status: number,
  reason: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${reason}\n`);
}
