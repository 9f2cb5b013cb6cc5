import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// What `npm start` serves: the client build in dist/ (this project's test target builds it).
const client = join(__dirname, '..', '..', '..', 'dist', 'apps', 'client');
const assets = join(client, 'assets');

const gzipped = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;

describe('the built UI', () => {
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
  // The first load: the scripts index.html names (an entry and whatever it preloads); chunks
  // fetched later, like the French catalogue, are not in it.
  const html = readFileSync(join(client, 'index.html'), 'utf8');
  const firstLoad = [...html.matchAll(/\/assets\/([\w.-]+\.js)"/g)].map(([, file]) => file);
  const french = scripts.filter((file) =>
    readFileSync(join(assets, file), 'utf8').includes('Clics jusqu’ici'),
  );

  it("is React's production build, not a development one", () => {
    const code = scripts.map((file) => readFileSync(join(assets, file), 'utf8')).join('\n');
    // Only React's development build carries its warnings about keys.
    expect(code).not.toContain('Each child in a list should have a unique "key" prop');
  });

  it('loads first one script, and fetches French apart, only when it is chosen', () => {
    expect(firstLoad).toHaveLength(1);
    expect(french).toHaveLength(1);
    expect(firstLoad).not.toContain(french[0]);
    // English is in the first load: the fallback never waits for the network.
    expect(readFileSync(join(assets, firstLoad[0]), 'utf8')).toContain('Clicks so far');
  });

  // 95 kB until rooms: their links, slugs, recent list and "Copy link" take 1.8 kB.
  it('stays within 96.8 kB of first-load JavaScript gzipped (96.6 kB measured; the README states the figure)', () => {
    const total = firstLoad.reduce((sum, file) => sum + gzipped(file), 0);
    expect(total).toBeLessThanOrEqual(96_800);
  });

  it('keeps the French catalogue small (2.5 kB measured)', () => {
    expect(gzipped(french[0])).toBeLessThanOrEqual(4_000);
  });
});
