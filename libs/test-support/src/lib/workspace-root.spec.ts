import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from './workspace-root';

describe('workspaceRoot', () => {
  it('finds the folder with nx.json from one inside it', () => {
    const root = workspaceRoot(__dirname);
    expect(existsSync(join(root, 'nx.json'))).toBe(true);
    expect(join(root, 'libs/test-support/src/lib')).toBe(__dirname);
  });

  it('says where it looked when no folder above holds nx.json', () => {
    expect(() => workspaceRoot(tmpdir())).toThrow(`no nx.json at or above ${tmpdir()}`);
  });
});
