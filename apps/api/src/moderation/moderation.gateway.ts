import { Logger, UseFilters, UseInterceptors } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  ERROR_CODES,
  EVENTS,
  counterResetRequestSchema,
  userMuteRequestSchema,
  userUnmuteRequestSchema,
  type CounterResetResult,
  type UserMuteRequest,
  type UserMuteResult,
  type UserUnmuteRequest,
  type UserUnmuteResult,
} from '@live/shared-events';
import { LiveBroadcaster } from '../broadcast/live-broadcaster';
import { IdentityService } from '../identity/identity.service';
import { MuteList } from '../identity/mute-list';
import { roomOf } from '../rooms/room-handshake';
import { RoomRegistry } from '../rooms/room-registry';
import { ProtocolError } from '../socket/protocol-error';
import type { LiveSocket } from '../socket/live-socket';
import { MetricsInterceptor } from '../socket/metrics.interceptor';
import { ProtocolExceptionFilter } from '../socket/protocol-exception.filter';
import { RequestTrackingInterceptor } from '../socket/request-tracker';
import { ZodValidationPipe } from '../socket/zod-validation.pipe';
import { ModeratorOnlyInterceptor } from './moderator-only';

/**
 * Moderators' events: reset the counter of the moderator's room, mute and unmute a person (in
 * every room). Everyone else gets FORBIDDEN. (Deleting a message is the live gateway's: its
 * author may too.)
 */
@WebSocketGateway()
@UseFilters(ProtocolExceptionFilter)
@UseInterceptors(MetricsInterceptor, RequestTrackingInterceptor, ModeratorOnlyInterceptor)
export class ModerationGateway {
  private readonly logger = new Logger('Moderation');

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly broadcaster: LiveBroadcaster,
    private readonly identities: IdentityService,
    private readonly mutes: MuteList,
  ) {}

  @SubscribeMessage(EVENTS.userMute)
  async mute(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody(new ZodValidationPipe(userMuteRequestSchema)) { userId, minutes }: UserMuteRequest,
  ): Promise<UserMuteResult> {
    const until = Date.now() + minutes * 60_000;
    const name = await this.nameOf(userId);
    await this.identities.mute(userId, until);
    this.mutes.set(userId, until);
    const untilIso = new Date(until).toISOString();
    this.broadcaster.muted(roomOf(this.rooms, socket), { userId, name, until: untilIso }, until);
    this.logger.log({ socket: socket.id, moderator: socket.data.name, userId, minutes }, 'muted');
    return { ok: true, userId, until: untilIso };
  }

  @SubscribeMessage(EVENTS.userUnmute)
  async unmute(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody(new ZodValidationPipe(userUnmuteRequestSchema)) { userId }: UserUnmuteRequest,
  ): Promise<UserUnmuteResult> {
    const name = await this.nameOf(userId);
    await this.identities.mute(userId, 0);
    this.mutes.set(userId, 0);
    this.broadcaster.muted(roomOf(this.rooms, socket), { userId, name }, 0);
    this.logger.log({ socket: socket.id, moderator: socket.data.name, userId }, 'unmuted');
    return { ok: true, userId };
  }

  /** The person's name, here or stored; NOT_FOUND for an id no one has. */
  private async nameOf(userId: string): Promise<string> {
    let name: string | undefined;
    for (const room of this.rooms.all()) name ??= room.people.find(userId)?.name;
    name ??= (await this.identities.find(userId))?.name;
    if (name === undefined) throw new ProtocolError(ERROR_CODES.NOT_FOUND, 'No person has this id');
    return name;
  }

  @SubscribeMessage(EVENTS.counterReset)
  async resetCounter(
    @ConnectedSocket() socket: LiveSocket,
    // Validated (it must be empty), never read.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    @MessageBody(new ZodValidationPipe(counterResetRequestSchema)) _request: unknown,
  ): Promise<CounterResetResult> {
    const room = roomOf(this.rooms, socket);
    const count = await room.counter.reset();
    this.broadcaster.counterReset(room, count);
    this.logger.log(
      { socket: socket.id, moderator: socket.data.name, room: room.slug },
      'counter reset',
    );
    return { ok: true, count };
  }
}
