import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// What `npm start` serves: the client build in dist/ (this project's test target builds it).
const assets = join(__dirname, '..', '..', '..', 'dist', 'apps', 'client', 'assets');

describe('the built UI', () => {
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
  const gzipped = scripts.reduce(
    (total, file) => total + gzipSync(readFileSync(join(assets, file)), { level: 9 }).length,
    0,
  );

  it("is React's production build, not a development one", () => {
    const code = scripts.map((file) => readFileSync(join(assets, file), 'utf8')).join('\n');
    // Only React's development build carries its warnings about keys.
    expect(code).not.toContain('Each child in a list should have a unique "key" prop');
  });

  it('stays within 95 kB of JavaScript gzipped (91.5 kB measured; the README states the figure)', () => {
    expect(gzipped).toBeLessThanOrEqual(95_000);
  });
});
