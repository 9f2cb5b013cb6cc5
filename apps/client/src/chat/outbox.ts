/** A message of ours the server has not stored yet. */
export interface OutgoingMessage {
  /** Sent with every attempt, so the server stores it once however often it arrives. */
  id: string;
  text: string;
  /** Why the last attempt was refused; null while waiting to be (re)sent. */
  failure: string | null;
}

export type OutboxAction =
  | { type: 'queued'; id: string; text: string }
  | { type: 'stored'; id: string }
  /** It was stored and deleted since: the server will never store it under this id. */
  | { type: 'dropped'; id: string }
  | { type: 'refused'; id: string; failure: string }
  | { type: 'retried'; id: string };

const withFailure = (outbox: OutgoingMessage[], id: string, failure: string | null) =>
  outbox.map((m) => (m.id === id ? { ...m, failure } : m));

export function outboxReducer(outbox: OutgoingMessage[], action: OutboxAction): OutgoingMessage[] {
  switch (action.type) {
    case 'queued':
      return [...outbox, { id: action.id, text: action.text, failure: null }];
    case 'stored':
    case 'dropped':
      return outbox.filter((m) => m.id !== action.id);
    case 'refused':
      return withFailure(outbox, action.id, action.failure);
    case 'retried':
      return withFailure(outbox, action.id, null);
  }
}
