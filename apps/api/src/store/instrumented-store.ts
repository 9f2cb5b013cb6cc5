import type { ChatMessage } from '@live/shared-events';
import type { LiveMetrics } from '../metrics/live-metrics';
import type {
  AppendResult,
  Identity,
  MessageDraft,
  MessageQuery,
  NameClaim,
  OnCommit,
  Store,
} from './store';

/** The operations of the port that talk to the storage; `close` is not one of them. */
type Operation = Exclude<keyof Store, 'close'>;

/**
 * The Store port, timed and with its failures counted per operation, over whichever adapter it
 * wraps. StoreModule hands this to everyone who asks for STORE. Rooms are not a label: anyone can
 * name a new one, so each would be a new series.
 */
export class InstrumentedStore implements Store {
  /** Each operation's series, looked up once rather than by its labels on every call. */
  private readonly timers = new Map<Operation, { startTimer(): () => void }>();

  constructor(
    private readonly store: Store,
    private readonly metrics: LiveMetrics,
  ) {}

  click(room: string, id?: string, onCommit?: OnCommit<number>): Promise<number> {
    return this.measure('click', () => this.store.click(room, id, onCommit));
  }

  count(room: string): Promise<number> {
    return this.measure('count', () => this.store.count(room));
  }

  append(room: string, draft: MessageDraft): Promise<AppendResult> {
    return this.measure('append', () => this.store.append(room, draft));
  }

  messages(room: string, query: MessageQuery): Promise<ChatMessage[]> {
    return this.measure('messages', () => this.store.messages(room, query));
  }

  delete(room: string, id: string): Promise<boolean> {
    return this.measure('delete', () => this.store.delete(room, id));
  }

  message(room: string, id: string): Promise<ChatMessage | undefined> {
    return this.measure('message', () => this.store.message(room, id));
  }

  edit(room: string, id: string, text: string, editedAt: string): Promise<ChatMessage | undefined> {
    return this.measure('edit', () => this.store.edit(room, id, text, editedAt));
  }

  identity(id: string): Promise<Identity | undefined> {
    return this.measure('identity', () => this.store.identity(id));
  }

  saveIdentity(identity: Identity, ttlMs: number): Promise<void> {
    return this.measure('saveIdentity', () => this.store.saveIdentity(identity, ttlMs));
  }

  claimName(key: string, identityId: string, holdUntil: number): Promise<NameClaim> {
    return this.measure('claimName', () => this.store.claimName(key, identityId, holdUntil));
  }

  releaseName(key: string, identityId: string): Promise<void> {
    return this.measure('releaseName', () => this.store.releaseName(key, identityId));
  }

  mute(identityId: string, until: number): Promise<void> {
    return this.measure('mute', () => this.store.mute(identityId, until));
  }

  mutedUntil(identityId: string): Promise<number> {
    return this.measure('mutedUntil', () => this.store.mutedUntil(identityId));
  }

  resetCounter(room: string): Promise<number> {
    return this.measure('resetCounter', () => this.store.resetCounter(room));
  }

  check(): Promise<void> {
    return this.measure('check', () => this.store.check());
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async measure<T>(operation: Operation, run: () => Promise<T>): Promise<T> {
    const stop = this.timer(operation).startTimer();
    try {
      return await run();
    } catch (error) {
      this.metrics.storeErrors.inc({ operation });
      throw error;
    } finally {
      stop();
    }
  }

  private timer(operation: Operation): { startTimer(): () => void } {
    let timer = this.timers.get(operation);
    if (!timer)
      this.timers.set(operation, (timer = this.metrics.storeSeconds.labels({ operation })));
    return timer;
  }
}
