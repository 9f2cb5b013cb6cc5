import type {
  ChatMessage,
  ClientToServerEvents,
  Person,
  ServerToClientEvents,
  Welcome,
} from '@live/shared-events';
import { act, render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nProvider } from '../i18n/I18nProvider';
import { ModerationProvider } from '../moderation/ModerationProvider';
import type { AckEvent, AckResultOf } from '../socket/emitWithAck';
import type { LiveSocket } from '../socket/liveSocket';
import { SocketProvider } from '../socket/SocketProvider';
import type { HandshakeRefusal, ServerRefusal } from './serverRefusals';

type Listener = (...args: never[]) => void;

interface Emitted {
  event: string;
  payload: unknown;
  ack?: (result: unknown) => void;
}

/**
 * What the fake may answer to `E`: the protocol's success result (`ClickResult` …), or a refusal
 * the real server sends to `E` (made by `./serverRefusals`, never written by hand).
 */
export type ServerAnswer<E extends AckEvent> =
  Extract<AckResultOf<E>, { ok: true }> | ServerRefusal<E>;

/**
 * Stands in for socket.io-client's Socket in tests: the test plays the server by calling
 * `serverConnect`, `drop`, `receive` and `ack`, each wrapped in `act`.
 */
export class FakeSocket {
  connected = false;
  active = false;
  recovered = false;
  auth: Record<string, unknown> | undefined;
  connectCalls = 0;
  disconnectCalls = 0;
  readonly emitted: Emitted[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener) {
    this.listeners.set(event, [...this.listenersOf(event), listener]);
    return this;
  }

  off(event: string, listener: Listener) {
    const rest = [...this.listenersOf(event)];
    const index = rest.indexOf(listener);
    if (index >= 0) rest.splice(index, 1);
    this.listeners.set(event, rest);
    return this;
  }

  listenerCount(event: string): number {
    return this.listenersOf(event).length;
  }

  connect() {
    this.connectCalls += 1;
    this.active = true;
    return this;
  }

  disconnect() {
    this.disconnectCalls += 1;
    const wasConnected = this.connected;
    this.active = false;
    this.connected = false;
    if (wasConnected) this.fire('disconnect', 'io client disconnect');
    return this;
  }

  emit(event: string, payload?: unknown, ack?: (result: unknown) => void) {
    this.emitted.push({ event, payload, ack });
    return this;
  }

  /** What the client sent for `event`, oldest first. */
  sent<E extends keyof ClientToServerEvents>(event: E): Parameters<ClientToServerEvents[E]>[0][] {
    return this.emitted
      .filter((e) => e.event === event)
      .map((e) => e.payload as Parameters<ClientToServerEvents[E]>[0]);
  }

  // ---- the test plays the server ----

  serverConnect({ recovered = false } = {}) {
    act(() => {
      this.connected = true;
      this.active = true;
      this.recovered = recovered;
      this.fire('connect');
    });
  }

  /**
   * The link drops; socket.io-client keeps trying unless the server closed it on purpose.
   * Async like `ack`: requests the drop cuts off settle (as OFFLINE) before it resolves.
   */
  async drop(reason = 'transport close') {
    await act(async () => {
      this.connected = false;
      this.active = reason !== 'io server disconnect';
      this.fire('disconnect', reason);
    });
  }

  /**
   * The transport fails to reach the server ("xhr poll error", "websocket error"):
   * socket.io-client keeps trying. A refusal by the server is `refuseHandshake`.
   */
  failConnect(message: string) {
    act(() => {
      this.active = true;
      this.fire('connect_error', new Error(message));
    });
  }

  /**
   * The server's handshake middleware refuses us with a code (made by `./serverRefusals`):
   * socket.io-client stops retrying and hands the error's `data` to `connect_error`.
   */
  refuseHandshake({ message, data }: HandshakeRefusal) {
    act(() => {
      this.active = false;
      this.fire('connect_error', Object.assign(new Error(message), { data }));
    });
  }

  receive<E extends keyof ServerToClientEvents>(
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ) {
    act(() => this.fire(event, ...args));
  }

  /** Answers the oldest unanswered `event` request, only as the real server could. */
  async ack<E extends AckEvent>(event: E, result: NoInfer<ServerAnswer<E>>) {
    const request = this.emitted.find((e) => e.event === event && e.ack);
    if (!request?.ack) throw new Error(`no unanswered ${event} request`);
    const { ack } = request;
    request.ack = undefined;
    await act(async () => ack(result));
  }

  asSocket(): LiveSocket {
    return this as unknown as LiveSocket;
  }

  private listenersOf(event: string): Listener[] {
    return this.listeners.get(event) ?? [];
  }

  private fire(event: string, ...args: unknown[]) {
    for (const listener of this.listenersOf(event))
      (listener as (...a: unknown[]) => void)(...args);
  }
}

/** Renders `ui` inside the app's providers (language, socket, moderation) wired to a new FakeSocket. */
export function renderWithSocket(
  ui: ReactElement,
  { name, ...options }: { name?: string } & RenderOptions = {},
) {
  const socket = new FakeSocket();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider>
      <SocketProvider name={name} createSocket={() => socket.asSocket()}>
        <ModerationProvider>{children}</ModerationProvider>
      </SocketProvider>
    </I18nProvider>
  );
  return { socket, ...render(ui, { wrapper, ...options }) };
}

let seq = 0;

/** Starts message seqs (and ids) from 1 again, so no test sees what another made. */
export function resetChatMessages() {
  seq = 0;
}

/** A stored message as the server would send it; seq increases with each call. */
export function chatMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  seq += 1;
  return {
    id: `m${seq}`,
    seq,
    author: 'Ada',
    text: `message ${seq}`,
    sentAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/** `count` stored messages with seqs from `first` up, as the server numbers them. */
export const messagesFrom = (first: number, count: number): ChatMessage[] =>
  Array.from({ length: count }, (_, i) => chatMessage({ id: `m${first + i}`, seq: first + i }));

/** An identity id shaped like the server's (22 URL-safe characters), readable in a spec. */
export const identityId = (label: string): string => label.padEnd(22, '0');

/**
 * A welcome as the server sends it: our identity, a session token for it, and the people here
 * (just us, unless `people` says otherwise).
 */
export function welcome(overrides: Partial<Welcome> = {}): Welcome {
  const you = overrides.you ?? { id: 's1', name: 'Guest 1', userId: identityId('guest1') };
  const listed: Person[] = you.userId
    ? [{ id: you.userId, name: you.name, moderator: you.moderator }]
    : [];
  return {
    you,
    count: 0,
    messages: [],
    online: 1,
    session: `session.${you.userId ?? 'new'}`,
    people: { people: listed, total: listed.length },
    ...overrides,
  };
}
