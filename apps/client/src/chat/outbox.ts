import type { Text } from '../i18n/catalogue';

/** A message of ours the server has not stored yet. */
export interface OutgoingMessage {
  /** Sent with every attempt, so the server stores it once however often it arrives. */
  id: string;
  text: string;
  /** Why the last attempt was refused; null while waiting to be (re)sent. */
  failure: Text | null;
  /** Refused for speed: it goes out again by itself after the wait, before any later one. */
  held: boolean;
}

export type OutboxAction =
  | { type: 'queued'; id: string; text: string }
  | { type: 'stored'; id: string }
  /** It was stored and deleted since: the server will never store it under this id. */
  | { type: 'dropped'; id: string }
  | { type: 'refused'; id: string; failure: Text }
  | { type: 'held'; id: string; failure: Text }
  | { type: 'retried'; id: string };

const withFailure = (outbox: OutgoingMessage[], id: string, failure: Text | null, held = false) =>
  outbox.map((m) => (m.id === id ? { ...m, failure, held } : m));

/**
 * The message to send now, or null: the oldest one that may go, unless one refused for speed
 * comes first — it goes out in its place once its wait is over, so messages keep their order.
 * One refused for good waits for a retry and holds nobody back.
 */
export function nextToSend(outbox: OutgoingMessage[]): OutgoingMessage | null {
  const next = outbox.find((m) => m.failure === null || m.held);
  return next && !next.held ? next : null;
}

export function outboxReducer(outbox: OutgoingMessage[], action: OutboxAction): OutgoingMessage[] {
  switch (action.type) {
    case 'queued':
      return [...outbox, { id: action.id, text: action.text, failure: null, held: false }];
    case 'stored':
    case 'dropped':
      return outbox.filter((m) => m.id !== action.id);
    case 'refused':
      return withFailure(outbox, action.id, action.failure);
    case 'held':
      return withFailure(outbox, action.id, action.failure, true);
    case 'retried':
      return withFailure(outbox, action.id, null);
  }
}
