import { Injectable, Logger } from '@nestjs/common';
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
import { LiveEvent } from '../socket/live-event';

/**
 * Moderators' events: reset the counter of the moderator's room, mute and unmute a person (in
 * every room). Everyone else gets FORBIDDEN. (Deleting a message is the live gateway's: its
 * author may too.)
 */
@Injectable()
export class ModerationGateway {
  private readonly logger = new Logger('Moderation');

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly broadcaster: LiveBroadcaster,
    private readonly identities: IdentityService,
    private readonly mutes: MuteList,
  ) {}

  @LiveEvent(EVENTS.userMute, userMuteRequestSchema, { moderatorOnly: true })
  async mute(socket: LiveSocket, { userId, minutes }: UserMuteRequest): Promise<UserMuteResult> {
    const until = Date.now() + minutes * 60_000;
    const name = await this.nameOf(userId);
    await this.identities.mute(userId, until);
    this.mutes.set(userId, until);
    const untilIso = new Date(until).toISOString();
    this.broadcaster.muted(roomOf(this.rooms, socket), { userId, name, until: untilIso }, until);
    this.logger.log({ socket: socket.id, moderator: socket.data.name, userId, minutes }, 'muted');
    return { ok: true, userId, until: untilIso };
  }

  @LiveEvent(EVENTS.userUnmute, userUnmuteRequestSchema, { moderatorOnly: true })
  async unmute(socket: LiveSocket, { userId }: UserUnmuteRequest): Promise<UserUnmuteResult> {
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

  @LiveEvent(EVENTS.counterReset, counterResetRequestSchema, { moderatorOnly: true })
  async resetCounter(
    socket: LiveSocket,
    // Validated (it must be empty), never read.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    _request: unknown,
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
