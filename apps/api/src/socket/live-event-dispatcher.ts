import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ERROR_CODES } from '@live/shared-events';
import { LiveMetrics } from '../metrics/live-metrics';
import { describeIssues } from './describe-issues';
import { toErrorBody } from './error-body';
import { EventRateLimiter } from './event-rate-limiter';
import { LIVE_EVENT, type LiveEventDefinition } from './live-event';
import type { LiveSocket } from './live-socket';
import { ProtocolError } from './protocol-error';
import { RequestTracker } from './request-tracker';
import { sendFailure } from './send-failure';

/** One event's handler with what it goes through, and its metric series picked once. */
interface Route extends LiveEventDefinition {
  handle(socket: LiveSocket, input: unknown): unknown;
  succeeded: { inc(): void };
  timer: { startTimer(): () => void };
}

/** The data and the ack of an event's arguments, as Nest's IoAdapter reads them. */
function payloadOf(args: unknown[]): { data: unknown; ack: unknown } {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return { data: args.length > 1 ? args : args[0], ack: undefined };
  const size = args.length - 1;
  return { data: size === 1 ? args[0] : size === 0 ? undefined : args.slice(0, size), ack: last };
}

/**
 * Takes every inbound event to its `@LiveEvent` handler, through the same steps in the same order
 * for all: the rate limits, request tracking (for a graceful shutdown), the metrics, the
 * moderator check (before validation, so others learn nothing of the payload rules), the shared
 * schema, the handler, and its ack; a failure is answered in the protocol's shape (sendFailure),
 * and an unexpected one logged.
 *
 * One flat function per event instead of Nest's message pipeline (an RxJS chain of pipes,
 * interceptors and filters), which allocated about 30 KB per inbound event and cost a third of
 * the CPU of a click (docs/performance.md).
 */
@Injectable()
export class LiveEventDispatcher implements OnModuleInit {
  private readonly logger = new Logger('LiveGateway');
  /**
   * The one listener of every connection, for every event (set at init): Socket.IO calls a
   * catch-all listener with the socket as `this` and the event's name first, so a connection
   * holds one reference to it rather than a listener per event (memory per connection:
   * docs/performance.md).
   */
  private onEvent: (this: LiveSocket, event: string, ...args: unknown[]) => void = () => undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly limiter: EventRateLimiter,
    private readonly requests: RequestTracker,
    private readonly metrics: LiveMetrics,
  ) {}

  /** Finds the handlers once the app's providers exist, before it listens. */
  onModuleInit(): void {
    const routes = this.findRoutes();
    const dispatch = (route: Route, socket: LiveSocket, args: unknown[]) =>
      this.dispatch(route, socket, args);
    this.onEvent = function (this: LiveSocket, event: string, ...args: unknown[]) {
      const route = routes.get(event);
      if (route) void dispatch(route, this, args);
    };
  }

  /** Listens to a new connection's events (an event no handler takes is ignored, as before). */
  bind(socket: LiveSocket): void {
    socket.onAny(this.onEvent);
  }

  private async dispatch(route: Route, socket: LiveSocket, args: unknown[]): Promise<void> {
    const { data, ack } = payloadOf(args);
    const refusal = this.limiter.refusal(socket, route.event);
    if (refusal) return sendFailure(socket, ack, refusal);
    this.requests.started();
    const stopTimer = route.timer.startTimer();
    let result: unknown;
    try {
      if (route.moderatorOnly && socket.data.moderator !== true) {
        throw new ProtocolError(ERROR_CODES.FORBIDDEN, 'Only a moderator may do this');
      }
      const parsed = route.schema.safeParse(data);
      if (!parsed.success) {
        throw new ProtocolError(ERROR_CODES.VALIDATION, describeIssues(parsed.error.issues));
      }
      result = await route.handle(socket, parsed.data);
      stopTimer();
      route.succeeded.inc();
    } catch (error) {
      stopTimer();
      this.failed(route, socket, ack, error);
      return;
    } finally {
      this.requests.finished();
    }
    if (result !== undefined && result !== null && typeof ack === 'function') ack(result);
  }

  private failed(route: Route, socket: LiveSocket, ack: unknown, error: unknown): void {
    const body = toErrorBody(error);
    this.metrics.events.inc({ event: route.event, result: body.code });
    if (body.code === ERROR_CODES.RATE_LIMITED)
      this.metrics.rateLimited.inc({ event: route.event });
    if (body.code === ERROR_CODES.INTERNAL || body.code === ERROR_CODES.UNAVAILABLE) {
      this.logger.error({ socket: socket.id, event: route.event, err: error }, 'request failed');
    }
    sendFailure(socket, ack, body);
  }

  /** Every `@LiveEvent` method of every provider; two handlers for one event is a bug. */
  private findRoutes(): Map<string, Route> {
    const routes = new Map<string, Route>();
    for (const { instance } of this.discovery.getProviders()) {
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = prototype[name] as (socket: LiveSocket, input: unknown) => unknown;
        const definition = this.reflector.get<LiveEventDefinition | undefined>(LIVE_EVENT, method);
        if (!definition) continue;
        if (routes.has(definition.event)) {
          throw new Error(`Two handlers for the event ${definition.event}`);
        }
        const event = definition.event;
        routes.set(event, {
          ...definition,
          handle: method.bind(instance),
          succeeded: this.metrics.events.labels({ event, result: 'ok' }),
          timer: this.metrics.handlerSeconds.labels({ event }),
        });
      }
    }
    return routes;
  }
}
