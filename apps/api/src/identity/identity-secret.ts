import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a server alone keeps the key it generated, inside DATA_DIR. */
export const IDENTITY_SECRET_FILE = 'identity-secret';

/**
 * The key session tokens are signed with: IDENTITY_SECRET when set (required for a cluster,
 * whose instances must agree); otherwise one generated on first start and kept in DATA_DIR
 * (readable by the owner only), so identities survive restarts.
 */
export function identitySecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, IDENTITY_SECRET_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  // `wx`: two processes starting together on one DATA_DIR cannot both write one.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
}
