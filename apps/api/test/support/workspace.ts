import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is apps/api/test/support/workspace.ts). */
export const WORKSPACE = fileURLToPath(new URL('../../../../', import.meta.url));

/** Builds the API and the UI into dist/ (Nx skips what is up to date). */
export function buildApiAndClient(): void {
  execFileSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'client', '--outputStyle=static'],
    {
      cwd: WORKSPACE,
      stdio: 'ignore',
    },
  );
}
