import { PresenceService } from './presence.service';

describe('PresenceService', () => {
  it('counts open connections', () => {
    const presence = new PresenceService();
    presence.join();
    presence.join();
    presence.leave();
    expect(presence.online).toBe(1);
  });

  it('never goes below zero', () => {
    const presence = new PresenceService();
    presence.leave();
    expect(presence.online).toBe(0);
  });
});
