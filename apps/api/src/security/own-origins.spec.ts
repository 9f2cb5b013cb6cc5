import { OwnOrigins } from './own-origins';

describe('OwnOrigins', () => {
  const allowed = ['http://localhost:4200'];

  it('allows requests without an Origin (not a browser)', () => {
    expect(new OwnOrigins(undefined, allowed).allowsOrigin(undefined)).toBe(true);
  });

  it('by default is localhost and 127.0.0.1 on the port it listens on, once it listens', () => {
    const origins = new OwnOrigins(undefined, allowed);
    expect(origins.allowsOrigin('http://127.0.0.1:3000')).toBe(false);
    origins.listeningOn(3000);
    expect(origins.origins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(origins.allowsOrigin('http://127.0.0.1:3000')).toBe(true);
    expect(origins.allowsHost('localhost:3000')).toBe(true);
    expect(origins.allowsHost('LOCALHOST:3000')).toBe(true);
    expect(origins.allowsHost('localhost:3001')).toBe(false);
  });

  it("never takes the request's Host as its own: a rebound name is refused as Host and as Origin", () => {
    const origins = new OwnOrigins(['https://chat.example.com'], allowed);
    origins.listeningOn(3000);
    expect(origins.allowsHost('rebind.attacker.example:3000')).toBe(false);
    expect(origins.allowsOrigin('http://rebind.attacker.example:3000')).toBe(false);
    // Loopback on its own port stays its own: a probe or client on the machine itself.
    expect(origins.allowsHost('localhost:3000')).toBe(true);
    expect(origins.allowsHost('localhost:3001')).toBe(false);
  });

  it('answers for PUBLIC_URL hosts with or without their default port, and for allowed origins’ hosts', () => {
    const origins = new OwnOrigins(['https://chat.example.com'], allowed);
    expect(origins.allowsHost('chat.example.com')).toBe(true);
    expect(origins.allowsHost('chat.example.com:443')).toBe(true);
    expect(origins.allowsHost('chat.example.com:80')).toBe(false);
    // A dev server proxying /socket.io forwards its own Host.
    expect(origins.allowsHost('localhost:4200')).toBe(true);
    expect(origins.allowsHost(undefined)).toBe(false);
  });

  it('allows its own and listed origins and refuses others', () => {
    const origins = new OwnOrigins(['https://chat.example.com'], allowed);
    expect(origins.allowsOrigin('https://chat.example.com')).toBe(true);
    expect(origins.allowsOrigin('http://localhost:4200')).toBe(true);
    expect(origins.allowsOrigin('http://chat.example.com')).toBe(false);
    expect(origins.allowsOrigin('http://evil.example')).toBe(false);
    expect(origins.allowsOrigin('null')).toBe(false);
  });

  it('answers a page opened by IP address, as on a LAN: DNS rebinding needs a name', () => {
    const origins = new OwnOrigins(undefined, allowed);
    origins.listeningOn(3000);
    expect(origins.allowsHost('192.168.1.5:3000')).toBe(true);
    expect(origins.allowsHost('[fd00::5]:3000')).toBe(true);
    expect(origins.allowsOrigin('http://192.168.1.5:3000', '192.168.1.5:3000')).toBe(true);
    expect(origins.allowsOrigin('http://[fd00::5]:3000', '[fd00::5]:3000')).toBe(true);
    // Another page, even one served by IP, is still foreign.
    expect(origins.allowsOrigin('http://6.6.6.6', '192.168.1.5:3000')).toBe(false);
    expect(
      origins.allowsOrigin('http://rebind.attacker.example:3000', 'rebind.attacker.example:3000'),
    ).toBe(false);
    expect(origins.allowsHost('192.168.1.5.attacker.example:3000')).toBe(false);
  });
});
