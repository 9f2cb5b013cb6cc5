import { BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  ERROR_CODES,
  EVENTS,
  clickRequestSchema,
  historyRequestSchema,
  messageDeleteRequestSchema,
  messageEditRequestSchema,
  messageRequestSchema,
  renameRequestSchema,
  typingRequestSchema,
  type ClickRequest,
  type ClickResult,
  type HistoryRequest,
  type HistoryResult,
  type MessageDeleteRequest,
  type MessageDeleteResult,
  type MessageEditRequest,
  type MessageEditResult,
  type MessageInput,
  type MessageResult,
  type RenameRequest,
  type RenameResult,
  LOBBY,
  type Person,
} from '@live/shared-events';
import { LiveBroadcaster } from '../broadcast/live-broadcaster';
import { ChatService, type ChatActor } from '../chat/chat.service';
import { TypingService } from '../chat/typing.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { identityHandshake, issuedSessions } from '../identity/identity-handshake';
import { IdentityService } from '../identity/identity.service';
import { MuteList } from '../identity/mute-list';
import { LiveMetrics } from '../metrics/live-metrics';
import { roomHandshake, roomOf } from '../rooms/room-handshake';
import { RoomRegistry } from '../rooms/room-registry';
import { ConnectionAdmission } from '../security/connection-admission';
import { ClientLimits } from '../socket/client-limits';
import type { LiveServer, LiveSocket } from '../socket/live-socket';
import { LiveEvent } from '../socket/live-event';
import { ProtocolError } from '../socket/protocol-error';
import { RequestTracker } from '../socket/request-tracker';
import { handshake } from '../socket/handshake';
import { WelcomePacket } from './welcome-packet';
import { WelcomeService } from './welcome.service';

/** Who sends an event, as the chat sees them. */
const actorOf = (socket: LiveSocket): ChatActor => ({
  userId: socket.data.userId ?? '',
  name: socket.data.name,
  moderator: socket.data.moderator === true,
});

/**
 * Protocol v1 over Socket.IO: translates events to service calls and results to acks, each in
 * the connection's room; every broadcast goes through LiveBroadcaster. Socket.IO options (path,
 * limits, origins) come from LiveIoAdapter.
 */
