import { isOriginAllowed } from './live-io.adapter';

describe('isOriginAllowed', () => {
  const allowed = ['http://localhost:4200'];

  it('allows requests without an Origin (not a browser)', () => {
    expect(isOriginAllowed(undefined, 'localhost:3000', allowed)).toBe(true);
  });

  it("allows the server's own origin, whatever host it is reached by", () => {
    expect(isOriginAllowed('http://localhost:3000', 'localhost:3000', allowed)).toBe(true);
    expect(isOriginAllowed('https://chat.example.com', 'chat.example.com', allowed)).toBe(true);
  });

  it('allows listed origins and refuses others', () => {
    expect(isOriginAllowed('http://localhost:4200', 'localhost:3000', allowed)).toBe(true);
    expect(isOriginAllowed('http://evil.example', 'localhost:3000', allowed)).toBe(false);
    expect(isOriginAllowed('null', 'localhost:3000', allowed)).toBe(false);
  });
});
