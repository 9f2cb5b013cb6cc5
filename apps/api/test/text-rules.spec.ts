import {
  LIMITS,
  type ChatMessage,
  type ExceptionPayload,
  type Presence,
} from '@live/shared-events';
import { client, connected, eventually, next, record, serveEachTest, untyped } from './harness';

// The text rules of docs/protocol.md ("Text"), sent by real socket.io-clients to the real app.
// Each refusal is followed by one good request, so "nothing else arrived" is checked by waiting
// for that, not for a fixed time.

const CONTROL_OR_BIDI = 'Name must not contain control or bidirectional-override characters';
const INVISIBLE = 'Name must contain a visible letter, digit, symbol or punctuation mark';
const NAME_SURROGATE = 'Name must not contain unpaired UTF-16 surrogates';

const CONTROL = 'Message must not contain control characters other than line breaks and tabs';
const BIDI =
  'Message must not contain bidirectional embedding or override characters (U+202A–U+202E); isolates (U+2066–U+2069) are allowed';
const SURROGATE = 'Message must not contain unpaired UTF-16 surrogates';
const TOO_LONG = `Message must be at most ${LIMITS.messageMaxLength} characters`;

describe('text rules over a real server', () => {
  const server = serveEachTest();

  describe('names in the handshake', () => {
    it.each([
      ['Latin', 'Ada'],
      ['Chinese', '李'],
      ['Arabic', 'عمر'],
      ['emoji with ZWJ', '👩‍💻'],
      ['16 emoji (32 units)', '😀'.repeat(16)],
      ['a right-to-left mark after Hebrew', 'שרה\u200F'],
    ])('welcomes %s as the name %j', async (_, name) => {
      const { welcome } = await connected(server().url, { auth: { name } });
      expect(welcome.you.name).toBe(name);
    });

    it.each([
      ['only zero-width spaces', '\u200B\u200B', INVISIBLE],
      ['only the Hangul filler U+3164', '\u3164', INVISIBLE],
      ['only the Hangul fillers U+115F U+1160', '\u115F\u1160', INVISIBLE],
      ['only the halfwidth filler U+FFA0', '\uFFA0', INVISIBLE],
      ['only Braille blanks', '\u2800\u2800\u2800', INVISIBLE],
      ['only soft hyphens', '\u00AD\u00AD', INVISIBLE],
      ['only combining marks', '\u0301\u0308\u0336', INVISIBLE],
      ['a lone surrogate', 'Ada\uD83D', NAME_SURROGATE],
      ['NUL', 'Ada\u0000', CONTROL_OR_BIDI],
      ['ESC', '\u001B[31mAda', CONTROL_OR_BIDI],
      ['a right-to-left override', 'evil\u202Egnp.exe', CONTROL_OR_BIDI],
      ['17 emoji (34 units)', '😀'.repeat(17), 'Name must be at most 32 characters'],
    ])(
      'refuses %s with a connect_error that says why, and no one sees it',
      async (_, name, reason) => {
        const { socket: bystander } = await connected(server().url, { auth: { name: 'Bo' } });
        const presence = record<Presence>(bystander, 'presence');

        const refused = client(server().url, { auth: { name } });
        const error = await next<Error & { data?: unknown }>(refused, 'connect_error');
        expect(error.message).toBe(reason);
        expect(error.data).toEqual({ code: 'VALIDATION' });
        expect(refused.connected).toBe(false);

        // The refused socket was never counted: the next one in is the second online.
        const { welcome } = await connected(server().url, { auth: { name: 'Ada' } });
        expect(welcome.online).toBe(2);
        await eventually(() => presence.some(({ online }) => online === 2));
        expect(presence.every(({ online }) => online <= 2)).toBe(true);
      },
    );
  });

  describe('message text', () => {
    /** A sender and a bystander who records every `message` broadcast. */
    async function chat() {
      const { socket: sender } = await connected(server().url, { auth: { name: 'Ada' } });
      const { socket: bystander } = await connected(server().url, { auth: { name: 'Bo' } });
      return { sender, broadcasts: record<ChatMessage>(bystander, 'message') };
    }

    const storedTexts = async () =>
      (await connected(server().url)).welcome.messages.map(({ text }) => text);

    it.each([
      ['Hebrew with a right-to-left mark', 'שלום\u200F!'],
      ['Arabic with a right-to-left mark', 'مرحبا\u200F، كيف الحال؟'],
      ['Hebrew in an isolate', 'He said \u2067שלום\u2069 twice'],
      ['line breaks and tabs', 'line 1\nline 2\n\tindented'],
      ['emoji with ZWJ', '👩‍💻 👨‍👩‍👧 🏳️‍🌈'],
      ['500 emoji (1000 units)', '😀'.repeat(500)],
      ['1000 × € (3000 bytes)', '€'.repeat(1000)],
    ])('stores and broadcasts %s verbatim', async (_, text) => {
      const { sender, broadcasts } = await chat();
      const result = await sender.emitWithAck('message', { text, id: 'ok-1' });
      expect(result).toMatchObject({ ok: true, message: { text, author: 'Ada' } });
      await eventually(() => broadcasts.length === 1);
      expect(broadcasts[0].text).toBe(text);
      expect(await storedTexts()).toEqual([text]);
    });

    it.each([
      ['a lone high surrogate', 'hi \uD83D', SURROGATE],
      ['a lone low surrogate', '\uDE00 hi', SURROGATE],
      ['1000 lone surrogates', '\uD800'.repeat(1000), SURROGATE],
      ['NUL', 'a\u0000b', CONTROL],
      ['BEL', 'ding\u0007', CONTROL],
      ['ESC', '\u001B[2J cleared', CONTROL],
      ['DEL', 'a\u007Fb', CONTROL],
      ['a C1 control', 'a\u0085b', CONTROL],
      ['LRE', 'a\u202Ab', BIDI],
      ['RLE', 'a\u202Bb', BIDI],
      ['PDF', 'a\u202Cb', BIDI],
      ['LRO', 'a\u202Db', BIDI],
      ['RLO', 'see \u202Etxt.exe', BIDI],
      ['501 emoji (1002 units)', '😀'.repeat(501), TOO_LONG],
      ['1001 characters', 'x'.repeat(1001), TOO_LONG],
    ])(
      'refuses %s with a VALIDATION ack that says why; nothing is stored or broadcast',
      async (_, text, reason) => {
        const { sender, broadcasts } = await chat();
        const refusal = { ok: false, error: { code: 'VALIDATION', message: reason } };
        expect(await untyped(sender).emitWithAck('message', text)).toEqual(refusal);
        expect(await untyped(sender).emitWithAck('message', { text, id: 'm-1' })).toEqual(refusal);

        // Had the refused text been stored under m-1, this would ack it instead of 'after'.
        const after = await sender.emitWithAck('message', { text: 'after', id: 'm-1' });
        expect(after).toMatchObject({ ok: true, message: { text: 'after' } });
        await eventually(() => broadcasts.length > 0);
        expect(broadcasts.map(({ text }) => text)).toEqual(['after']);
        expect(await storedTexts()).toEqual(['after']);
      },
    );

    it('stores CRLF and lone CR line breaks as \\n', async () => {
      const { sender, broadcasts } = await chat();
      const result = await sender.emitWithAck('message', 'line 1\r\nline 2\rline 3');
      expect(result).toMatchObject({ ok: true, message: { text: 'line 1\nline 2\nline 3' } });
      await eventually(() => broadcasts.length === 1);
      expect(await storedTexts()).toEqual(['line 1\nline 2\nline 3']);
    });

    it('without an ack, tells only the sender why, with `exception`', async () => {
      const { sender, broadcasts } = await chat();
      untyped(sender).emit('message', 'see \u202Etxt.exe');
      expect(await next<ExceptionPayload>(sender, 'exception')).toEqual({
        status: 'error',
        code: 'VALIDATION',
        message: BIDI,
      });
      expect((await sender.emitWithAck('message', 'after')).ok).toBe(true);
      await eventually(() => broadcasts.length > 0);
      expect(broadcasts.map(({ text }) => text)).toEqual(['after']);
    });
  });
});