@WebSocketGateway()
export class LiveGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, BeforeApplicationShutdown
{
  private readonly logger = new Logger('LiveGateway');
  private server!: LiveServer;

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly chat: ChatService,
    private readonly typists: TypingService,
    private readonly welcome: WelcomeService,
    private readonly welcomePacket: WelcomePacket,
    private readonly broadcaster: LiveBroadcaster,
    private readonly metrics: LiveMetrics,
    private readonly requests: RequestTracker,
    private readonly admission: ConnectionAdmission,
    private readonly identities: IdentityService,
    private readonly limits: ClientLimits,
    private readonly mutes: MuteList,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: LiveServer): void {
    this.server = server;
    server.use(handshake);
    this.admission.install(
      server,
      identityHandshake(this.identities, this.mutes),
      roomHandshake(this.rooms, this.limits),
    );
    this.broadcaster.attach(server);
    this.identities.keepNamesOf(() => this.peopleHere());
    server.on('muted', (userId, until) => this.mutes.set(userId, until));
    server.on('renamed', (userId, name) => this.renamedHere(userId, name));
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    this.metrics.connectedSockets.inc();
    // The room handshake has just opened it; only a full registry could have let it go since.
    const room = this.rooms.get(socket.data.room ?? LOBBY);
    if (!room) {
      socket.disconnect(true);
      return;
    }
    this.rooms.entered(room);
    this.broadcaster.admit(room, socket);
    const { userId = '', name } = socket.data;
    const moderator = socket.data.moderator === true;
    const issued = issuedSessions.get(socket);
    issuedSessions.delete(socket);
    // A new name given in the handshake: this person's other tabs take it too.
    if (issued?.renamedFrom) this.renamedHere(userId, name);
    room.people.join({ id: userId, name, moderator });
    const welcome = await this.welcome.welcomeFor(
      room,
      { id: socket.id, name, moderator, userId },
      issued?.session,
    );
    this.welcomePacket.send(socket, welcome);
  }

  handleDisconnect(socket: LiveSocket): void {
    this.metrics.connectedSockets.dec();
    const room = this.rooms.get(socket.data.room ?? LOBBY);
    if (!room) return;
    if (this.typists.stop(socket.id)) this.broadcaster.typing(socket, room, false);
    const { userId, name } = socket.data;
    const lastInRoom =
      userId !== undefined && room.people.leave(userId, socket.data.moderator === true);
    this.rooms.left(room);
    // Their last connection here: the name is held from now, or freed (IdentityService.left).
    if (lastInRoom && !this.isHere(userId)) {
      this.identities.left(userId, name, socket.data.returning === true).catch((error: unknown) => {
        this.logger.warn({ err: error, userId }, 'could not record when a person left');
      });
    }
  }

  @LiveEvent(EVENTS.click, clickRequestSchema)
  async click(socket: LiveSocket, request: ClickRequest): Promise<ClickResult> {
    // A click id is its person's: someone else's id counts as a click of its own.
    const id = request?.id && `${socket.data.userId ?? ''}/${request.id}`;
    const room = roomOf(this.rooms, socket);
    const count = await room.counter.click(id || undefined);
    this.broadcaster.clicked(room);
    return { ok: true, count };
  }

  @LiveEvent(EVENTS.message, messageRequestSchema)
  async message(socket: LiveSocket, input: MessageInput): Promise<MessageResult> {
    this.refuseIfMuted(socket);
    const room = roomOf(this.rooms, socket);
    const { message, created } = await this.chat.post(room.slug, actorOf(socket), input);
    // Durable before anyone sees it: a message's seq is never shown twice, even across a power cut.
    if (created) this.broadcaster.message(room, message);
    // Sending ends typing; say so, so nobody sees "… is typing" after the message.
    if (this.typists.stop(socket.id)) this.broadcaster.typing(socket, room, false);
    return { ok: true, message };
  }

  @LiveEvent(EVENTS.history, historyRequestSchema)
  async history(socket: LiveSocket, query: HistoryRequest): Promise<HistoryResult> {
    return { ok: true, messages: await this.chat.history(roomOf(this.rooms, socket).slug, query) };
  }

  @LiveEvent(EVENTS.messageEdit, messageEditRequestSchema)
  async editMessage(
    socket: LiveSocket,
    { id, text }: MessageEditRequest,
  ): Promise<MessageEditResult> {
    this.refuseIfMuted(socket);
    const room = roomOf(this.rooms, socket);
    const message = await this.chat.edit(room.slug, actorOf(socket), id, text);
    this.broadcaster.messageEdited(room, message);
    return { ok: true, message };
  }

  @LiveEvent(EVENTS.messageDelete, messageDeleteRequestSchema)
  async deleteMessage(
    socket: LiveSocket,
    { id }: MessageDeleteRequest,
  ): Promise<MessageDeleteResult> {
    const room = roomOf(this.rooms, socket);
    const deleted = await this.chat.delete(room.slug, actorOf(socket), id);
    if (deleted) {
      this.broadcaster.messageDeleted(room, id);
      this.logger.log(
        {
          socket: socket.id,
          room: room.slug,
          by: socket.data.userId,
          moderator: socket.data.moderator === true,
          message: id,
        },
        'message deleted',
      );
    }
    return { ok: true, id, deleted };
  }

  @LiveEvent(EVENTS.rename, renameRequestSchema)
  async rename(socket: LiveSocket, { name }: RenameRequest): Promise<RenameResult> {
    const userId = socket.data.userId;
    if (!userId) throw new ProtocolError(ERROR_CODES.INTERNAL, 'This connection has no identity');
    const { identity } = await this.identities.rename(userId, name, socket.data.moderator === true);
    this.renamedHere(userId, identity.name);
    this.broadcaster.renamed(userId, identity.name);
    return { ok: true, name: identity.name };
  }

  @LiveEvent(EVENTS.typing, typingRequestSchema)
  typing(socket: LiveSocket, typing: boolean): void {
    if (typing && this.mutes.remainingMs(socket.data.userId) > 0) return;
    this.typists.set(socket.id, typing);
    this.broadcaster.typing(socket, roomOf(this.rooms, socket), typing);
  }

  /** Every connection of this person on this instance speaks under `name` from now on, in every room. */
  private renamedHere(userId: string, name: string): void {
    for (const socket of this.server.of('/').sockets.values()) {
      if (socket.data.userId === userId) socket.data.name = name;
    }
    for (const room of this.rooms.all()) room.people.rename(userId, name);
  }

  /** Everyone with a connection here, once each, whichever rooms they are in. */
  private peopleHere(): Person[] {
    const people = new Map<string, Person>();
    for (const room of this.rooms.all())
      for (const person of room.people.local()) people.set(person.id, person);
    return [...people.values()];
  }

  /** True while the person has a connection here, in any room. */
  private isHere(userId: string): boolean {
    for (const room of this.rooms.all()) if (room.people.nameOf(userId) !== undefined) return true;
    return false;
  }

  private refuseIfMuted(socket: LiveSocket): void {
    const mutedMs = this.mutes.remainingMs(socket.data.userId);
    if (mutedMs === 0) return;
    const until = new Date(Date.now() + mutedMs).toISOString().slice(11, 16);
    throw new ProtocolError(
      ERROR_CODES.FORBIDDEN,
      `A moderator muted you until ${until} UTC`,
      mutedMs,
    );
  }

  /** Graceful shutdown, before sockets close: requests already sent finish and are acked. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.requests.drain(this.config.shutdownTimeoutMs / 2);
    // Everyone leaves holding the final count (this instance's clients: another instance may know a higher one).
    this.broadcaster.sendLatestCount();
  }
}
