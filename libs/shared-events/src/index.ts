export { EVENTS } from './lib/events';
export type {
  ChatMessage,
  ClickResult,
  ClientToServerEvents,
  HistoryResult,
  MessageResult,
  Presence,
  ServerToClientEvents,
  TypingNotice,
  Welcome,
} from './lib/events';
export { ERROR_CODES } from './lib/errors';
export type { AckResult, ErrorCode, ExceptionPayload, ProtocolErrorBody } from './lib/errors';
export { LIMITS } from './lib/limits';
export {
  clickRequestSchema,
  displayNameSchema,
  handshakeAuthSchema,
  historyRequestSchema,
  messageRequestSchema,
  messageTextSchema,
  requestIdSchema,
  typingRequestSchema,
} from './lib/schemas';
export type {
  ClickRequest,
  HandshakeAuth,
  HistoryRequest,
  MessageInput,
  MessageRequest,
  TypingRequest,
} from './lib/schemas';
