import { connectRedis, redactUrl, RedisUnreachableError } from './redis-connection';

describe('connectRedis', () => {
  it('fails fast at start, naming the address without its password, when Redis cannot be reached', async () => {
    const started = Date.now();
    const connecting = connectRedis('redis://:secret@127.0.0.1:1');
    await expect(connecting).rejects.toBeInstanceOf(RedisUnreachableError);
    await expect(connecting).rejects.toThrow(
      /^Cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1.*ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('redis://user:pw@example.com:6380/2')).toBe(
      'redis://user:***@example.com:6380/2',
    );
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
