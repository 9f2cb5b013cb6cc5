import type { ChatMessage } from '@live/shared-events';

/** A stored message, as specs hand it to the code that broadcasts or welcomes with it. */
export const hello: ChatMessage = {
  id: 'm1',
  seq: 1,
  author: 'Ada',
  text: 'hi',
  sentAt: '2026-01-01T00:00:00.000Z',
};
