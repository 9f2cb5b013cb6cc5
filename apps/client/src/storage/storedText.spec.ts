import { storedText } from './storedText';

describe('storedText', () => {
  it('keeps a text across reads, and forgets it when written empty', () => {
    const stored = storedText('test.key');
    expect(stored.read()).toBeUndefined();
    stored.write('kept');
    expect(storedText('test.key').read()).toBe('kept');
    stored.write(undefined);
    expect(stored.read()).toBeUndefined();
    stored.write('kept');
    stored.write('');
    expect(stored.read()).toBeUndefined();
  });

  it('holds nothing, and throws nothing, where the browser refuses storage', () => {
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const spies = [
      jest.spyOn(Storage.prototype, 'getItem').mockImplementation(refuse),
      jest.spyOn(Storage.prototype, 'setItem').mockImplementation(refuse),
      jest.spyOn(Storage.prototype, 'removeItem').mockImplementation(refuse),
    ];
    try {
      const stored = storedText('test.key');
      expect(() => stored.write('lost')).not.toThrow();
      expect(() => stored.write(undefined)).not.toThrow();
      expect(stored.read()).toBeUndefined();
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
  });
});
