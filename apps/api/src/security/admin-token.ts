import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Checks a presented token against the operator's `ADMIN_TOKEN` in constant time: both are hashed
 * first, so neither the comparison nor the lengths leak how much of a guess was right.
 * Without an admin token every presented token is wrong (moderation off).
 */
export function createTokenVerifier(
  adminToken: string | undefined,
): (presented: string) => boolean {
  if (adminToken === undefined) return () => false;
  const expected = digest(adminToken);
  return (presented) => timingSafeEqual(digest(presented), expected);
}
