import { isIP } from 'node:net';

/**
 * Which origins are this server's, and which `Host` headers it answers to. Same-origin means the
 * browser's `Origin` is one of PUBLIC_URL's origins (or an allowed one) — never "whatever Host the
 * request names", which a DNS-rebinding page controls: it makes its own name resolve to this
 * server, so its Host and Origin agree.
 */
export class OwnOrigins {
  private own: readonly string[] = [];
  private hosts = new Set<string>();

  /**
   * @param publicOrigins PUBLIC_URL's origins. http://localhost and http://127.0.0.1 on the port
   *   the server listens on are its own too (known once it listens: {@link listeningOn}), so a
   *   health check or a client on the machine itself works: no rebinding page can send them, as
   *   a rebound page's Host and Origin carry the attacker's name.
   * @param allowedOrigins ALLOWED_ORIGINS: other sites' pages allowed to connect.
   */
  constructor(
    private readonly publicOrigins: readonly string[] | undefined,
    private readonly allowedOrigins: readonly string[],
  ) {
    this.resolve(publicOrigins ?? []);
  }

  /** The bound port: the loopback origins use it (PORT=0 picks one at listen). */
  listeningOn(port: number): void {
    this.resolve([
      ...(this.publicOrigins ?? []),
      `http://localhost:${port}`,
      `http://127.0.0.1:${port}`,
    ]);
  }

  /** The server's own origins: PUBLIC_URL's, then loopback's. */
  get origins(): readonly string[] {
    return this.own;
  }

  /**
   * A request's Host is this server's, an allowed origin's (a dev proxy forwards its own), or an
   * IP address: a page opened as http://192.168.1.5:3000 on a LAN is this server's, and DNS
   * rebinding needs a name.
   */
  allowsHost(host: string | undefined): boolean {
    return host !== undefined && (this.hosts.has(host.toLowerCase()) || isAddress(host));
  }

  /**
   * A browser `Origin` that may talk to this server: one of its own or allowed origins, or the
   * page at the IP address the request is for. No Origin is no browser, and allowed.
   */
  allowsOrigin(origin: string | undefined, host?: string): boolean {
    if (origin === undefined || this.own.includes(origin) || this.allowedOrigins.includes(origin)) {
      return true;
    }
    return (
      host !== undefined &&
      isAddress(host) &&
      (origin === `http://${host.toLowerCase()}` || origin === `https://${host.toLowerCase()}`)
    );
  }

  private resolve(own: readonly string[]): void {
    this.own = own;
    this.hosts = new Set([...own, ...this.allowedOrigins].flatMap(hostsOf));
  }
}

/** The Host values a browser sends for `origin`: with the port, and without it if default. */
function hostsOf(origin: string): string[] {
  const url = new URL(origin);
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  // URL drops a default port, so `url.host` is the bare name then; browsers send it bare too.
  return url.port ? [url.host] : [url.host, `${url.hostname}:${defaultPort}`];
}

/** `host` (with or without a port) names an IP address, not a DNS name. */
function isAddress(host: string): boolean {
  try {
    return isIP(new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '')) !== 0;
  } catch {
    return false;
  }
}
