import {
  clickRequestSchema,
  counterResetRequestSchema,
  displayNameSchema,
  handshakeAuthSchema,
  historyRequestSchema,
  messageDeleteRequestSchema,
  messageRequestSchema,
  moderatorTokenSchema,
  typingRequestSchema,
} from './schemas';

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('displayNameSchema', () => {
  it('trims a name and keeps up to 32 characters', () => {
    expect(displayNameSchema.parse('  Ada  ')).toBe('Ada');
    expect(displayNameSchema.parse('x'.repeat(32))).toHaveLength(32);
  });

  it.each([
    ['', 'Name must not be empty'],
    ['   ', 'Name must not be empty'],
    ['x'.repeat(33), 'Name must be at most 32 characters'],
    ['Ada\u0000', 'Name must not contain control or bidirectional-override characters'],
    ['evil\u202Egnp.exe', 'Name must not contain control or bidirectional-override characters'],
    ['a\u2066b', 'Name must not contain control or bidirectional-override characters'],
    [42, 'Name must be a string'],
  ])('refuses %j with a reason', (name, reason) => {
    expect(messagesOf(displayNameSchema.safeParse(name))).toContain(reason);
  });

  it('accepts names in any script and with emoji', () => {
    expect(displayNameSchema.parse('Zoë 🚀 李')).toBe('Zoë 🚀 李');
  });
});

describe('handshakeAuthSchema', () => {
  it('accepts no name, ignores unknown keys', () => {
    expect(handshakeAuthSchema.parse({})).toEqual({});
    expect(handshakeAuthSchema.parse({ token: 'x', name: 'Bo' })).toEqual({ name: 'Bo' });
  });
});

describe('clickRequestSchema', () => {
  it('accepts no payload, null (how JSON sends undefined), an empty object and an id', () => {
    expect(clickRequestSchema.parse(undefined)).toBeUndefined();
    expect(clickRequestSchema.parse(null)).toBeNull();
    expect(clickRequestSchema.parse({})).toEqual({});
    expect(clickRequestSchema.parse({ id: 'c-1' })).toEqual({ id: 'c-1' });
  });

  it.each([1, 'click', [], { id: '' }, { id: 'a b' }, { id: 'x'.repeat(65) }, { id: 5 }])(
    'refuses %j',
    (payload) => {
      expect(clickRequestSchema.safeParse(payload).success).toBe(false);
    },
  );
});

describe('messageRequestSchema', () => {
  it("normalises the tutorial's plain string to { text }", () => {
    expect(messageRequestSchema.parse('Hello from client')).toEqual({ text: 'Hello from client' });
  });

  it('keeps the text verbatim apart from trimming, HTML included', () => {
    expect(messageRequestSchema.parse({ text: '  <b>hi</b> & bye ', id: 'm1' })).toEqual({
      text: '<b>hi</b> & bye',
      id: 'm1',
    });
  });

  it('accepts exactly 1000 characters and refuses 1001', () => {
    expect(messageRequestSchema.parse('x'.repeat(1000)).text).toHaveLength(1000);
    expect(messagesOf(messageRequestSchema.safeParse('x'.repeat(1001)))).toEqual([
      'Message must be at most 1000 characters',
    ]);
  });

  it.each([
    ['', 'Message must not be empty'],
    [' \n\t ', 'Message must not be empty'],
    [null, 'message payload must be a string or { text, id? }'],
    [42, 'message payload must be a string or { text, id? }'],
    [['hi'], 'message payload must be a string or { text, id? }'],
    [{}, 'Message text must be a string'],
    [{ text: 5 }, 'Message text must be a string'],
    [{ text: 'hi', id: 7 }, 'id must be a string'],
  ])('refuses %j with a reason', (payload, reason) => {
    expect(messagesOf(messageRequestSchema.safeParse(payload))).toContain(reason);
  });

  it('ignores an author in the payload', () => {
    expect(messageRequestSchema.parse({ text: 'hi', author: 'admin' })).toEqual({ text: 'hi' });
  });
});

describe('historyRequestSchema', () => {
  it('accepts no payload and exclusive integer bounds', () => {
    expect(historyRequestSchema.parse(undefined)).toBeUndefined();
    expect(historyRequestSchema.parse({ before: 10, after: 2, limit: 100 })).toEqual({
      before: 10,
      after: 2,
      limit: 100,
    });
  });

  it.each([{ limit: 0 }, { limit: 101 }, { limit: 1.5 }, { before: -1 }, { after: '3' }, [], 'x'])(
    'refuses %j',
    (query) => {
      expect(historyRequestSchema.safeParse(query).success).toBe(false);
    },
  );
});

describe('typingRequestSchema', () => {
  it('accepts booleans only', () => {
    expect(typingRequestSchema.parse(true)).toBe(true);
    expect(messagesOf(typingRequestSchema.safeParse('yes'))).toEqual([
      'typing payload must be a boolean',
    ]);
  });
});

describe('messageDeleteRequestSchema', () => {
  it('accepts { id } and ignores other keys', () => {
    expect(messageDeleteRequestSchema.parse({ id: 'm-1', text: 'x' })).toEqual({ id: 'm-1' });
  });
  it.each([undefined, null, 'm-1', {}, { id: '' }, { id: 3 }, { id: 'a b' }, [{ id: 'm' }]])(
    'refuses %j',
    (payload) => {
      expect(messageDeleteRequestSchema.safeParse(payload).success).toBe(false);
    },
  );
});

describe('counterResetRequestSchema', () => {
  it('accepts no payload, null and an empty object', () => {
    expect(counterResetRequestSchema.safeParse(undefined).success).toBe(true);
    expect(counterResetRequestSchema.safeParse(null).success).toBe(true);
    expect(counterResetRequestSchema.safeParse({}).success).toBe(true);
  });
  it.each([0, 'now', [], { count: 5 }])('refuses %j', (payload) => {
    expect(messagesOf(counterResetRequestSchema.safeParse(payload)).length).toBeGreaterThan(0);
  });
});

describe('moderatorTokenSchema', () => {
  it('accepts 1–256 characters', () => {
    expect(moderatorTokenSchema.safeParse('s3cret').success).toBe(true);
    expect(moderatorTokenSchema.safeParse('').success).toBe(false);
    expect(moderatorTokenSchema.safeParse('x'.repeat(257)).success).toBe(false);
    expect(moderatorTokenSchema.safeParse(42).success).toBe(false);
  });
});
