import { fileURLToPath } from 'node:url';

/** The repository root (this file is apps/api/test/support/workspace.ts). */
export const WORKSPACE = fileURLToPath(new URL('../../../../', import.meta.url));
