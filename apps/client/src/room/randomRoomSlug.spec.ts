import { isRoomSlug } from './roomPath';
import { randomRoomSlug } from './randomRoomSlug';

afterEach(() => jest.restoreAllMocks());

describe('randomRoomSlug', () => {
  it('makes a readable room name: a word, an animal and a number from 2 to 99', () => {
    for (let i = 0; i < 200; i += 1) {
      const slug = randomRoomSlug();
      expect(slug).toMatch(/^[a-z]+-[a-z]+-([2-9]|[1-9][0-9])$/);
      expect(isRoomSlug(slug)).toBe(true);
    }
  });

  it('draws from crypto.getRandomValues, every part', () => {
    const draw = (values: number[]) => {
      jest.spyOn(crypto, 'getRandomValues').mockImplementationOnce((array) => {
        (array as Uint32Array).set(values);
        return array;
      });
      return randomRoomSlug();
    };
    expect(draw([0, 0, 0])).toBe('amber-badger-2');
    expect(draw([19, 14, 40])).toBe('quiet-otter-42');
    // The largest draw still lands on a word (no index past a list's end).
    expect(draw([2 ** 32 - 1, 2 ** 32 - 1, 2 ** 32 - 1])).toMatch(/^[a-z]+-[a-z]+-\d+$/);
  });

  it('rarely makes the same name twice', () => {
    const names = new Set(Array.from({ length: 100 }, () => randomRoomSlug()));
    expect(names.size).toBeGreaterThan(90);
  });
});
