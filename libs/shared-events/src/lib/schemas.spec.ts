import {
  clickRequestSchema,
  counterResetRequestSchema,
  displayNameSchema,
  handshakeAuthSchema,
  historyRequestSchema,
  messageDeleteRequestSchema,
  messageEditRequestSchema,
  messageRequestSchema,
  moderatorTokenSchema,
  renameRequestSchema,
  roomSlugSchema,
  typingRequestSchema,
  userMuteRequestSchema,
  userUnmuteRequestSchema,
} from './schemas';
import { LIMITS } from './limits';

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

const CONTROL_OR_BIDI = 'Name must not contain control or bidirectional-override characters';
const INVISIBLE = 'Name must contain a visible letter, digit, symbol or punctuation mark';

describe('displayNameSchema', () => {
  it('trims a name and keeps up to 32 characters', () => {
    expect(displayNameSchema.parse('  Ada  ')).toBe('Ada');
    expect(displayNameSchema.parse('x'.repeat(32))).toHaveLength(32);
  });

  it.each([
    ['Latin', 'Ada'],
    ['Chinese', '李'],
    ['Arabic', 'عمر'],
    ['Hebrew', 'שרה'],
    ['emoji with ZWJ', '👩‍💻'],
    ['a family emoji', '👨‍👩‍👧'],
    ['a flag', '🇫🇷'],
    ['a keycap', '1️⃣'],
    ['a combining accent', 'Zoe\u0308'],
    ['a digit', '7'],
    ['punctuation', '?'],
    ['a symbol', '★'],
    ['an inner zero-width space', 'Ada\u200BLovelace'],
    ['an inner right-to-left mark', 'عمر\u200F'],
    ['a Hangul filler beside a letter', '\u3164A'],
    ['mixed scripts and emoji', 'Zoë 🚀 李'],
  ])('accepts %s: %j', (_, name) => {
    expect(displayNameSchema.parse(name)).toBe(name);
  });

  it('counts UTF-16 code units: 16 emoji fit, 17 do not', () => {
    expect(displayNameSchema.parse('😀'.repeat(16))).toHaveLength(32);
    expect(messagesOf(displayNameSchema.safeParse('😀'.repeat(17)))).toEqual([
      'Name must be at most 32 characters',
    ]);
  });

  it.each([
    ['empty', '', 'Name must not be empty'],
    ['only spaces', '   ', 'Name must not be empty'],
    ['an ideographic space', '\u3000', 'Name must not be empty'],
    ['33 characters', 'x'.repeat(33), 'Name must be at most 32 characters'],
    ['a lone high surrogate', 'Ada\uD83D', 'Name must not contain unpaired UTF-16 surrogates'],
    ['a lone low surrogate', '\uDE00', 'Name must not contain unpaired UTF-16 surrogates'],
    ['NUL', 'Ada\u0000', CONTROL_OR_BIDI],
    ['BEL', 'Ada\u0007', CONTROL_OR_BIDI],
    ['ESC', '\u001B[31mAda', CONTROL_OR_BIDI],
    ['a C1 control', 'Ada\u0085', CONTROL_OR_BIDI],
    ['an inner line feed', 'A\nB', CONTROL_OR_BIDI],
    ['a right-to-left override', 'evil\u202Egnp.exe', CONTROL_OR_BIDI],
    ['an embedding', '\u202BAda', CONTROL_OR_BIDI],
    ['an isolate', 'a\u2066b', CONTROL_OR_BIDI],
    ['only a bidi override', '\u202E', CONTROL_OR_BIDI],
    ['only zero-width spaces', '\u200B\u200B', INVISIBLE],
    ['only the Hangul filler U+3164', '\u3164', INVISIBLE],
    ['only the Hangul fillers U+115F U+1160', '\u115F\u1160', INVISIBLE],
    ['only the halfwidth filler U+FFA0', '\uFFA0', INVISIBLE],
    ['only Braille blanks', '\u2800\u2800', INVISIBLE],
    ['only soft hyphens', '\u00AD', INVISIBLE],
    ['only combining marks', '\u0301\u0308\u0336', INVISIBLE],
    ['only a combining grapheme joiner', '\u034F', INVISIBLE],
    ['only variation selectors', '\uFE0F\u{E0100}', INVISIBLE],
    ['only bidi marks', '\u200E\u200F\u061C', INVISIBLE],
    ['only word joiners and an inner BOM', '\u2060\uFEFF\u2060', INVISIBLE],
    ['only tag characters', '\u{E0041}\u{E0064}', INVISIBLE],
    ['blanks between spaces', ' \u3164 \u200B ', INVISIBLE],
    ['a number', 42, 'Name must be a string'],
  ])('refuses %s with one reason', (_, name, reason) => {
    expect(messagesOf(displayNameSchema.safeParse(name))).toEqual([reason]);
  });
});

