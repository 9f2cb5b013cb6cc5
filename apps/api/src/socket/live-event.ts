import { SetMetadata } from '@nestjs/common';
import type { ClientToServerEvents } from '@live/shared-events';
import type { LiveSocket } from './live-socket';

/** A shared zod schema, as the dispatcher uses it. */
export interface EventSchema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}

export type InboundEvent = keyof ClientToServerEvents;

/** What an event's ack carries, or void for an event the protocol never acks. */
export type AckOf<E extends InboundEvent> = ClientToServerEvents[E] extends (
  payload: never,
  ack: (result: infer R) => void,
) => void
  ? R
  : void;

/** How an inbound event is to be taken: its schema, and who may send it. */
export interface LiveEventDefinition {
  event: InboundEvent;
  schema: EventSchema<unknown>;
  moderatorOnly: boolean;
}

export const LIVE_EVENT = 'live:event';

/**
 * Marks a provider's method as the handler of a protocol event (LiveEventDispatcher finds it):
 * it is called with the socket and the payload `schema` parsed, and what it returns is the ack.
 * The types tie the method to the protocol: its input is what the schema yields, its result what
 * the event's ack carries.
 */
export function LiveEvent<E extends InboundEvent, T>(
  event: E,
  schema: EventSchema<T>,
  options: { moderatorOnly?: boolean } = {},
) {
  const definition: LiveEventDefinition = {
    event,
    schema,
    moderatorOnly: options.moderatorOnly === true,
  };
  return <Handler extends (socket: LiveSocket, input: T) => AckOf<E> | Promise<AckOf<E>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<Handler>,
  ): void => {
    SetMetadata(LIVE_EVENT, definition)(target, key, descriptor);
  };
}
