export { EVENTS } from './lib/events';
export type {
  ChatMessage,
  ClickResult,
  ClientToServerEvents,
  CounterReset,
  CounterResetResult,
  HistoryResult,
  MessageDeleted,
  MessageDeleteResult,
  MessageResult,
  Presence,
  ServerToClientEvents,
  TypingNotice,
  Welcome,
} from './lib/events';
export { ERROR_CODES } from './lib/errors';
export type { AckResult, ErrorCode, ExceptionPayload, ProtocolErrorBody } from './lib/errors';
export { LIMITS, RECONNECT_BACKOFF } from './lib/limits';
export {
  clickRequestSchema,
  counterResetRequestSchema,
  displayNameSchema,
  handshakeAuthSchema,
  historyRequestSchema,
  messageDeleteRequestSchema,
  messageRequestSchema,
  messageTextSchema,
  moderatorTokenSchema,
  requestIdSchema,
  typingRequestSchema,
} from './lib/schemas';
export type {
  ClickRequest,
  CounterResetRequest,
  HandshakeAuth,
  HistoryRequest,
  MessageDeleteRequest,
  MessageInput,
  MessageRequest,
  TypingRequest,
} from './lib/schemas';
