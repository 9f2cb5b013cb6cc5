import { ExpressAdapter } from '@nestjs/platform-express';
import { createServer, type ServerOptions } from 'node:http';
import type { AppConfig } from '../config/config';

/**
 * Timeouts for requests that dribble in (slowloris): one whose headers, or whole request, have
 * not arrived in time is answered 408 and closed. They count only receiving the request, so a
 * long-poll waiting for its answer (up to PING_INTERVAL_MS) is not cut. Node checks them every
 * `connectionsCheckingInterval` (30 s by default, which would let a request linger 30 s past
 * its deadline): here every second.
 */
export function httpServerOptions(
  config: Pick<AppConfig, 'httpHeadersTimeoutMs' | 'httpRequestTimeoutMs'>,
): ServerOptions {
  // Node refuses a headers timeout above the request timeout.
  const headersTimeout = Math.min(config.httpHeadersTimeoutMs, config.httpRequestTimeoutMs);
  return {
    headersTimeout,
    requestTimeout: config.httpRequestTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, headersTimeout / 2),
  };
}

/**
 * Nest's Express adapter on an http.Server created with `options`: Nest creates its own without
 * any, and some (the checking interval) can only be given at creation. This app passes Nest
 * neither `httpsOptions` (TLS ends at the proxy) nor `forceCloseConnections`.
 */
export class LiveExpressAdapter extends ExpressAdapter {
  constructor(private readonly serverOptions: ServerOptions) {
    super();
  }

  override initHttpServer(): void {
    this.httpServer = createServer(this.serverOptions, this.getInstance());
  }
}