describe('handshakeAuthSchema', () => {
  it('accepts no name, ignores unknown keys', () => {
    expect(handshakeAuthSchema.parse({})).toEqual({});
    expect(handshakeAuthSchema.parse({ token: 'x', name: 'Bo' })).toEqual({ name: 'Bo' });
  });

  it('keeps a session token, and turns a malformed one into none rather than a refusal', () => {
    expect(handshakeAuthSchema.parse({ session: 'abc.def.ghi' })).toEqual({
      session: 'abc.def.ghi',
    });
    for (const session of [7, 'with space', 'x'.repeat(LIMITS.sessionMaxLength + 1), {}]) {
      expect(handshakeAuthSchema.parse({ session })).toEqual({ session: '' });
    }
  });
});

describe('roomSlugSchema', () => {
  it('takes a slug of a-z, 0-9 and -, lower-casing it', () => {
    expect(handshakeAuthSchema.parse({ room: 'Maths-101' })).toEqual({ room: 'maths-101' });
    expect(roomSlugSchema.parse('x'.repeat(LIMITS.roomSlugMaxLength))).toHaveLength(64);
  });

  it('refuses anything else, saying what a room name may be', () => {
    for (const room of ['', 'a b', 'bad_slug', 'é', 'x'.repeat(LIMITS.roomSlugMaxLength + 1)]) {
      expect(messagesOf(roomSlugSchema.safeParse(room))).toEqual([
        'room must be 1–64 of a-z, 0-9 and -',
      ]);
    }
    expect(messagesOf(roomSlugSchema.safeParse(5))).toEqual(['room must be a string']);
  });
});

describe('messageEditRequestSchema', () => {
  it('takes an id and text under the message rules', () => {
    expect(messageEditRequestSchema.parse({ id: 'm1', text: ' fixed\r\n ' })).toEqual({
      id: 'm1',
      text: 'fixed',
    });
    expect(messagesOf(messageEditRequestSchema.safeParse({ id: 'm1', text: '' }))).toEqual([
      'Message must not be empty',
    ]);
    expect(messageEditRequestSchema.safeParse({ text: 'no id' }).success).toBe(false);
  });
});

describe('renameRequestSchema', () => {
  it('takes a name under the name rules', () => {
    expect(renameRequestSchema.parse({ name: ' Ada L. ' })).toEqual({ name: 'Ada L.' });
    expect(messagesOf(renameRequestSchema.safeParse({ name: '\u200B' }))).toEqual([INVISIBLE]);
  });
});

