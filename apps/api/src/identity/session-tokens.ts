import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new identity id: 128 random bits, URL-safe (22 characters). */
export const newIdentityId = (): string => randomBytes(16).toString('base64url');

/**
 * Session tokens: `<identity id>.<issued at, base 36 ms>.<HMAC-SHA256 of both>`, signed with the
 * server's secret. A client keeps one and sends it on every handshake to stay the same person.
 * Nothing in it is secret but the signature makes it unforgeable; it is renewed on every
 * connect, so it expires only for someone away longer than `ttlMs`.
 */
export class SessionTokens {
  constructor(
    private readonly secret: string,
    private readonly ttlMs: number,
  ) {}

  issue(identityId: string, now: number): string {
    const body = `${identityId}.${now.toString(36)}`;
    return `${body}.${this.sign(body)}`;
  }

  /** The identity a token was issued to, or undefined when it is forged, altered or expired. */
  verify(token: string | undefined, now: number): string | undefined {
    const parts = token?.split('.');
    if (parts?.length !== 3) return undefined;
    const [identityId, issued, signature] = parts;
    const expected = Buffer.from(this.sign(`${identityId}.${issued}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const issuedAt = Number.parseInt(issued, 36);
    if (!Number.isFinite(issuedAt) || issuedAt > now + 60_000 || now - issuedAt > this.ttlMs) {
      return undefined;
    }
    return identityId;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
