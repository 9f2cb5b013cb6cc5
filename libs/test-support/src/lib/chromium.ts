/** Where Debian's `chromium` package installs the browser; CHROMIUM_PATH points elsewhere. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * What the browser tests hand to playwright-core's `chromium.launch`: headless, no sandbox
 * (containers), and none of the background traffic a fresh profile starts with.
 *
 * @example
 * const browser = await chromium.launch(chromiumLaunchOptions());
 */
export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): {
  executablePath: string;
  headless: true;
  args: string[];
} {
  return {
    executablePath: env['CHROMIUM_PATH'] || DEBIAN_CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