describe('userMuteRequestSchema and userUnmuteRequestSchema', () => {
  const userId = 'AbCdEfGhIjKlMnOpQrStUv';

  it('take an identity id and, to mute, 1 minute to a week', () => {
    expect(userMuteRequestSchema.parse({ userId, minutes: 60 })).toEqual({ userId, minutes: 60 });
    expect(userUnmuteRequestSchema.parse({ userId })).toEqual({ userId });
    expect(messagesOf(userMuteRequestSchema.safeParse({ userId, minutes: 0 }))).toEqual([
      'minutes must be at least 1',
    ]);
    expect(
      messagesOf(userMuteRequestSchema.safeParse({ userId, minutes: LIMITS.muteMaxMinutes + 1 })),
    ).toEqual([`minutes must be at most ${LIMITS.muteMaxMinutes}`]);
    expect(messagesOf(userUnmuteRequestSchema.safeParse({ userId: 'x' }))).toEqual([
      'userId is not an identity id',
    ]);
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

  it('counts UTF-16 code units, as a textarea does: 500 emoji fit, 501 do not', () => {
    expect(messageRequestSchema.parse('😀'.repeat(500)).text).toHaveLength(1000);
    expect(messagesOf(messageRequestSchema.safeParse('😀'.repeat(501)))).toEqual([
      'Message must be at most 1000 characters',
    ]);
  });

  it('reads CRLF and lone CR line breaks as \\n, so clients on any platform are understood', () => {
    expect(messageRequestSchema.parse('line 1\r\nline 2\rline 3').text).toBe(
      'line 1\nline 2\nline 3',
    );
  });

  it('counts the length after trimming', () => {
    expect(messageRequestSchema.parse(`  ${'x'.repeat(1000)}\n`).text).toHaveLength(1000);
  });

  it('accepts the most UTF-8 a full-length message can take, 3000 bytes', () => {
    const widest = '€'.repeat(LIMITS.messageMaxLength);
    expect(new TextEncoder().encode(widest)).toHaveLength(LIMITS.messageMaxBytes);
    expect(messageRequestSchema.parse(widest).text).toBe(widest);
  });

  it.each([
    ['Hebrew with a right-to-left mark', 'שלום\u200F!'],
    ['Arabic with a right-to-left mark', 'مرحبا\u200F، كيف الحال؟'],
    ['Arabic with an Arabic letter mark', '\u061C١٢٣'],
    ['mixed directions in isolates', 'He said \u2067שלום\u2069 twice'],
    ['a first-strong isolate', '\u2068עברית\u2069 and English'],
    ['a left-to-right mark', 'C++\u200E'],
    ['line breaks and tabs', 'line 1\nline 2\n\tindented'],
    ['emoji with ZWJ', '👩‍💻 👨‍👩‍👧 🏳️‍🌈'],
    ['an inner zero-width joiner in Persian', 'می\u200Cخواهم'],
    ['invisible-only text (the visible rule is for names)', '\u2800\u0301'],
    ['a replacement character sent as such', '\uFFFD'],
  ])('accepts %s', (_, text) => {
    expect(messageRequestSchema.parse(text)).toEqual({ text });
  });

  const CONTROL = 'Message must not contain control characters other than line breaks and tabs';
  const BIDI =
    'Message must not contain bidirectional embedding or override characters (U+202A–U+202E); isolates (U+2066–U+2069) are allowed';
  const SURROGATE = 'Message must not contain unpaired UTF-16 surrogates';

  it.each([
    ['empty', '', 'Message must not be empty'],
    ['only whitespace', ' \n\t ', 'Message must not be empty'],
    ['a lone high surrogate', 'hi \uD83D', SURROGATE],
    ['a lone low surrogate', '\uDE00 hi', SURROGATE],
    ['reversed surrogates', 'a\uDE00\uD83Db', SURROGATE],
    ['1000 lone surrogates', '\uD800'.repeat(1000), SURROGATE],
    ['NUL', 'a\u0000b', CONTROL],
    ['BEL', 'ding\u0007', CONTROL],
    ['ESC', '\u001B[2J cleared', CONTROL],
    ['a vertical tab', 'a\u000Bb', CONTROL],
    ['DEL', 'a\u007Fb', CONTROL],
    ['a C1 control', 'a\u0085b', CONTROL],
    ['a C1 CSI', 'a\u009B31mb', CONTROL],
    ['LRE', 'a\u202Ab', BIDI],
    ['RLE', 'a\u202Bb', BIDI],
    ['PDF', 'a\u202Cb', BIDI],
    ['LRO', 'a\u202Db', BIDI],
    ['RLO', 'see \u202Etxt.exe', BIDI],
    ['1001 characters', 'x'.repeat(1001), 'Message must be at most 1000 characters'],
  ])('refuses %s with one reason', (_, text, reason) => {
    expect(messagesOf(messageRequestSchema.safeParse(text))).toEqual([reason]);
    expect(messagesOf(messageRequestSchema.safeParse({ text, id: 'm-1' }))).toEqual([reason]);
  });

  it.each([
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
