import { chromiumLaunchOptions } from './chromium';

describe('chromiumLaunchOptions', () => {
  it("launches Debian's Chromium headless, without a sandbox", () => {
    const options = chromiumLaunchOptions({});
    expect(options.executablePath).toBe('/usr/bin/chromium');
    expect(options.headless).toBe(true);
    expect(options.args).toEqual(expect.arrayContaining(['--headless', '--no-sandbox']));
  });

  it('launches the browser CHROMIUM_PATH names instead', () => {
    expect(chromiumLaunchOptions({ CHROMIUM_PATH: '/opt/chrome/chrome' }).executablePath).toBe(
      '/opt/chrome/chrome',
    );
  });
});
