import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder at or above `from` that holds nx.json. Nx, npm
 * scripts and Jest all run with the working directory inside the workspace.
 */
export function workspaceRoot(from: string = process.cwd()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json at or above ${from}`);
  }
}
