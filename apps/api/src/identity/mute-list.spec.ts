import { MuteList } from './mute-list';

describe('MuteList', () => {
  it('says how long a person stays muted, and forgets them when it ends or they are unmuted', () => {
    let now = 1000;
    const mutes = new MuteList(() => now);
    mutes.set('ada', 61_000);
    mutes.set('bo', 5000);
    expect(mutes.remainingMs('ada')).toBe(60_000);
    expect(mutes.remainingMs('someone')).toBe(0);
    expect(mutes.remainingMs(undefined)).toBe(0);
    now = 5000;
    expect(mutes.remainingMs('bo')).toBe(0);
    mutes.set('ada', 0);
    expect(mutes.remainingMs('ada')).toBe(0);
  });
});
