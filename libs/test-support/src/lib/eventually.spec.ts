import { stripVTControlCharacters } from 'node:util';
import { eventually } from './eventually';

describe('eventually', () => {
  it('resolves with what the check returns once it stops throwing', async () => {
    let tries = 0;
    const result = await eventually(() => {
      tries += 1;
      expect(tries).toBe(3);
      return 'met';
    });
    expect(result).toBe('met');
    expect(tries).toBe(3);
  });

  it('counts a check that returns false as not met yet', async () => {
    let tries = 0;
    await eventually(() => ++tries === 4);
    expect(tries).toBe(4);
  });

  it('waits for an async check before trying again', async () => {
    let running = 0;
    let overlapped = false;
    let tries = 0;
    await eventually(async () => {
      overlapped ||= running > 0;
      running += 1;
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return ++tries === 3;
    });
    expect(overlapped).toBe(false);
  });

  it("rejects after the timeout with the last failure's message", async () => {
    const started = Date.now();
    const failure = await eventually(() => expect(1).toBe(2), { timeoutMs: 100 }).catch(
      (error: Error) => error,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    // Jest colours the matcher's message when the terminal (or Nx) asks for colour.
    expect(stripVTControlCharacters(String(failure?.message))).toMatch(
      /^not met within 100 ms: .*Expected: 2.*Received: 1/s,
    );
  });

  it('says so when the check still returns false at the timeout', async () => {
    await expect(eventually(() => false, { timeoutMs: 50 })).rejects.toThrow(
      'not met within 50 ms: the check still returns false',
    );
  });
});
