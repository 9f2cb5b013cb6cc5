import helmet from 'helmet';

/**
 * Security headers for everything served over HTTP (the UI, /health, /metrics, Socket.IO's
 * polling responses: request-gate.ts sets them before Express or Engine.IO answers). The built
 * UI has no inline script, so scripts come only from this origin; nothing may frame the page.
 */
export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Same-origin WebSocket and polling.
        'connect-src': ["'self'"],
        // The inline SVG favicon.
        'img-src': ["'self'", 'data:'],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        // The server itself speaks plain HTTP (TLS ends at the proxy): upgrading would break a
        // direct http:// deployment on a LAN.
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS belongs to whoever terminates TLS (the reverse proxy), not to a plain-HTTP server.
    strictTransportSecurity: false,
  });
